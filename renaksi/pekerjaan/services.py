"""Writes of a job record. The runner of a job (in its worker) calls `pekerjaan_kemajuan`; `tugas.jalankan` calls
`pekerjaan_selesai` or `pekerjaan_gagal`, and writes the heartbeat (`pekerjaan_detak`) while the job runs. Starting
and retrying enqueue the one task once the transaction commits (a worker must find the record). The sweep
(`renaksi bersihkan_pekerjaan`) calls `pekerjaan_tandai_macet`, `pekerjaan_tandai_tak_terambil`,
`pekerjaan_hapus_hasil_lama` and `salinan_hapus_lama`. The document cache (decision 0017): `salinan_ambil` and
`salinan_simpan`."""

from __future__ import annotations

import logging
from datetime import timedelta
from functools import partial
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from renaksi.accounts.models import User
from renaksi.organisasi.models import Pemda, PerangkatDaerah

from . import selectors
from .models import Pekerjaan, Salinan
from .registry import RUNNER, Hasil

logger = logging.getLogger(__name__)
S = Pekerjaan.Status
ULANG_OTOMATIS = 1  # how often the sweep queues a job again by itself after its worker died


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
                    perangkat_daerah: PerangkatDaerah | None = None, parameter: dict[str, Any] | None = None,
                    lanjut: str = "") -> Pekerjaan:
    """A new job, queued: a worker runs it after this transaction commits. `lanjut` is where its page's
    "Lanjutkan" leads once it is done (a job whose result is the input of another page: a long PDF read)."""
    if jenis not in RUNNER:
        raise ValueError(f"unknown job kind {jenis!r}")
    if pemda is None and perangkat_daerah is not None:
        pemda = perangkat_daerah.pemda
    pekerjaan = Pekerjaan.objects.create(jenis=jenis, judul=judul[:300], pemilik=pemilik, pemda=pemda,
                                         perangkat_daerah=perangkat_daerah, parameter=parameter or {},
                                         lanjut=lanjut[:300], pesan=_("Menunggu giliran dikerjakan."))
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
        status=S.BERJALAN, dimulai=now, detak=now, persen=0, pesan=_("Mulai dikerjakan."), percobaan=F("percobaan") + 1)
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
    pekerjaan.pesan = pesan[:300]  # none by default: the "Selesai" badge says it (no "Selesai." beside it)
    pekerjaan.save()
    return pekerjaan


@transaction.atomic
def pekerjaan_gagal(*, pekerjaan: Pekerjaan, galat: str, bisa_diulang: bool = True) -> Pekerjaan:
    """The job failed: `galat` says why, in Indonesian, on the job page; `bisa_diulang=False`: for good (no retry)."""
    pekerjaan.status, pekerjaan.selesai, pekerjaan.galat = S.GAGAL, timezone.now(), galat
    pekerjaan.pesan, pekerjaan.bisa_diulang = _("Gagal."), bisa_diulang
    pekerjaan.save(update_fields=["status", "selesai", "galat", "pesan", "bisa_diulang"])
    return pekerjaan


class TidakBisaDiulang(ValueError):
    """Only a failed job that may succeed again is retried; `str()` says why not, in Indonesian."""


@transaction.atomic
def pekerjaan_ulangi(*, pekerjaan: Pekerjaan) -> Pekerjaan:
    """A failed job queued again, with the same parameters (not one that failed for good: `bisa_diulang`)."""
    locked = Pekerjaan.objects.select_for_update().get(pk=pekerjaan.pk)
    if locked.status != S.GAGAL:
        raise TidakBisaDiulang(_("Hanya pekerjaan yang gagal yang dapat diulang; status pekerjaan ini: %(status)s.")
                               % {"status": locked.get_status_display()})
    if not locked.bisa_diulang:
        raise TidakBisaDiulang(_("Pekerjaan ini tidak dapat dicoba lagi: mengulangnya akan gagal dengan cara yang "
                                 "sama. %(galat)s") % {"galat": locked.galat})
    locked.status, locked.persen, locked.galat, locked.diantrekan = S.ANTRI, 0, "", timezone.now()
    locked.pesan = _("Menunggu giliran dikerjakan.")
    locked.dimulai = locked.selesai = locked.detak = None
    locked.save(update_fields=["status", "persen", "galat", "diantrekan", "pesan", "dimulai", "selesai", "detak"])
    transaction.on_commit(lambda: _antrekan(locked.pk))
    return locked


def pekerjaan_detak(*, pekerjaan_id: int) -> None:
    """The heartbeat of a running job: its worker is alive (`tugas.jalankan` writes it from a thread)."""
    Pekerjaan.objects.filter(pk=pekerjaan_id, status=S.BERJALAN).update(detak=timezone.now())


@transaction.atomic
def pekerjaan_tandai_macet(*, menit: int | None = None) -> tuple[int, int]:
    """Running jobs without a heartbeat for `menit` minutes (RENAKSI_PEKERJAAN_MACET_MENIT): their worker stopped
    (killed, machine restarted). Each is queued again once by itself (`diulang_otomatis`, ULANG_OTOMATIS; every job
    kind may run again from the start); after that it is failed, says why and can be retried by hand.
    Returns (failed, queued again)."""
    menit = settings.RENAKSI_PEKERJAAN_MACET_MENIT if menit is None else menit
    now = timezone.now()
    macet = (Pekerjaan.objects.filter(status=S.BERJALAN)
             .alias(terakhir=Coalesce("detak", "dimulai", "dibuat"))
             .filter(terakhir__lt=now - timedelta(minutes=menit)))
    ulang = list(macet.select_for_update().filter(diulang_otomatis__lt=ULANG_OTOMATIS).values_list("pk", flat=True))
    Pekerjaan.objects.filter(pk__in=ulang).update(
        status=S.ANTRI, persen=0, dimulai=None, detak=None, diantrekan=now,
        diulang_otomatis=F("diulang_otomatis") + 1,
        pesan=_("Pekerja sebelumnya berhenti di tengah pekerjaan ini; pekerjaan ini diantrekan ulang otomatis."))
    for pk in ulang:
        transaction.on_commit(partial(_antrekan, pk))
    gagal = macet.update(status=S.GAGAL, selesai=now, pesan=_("Gagal."), galat=_(
        "Pekerja berhenti di tengah pekerjaan ini: tidak ada tanda hidup darinya selama lebih dari %(menit)s menit, "
        "juga setelah diulang otomatis. Silakan coba lagi; bila terulang, hubungi admin.") % {"menit": menit})
    return gagal, len(ulang)


def pekerjaan_tandai_tak_terambil(*, menit: int | None = None) -> int:
    """Jobs queued for more than `menit` minutes (RENAKSI_PEKERJAAN_ANTRI_MENIT) while no worker showed any life in
    that time failed: no worker runs (a worker busy with a long queue keeps beating, and its queue is left alone).
    They say so and can be retried. Returns how many."""
    menit = settings.RENAKSI_PEKERJAAN_ANTRI_MENIT if menit is None else menit
    now = timezone.now()
    batas = now - timedelta(minutes=menit)
    if selectors.pekerja_hidup(sejak=batas):
        return 0
    return Pekerjaan.objects.filter(status=S.ANTRI, diantrekan__lt=batas).update(
        status=S.GAGAL, selesai=now, pesan=_("Gagal."), galat=_(
            "Tidak ada pekerja latar yang mengambil pekerjaan ini selama lebih dari %(menit)s menit sejak "
            "diantrekan: pekerja latar tampaknya tidak berjalan. Hubungi admin, lalu coba lagi.") % {"menit": menit})


@transaction.atomic
def pekerjaan_hapus_hasil(*, pekerjaan: Pekerjaan) -> Pekerjaan:
    """The job's result is gone: its file (if any) is deleted; its page says the result expired."""
    if pekerjaan.hasil:
        pekerjaan.hasil.delete(save=False)
    pekerjaan.hasil, pekerjaan.hasil_dihapus, pekerjaan.lanjut = "", True, ""
    pekerjaan.save(update_fields=["hasil", "hasil_dihapus", "lanjut"])
    return pekerjaan


def pekerjaan_hapus_hasil_lama(*, hari: int | None = None) -> int:
    """Deletes the results of the jobs done more than `hari` days ago (RENAKSI_PEKERJAAN_SIMPAN_HARI); the records
    stay. Returns how many."""
    hari = settings.RENAKSI_PEKERJAAN_SIMPAN_HARI if hari is None else hari
    lama = Pekerjaan.objects.filter(status=S.SELESAI, hasil_dihapus=False,
                                    selesai__lt=timezone.now() - timedelta(days=hari))
    n = 0
    for pekerjaan in lama.iterator():
        pekerjaan_hapus_hasil(pekerjaan=pekerjaan)
        n += 1
    return n


# --- Ready copies of documents (the document cache, decision 0017) ----------------------------------------------


def salinan_ambil(*, kunci: str) -> bytes | None:
    """The bytes of the ready copy with this key, its use recorded; None when there is none (never made, swept,
    or its file deleted from the storage by hand: the row goes too, and the caller makes the file again)."""
    salinan = Salinan.objects.filter(kunci=kunci).first()
    if salinan is None:
        return None
    try:
        with salinan.berkas.open("rb") as berkas:
            isi = berkas.read()
    except FileNotFoundError:
        salinan.delete()
        return None
    Salinan.objects.filter(pk=salinan.pk).update(dipakai=timezone.now())
    return isi


@transaction.atomic
def salinan_simpan(*, kunci: str, ekstensi: str, isi: bytes) -> Salinan:
    """Keeps `isi` as the ready copy with this key (`dokumen/<kunci>.<ekstensi>` in the default storage). Made twice
    at once (a request and a job): the first copy stays and the second file is deleted."""
    now = timezone.now()
    ada = Salinan.objects.filter(kunci=kunci).first()
    if ada is not None:
        Salinan.objects.filter(pk=ada.pk).update(dipakai=now)
        return ada
    salinan = Salinan(kunci=kunci, dipakai=now)
    salinan.berkas.save(f"{kunci}.{ekstensi}", ContentFile(isi), save=False)
    try:
        with transaction.atomic():
            salinan.save()
    except IntegrityError:
        salinan.berkas.delete(save=False)
        return Salinan.objects.get(kunci=kunci)
    return salinan


def salinan_hapus_lama(*, hari: int | None = None) -> int:
    """Deletes the ready copies not made or handed out for `hari` days (RENAKSI_SALINAN_SIMPAN_HARI), files and
    rows; a document asked for again is simply made again. Returns how many."""
    hari = settings.RENAKSI_SALINAN_SIMPAN_HARI if hari is None else hari
    n = 0
    for salinan in Salinan.objects.filter(dipakai__lt=timezone.now() - timedelta(days=hari)).iterator():
        salinan.berkas.delete(save=False)
        salinan.delete()
        n += 1
    return n
