"""The rule registry: each checker rule is a small pure function registered under a stable id.

    @rule("pagu.rollup_mismatch", severity=Severity.ERROR, title=_("…"), message=_("… {nama} …"))
    def pagu_rollup_mismatch(plan: PlanSnapshot) -> Iterator[Hit]:
        '''What it checks, units and edge cases.'''
        yield Hit(location=..., values={"expected": ..., ...}, params={"nama": ...})

A rule reads only the `PlanSnapshot` and yields `Hit`s; the engine renders the message from the rule's template
and the hit's `params`, and gives the finding the rule's severity unless the hit says otherwise (a missing schedule
that the text copy could not show is `info`, not `warning`). Every rule has a page `docs/pemeriksaan/<id>.md`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.utils.functional import Promise

from .findings import Finding, Location, Severity
from .snapshot import PlanSnapshot


@dataclass(frozen=True)
class Hit:
    location: Location
    values: dict[str, Any] = field(default_factory=dict)
    params: dict[str, Any] = field(default_factory=dict)
    key: str = ""
    severity: Severity | None = None
    stable_key: str | None = None  # `key` without database ids, when `key` holds one (see Finding.stable_key)


RuleFunction = Callable[[PlanSnapshot], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    title: str | Promise
    message: str | Promise
    function: RuleFunction

    @property
    def doc(self) -> str:
        return (self.function.__doc__ or "").strip()

    def run(self, plan: PlanSnapshot) -> list[Finding]:
        findings = []
        for hit in self.function(plan):
            params = {**hit.values, **hit.params}
            findings.append(Finding(
                rule=self.id,
                severity=hit.severity or self.severity,
                message=str(self.message).format(**params).strip(),
                location=hit.location,
                values=hit.values,
                key=hit.key,
                stable_key=hit.stable_key,
            ))
        return findings


RULES: dict[str, Rule] = {}


def rule(rule_id: str, *, severity: Severity, title: str | Promise, message: str | Promise
         ) -> Callable[[RuleFunction], RuleFunction]:
    def register(function: RuleFunction) -> RuleFunction:
        if rule_id in RULES and RULES[rule_id].function is not function:
            raise ValueError(f"rule {rule_id} registered twice")
        RULES[rule_id] = Rule(rule_id, severity, title, message, function)
        return function

    return register


# The order findings are listed in: budget first, then targets, PK, texts, aksi, realisasi.
SUBJECT_ORDER = ("pagu", "target", "pk", "sasaran", "subkegiatan", "aksi", "realisasi")


def all_rules() -> list[Rule]:
    from . import aturan  # noqa: F401  (registers every rule module)

    def order(r: Rule) -> int:  # within a subject, the order the rules are defined in their module
        subject = r.id.split(".", 1)[0]
        return SUBJECT_ORDER.index(subject) if subject in SUBJECT_ORDER else len(SUBJECT_ORDER)

    return sorted(RULES.values(), key=order)
