"""The registry of named extraction and resolution rules, read from `data/rules.toml`.

Rules are named so that every event can say which readings of the parse made it, and so that
a rule can be scored on its own (`newsgraph evaluate --by-rule`): one that helps the
development set and hurts the held-out set shows up by name. The code asks for a rule by
name through `rule()`, which raises on a name the registry lacks (module constants at import,
the rest when first used; tests/test_rules.py checks every name), so the data file and the
code cannot drift apart silently."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

RULES_FILE = Path(__file__).with_name("data") / "rules.toml"


# The rules the code checks `enabled()` for; the loader refuses `enabled = false` on others,
# which would otherwise be ignored silently.
SWITCHABLE = frozenset({
    "action.light_verb", "action.particle", "action.verb_preposition", "action.verb", "action.unknown_verb",
    "action.protest_by_people", "action.foreign_measure", "source.purpose", "filter.learned",
    "action.object_mode", "source.lower_conjunct", "source.object_conjunct",
    "action.object_after_verb", "action.participle_on_object",
})


class RuleError(ValueError):
    """The rules file names a rule twice, lacks a field, or the code asks for an unknown rule."""


@dataclass(frozen=True)
class Rule:
    name: str  # "<stage>.<what it reads>": source.requestee, actor.sector_group
    summary: str
    factor: float = 1.0  # multiplies the confidence of what the rule produces
    enabled: bool = True  # off: kept in the registry, with the measurement that turned it off
    off_because: str = ""

    @property
    def stage(self) -> str:
        return self.name.split(".", 1)[0]


@cache
def _raw() -> dict:
    return tomllib.loads(RULES_FILE.read_text(encoding="utf-8"))


@cache
def _data() -> tuple[dict[str, Rule], dict[str, frozenset[str]]]:
    raw = _raw()
    registry: dict[str, Rule] = {}
    for entry in raw.get("rules", []):
        if set(entry) - {"name", "summary", "factor", "enabled", "off_because"} or not {"name", "summary"} <= set(entry):
            raise RuleError(f"{RULES_FILE}: rule {entry.get('name')!r} needs name and summary, and may have "
                            "factor, enabled and off_because")
        if not isinstance(entry.get("enabled", True), bool):
            raise RuleError(f"{RULES_FILE}: rule {entry['name']!r}: enabled must be true or false")
        if not 0 < float(entry.get("factor", 1.0)) <= 1:
            raise RuleError(f"{RULES_FILE}: rule {entry['name']!r}: factor must be in (0, 1]")
        if entry.get("enabled", True) is False and not entry.get("off_because"):
            raise RuleError(f"{RULES_FILE}: rule {entry['name']!r} is off: say why in off_because")
        if entry.get("enabled", True) is False and entry["name"] not in SWITCHABLE:
            raise RuleError(f"{RULES_FILE}: rule {entry['name']!r} cannot be turned off; "
                            f"these can: {sorted(SWITCHABLE)}")
        if entry["name"] in registry:
            raise RuleError(f"{RULES_FILE}: rule {entry['name']!r} is defined twice")
        registry[entry["name"]] = Rule(entry["name"], entry["summary"], float(entry.get("factor", 1.0)),
                                       bool(entry.get("enabled", True)), entry.get("off_because", ""))
    words = {key: frozenset(value) for key, value in raw.get("words", {}).items()}
    return registry, words


def registry() -> dict[str, Rule]:
    """Every rule, in the order the file lists them (by stage)."""
    return dict(_data()[0])


def rule(name: str) -> str:
    """The name of a registered rule; raises on a name the rules file does not define."""
    if name not in _data()[0]:
        raise RuleError(f"rule {name!r} is not in {RULES_FILE}")
    return name


def enabled(name: str) -> bool:
    """Whether the rule applies. A rule is turned off in the data file, with the figures that
    showed it does more harm than good, so that turning it on again is one edit."""
    return _data()[0][rule(name)].enabled


def factor(name: str) -> float:
    return _data()[0][rule(name)].factor


def words(key: str) -> frozenset[str]:
    """A word list of the rules file (`target_preps`, `reciprocal`, ...)."""
    try:
        return _data()[1][key]
    except KeyError:
        raise RuleError(f"word list {key!r} is not in {RULES_FILE}") from None


def descriptions() -> dict[str, tuple[tuple[str, ...], str | None]]:
    """Nouns that refer back to an actor named before ("the group", "the army"): the kinds
    of actor each may mean, and the role it gives a state."""
    return {noun: (tuple(entry["kinds"]), entry.get("role"))
            for noun, entry in _raw().get("descriptions", {}).items()}


def description_fallbacks() -> dict[str, tuple[str, ...]]:
    """The kinds a describing noun means only when none of its own kinds was named before."""
    return {noun: tuple(entry["otherwise"]) for noun, entry in _raw().get("descriptions", {}).items()
            if "otherwise" in entry}
