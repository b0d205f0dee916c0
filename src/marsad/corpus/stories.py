"""Stories: incidents reported together as news, and every article that reports them.

A merged incident is *news* for an article when its date lies within :data:`NEWS_WINDOW_DAYS` before the
article's publication (or it is undated); otherwise the article mentions it as *background*. Incidents
that are news in the same article belong to the same story. An article belongs to every story whose
incidents it reports, as news or as background, so a 2023 article recalling the October 2017 capture of
Raqqa joins that story without merging it with the 2023 news. Near-duplicate copies follow their group.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from marsad.corpus.disjoint import DisjointSet
from marsad.corpus.incidents import EventRow

NEWS_WINDOW_DAYS = 10


def short_id(prefix: str, seed: str) -> str:
    return prefix + hashlib.sha1(seed.encode("utf-8")).hexdigest()[:10]


@dataclass
class Story:
    id: str
    incidents: list[str] = field(default_factory=list)          # merged incident ids
    members: dict[str, str] = field(default_factory=dict)       # doc id -> "news" | "background"


def is_news(event: EventRow, published: date | None) -> bool:
    if published is None:
        return True
    earliest = published - timedelta(days=NEWS_WINDOW_DAYS)
    return earliest <= event.end and event.start <= published + timedelta(days=1)


def build_stories(incidents: Sequence[tuple[str, list[EventRow]]], published: dict[str, date | None],
                  duplicates: dict[str, str]) -> list[Story]:
    """Stories from ``(incident id, member events)`` pairs; ``duplicates`` maps a copy to its group."""
    sets: DisjointSet[str] = DisjointSet(i for i, _ in incidents)
    news_of_doc: dict[str, list[str]] = {}
    for incident_id, events in incidents:
        for e in events:
            if is_news(e, published.get(e.doc_id)):
                news_of_doc.setdefault(e.doc_id, []).append(incident_id)
    for ids in news_of_doc.values():
        for other in ids[1:]:
            sets.union(ids[0], other)
    by_id = dict(incidents)
    stories = []
    for group in sets.groups():
        story = Story(short_id("s", min(group)), sorted(group))
        for incident_id in group:
            for e in by_id[incident_id]:
                role = "news" if is_news(e, published.get(e.doc_id)) else "background"
                if story.members.get(e.doc_id) != "news":
                    story.members[e.doc_id] = role
        for copy, first in duplicates.items():
            if first in story.members and copy not in story.members:
                story.members[copy] = story.members[first]
        stories.append(story)
    return stories
