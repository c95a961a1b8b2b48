"""Acknowledgements follow a plan into its perubahan: a finding is keyed by its rule and the `kunci` of the row it
is about (`findings.Finding.fingerprint`), which the copy keeps, so the same acknowledgement rows are written for the
new version. Acknowledgements still under the old fingerprint (by database id) are moved to the stable one first."""

from __future__ import annotations

from typing import Any

from renaksi.perencanaan.signals import perubahan_dibuat

from .api import rekey_acknowledgements
from .models import Pengakuan


def salin_pengakuan(*, lama, baru, by, **_kwargs: Any) -> None:
    rows = list(Pengakuan.objects.filter(rencana_aksi=lama).order_by("id"))
    if not rows:
        return
    if rekey_acknowledgements(lama):
        rows = list(Pengakuan.objects.filter(rencana_aksi=lama).order_by("id"))
    from simple_history.utils import bulk_create_with_history

    copies = [Pengakuan(rencana_aksi=baru, rule=p.rule, lokasi=p.lokasi, nilai=p.nilai, nilai_json=p.nilai_json,
                        pesan=p.pesan, catatan=p.catatan, oleh_id=p.oleh_id, waktu=p.waktu) for p in rows]
    bulk_create_with_history(copies, Pengakuan, default_user=by,
                             default_change_reason=f"Disalin dari {lama.label_versi} (id {lama.pk})")


def connect() -> None:
    perubahan_dibuat.connect(salin_pengakuan, dispatch_uid="pemeriksaan.salin_pengakuan")
