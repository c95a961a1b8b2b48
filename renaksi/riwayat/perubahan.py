"""Open evaluator notes follow a plan into its perubahan: each open thread (with its replies) is copied onto the row
that continues it in the new version (`peta`: kind → {old id: new id}), keeping its author and date, so the PD
still sees what the evaluator asked. Resolved threads stay with the version they were resolved on (its history)."""

from __future__ import annotations

from typing import Any

from renaksi.perencanaan.signals import perubahan_dibuat

from .models import Catatan


def salin_catatan(*, lama, baru, peta: dict[str, dict[int, int]], **_kwargs: Any) -> None:
    roots = [c for c in Catatan.objects.filter(rencana_aksi=lama, induk__isnull=True, status=Catatan.Status.TERBUKA)
             if c.objek_id in peta.get(c.jenis, {})]
    if not roots:
        return
    replies = list(Catatan.objects.filter(induk__in=roots).order_by("dibuat", "id"))
    new_root: dict[int, Catatan] = {}
    for old in roots:
        new_root[old.pk] = _copy(old, lama, baru, objek_id=peta[old.jenis][old.objek_id], induk=None)
    for old in replies:
        _copy(old, lama, baru, objek_id=new_root[old.induk_id].objek_id, induk=new_root[old.induk_id])


def _copy(old: Catatan, lama, baru, *, objek_id: int, induk: Catatan | None) -> Catatan:
    copy = Catatan(rencana_aksi=baru, jenis=old.jenis, objek_id=objek_id, triwulan=old.triwulan, induk=induk,
                   teks=old.teks, penulis_id=old.penulis_id, status=old.status)
    copy._change_reason = f"Disalin dari {lama.label_versi} (id {lama.pk})"
    copy.save()
    Catatan.objects.filter(pk=copy.pk).update(dibuat=old.dibuat)  # `dibuat` is auto_now_add: keep the original date
    return copy


def connect() -> None:
    perubahan_dibuat.connect(salin_catatan, dispatch_uid="riwayat.salin_catatan")
