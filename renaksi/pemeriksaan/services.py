"""Writes of the checker: acknowledging a finding and taking the acknowledgement back.

Both check the permission themselves (the views check it too, to answer 403/404): whoever may change the plan,
or a kepala bidang for a finding in his bidang (`permissions.can_acknowledge`). Like every other write, both refuse
a plan that is no longer a draft (submitted, approved or locked): an acknowledgement is part of the plan's record.
A finding about realisasi belongs to a triwulan report instead: it can be acknowledged while the report of its
triwulan is a draft or returned, whatever the plan's state (monitoring happens on an approved plan).

`cuplikan_simpan` records the open findings at a submission (called by the workflow, `renaksi.alur`).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from renaksi.core.capaian import ROMAWI
from renaksi.monev.models import LaporanTriwulan
from renaksi.perencanaan.models import RencanaAksi
from renaksi.perencanaan.services import alasan_terkunci

from . import api
from .findings import Finding, jsonable
from .models import Cuplikan, Pengakuan
from .rules import can_acknowledge

MAX_CATATAN = 2000


def laporan_status(rencana_aksi: RencanaAksi) -> dict[int, str]:
    """The state of each triwulan report of the plan that exists (one query)."""
    return dict(LaporanTriwulan.objects.filter(rencana_aksi=rencana_aksi).values_list("triwulan", "status"))


def alasan_tidak_dapat_diakui(rencana_aksi: RencanaAksi, finding: Finding, status: dict[int, str]) -> str:
    """Why this finding cannot be acknowledged (or the acknowledgement taken back) now, '' when it can."""
    if api.is_realisasi(finding):
        tw = api.triwulan_of(finding)
        current = status.get(tw) if tw is not None else None
        if current is None or current in LaporanTriwulan.EDITABLE:
            return ""
        return _("Laporan TW %(tw)s berstatus '%(status)s'; temuannya tidak dapat diakui lagi.") % {
            "tw": ROMAWI[tw], "status": LaporanTriwulan.Status(current).label}
    if not rencana_aksi.editable:
        return alasan_terkunci(rencana_aksi)
    return ""


def _ensure_may_change(rencana_aksi: RencanaAksi, finding: Finding) -> None:
    alasan = alasan_tidak_dapat_diakui(rencana_aksi, finding, laporan_status(rencana_aksi))
    if alasan:
        raise ValidationError(alasan)


def _row_of(rencana_aksi: RencanaAksi, finding: Finding) -> Pengakuan | None:
    """The acknowledgement of a finding: by its stable fingerprint, else by the legacy one (database id)."""
    rows = {p.lokasi: p for p in Pengakuan.objects.filter(
        rencana_aksi=rencana_aksi, rule=finding.rule, lokasi__in=[finding.fingerprint, finding.legacy_fingerprint])}
    return rows.get(finding.fingerprint) or rows.get(finding.legacy_fingerprint)


@transaction.atomic
def finding_acknowledge(*, rencana_aksi: RencanaAksi, finding: Finding, catatan: str, by) -> Pengakuan:
    """Acknowledge a finding with a note; acknowledging again (e.g. after its values changed) updates the note and
    the values it holds for. The previous state stays in the history."""
    _ensure_may_change(rencana_aksi, finding)
    if not can_acknowledge(by, rencana_aksi, finding):
        raise PermissionDenied(_("Anda tidak berhak mengakui temuan ini."))
    catatan = " ".join((catatan or "").split())
    if not catatan:
        raise ValidationError(
            {"catatan": [_("Tulis alasan mengapa temuan ini dapat diterima, misalnya 'sesuai DPA'.")]})
    if len(catatan) > MAX_CATATAN:
        raise ValidationError({"catatan": [_("Catatan paling panjang %(n)d karakter.") % {"n": MAX_CATATAN}]})
    row = _row_of(rencana_aksi, finding) or Pengakuan(rencana_aksi=rencana_aksi, rule=finding.rule)
    row.lokasi = finding.fingerprint  # an acknowledgement written under the legacy fingerprint moves to the stable one
    row.nilai = finding.values_fingerprint
    row.nilai_json = jsonable(finding.values)
    row.pesan = finding.message
    row.catatan = catatan
    row.oleh = by
    row.waktu = timezone.now()
    row._history_user = by
    row.full_clean()
    row.save()
    return row


@transaction.atomic
def finding_unacknowledge(*, rencana_aksi: RencanaAksi, finding: Finding, by) -> bool:
    """Take an acknowledgement back; returns whether there was one. The deletion is kept in the history."""
    _ensure_may_change(rencana_aksi, finding)
    if not can_acknowledge(by, rencana_aksi, finding):
        raise PermissionDenied(_("Anda tidak berhak membatalkan pengakuan temuan ini."))
    row = _row_of(rencana_aksi, finding)
    if row is None:
        return False
    row._history_user = by
    row.delete()
    return True


@transaction.atomic
def cuplikan_simpan(*, rencana_aksi: RencanaAksi, findings: list[Finding], triwulan: int | None = None) -> Cuplikan:
    """Record the open findings relevant to a submission (of the plan, or of its triwulan report)."""
    rows = api.snapshot_rows(api.relevant(findings, triwulan=triwulan))
    return Cuplikan.objects.create(rencana_aksi=rencana_aksi, triwulan=triwulan, waktu=timezone.now(), temuan=rows)
