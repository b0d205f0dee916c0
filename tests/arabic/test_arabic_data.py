"""The language tables in kb/data/arabic: every entry checked, folded keys without clashes."""

from __future__ import annotations

import subprocess
import sys
from collections import defaultdict

import pytest
from arabic_strategies import mixed
from hypothesis import given, settings

import marsad.arabic as ar
from marsad.arabic import fold
from marsad.arabic._data import DATA_DIR, table
from marsad.arabic._qrules import modify

TABLES = ["normalization", "clitics", "numbers", "quantities", "dates", "sentences"]


@pytest.mark.parametrize("name", TABLES)
def test_tables_load(name: str) -> None:
    assert (DATA_DIR / f"{name}.yaml").is_file()
    assert table(name)


def test_no_stray_tables() -> None:
    assert sorted(p.stem for p in DATA_DIR.glob("*.yaml")) == sorted(TABLES)


def _clashes(groups: dict) -> dict[str, set]:
    seen: dict[str, set] = defaultdict(set)
    for key, forms in groups.items():
        for form in forms:
            seen[" ".join(fold(form).split())].add(key)
    return {k: v for k, v in seen.items() if len(v) > 1}


def test_months_complete_and_unambiguous() -> None:
    t = table("dates")
    for cal in ("gregorian", "hijri"):
        assert sorted(int(k) for k in t[cal]) == list(range(1, 13))
        assert _clashes(t[cal]) == {}
    names = {fold(f) for v in t["gregorian"].values() for f in v}
    assert {fold(f) for f in t["ambiguous_months"]} <= names
    assert sorted(int(k) for k in t["weekdays"]) == list(range(7))
    assert _clashes(t["weekdays"]) == {} and _clashes(t["relative_days"]) == {}
    assert _clashes(t["which"]) == {}


def test_date_parts() -> None:
    for name, part in table("dates")["parts"].items():
        assert part["words"], name
        lo, hi = part["month"]
        assert 1 <= lo <= hi <= 31
        lo, hi = part["year"]
        assert 1 <= lo <= hi <= 12
        lo, hi = part["week"]
        assert 1 <= lo <= hi <= 7
    lo, hi = table("dates")["year_range"]
    assert 1000 < lo < hi < 3000


def test_number_words_unique() -> None:
    t = table("numbers")
    groups: dict[str, list[str]] = {}
    for name in ("units", "tens", "hundreds"):
        for value, forms in t[name].items():
            groups[f"{name}:{value}"] = forms
    for value, kinds in t["scales"].items():
        for kind, forms in kinds.items():
            groups[f"scale:{value}:{kind}"] = forms
    groups["ten"] = t["ten"]
    groups["teen_one"] = t["teen_one"]
    assert _clashes(groups) == {}
    for value in t["units"]:
        assert 1 <= int(value) <= 9
    for value in t["tens"]:
        assert int(value) % 10 == 0 and 20 <= int(value) <= 90
    for value in t["hundreds"]:
        assert int(value) % 100 == 0


def test_quantity_tables() -> None:
    t = table("quantities")
    for entry in t["vague"]:
        assert 0 < entry["low"] <= entry["high"], entry
    assert set(t["modifiers"]) == {"approx", "more_than", "at_least", "less_than", "at_most"}
    seen: dict[str, str] = {}
    for kind, spec in t["modifiers"].items():
        for phrase in spec.get("before") or []:
            assert seen.setdefault(fold(phrase), kind) == kind, phrase
    for kind in t["modifiers"]:
        low, high, _ = modify(kind, 10, 10, False)
        assert low is None or high is None or low <= high


def test_clitic_tables() -> None:
    t = table("clitics")
    forms = [p["form"] for p in t["proclitics"]]
    assert len(forms) == len(set(forms))
    for p in t["proclitics"]:
        assert 0 < p["weight"] <= 1 and p["form"].startswith(p["strip"])
        assert not p.get("al") or p["form"].endswith(t["article"]) or p["form"].endswith("لل")
    for e in t["enclitics"]:
        assert 0 < e["weight"] <= 1
    assert t["min_stem"] >= 2


def test_normalisation_targets_are_fixed_points() -> None:
    t = table("normalization")
    for name, group in t.items():
        for key, value in group.items():
            if len(key) == 1 and value:
                assert fold(value) == fold(fold(value)), (name, key)


def test_public_api_names() -> None:
    for name in ("normalize", "fold", "Normalized", "tokens", "Token", "stems", "Stem", "sentences",
                 "parse_quantity", "find_quantities", "dual_value", "parse_date", "find_dates",
                 "find_date_spans"):
        assert name in ar.__all__ and hasattr(ar, name)


def test_import_is_cheap() -> None:
    code = ("import marsad.arabic, sys\n"
            "from marsad.arabic._data import table\n"
            "assert table.cache_info().currsize == 0\n"
            "assert 'yaml' not in sys.modules and 'hijridate' not in sys.modules\n")
    subprocess.run([sys.executable, "-c", code], check=True)


@given(mixed)
@settings(max_examples=200, deadline=None)
def test_every_public_function_accepts_any_text(text: str) -> None:
    ar.normalize(text).to_original(0, len(text))
    ar.fold(text)
    for tok in ar.tokens(text):
        tok.stems  # noqa: B018
    ar.stems(text)
    ar.sentences(text)
    ar.find_quantities(text, dual_nouns={"قتيل"})
    ar.parse_quantity(text)
    ar.dual_value(text)
    ar.find_dates(text)
    ar.parse_date(text)
    ar.find_date_spans(text)


def test_results_pickle_for_process_pools() -> None:
    import pickle

    n = ar.normalize("أَعلن  «قسد»")
    m = pickle.loads(pickle.dumps(n))
    assert m.text == n.text and m.to_original(0, 3) == n.to_original(0, 3)
    toks = ar.tokens("بالرقة 5")
    assert pickle.loads(pickle.dumps(toks)) == toks
    assert pickle.loads(pickle.dumps(ar.stems("بالرقة"))) == ar.stems("بالرقة")
    q = ar.find_quantities("نحو 30 قرية")
    assert pickle.loads(pickle.dumps(q)) == q


@pytest.mark.parametrize("name", TABLES)
def test_no_repeated_words_in_lists(name: str) -> None:
    def walk(node: object, path: str) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, f"{path}/{k}")
        elif isinstance(node, list):
            words = [x for x in node if isinstance(x, str)]
            assert len(words) == len(set(words)), path
            for x in node:
                walk(x, path)

    walk(table(name), name)
