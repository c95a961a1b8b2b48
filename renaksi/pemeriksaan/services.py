"""Writes of the checker: acknowledging a finding and taking the acknowledgement back.

Both check the permission themselves (the views check it too, to answer 403/404): whoever may change the plan,
or a kepala bidang for a finding in his bidang (`permissions.can_acknowledge`). Like every other write, both refuse
a plan that is no longer a draft (submitted, approved or locked): an acknowledgement is part of the plan's record.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from renaksi.perencanaan.models import RencanaAksi
from renaksi.perencanaan.services import ensure_editable

from .findings import Finding, jsonable
from .models import Pengakuan
from .rules import can_acknowledge

MAX_CATATAN = 2000


def _row_of(rencana_aksi: RencanaAksi, finding: Finding) -> Pengakuan | None:
    """The acknowledgement of a finding: by its stable fingerprint, else by the legacy one (database id)."""
    rows = {p.lokasi: p for p in Pengakuan.objects.filter(
        rencana_aksi=rencana_aksi, rule=finding.rule, lokasi__in=[finding.fingerprint, finding.legacy_fingerprint])}
    return rows.get(finding.fingerprint) or rows.get(finding.legacy_fingerprint)


@transaction.atomic
def finding_acknowledge(*, rencana_aksi: RencanaAksi, finding: Finding, catatan: str, by) -> Pengakuan:
    """Acknowledge a finding with a note; acknowledging again (e.g. after its values changed) updates the note and
    the values it holds for. The previous state stays in the history."""
    ensure_editable(rencana_aksi)
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
    ensure_editable(rencana_aksi)
    if not can_acknowledge(by, rencana_aksi, finding):
        raise PermissionDenied(_("Anda tidak berhak membatalkan pengakuan temuan ini."))
    row = _row_of(rencana_aksi, finding)
    if row is None:
        return False
    row._history_user = by
    row.delete()
    return True
