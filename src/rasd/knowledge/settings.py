"""Thresholds and weights of the rules, read from ``rasd/data/settings.yaml``.

Each section is a frozen dataclass below; loading checks that the file holds exactly the
declared settings, with values of the declared types, and names the file and the setting
when it does not.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, get_type_hints

from rasd.knowledge.files import data_file, read_yaml


class SettingsError(ValueError):
    """settings.yaml does not hold the settings the code declares."""


@dataclass(frozen=True)
class TextSettings:
    longest_sentence_tokens: int
    heading_words: int
    subheading_words: int
    gap_words: int


@dataclass(frozen=True)
class IngestSettings:
    identify_characters: int
    script_characters: int
    fewest_letters: int
    headline_min_words: int
    headline_max_characters: int
    headline_max_commas: int


@dataclass(frozen=True)
class ActorSettings:
    adjective_reach: int


@dataclass(frozen=True)
class DateSettings:
    recent_days: int
    a_few_weeks: dict[str, int]  # least, most
    a_few_months: dict[str, int]


@dataclass(frozen=True)
class EventSettings:
    recalled_after_days: int
    telling_reach: int
    widest_range_days: int
    lead_sentences: int
    date_line_share: float
    dateline_words: int
    notes_characters: int
    hypothetical_reach: dict[str, int]
    background_reach: int
    frame_opening_words: int
    explosives_reach: int
    captives_reach: int
    referred_reach: dict[str, int]
    one_act_reach: int
    killed_object_reach: int
    killed_agent_reach: int
    running_toll_reach: int
    known_act_target_reach: int
    pluperfect_particle_reach: int
    impact_negation_reach: int
    struck_from_afar: list[str]
    crowd_confrontation_countries: list[str]
    civilians_attackers: list[str]


@dataclass(frozen=True)
class PlacingSettings:
    same_place_km: float
    other_place_km: float
    other_site_km: float
    headline_km: float
    region_reach_km: float
    seat_reach: int
    quarter_of_city_km: float
    destination_reach: int
    list_gap: int
    place_ahead_reach: int
    specificity: dict[str, int]
    facility: int
    direction_penalty: int
    countryside_penalty: int


@dataclass(frozen=True)
class MergingSettings:
    date_slack_days: int
    told_later_days: int
    stray_main_mentions: int


@dataclass(frozen=True)
class RoleSettings:
    passive_marker_reach: int
    next_to_verb: int
    subject_reach: int
    noun_agent_before: int
    that_reach: int
    announced_reach: int
    agent_cue_reach: int
    between_reach: int
    clash_side_reach: int
    victim_reach: int
    target_after_actor: int
    attribution_reach: int
    affiliation_reach: int
    agent_reach: int
    agent_words: int
    claim_after_reach: int
    claim_before_reach: int
    accused_reach: int
    interceptor_characters: int


@dataclass(frozen=True)
class CasualtySettings:
    number_reach: int
    number_reach_after: int
    joined_victims: int
    first_year: int
    last_year: int


@dataclass(frozen=True)
class GeocodeSettings:
    qualifier_words: int
    cue_same_kind: float
    cue_settlement: float
    cue_point: float
    countryside_admin1: float
    relation_point: float
    sure_place: float
    dateline: float
    actor_country: float
    evidence_cap: float
    nearby_governorate: float
    nearby_characters: int
    near_km: float
    near_weight: float
    region_km: float
    region_weight: float
    neighbour_tokens: int
    neighbour_km: float
    reference_km: float
    namesake_km: float
    seat_km: float
    bearing_words: int
    distance_words: int
    told_off_radius_km: float


@dataclass(frozen=True)
class Settings:
    text: TextSettings
    ingest: IngestSettings
    actors: ActorSettings
    dates: DateSettings
    events: EventSettings
    placing: PlacingSettings
    merging: MergingSettings
    roles: RoleSettings
    casualties: CasualtySettings
    geocode: GeocodeSettings


def load_settings(data: dict[str, Any] | None = None) -> Settings:
    """The settings in ``data`` (by default the packaged settings.yaml)."""
    where = "settings"
    if data is None:
        source = data_file("settings.yaml")
        where, data = str(source), read_yaml(source)
    return _section(Settings, data, where)


def _section(cls: type, raw: Any, where: str) -> Any:
    if not isinstance(raw, dict):
        raise SettingsError(f"{where}: expected a mapping")
    hints = get_type_hints(cls)
    fields = {f.name for f in dataclasses.fields(cls)}
    if unknown := set(raw) - fields:
        raise SettingsError(f"{where}: unknown setting(s) {', '.join(sorted(unknown))}")
    if missing := fields - set(raw):
        raise SettingsError(f"{where}: missing setting(s) {', '.join(sorted(missing))}")
    values = {}
    for name in fields:
        kind, value = hints[name], raw[name]
        if isinstance(kind, type) and dataclasses.is_dataclass(kind):
            values[name] = _section(kind, value, f"{where}: {name}")
        elif kind is float and isinstance(value, int | float) and not isinstance(value, bool):
            values[name] = float(value)
        elif kind is int and isinstance(value, int) and not isinstance(value, bool):
            values[name] = value
        elif getattr(kind, "__origin__", None) is list and isinstance(value, list):
            if not all(isinstance(v, str) for v in value):
                raise SettingsError(f"{where}: {name}: expected a list of names")
            values[name] = list(value)
        elif getattr(kind, "__origin__", None) is dict and isinstance(value, dict):
            number = kind.__args__[1]
            if not all(isinstance(v, int | float) for v in value.values()):
                raise SettingsError(f"{where}: {name}: expected numbers")
            values[name] = {str(k): number(v) for k, v in value.items()}
        else:
            raise SettingsError(f"{where}: {name}: {value!r} is not {kind.__name__}")
    return cls(**values)


SETTINGS = load_settings()
