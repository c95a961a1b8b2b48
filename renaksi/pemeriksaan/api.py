"""The checker's entry points: check a plan, summarise, serialise.

    findings = check_plan(rencana_aksi)            # every rule, acknowledgements applied
    summary(findings)                              # {"error": n, "warning": n, "info": n} of open findings

The apps above the checker call it through this module: the importer (its preview and the `renaksi periksa`
command) and the RA document's appendix; they also name its `findings.Finding`. The plan editor shows findings
through the checker's own view (an HTMX panel), not by importing it. The checker imports no app above it
(tests/test_architecture.py).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from renaksi.perencanaan.models import RencanaAksi

from .findings import Acknowledgement, Finding, Severity
from .registry import RULES, Rule, all_rules
from .selectors import load_plan_snapshot
from .snapshot import PlanSnapshot


def rules() -> list[Rule]:
    """Every registered rule, in the order findings are listed."""
    return all_rules()


def check_snapshot(snapshot: PlanSnapshot, *, only: list[str] | None = None) -> list[Finding]:
    """Run every rule (or the rules whose ids are in `only`) on a snapshot; no database access."""
    findings: list[Finding] = []
    for r in all_rules():
        if only is None or r.id in only:
            findings.extend(r.run(snapshot))
    return findings


def check_plan(rencana_aksi: RencanaAksi | int, *, acknowledgements: bool = True) -> list[Finding]:
    """All findings on a plan, each marked acknowledged when a person acknowledged it with the same values."""
    if isinstance(rencana_aksi, int):
        plan_id, snapshot = rencana_aksi, load_plan_snapshot(rencana_aksi)
    else:
        plan_id, snapshot = rencana_aksi.pk, load_plan_snapshot(rencana_aksi.pk, rencana_aksi=rencana_aksi)
    findings = check_snapshot(snapshot)
    return apply_acknowledgements(plan_id, findings) if acknowledgements else findings


def apply_acknowledgements(rencana_aksi_id: int, findings: list[Finding]) -> list[Finding]:
    from .models import Pengakuan

    rows = {
        (p.rule, p.lokasi): p
        for p in Pengakuan.objects.filter(rencana_aksi_id=rencana_aksi_id).select_related("oleh")
    }
    result = []
    for f in findings:
        # By the row's kunci; an acknowledgement written before rows had one, by the database id.
        row = rows.get((f.rule, f.fingerprint)) or rows.get((f.rule, f.legacy_fingerprint))
        if row is None:
            result.append(f)
            continue
        ack = Acknowledgement(catatan=row.catatan, oleh=str(row.oleh) if row.oleh else "", waktu=row.waktu,
                              user_id=row.oleh_id)
        if row.nilai == f.values_fingerprint:
            result.append(dataclasses.replace(f, acknowledgement=ack))
        else:
            result.append(dataclasses.replace(f, acknowledgement_outdated=ack))
    return result


def open_findings(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if not f.acknowledged]


def summary(findings: list[Finding]) -> dict[str, int]:
    """Open (not acknowledged) findings per severity: {"error": n, "warning": n, "info": n}."""
    counts = {str(s): 0 for s in Severity}
    for f in findings:
        if not f.acknowledged:
            counts[str(f.severity)] += 1
    return counts


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Errors first, then warnings, then info; open before acknowledged; rule order kept within each."""
    return sorted(findings, key=lambda f: (f.acknowledged, f.severity.rank))


def to_json(findings: list[Finding]) -> dict[str, Any]:
    """The CLI's and the API's JSON: {"findings": [...], "summary": {...}}; numbers stay numbers."""
    return {"findings": [f.to_json() for f in findings], "summary": summary(findings)}


def title(finding: Finding) -> str:
    """The rule's Indonesian title (the id is for the docs link only)."""
    rule = RULES.get(finding.rule)
    return str(rule.title) if rule is not None else finding.rule


def place(finding: Finding) -> str:
    """Where a finding is, for people: 'Aksi 1.2. Sosialisasi …' (the label names the row's kind: `row_label`)."""
    return finding.location.label


def is_realisasi(finding: Finding) -> bool:
    return finding.rule.startswith("realisasi.")


def triwulan_of(finding: Finding) -> int | None:
    value = finding.values.get("triwulan")
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def relevant(findings: list[Finding], *, triwulan: int | None = None) -> list[Finding]:
    """The findings that a submission answers for: of the plan (`triwulan` None) every finding but the realisasi
    ones; of a triwulan report the realisasi findings of that triwulan or an earlier one (money spent beyond the pagu
    by TW II is still beyond it in TW III)."""
    if triwulan is None:
        return [f for f in findings if not is_realisasi(f)]
    return [f for f in findings if is_realisasi(f) and (triwulan_of(f) or 0) <= triwulan]


def blocking(findings: list[Finding], *, triwulan: int | None = None) -> list[Finding]:
    """The error-level findings, neither fixed nor acknowledged, that stand in the way of a submission."""
    return [f for f in relevant(findings, triwulan=triwulan) if f.severity == Severity.ERROR and not f.acknowledged]


def snapshot_rows(findings: list[Finding]) -> list[dict[str, Any]]:
    """Open findings as a submission records them (`models.Cuplikan.temuan`)."""
    return [{"fingerprint": f.fingerprint, "rule": f.rule, "severity": str(f.severity), "judul": title(f),
             "tempat": place(f), "pesan": f.message, "anchor": f.location.anchor}
            for f in findings if not f.acknowledged]


@dataclasses.dataclass(frozen=True)
class SinceSubmission:
    """What changed in the open findings since the latest submission: fingerprints of the new ones, and the rows
    (as recorded then) of those resolved since — fixed or acknowledged."""

    waktu: Any
    new: frozenset[str]
    resolved: list[dict[str, Any]]


def since_submission(findings: list[Finding], cuplikan) -> SinceSubmission | None:
    if cuplikan is None:
        return None
    before = cuplikan.fingerprints
    now = {f.fingerprint for f in findings if not f.acknowledged}
    return SinceSubmission(waktu=cuplikan.waktu, new=frozenset(now - before),
                           resolved=[t for t in cuplikan.temuan if t["fingerprint"] not in now])


def find(findings: list[Finding], fingerprint: str) -> Finding | None:
    return next((f for f in findings if f.fingerprint == fingerprint), None)


def rekey_acknowledgements(rencana_aksi: RencanaAksi, findings: list[Finding] | None = None) -> int:
    """Acknowledgements of a plan written under the old fingerprint (the object's database id) moved to the stable
    one (the object's kunci), so that they follow into a perubahan. One checker run; returns how many moved.
    Acknowledgements whose finding no longer appears stay as they are (they match nothing either way)."""
    from .models import Pengakuan

    rows = list(Pengakuan.objects.filter(rencana_aksi=rencana_aksi))
    if not rows:
        return 0
    if findings is None:
        findings = check_plan(rencana_aksi, acknowledgements=False)
    stable = {(f.rule, f.fingerprint) for f in findings}
    legacy = {(f.rule, f.legacy_fingerprint): f.fingerprint for f in findings}
    moved = 0
    for row in rows:
        new = legacy.get((row.rule, row.lokasi))
        if (row.rule, row.lokasi) in stable or new is None or new == row.lokasi:
            continue
        Pengakuan.objects.filter(pk=row.pk).update(lokasi=new)
        moved += 1
    return moved
