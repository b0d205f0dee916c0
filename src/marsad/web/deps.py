"""Request dependencies shared by the API and the pages: the corpus, filters, paging."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Request

from marsad.corpus import Corpus
from marsad.corpus.search import Filters
from marsad.corpus.views import EventFilters
from marsad.web import params
from marsad.web.errors import bad
from marsad.web.settings import WebSettings


def corpus(request: Request) -> Corpus:
    """The thread's read-only handle on the corpus."""
    return request.app.state.pool.reader()


def settings(request: Request) -> WebSettings:
    return request.app.state.settings


def event_filters(
    event_type: str | None = Query(None, description="ACLED event type, e.g. Battles"),
    sub_event_type: str | None = Query(None, description="ACLED sub-event type, e.g. Air/drone strike"),
    actor: str | None = Query(None, description="actor kb id or name"),
    place: str | None = Query(None, description="place kb id or name"),
    outlet: str | None = Query(None, description="outlet id or display name"),
    date_from: str | None = Query(None, description="YYYY-MM-DD, on the event's date"),
    date_to: str | None = Query(None, description="YYYY-MM-DD"),
    bbox: str | None = Query(None, description="west,south,east,north in degrees"),
    modality: str | None = Query("asserted", description="asserted (default), negated, ... or any"),
) -> EventFilters:
    """Event filters from the query string, validated."""
    mod = params.choice(modality or "asserted", "modality", params.MODALITIES)
    return EventFilters(
        event_type=params.choice(event_type, "event_type", params.EVENT_TYPES),
        sub_event_type=params.text_param(sub_event_type, "sub_event_type"),
        actor=params.text_param(actor, "actor"), place=params.text_param(place, "place"),
        outlet=params.text_param(outlet, "outlet"),
        date_from=params.date_param(date_from, "date_from"), date_to=params.date_param(date_to, "date_to"),
        bbox=params.bbox_param(bbox), modality=None if mod == "any" else mod)


def doc_filters(
    outlet: str | None = Query(None, description="outlet id or display name"),
    date_from: str | None = Query(None, description="YYYY-MM-DD, on the publication date"),
    date_to: str | None = Query(None, description="YYYY-MM-DD"),
    event_type: str | None = Query(None, description="documents with an event of this type or sub-type"),
    actor: str | None = Query(None, description="documents naming this actor (kb id or name)"),
    place: str | None = Query(None, description="documents naming this place (kb id or name)"),
) -> Filters:
    """Document filters (lists and search) from the query string, validated."""
    return Filters(outlet=params.text_param(outlet, "outlet"),
                   date_from=params.date_param(date_from, "date_from"),
                   date_to=params.date_param(date_to, "date_to"),
                   event_type=params.text_param(event_type, "event_type"),
                   actor=params.text_param(actor, "actor"), place=params.text_param(place, "place"))


def page(request: Request, limit: int | None = Query(None, description="page size (1..500)"),
         offset: int | None = Query(None, description="items to skip")) -> params.Page:
    settings = request.app.state.settings
    exporting = request.query_params.get("format") not in (None, "", "json")
    return params.page_param(limit, offset, most=settings.max_export if exporting else settings.max_page)


def export_format(format: str | None = Query(
        None, description="json (default) or an export: jsonl, acled-csv, geojson")) -> str:
    return params.choice(format, "format", params.FORMATS) or "json"


def export_cap(request: Request) -> int:
    """The most records one export streams: ``limit`` when the request gives one (1..max_export), else
    ``max_export``."""
    most = request.app.state.settings.max_export
    given = request.query_params.get("limit")
    if given is None:
        return most
    if not given.isdigit() or not 1 <= int(given) <= most:
        raise bad(f"limit: expected 1..{most} for an export")
    return int(given)


CorpusDep = Annotated[Corpus, Depends(corpus)]
SettingsDep = Annotated[WebSettings, Depends(settings)]
EventFiltersDep = Annotated[EventFilters, Depends(event_filters)]
DocFiltersDep = Annotated[Filters, Depends(doc_filters)]
PageDep = Annotated[params.Page, Depends(page)]
FormatDep = Annotated[str, Depends(export_format)]
CapDep = Annotated[int, Depends(export_cap)]
