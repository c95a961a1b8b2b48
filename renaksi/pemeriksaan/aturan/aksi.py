"""Rules on the aksi: sub kegiatan without aksi, aksi without schedule, output or PJ, numbering gaps."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator

from django.utils.translation import gettext_lazy as _

from ..findings import Severity
from ..registry import Hit, rule
from ..snapshot import AksiData, PlanSnapshot
from .common import rp

# The importer keeps one Provenance row `field="jadwal"` per aksi it writes: `teks` the months as read ("Jan, Feb",
# "" when none), `catatan` saying why the source could not show them (a text copy loses shaded month cells).
SCHEDULE_FIELDS = ("jadwal",)


@rule(
    "subkegiatan.without_aksi",
    severity=Severity.WARNING,
    title=_("Sub kegiatan berpagu tanpa aksi"),
    message=_("{apa} berpagu {pagu_rp} tetapi tidak memiliki aksi: rencana aksinya tidak menjelaskan apa yang akan "
              "dikerjakan dengan anggaran itu."),
)
def subkegiatan_without_aksi(plan: PlanSnapshot) -> Iterator[Hit]:
    """A sub kegiatan with a pagu above 0 and no aksi at all.

    When the whole plan has no aksi (a plan that is only a target matrix, like the Bangka seed), one finding is
    given for the plan instead of one per sub kegiatan. Values: `pagu` (the sub kegiatan's, or the total of those
    without aksi) and, for the plan-wide finding, `sub_kegiatan` (how many).
    """
    without = [s for s in plan.sub_kegiatan if s.pagu and not plan.aksi_by_sub_kegiatan.get(s.id)]
    if not without:
        return
    if not plan.aksi:
        total = sum(s.pagu or 0 for s in without)
        yield Hit(location=plan.plan_location(), values={"sub_kegiatan": len(without), "pagu": total},
                  params={"apa": str(_("Rencana aksi ini tidak memuat aksi sama sekali: {n} sub kegiatan")).format(
                      n=len(without)), "pagu_rp": str(_("total {pagu}")).format(pagu=rp(total))})
        return
    for sub in without:
        yield Hit(location=plan.anggaran_location("subkegiatan", sub), values={"pagu": sub.pagu},
                  params={"apa": _("Sub kegiatan ini"), "pagu_rp": rp(sub.pagu)})


def _per_sub_kegiatan(plan: PlanSnapshot, lacking: Callable[[AksiData], bool], what: str) -> Iterator[Hit]:
    """One finding per aksi that lacks something, or one for its sub kegiatan when all its aksi (2+) lack it."""
    for sub in plan.sub_kegiatan:
        aksi = plan.aksi_by_sub_kegiatan.get(sub.id, [])
        bad = [a for a in aksi if lacking(a)]
        if not bad:
            continue
        if len(bad) == len(aksi) and len(aksi) > 1:
            yield Hit(location=plan.anggaran_location("subkegiatan", sub), values={"aksi": len(bad)},
                      params={"apa": str(_("Semua {n} aksi sub kegiatan ini")).format(n=len(bad)), "what": what},
                      key="semua")
            continue
        for a in bad:
            yield Hit(location=plan.aksi_location(a), values={"aksi": 1},
                      params={"apa": _("Aksi ini"), "what": what})


def schedule_unreadable(plan: PlanSnapshot, aksi: AksiData) -> bool:
    """Could the source document not show this aksi's schedule?

    Only the importer's word counts: the aksi's provenance row `field="jadwal"` read no month (empty `teks`) and
    says why (`catatan`, e.g. "arsiran bulan hilang pada salinan teks"). An aksi without such a row — added in the
    editor, even to an imported plan — or one whose source showed its months empty has no schedule because nobody
    gave it one.
    """
    return any(p.catatan.strip() and not p.teks.strip() for p in plan.provenance_of("aksi", aksi.id, SCHEDULE_FIELDS))


@rule(
    "aksi.without_schedule",
    severity=Severity.WARNING,
    title=_("Aksi tanpa jadwal"),
    message=_("{apa} tidak memiliki jadwal pelaksanaan (bulan Jan–Des).{alasan}"),
)
def aksi_without_schedule(plan: PlanSnapshot) -> Iterator[Hit]:
    """An aksi with no month marked in its Jan–Des schedule.

    A text copy of a document loses the shaded month cells, so an imported aksi whose schedule the source could not
    show (the importer says so on its `jadwal` provenance row, see `schedule_unreadable`) is reported as info, once
    for the whole plan, asking to fill the schedule in the editor; any other aksi without months (an empty schedule
    in a spreadsheet, an aksi added in the editor) is a warning, per aksi (or once per sub kegiatan when all its
    aksi lack one). Values: `aksi` (how many aksi).
    """
    missing = [a for a in plan.aksi if not a.bulan]
    unreadable = [a for a in missing if schedule_unreadable(plan, a)]
    if unreadable:
        yield Hit(location=plan.plan_location(), values={"aksi": len(unreadable)},
                  params={"apa": str(_("{n} aksi hasil impor")).format(n=len(unreadable)),
                          "alasan": _(" Dokumen sumber tidak memuat jadwalnya (salinan teks kehilangan sel bulan "
                                      "yang diarsir): isi jadwalnya di editor.")},
                  key="tidak_terbaca", severity=Severity.INFO)
    unreadable_ids = {a.id for a in unreadable}
    for hit in _per_sub_kegiatan(plan, lambda a: not a.bulan and a.id not in unreadable_ids, "jadwal"):
        yield Hit(location=hit.location, values=hit.values, params={**hit.params, "alasan": ""}, key=hit.key)


@rule(
    "aksi.without_output",
    severity=Severity.WARNING,
    title=_("Aksi tanpa keluaran"),
    message=_("{apa} tidak memiliki output/keluaran: capaian aksi tidak dapat dibuktikan."),
)
def aksi_without_output(plan: PlanSnapshot) -> Iterator[Hit]:
    """An aksi whose output (keluaran) is empty. Without an output nobody can show the aksi was done.
    Reported per aksi, or once per sub kegiatan when all its aksi (2 or more) lack one. Values: `aksi` (how many).
    """
    yield from _per_sub_kegiatan(plan, lambda a: not a.keluaran.strip(), "keluaran")


@rule(
    "aksi.without_pj",
    severity=Severity.WARNING,
    title=_("Aksi tanpa penanggung jawab"),
    message=_("{apa} tidak memiliki penanggung jawab, dan sub kegiatannya tidak terhubung ke bidang yang berkepala."),
)
def aksi_without_pj(plan: PlanSnapshot) -> Iterator[Hit]:
    """An aksi without a penanggung jawab: no jabatan written, no pejabat chosen, and no default — the head of the
    sub kegiatan's bidang is the default PJ (each bidang page of an RA is signed by its head).
    Reported per aksi, or once per sub kegiatan when all its aksi (2 or more) lack one. Values: `aksi` (how many).
    """
    def lacking(a: AksiData) -> bool:
        if a.penanggung_jawab.strip() or a.pejabat_id:
            return False
        sub = plan.sub_kegiatan_by_id.get(a.sub_kegiatan_id)
        bidang = plan.bidang.get(sub.bidang_id) if sub and sub.bidang_id else None
        return not (bidang and bidang.kepala_id)

    yield from _per_sub_kegiatan(plan, lacking, "pj")


_NOMOR = re.compile(r"^\s*(\d+)\s*[.)]?\s*$")


@rule(
    "aksi.numbering",
    severity=Severity.WARNING,
    title=_("Penomoran aksi melompat atau ganda"),
    message=_("Nomor aksi sub kegiatan ini {nomor_teks}:{masalah}."),
)
def aksi_numbering(plan: PlanSnapshot) -> Iterator[Hit]:
    """The aksi of one sub kegiatan, in their order, should be numbered 1, 2, 3, … A gap (Samarinda's Forkopimda:
    1, 2, 3, 7) suggests aksi lost or renumbered by hand; a duplicate number, an aksi entered twice.
    Aksi without a number, or numbered other than with whole numbers ("a", "1.1"), are not checked.
    Values: `nomor` (the numbers in order), `hilang` (missing numbers), `ganda` (numbers used more than once).
    """
    for sub in plan.sub_kegiatan:
        aksi = plan.aksi_by_sub_kegiatan.get(sub.id, [])
        matches = [_NOMOR.match(a.nomor or "") for a in aksi]
        if not aksi or not all(matches):
            continue
        numbers = [int(m.group(1)) for m in matches if m]
        missing = sorted(set(range(1, max(numbers) + 1)) - set(numbers))
        doubled = sorted(n for n, c in Counter(numbers).items() if c > 1)
        if not missing and not doubled:
            continue
        problems = []
        if missing:
            problems.append(str(_(" nomor {n} tidak ada")).format(n=", ".join(map(str, missing))))
        if doubled:
            problems.append(str(_(" nomor {n} dipakai lebih dari sekali")).format(n=", ".join(map(str, doubled))))
        yield Hit(location=plan.anggaran_location("subkegiatan", sub),
                  values={"nomor": numbers, "hilang": missing, "ganda": doubled},
                  params={"nomor_teks": ", ".join(map(str, numbers)), "masalah": ";".join(problems)})
