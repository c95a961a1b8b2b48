"""Writes of a job record. The runner of a job (in its worker) calls `pekerjaan_kemajuan`; `tugas.jalankan` calls
`pekerjaan_selesai` or `pekerjaan_gagal`. Starting and retrying enqueue the one task once the transaction commits (a
worker must find the record)."""

from __future__ import annotations

import logging
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from renaksi.accounts.models import User
from renaksi.organisasi.models import Pemda, PerangkatDaerah

from .models import Pekerjaan
from .registry import RUNNER, Hasil

logger = logging.getLogger(__name__)
S = Pekerjaan.Status


def _antrekan(pekerjaan_id: int) -> None:
    from . import tugas  # the task module imports this one

    try:
        hasil = tugas.jalankan.enqueue(pekerjaan_id=pekerjaan_id)
    except Exception:  # the queue is unreachable (Redis down): the job says so instead of waiting forever
        logger.exception("pekerjaan %s: antrean tidak dapat dihubungi", pekerjaan_id)
        Pekerjaan.objects.filter(pk=pekerjaan_id, status=S.ANTRI).update(
            status=S.GAGAL, selesai=timezone.now(),
            galat=_("Antrean pekerjaan tidak dapat dihubungi; pekerjaan belum dijalankan. Coba lagi sebentar lagi."))
        return
    Pekerjaan.objects.filter(pk=pekerjaan_id).update(tugas_id=str(hasil.id)[:64])


@transaction.atomic
def pekerjaan_mulai(*, jenis: str, judul: str, pemilik: User | None, pemda: Pemda | None = None,
                    perangkat_daerah: PerangkatDaerah | None = None, parameter: dict[str, Any] | None = None
                    ) -> Pekerjaan:
    """A new job, queued: a worker runs it after this transaction commits."""
    if jenis not in RUNNER:
        raise ValueError(f"unknown job kind {jenis!r}")
    if pemda is None and perangkat_daerah is not None:
        pemda = perangkat_daerah.pemda
    pekerjaan = Pekerjaan.objects.create(jenis=jenis, judul=judul[:300], pemilik=pemilik, pemda=pemda,
                                         perangkat_daerah=perangkat_daerah, parameter=parameter or {},
                                         pesan=_("Menunggu giliran dikerjakan."))
    transaction.on_commit(lambda: _antrekan(pekerjaan.pk))
    return pekerjaan


def pekerjaan_kemajuan(*, pekerjaan: Pekerjaan, persen: int, pesan: str = "") -> None:
    """Progress of a running job, written at once (the job page polls it)."""
    persen = max(0, min(100, int(persen)))
    Pekerjaan.objects.filter(pk=pekerjaan.pk, status=S.BERJALAN).update(persen=persen, pesan=pesan[:300])
    pekerjaan.persen, pekerjaan.pesan = persen, pesan[:300]


def pekerjaan_berjalan(*, pekerjaan: Pekerjaan) -> bool:
    """Claims a queued job for this worker; False when it is not queued any more (run already, or twice queued)."""
    now = timezone.now()
    claimed = Pekerjaan.objects.filter(pk=pekerjaan.pk, status=S.ANTRI).update(
        status=S.BERJALAN, dimulai=now, persen=0, pesan=_("Mulai dikerjakan."), percobaan=F("percobaan") + 1)
    if claimed:
        pekerjaan.refresh_from_db()
    return bool(claimed)


@transaction.atomic
def pekerjaan_selesai(*, pekerjaan: Pekerjaan, hasil: Hasil | None = None, pesan: str = "") -> Pekerjaan:
    """The job is done; its result file (if any) is kept in the default storage."""
    if hasil is not None:
        if pekerjaan.hasil:
            pekerjaan.hasil.delete(save=False)
        pekerjaan.hasil.save(hasil.nama, ContentFile(hasil.isi), save=False)
        pekerjaan.hasil_nama, pekerjaan.hasil_content_type = hasil.nama[:200], hasil.content_type[:150]
    pekerjaan.status, pekerjaan.persen, pekerjaan.selesai, pekerjaan.galat = S.SELESAI, 100, timezone.now(), ""
    pekerjaan.pesan = (pesan or _("Selesai."))[:300]
    pekerjaan.save()
    return pekerjaan


@transaction.atomic
def pekerjaan_gagal(*, pekerjaan: Pekerjaan, galat: str) -> Pekerjaan:
    """The job failed: `galat` says why, in Indonesian, on the job page."""
    pekerjaan.status, pekerjaan.selesai, pekerjaan.galat = S.GAGAL, timezone.now(), galat
    pekerjaan.pesan = _("Gagal.")
    pekerjaan.save(update_fields=["status", "selesai", "galat", "pesan"])
    return pekerjaan


class TidakBisaDiulang(ValueError):
    """Only a failed job is retried; `str()` says why not, in Indonesian."""


@transaction.atomic
def pekerjaan_ulangi(*, pekerjaan: Pekerjaan) -> Pekerjaan:
    """A failed job queued again, with the same parameters."""
    locked = Pekerjaan.objects.select_for_update().get(pk=pekerjaan.pk)
    if locked.status != S.GAGAL:
        raise TidakBisaDiulang(_("Hanya pekerjaan yang gagal yang dapat diulang; status pekerjaan ini: %(status)s.")
                               % {"status": locked.get_status_display()})
    locked.status, locked.persen, locked.galat = S.ANTRI, 0, ""
    locked.pesan = _("Menunggu giliran dikerjakan.")
    locked.dimulai = locked.selesai = None
    locked.save(update_fields=["status", "persen", "galat", "pesan", "dimulai", "selesai"])
    transaction.on_commit(lambda: _antrekan(locked.pk))
    return locked
