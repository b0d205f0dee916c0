"""People introduced by titles and roles, known to the knowledge base or not.

A rank ("العقيد") is followed by a name.  A role head ("المتحدث الرسمي"، "قائد"،
"الممثل") opens a role phrase that runs over its complement -- connectors
("باسم"، "لـ"، "في"), organisations and places, adjectives with the article,
the first noun of a construct -- and is followed by the name, or by a rank and
then the name, or a name in parentheses or between commas; failing that the
name may stand just before the role ("(طلعت يونس) الرئيس المشترك ...", "كينو
كبرييل الناطق ...").  A bare role noun later ("وأضافت المتحدثة") refers to the
last person introduced with that role.

A name is 1-3 units (a particle binds the next word: "أبو خولة"، "عبد الرحمن"),
two unless the second is a known first name; it ends at punctuation, a stop
word, another entity or a title.  Where no rank, parentheses or known first
name vouches for it, a name needs two units and may not begin with the article
or a proclitic letter.  Names the KB knows become mentions of the KB person,
who gets the role; others become people with ``kb_id`` None.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from marsad.extract.entities.lexicon import DEFINITE, Lexicon, key
from marsad.extract.entities.matcher import Hit
from marsad.extract.entities.names import NameHit
from marsad.extract.entities.view import DocView, Tokens

INTRODUCERS = frozenset(("rank", "intro"))
WINDOW_BEFORE, WINDOW_AFTER = 80, 200   # characters around a title where its person may be named
MAX_STEPS = 10       # tokens a role phrase's complement may run over
MAX_UNITS = 3
MAX_PAREN = 4
PROCLITIC_LETTERS = "وفبلك"
QUOTES = "\"'«»"
CLOSERS = (",", ":", "(", ".", "|")
POSSESSIVE = ("ها", "هم", "هما", "هن", "كم")     # not "نا": رنا، لينا are names


@dataclass(slots=True)
class Person:
    """A person found through a title: ``[start, end)`` of the name, and the role phrase."""

    start: int
    end: int
    ref: str
    role: str | None
    how: str
    affiliation: str | None = None
    from_rank: bool = False


@dataclass
class _Doc:
    """Tokens around the titles, with the name hit and title hit covering each."""

    view: DocView
    tokens: Tokens
    mention: list[NameHit | None] = field(default_factory=list)
    title: list[Hit | None] = field(default_factory=list)

    def __post_init__(self) -> None:
        # the token columns (see :class:`~.view.Tokens`), and how many tokens there are
        self.starts, self.ends = self.tokens.starts, self.tokens.ends
        self.texts, self.kinds = self.tokens.texts, self.tokens.kinds
        self.size = len(self.starts)

    def index(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect_right(self.starts, offset - 1)


def find_people(view: DocView, titles: list[Hit], names: list[NameHit]) -> list[Person]:
    """Every person a title or role introduces, in text order."""
    if not titles:
        return []
    d = _Doc(view, view.tokens_near([(t.start, t.end) for t in titles], WINDOW_BEFORE, WINDOW_AFTER))
    d.mention, d.title = _cover(d, names), _cover(d, titles)
    people: list[Person] = []
    for t in titles:
        p = _after_rank(d, t) if t.has(INTRODUCERS) else _for_role(d, t, people)
        if p is not None:
            _merge(people, p)
    return people


def _merge(people: list[Person], p: Person) -> None:
    """Add ``p``, or give its role to the person already found at the same place."""
    for q in people:
        if (q.start, q.end) == (p.start, p.end):
            if p.role and (q.role is None or (q.from_rank and not p.from_rank)):
                q.role, q.from_rank, q.affiliation = p.role, p.from_rank, p.affiliation or q.affiliation
            return
    people.append(p)


def _cover(d: _Doc, items: list) -> list:
    """For each token, the item overlapping it (items sorted, non-overlapping)."""
    out: list = [None] * d.size
    starts, ends = d.starts, d.ends
    for item in items:
        i = bisect_right(starts, item.start - 1)     # d.index(item.start)
        if i > 0 and ends[i - 1] > item.start:
            i -= 1
        while i < len(out) and starts[i] < item.end:
            out[i] = item
            i += 1
    return out


def _is_person(d: _Doc, ref: str | None) -> bool:
    actor = d.view.kb.actors.get(ref or "")
    return actor is not None and actor.type == "person"


def _role_text(d: _Doc, start: int, end: int) -> str:
    return d.view.span(start, end).text


def _after_rank(d: _Doc, t: Hit) -> Person | None:
    if t.of_kind("intro") and _role_text(d, t.start, t.end).endswith("ي"):
        return None          # "يدّعي" (claims) folds like the introducer "يدعى" (is named)
    j = d.index(t.end)
    found = _quoted(d, j) or _named_at(d, j)
    if found is None:
        return None
    p = found if isinstance(found, Person) else _person(d, found, None, "role")
    p.from_rank = True
    p.role = _role_text(d, t.start, t.end) if t.of_kind("rank") else None
    return p


def _quoted(d: _Doc, j: int) -> tuple[int, int] | None:
    """A name in quotation marks opening at token ``j`` ("المدعو «X Y»").

    The words between the marks may include a place name ("«جوان كوباني»"), not a title.
    """
    texts, size = d.texts, d.size
    if j >= size or texts[j] not in QUOTES:
        return None
    k = j + 1
    while k < size and k - j <= MAX_UNITS + 1 and d.kinds[k] == "word" and d.title[k] is None:
        k += 1
    if k == j + 1 or k >= size or texts[k] not in QUOTES or k - j > MAX_UNITS + 1:
        return None
    first = texts[j + 1]
    if d.view.bares.stop_words.get(first) is not None or first.startswith(DEFINITE):
        return None
    return j + 1, k - 1


def _named_at(d: _Doc, j: int, closed: bool = False) -> Person | tuple[int, int] | None:
    """The KB person mentioned at token ``j``, or the token range of a new name there.

    With ``closed`` (a name set off by commas) the name must end at punctuation.
    """
    m = d.mention[j] if j < len(d.mention) else None
    if m is not None and _is_person(d, m.ref):
        return Person(m.start, m.end, str(m.ref), None, "match")
    found = _name_at(d, j, strong=True)
    if found is not None and closed and not _closes(d, found[1] + 1):
        return None
    return found


def _person(d: _Doc, tokens: tuple[int, int], role: str | None, how: str,
            affiliation: str | None = None) -> Person:
    start, end = d.starts[tokens[0]], d.ends[tokens[1]]
    return Person(start, end, "?" + d.view.text[start:end], role, how, affiliation)


def _name_at(d: _Doc, j: int, strong: bool) -> tuple[int, int] | None:
    """Token range of a name starting at token ``j``.

    A vouched-for name closed by punctuation (",", ":", "(", ".") may have up to
    :data:`MAX_UNITS` units; otherwise two, or three when the second is a first name.
    """
    closed = _units(d, j, True, MAX_UNITS)
    if closed and _closes(d, closed[-1][1] + 1) and (strong or len(closed) > 1):
        return closed[0][0], closed[-1][1]
    units = _units(d, j, strong, 2, extend=True)
    if not units or (not strong and not _plausible(d, units)):
        return None
    return units[0][0], units[-1][1]


def _plausible(d: _Doc, units: list[tuple[int, int]]) -> bool:
    """Two units nothing vouches for: closed by punctuation, or plain words before a stop word.

    Plain: no unit begins with the article or و, and the first does not end in ة.
    """
    if len(units) < 2:
        return False
    after = units[-1][1] + 1
    if _closes(d, after):
        return True
    words = [d.texts[a] for a, _ in units]
    plain = not any(w.startswith((DEFINITE, "و")) for w in words) and not words[0].endswith("ه")
    stop = after < d.size and d.view.bares.stop_words.get(d.texts[after]) is not None
    return plain and stop


def _units(d: _Doc, j: int, strong: bool, most: int, extend: bool = False) -> list[tuple[int, int]]:
    """Name units from token ``j``; with ``extend`` a known first name as second unit allows a third."""
    lex, texts, kinds = d.view.lex, d.texts, d.kinds
    units: list[tuple[int, int]] = []
    k = j
    while k < d.size and len(units) < most:
        text = texts[k]
        if kinds[k] != "word" or d.mention[k] is not None or d.title[k] is not None:
            break
        if d.view.bares.stop_words.get(text) is not None:
            break
        if not units and (text.startswith(DEFINITE) or not _may_begin_name(d, text) or
                          (not strong and text[0] in PROCLITIC_LETTERS)):
            return []
        bound = text in lex.particles and k + 1 < d.size and kinds[k + 1] == "word"
        units.append((k, k + 1 if bound else k))
        k += 2 if bound else 1
        if extend and len(units) == 2 and texts[units[1][0]] in lex.given_names:
            most = MAX_UNITS
    return units


def _may_begin_name(d: _Doc, word: str) -> bool:
    """Not a common noun of ``not_names`` ("شؤون"), nor a word with a possessive pronoun ("قلقها")."""
    lex = d.view.lex
    if word in lex.given_names or word in lex.particles:
        return True
    return d.view.bares.not_names.get(word) is None and not (len(word) > 3 and word.endswith(POSSESSIVE))


def _first_name(lex: Lexicon, word: str) -> bool:
    """A known first name, a name particle, or a joined عبد name ("عبدالرحمن")."""
    return word in lex.given_names or word in lex.particles or (word.startswith("عبد") and len(word) > 5)


def _closes(d: _Doc, k: int) -> bool:
    """Token ``k`` is punctuation that closes a name (end of text included)."""
    return k >= d.size or d.texts[k] in CLOSERS


def _paren(d: _Doc, j: int, step: int) -> tuple[int, int] | None:
    """Word tokens between parentheses opening (step 1) or closing (step -1) at token ``j``."""
    close = ")" if step > 0 else "("
    k = j + step
    while 0 <= k < d.size and d.kinds[k] == "word" and abs(k - j) <= MAX_PAREN:
        k += step
    if not (0 <= k < d.size) or d.texts[k] != close or abs(k - j) < 2:
        return None
    return (j + 1, k - 1) if step > 0 else (k + 1, j - 1)


def _for_role(d: _Doc, t: Hit, people: list[Person]) -> Person | None:
    found, role_end, affiliation = _complement(d, t)
    role = _role_text(d, t.start, role_end)
    if isinstance(found, Person):
        found.role, found.affiliation = role, affiliation
        return found
    if isinstance(found, _Weak):
        before = _before(d, t, role, people, affiliation)
        return before or _person(d, found.tokens, role, "role", affiliation)
    if found is not None:
        return _person(d, found, role, "role", affiliation)
    before = _before(d, t, role, people, affiliation)
    if before is None and role_end == t.end:
        return _role_coref(d, t, people)
    return before


def _role_coref(d: _Doc, t: Hit, people: list[Person]) -> Person | None:
    """A bare role noun ("وأضافت المتحدثة") for the last person introduced with that role."""
    head = d.view.text[t.start:t.end]
    for p in reversed(people):
        if p.start < t.start and p.role and not p.from_rank and key(p.role).startswith(head):
            return Person(t.start, t.end, p.ref, None, "coref")
    return None


@dataclass(frozen=True, slots=True)
class _Weak:
    """A name after a role that nothing but its shape vouches for."""

    tokens: tuple[int, int]


def _complement(d: _Doc, t: Hit) -> tuple[Person | tuple[int, int] | _Weak | None, int, str | None]:
    """Walk the role's complement: (the name after it, where the role phrase ends, its organisation)."""
    view, lex = d.view, d.view.lex
    texts = d.texts
    j, role_end, consumed, affiliation = d.index(t.end), t.end, False, None
    quoted = False
    steps = 0
    while j < d.size and steps < MAX_STEPS:
        steps += 1
        word, m = texts[j], d.mention[j]
        if m is not None and m.ref is not None and _is_person(d, m.ref):
            return Person(m.start, m.end, m.ref, None, "match"), role_end, affiliation
        if m is not None:
            role_end, consumed = max(role_end, m.end), True
            affiliation = affiliation or _organisation(d, m.ref)
            j = d.index(m.end)
            continue
        if word in QUOTES:
            quoted = not quoted
            if not quoted and consumed:
                role_end = max(role_end, d.ends[j])
            j += 1
            continue
        if word == ",":
            return _named_at(d, j + 1, closed=True), role_end, affiliation
        if d.kinds[j] == "punct":
            return _paren_name(d, j), role_end, affiliation
        title = d.title[j]
        if title is not None and title is not t:
            after = _named_at(d, d.index(title.end)) if title.has(INTRODUCERS) else None
            return after, role_end, affiliation
        if view.bares.connectors.get(word) is not None and not word.startswith(DEFINITE):
            j += 1
            continue
        if view.bares.stop_words.get(word) is not None:
            return None, role_end, affiliation
        if _first_name(lex, word):
            return _name_at(d, j, strong=True), role_end, affiliation
        if consumed and not word.startswith(DEFINITE):
            weak = _name_at(d, j, strong=False)
            if weak is not None:
                return _Weak(weak), role_end, affiliation
        if not (word.startswith(DEFINITE) or word[0] in PROCLITIC_LETTERS or not consumed
                or _construct(d, j)):
            return None, role_end, affiliation
        role_end, consumed = d.ends[j], True
        j += 1
    return None, role_end, affiliation


def _construct(d: _Doc, j: int) -> bool:
    """Token ``j`` heads a construct: the next token is an entity or has the article."""
    if j + 1 >= d.size:
        return False
    return d.mention[j + 1] is not None or (d.kinds[j + 1] == "word" and d.texts[j + 1].startswith(DEFINITE))


def _organisation(d: _Doc, ref: str | None) -> str | None:
    actor = d.view.kb.actors.get(ref or "")
    return actor.id if actor is not None and actor.type == "organization" else None


def _paren_name(d: _Doc, j: int) -> Person | tuple[int, int] | None:
    """A name in parentheses opening at token ``j`` (None for other punctuation)."""
    if d.texts[j] != "(":
        return None
    group = _paren(d, j, 1)
    return _group_name(d, group) if group else None


def _group_name(d: _Doc, group: tuple[int, int]) -> Person | tuple[int, int] | None:
    a, b = group
    m = d.mention[a]
    if m is not None:
        return Person(m.start, m.end, str(m.ref), None, "match") if _is_person(d, m.ref) else None
    if any(d.mention[k] is not None or d.title[k] is not None for k in range(a, b + 1)):
        return None
    found = _name_at(d, a, strong=True)
    return (a, b) if found is not None and found[1] == b else None


def _before(d: _Doc, t: Hit, role: str, people: list[Person], affiliation: str | None) -> Person | None:
    """The person named just before the role (a name in parentheses, a KB person, a given name)."""
    texts = d.texts
    i = d.index(t.start)
    if i > 0 and d.ends[i - 1] > t.start:
        i -= 1
    j = i - 1
    if j >= 0 and texts[j] in ",،":
        j -= 1
    if j < 0:
        return None
    if people and people[-1].end == d.ends[j]:
        prev = people[-1]
        if prev.role is None or prev.from_rank:
            prev.role, prev.from_rank, prev.affiliation = role, False, affiliation
        return None
    m = d.mention[j]
    if m is not None:
        return Person(m.start, m.end, str(m.ref), role, "match", affiliation) \
            if _is_person(d, m.ref) else None
    if texts[j] == ")":
        group = _paren(d, j, -1)
        found = _group_name(d, group) if group else None
        if isinstance(found, Person):
            found.role, found.affiliation = role, affiliation
            return found
        return _person(d, found, role, "role", affiliation) if found else None
    return _given_before(d, j, role, affiliation)


def _given_before(d: _Doc, j: int, role: str, affiliation: str | None) -> Person | None:
    """Two or three words ending at token ``j`` that begin with a known first name."""
    lex, texts = d.view.lex, d.texts
    for size in (2, 3):
        a = j - size + 1
        if a < 0 or texts[a] not in lex.given_names:
            continue
        found = _name_at(d, a, strong=True)
        if found is not None and found[1] == j:
            return _person(d, found, role, "role", affiliation)
    return None
