"""An event as a row of ACLED's export: ACLED's columns, codes and names.

What the event record does not hold is looked up in data tables: the interaction codes of
each actor's kind (taxonomy.yaml), ISO 3166-1 numeric and alpha-3 codes
(export/iso3166.tsv), ACLED's regions and the rule for forces abroad (export/acled.yaml),
and outlets' names and source scales (export/outlets.yaml).

Columns rasd cannot fill honestly stay empty: ``assoc_actor_1``/``assoc_actor_2`` (rasd finds
no associated actors), ``admin3`` (the gazetteer has no third level), ``tags`` (rasd reads
none of what ACLED tags, such as crowd sizes), ``source_scale`` of an outlet not in the table.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

from rasd.io.identity import identity_key
from rasd.knowledge.files import data_file, read_data
from rasd.knowledge.taxonomy import TAXONOMY
from rasd.model import Actor, Document, Event

# ACLED's export columns, in ACLED's order.
ACLED_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]

_DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}


class ExportDataError(ValueError):
    """A data table of the export is missing or malformed."""


@dataclass(frozen=True)
class Outlet:
    name: str
    scale: str  # ACLED's source scale, "" where not clear


@dataclass(frozen=True)
class AcledTables:
    alpha3: dict[str, str]  # alpha-2 -> alpha-3
    numeric: dict[str, int]  # alpha-2 -> numeric
    region: dict[str, str]  # alpha-2 -> ACLED's region
    abroad: tuple[int, int]  # (the code of a state's forces, their code abroad)
    by_host: dict[str, Outlet]
    by_name: dict[str, Outlet]  # folded name or other name (outlets.yaml: also) -> outlet


@cache
def tables() -> AcledTables:
    """The export's data tables, read once."""
    source = data_file("export", "iso3166.tsv")
    try:
        rows = [
            line.split("\t")
            for line in source.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")
        ]
        alpha3 = {row[0]: row[1] for row in rows}
        numeric = {row[0]: int(row[2]) for row in rows}
    except (OSError, IndexError, ValueError) as err:
        raise ExportDataError(f"{source}: not a table of ISO 3166-1 codes ({err})") from None
    rules = read_data(data_file("export", "acled.yaml"), ExportDataError, "ACLED's codes")
    listed = read_data(data_file("export", "outlets.yaml"), ExportDataError, "news outlets")
    try:
        region = {iso: name for name, codes in rules["regions"].items() for iso in codes}
        abroad = (int(rules["abroad"]["inter"]), int(rules["abroad"]["becomes"]))
        outlets = [
            (
                Outlet(str(entry["name"]), str(entry.get("scale") or "")),
                [str(host) for host in entry["hosts"]],
                [str(entry["name"]), *map(str, entry.get("also") or [])],
            )
            for entry in listed["outlets"]
        ]
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        raise ExportDataError(f"export/acled.yaml or outlets.yaml: malformed ({err})") from None
    by_host = {host.lower(): outlet for outlet, hosts, _ in outlets for host in hosts}
    by_name = {_folded(name): outlet for outlet, _, names in outlets for name in names}
    return AcledTables(alpha3, numeric, region, abroad, by_host, by_name)


def _folded(name: str) -> str:
    return " ".join(name.casefold().split())


def inter_code(actor: Actor | None, country: str | None) -> int | None:
    """ACLED's interaction code of an actor in an event in ``country``: its kind's code,
    a state's forces abroad being external forces; None for no actor or an unknown kind."""
    traits = TAXONOMY.kind(actor.kind) if actor is not None else None
    if actor is None or traits is None:
        return None
    state, abroad = tables().abroad
    if traits.inter == state and actor.country and country and actor.country != country:
        return abroad
    return traits.inter


def interaction(inter1: int | None, inter2: int | None, has_actor2: bool) -> int | None:
    """The two codes joined, the smaller first (17), or one code times ten with no actor2
    (10); None where a code is unknown."""
    if inter1 is None:
        return None
    if not has_actor2:
        return inter1 * 10
    if inter2 is None:
        return None
    return int(f"{min(inter1, inter2)}{max(inter1, inter2)}")


def _host(url: str | None) -> str:
    host = (urlsplit(url).hostname or "") if url else ""
    return host.removeprefix("www.")


def outlet_of(document: Document) -> Outlet | None:
    """The outlet that published the document: a listed outlet by its URL's host (or a host
    above it), else by the name the page or record gives; else that name, else the host."""
    found = tables()
    host = _host(document.url)
    parts = host.split(".")
    for start in range(len(parts) - 1):
        if outlet := found.by_host.get(".".join(parts[start:])):
            return outlet
    if document.outlet:
        return found.by_name.get(_folded(document.outlet), Outlet(document.outlet, ""))
    return Outlet(host, "") if host else None


def acled_row(event: Event, document: Document, number: int, timestamp: int) -> dict[str, object]:
    """The CSV row of an event, the ``number``-th of its document, extracted at ``timestamp``
    (Unix time)."""
    found = tables()
    loc = event.location
    alpha2 = loc.iso if loc and loc.iso else ""
    country = loc.country if loc else None
    civilian = bool(event.actor2 and event.actor2.name.startswith("Civilians"))
    inter1 = inter_code(event.actor1, country)
    inter2 = inter_code(event.actor2, country)
    joint = interaction(inter1, inter2, event.actor2 is not None)
    outlet = outlet_of(document)
    key = identity_key(document.identity or document.doc_id)
    return {
        "event_id_cnty": f"{found.alpha3.get(alpha2, 'XXX')}-{key}-{number}",
        "event_date": event.date_from.isoformat() if event.date_from else "",
        "year": event.date_from.year if event.date_from else "",
        "time_precision": event.time_precision,
        "disorder_type": _DISORDER.get(event.event_type, ""),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1.name if event.actor1 else "",
        "assoc_actor_1": "",
        "inter1": "" if inter1 is None else inter1,
        "actor2": event.actor2.name if event.actor2 else "",
        "assoc_actor_2": "",
        "inter2": "" if inter2 is None else inter2,
        "interaction": "" if joint is None else joint,
        "civilian_targeting": "Civilian targeting" if civilian else "",
        "iso": found.numeric.get(alpha2, ""),
        "region": found.region.get(alpha2, ""),
        "country": country or "",
        "admin1": loc.admin1 if loc else "",
        "admin2": loc.admin2 if loc else "",
        "admin3": "",
        "location": loc.name if loc else "",
        "latitude": loc.lat if loc else "",
        "longitude": loc.lon if loc else "",
        "geo_precision": loc.geo_precision if loc else "",
        "source": outlet.name if outlet else "",
        "source_scale": outlet.scale if outlet else "",
        "notes": event.notes,
        "fatalities": event.fatalities,
        "tags": "",
        "timestamp": timestamp,
    }
