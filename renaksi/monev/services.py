"""Every write of monitoring data: the monev form, the CSV import and the demo call these functions.

Each is keyword-only, typed and atomic, and checks, in this order:
1. the user's right (`by`; `monev.report` on the indikator / sub kegiatan / aksi, `monev.manage_jendela` on the
   Pemda) — refused with `PermissionDenied` and an Indonesian reason. `by=None` is the system (CLI, demo): no
   rights are checked, everything else is;
2. that the triwulan's values are not locked (`alasan_terkunci`): a plan with a newer version (perubahan), a
   triwulan report (`LaporanTriwulan`) submitted, approved or locked, or a reporting window (`JendelaPelaporan` of
   the plan's Pemda and year) not opened or closed → `ValidationError` saying which triwulan and why;
3. the values: triwulan 1–4, bulan 1–12, no negative amount, a known category code, a known status.
A value that does not change writes nothing (no history row). History rows name the user (`by`).
"""

from __future__ import annotations

import os
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext, gettext_lazy

from renaksi.accounts.models import Peran, User
from renaksi.core.angka import KODE_KATEGORI, SKALA_KATEGORI, format_rupiah
from renaksi.core.berkas import jenis_berkas
from renaksi.core.capaian import ROMAWI
from renaksi.core.kunci import Konflik, klaim_versi, pesan_konflik
from renaksi.core.services import save_validated
from renaksi.organisasi.models import Pemda
from renaksi.perencanaan.models import Aksi, Indikator, RencanaAksi, SubKegiatan

from . import selectors
from .models import (
    BuktiDukung,
    EvaluasiIndikator,
    JendelaPelaporan,
    LaporanTriwulan,
    ProgresAksi,
    RealisasiAnggaran,
    RealisasiIndikator,
    TindakLanjut,
)

PlanRow = Indikator | SubKegiatan | Aksi


# --- checks ---------------------------------------------------------------------------------------------------


def check_triwulan(triwulan: int) -> None:
    if not isinstance(triwulan, int) or isinstance(triwulan, bool) or not 1 <= triwulan <= 4:
        raise ValidationError(f"Triwulan harus 1–4, bukan {triwulan}.")


def _plan(row: PlanRow) -> RencanaAksi:
    plan = row.rencana_aksi
    if not RencanaAksi.perangkat_daerah.is_cached(plan):
        plan = RencanaAksi.objects.select_related("perangkat_daerah").get(pk=plan.pk)
        row.rencana_aksi = plan
    return plan


ALASAN_LAPORAN = {
    LaporanTriwulan.Status.DIAJUKAN: gettext_lazy("sudah diajukan kepada kepala perangkat daerah; nilainya hanya "
                                                  "dapat dibaca sampai laporan dikembalikan."),
    LaporanTriwulan.Status.DISETUJUI: gettext_lazy("sudah disetujui kepala perangkat daerah; nilainya hanya dapat "
                                                   "dibaca."),
    LaporanTriwulan.Status.TERKUNCI: gettext_lazy("sudah dikunci oleh admin pemda; nilainya hanya dapat dibaca. "
                                                  "Minta admin pemda membukanya kembali bila perlu diubah."),
}


def alasan_terkunci(*, rencana_aksi: RencanaAksi, triwulan: int, jendela: JendelaPelaporan | None,
                    laporan: LaporanTriwulan | None, digantikan: bool) -> str:
    """Why the monev values of a plan's triwulan cannot be changed ('' when they can), from what is already
    loaded: the monev form's banner and the services' refusals say the same. In order: the plan has a newer
    version, the triwulan report has left draft, the reporting window is not open."""
    label = f"TW {ROMAWI[triwulan]} {rencana_aksi.tahun}"
    if digantikan:
        return gettext("Rencana aksi ini sudah digantikan oleh versi yang lebih baru; realisasi %(triwulan)s diisi "
                       "pada versi terbaru.") % {"triwulan": label}
    if laporan is not None and not laporan.editable:
        return gettext("Laporan %(triwulan)s berstatus '%(status)s': %(alasan)s") % {
            "triwulan": label, "status": laporan.get_status_display(), "alasan": ALASAN_LAPORAN[laporan.status]}
    if jendela is None:
        return gettext("Pelaporan %(triwulan)s belum dibuka oleh admin pemda; nilai monev triwulan ini belum dapat "
                       "diisi.") % {"triwulan": label}
    if not jendela.dibuka:
        return gettext("Pelaporan %(triwulan)s sudah ditutup; nilai monev triwulan ini hanya dapat dibaca. Minta "
                       "admin pemda membukanya kembali bila perlu diubah.") % {"triwulan": label}
    return ""


def digantikan(rencana_aksi: RencanaAksi) -> bool:
    """Has the plan a newer version (a perubahan) of the same PD and year?"""
    return RencanaAksi.objects.filter(perangkat_daerah_id=rencana_aksi.perangkat_daerah_id, tahun=rencana_aksi.tahun,
                                      versi__gt=rencana_aksi.versi).exists()


def alasan_terkunci_untuk(*, rencana_aksi: RencanaAksi, triwulan: int) -> str:
    """`alasan_terkunci`, reading the window, the report and the newer version (one query)."""
    check_triwulan(triwulan)
    keadaan = selectors.keadaan_triwulan(rencana_aksi=rencana_aksi, triwulan=triwulan)
    return alasan_terkunci(rencana_aksi=rencana_aksi, triwulan=triwulan, jendela=keadaan.jendela,
                           laporan=keadaan.laporan, digantikan=keadaan.digantikan)


def ensure_jendela_dibuka(*, rencana_aksi: RencanaAksi, triwulan: int) -> None:
    """Refuse a write when the triwulan's values are locked: a newer plan version, a triwulan report that has
    left draft, or a reporting window of the plan's Pemda and year that is not open."""
    alasan = alasan_terkunci_untuk(rencana_aksi=rencana_aksi, triwulan=triwulan)
    if alasan:
        raise ValidationError(alasan)


def _deny_reason(user: User, row: PlanRow) -> str:
    plan = _plan(row)
    if not user.is_authenticated or user.perangkat_daerah_id != plan.perangkat_daerah_id:
        if user.is_authenticated and user.peran in (Peran.ADMIN_PEMDA, Peran.EVALUATOR) \
                and user.pemda_id == plan.perangkat_daerah.pemda_id:
            return gettext("Peran Anda hanya dapat membaca monev; pengisian dilakukan oleh perangkat daerah.")
        return gettext("Data ini bukan milik perangkat daerah Anda.")
    if user.peran == Peran.KEPALA_BIDANG:
        return gettext("Kepala bidang hanya dapat mengisi monev bidangnya sendiri.")
    return gettext("Peran Anda hanya dapat membaca monev.")


def ensure_may_report(by: User | None, row: PlanRow) -> None:
    if by is not None and not by.has_perm("monev.report", row):
        raise PermissionDenied(_deny_reason(by, row))


def _prepare(by: User | None, row: PlanRow, triwulan: int) -> None:
    check_triwulan(triwulan)
    ensure_may_report(by, row)
    ensure_jendela_dibuka(rencana_aksi=_plan(row), triwulan=triwulan)


def _changed(obj: models.Model, values: dict[str, Any]) -> bool:
    return obj.pk is None or any(getattr(obj, k) != v for k, v in values.items())


def _save(obj: models.Model, by: User | None, values: dict[str, Any], *, diisi_oleh: bool = False) -> models.Model:
    """Save only when something changes, naming the user in the history row (and in `diisi_oleh` if asked)."""
    if not _changed(obj, values):
        return obj
    if diisi_oleh:
        values = {**values, "diisi_oleh": by}
    if by is not None:
        obj._history_user = by  # simple-history: who made this change
    return save_validated(obj, **values)


def _lock(row: models.Model | None, versi_baris: int | None, values: dict[str, Any]) -> None:
    """Optimistic locking of the monev form (renaksi/core/kunci.py): `versi_baris` is the version of the row when
    the form was opened, 0 when there was no row yet; None checks nothing. Nothing is claimed when nothing changes."""
    if versi_baris is None:
        return
    if row is None or row.pk is None:
        if versi_baris != 0:
            raise Konflik(pesan_konflik(None, RealisasiIndikator, {}), versi_sekarang=0)
        return
    if not _changed(row, values):
        return
    if versi_baris == 0:  # someone reported it meanwhile
        raise Konflik(pesan_konflik(row, type(row), values), versi_sekarang=row.versi_baris)
    klaim_versi(row, versi_baris, perubahan=values)


def _create_once(row: models.Model, save) -> models.Model:
    """A new row whose (row, triwulan) another writer created meanwhile is a conflict, not a database error."""
    if row.pk is not None:
        return save()
    try:
        with transaction.atomic():
            return save()
    except IntegrityError:
        fresh = type(row)._base_manager.filter(**{f: getattr(row, f) for f in ("triwulan",)},
                                               **_owner(row)).first()
        raise Konflik(pesan_konflik(fresh, type(row), {}), versi_sekarang=getattr(fresh, "versi_baris", None)) from None


def _owner(row: models.Model) -> dict[str, int]:
    return {"indikator_id": row.indikator_id} if isinstance(row, RealisasiIndikator) else \
        {"sub_kegiatan_id": row.sub_kegiatan_id}


def _delete(obj: models.Model | None, by: User | None) -> None:
    if obj is None:
        return
    if by is not None:
        obj._history_user = by
    obj.delete()


# --- realisasi ------------------------------------------------------------------------------------------------


def check_kategori(kategori: str) -> str:
    kode = kategori.strip().upper()
    if kode and kode not in KODE_KATEGORI:
        scales = "; ".join(" > ".join(s) for s in SKALA_KATEGORI.values())
        raise ValidationError(f"Kategori '{kategori}' tidak dikenal. Gunakan salah satu dari: {scales}.")
    return kode


@transaction.atomic
def realisasi_indikator_set(
    *,
    indikator: Indikator,
    triwulan: int,
    nilai: Decimal | None,
    kategori: str = "",
    catatan: str = "",
    by: User | None = None,
    versi_baris: int | None = None,
) -> RealisasiIndikator | None:
    """Set an indicator's realisasi for a triwulan, written like its quarterly target (kumulatif: achieved in that
    triwulan; nilai akhir: the value at its end). A category is a code with an optional score in `nilai`
    ("B (67,34)" → kategori "B", nilai 67.34). Empty (no nilai, no kategori, no catatan) with no row yet: None."""
    _prepare(by, indikator, triwulan)
    kategori = check_kategori(kategori)
    if nilai is not None and not isinstance(nilai, Decimal):
        raise ValidationError(f"Realisasi TW {ROMAWI[triwulan]} harus angka desimal.")
    realisasi = RealisasiIndikator.objects.filter(indikator=indikator, triwulan=triwulan).first()
    if realisasi is None:
        if nilai is None and not kategori and not catatan.strip():
            return None
        realisasi = RealisasiIndikator(indikator=indikator, triwulan=triwulan)
    values = {"nilai": nilai, "kategori": kategori, "catatan": catatan.strip()}
    _lock(realisasi, versi_baris, values)
    return _create_once(realisasi, lambda: _save(realisasi, by, values, diisi_oleh=True))


@transaction.atomic
def realisasi_anggaran_set(
    *,
    sub_kegiatan: SubKegiatan,
    triwulan: int,
    jumlah: int | None,
    catatan: str = "",
    by: User | None = None,
    versi_baris: int | None = None,
) -> RealisasiAnggaran | None:
    """Set the money spent on a sub kegiatan **in** a triwulan (whole rupiah, not the total to date).
    `jumlah=None` removes the report of that triwulan. Spending above the pagu is allowed here (the checker reports
    it): the realisasi is what was spent, even when the pagu on record is out of date."""
    _prepare(by, sub_kegiatan, triwulan)
    tw = ROMAWI[triwulan]
    if jumlah is not None:
        if isinstance(jumlah, bool) or not isinstance(jumlah, int):
            raise ValidationError(f"Realisasi anggaran TW {tw} harus rupiah bulat.")
        if jumlah < 0:
            raise ValidationError(f"Realisasi anggaran TW {tw} tidak boleh negatif (Rp{format_rupiah(jumlah)}).")
    row = RealisasiAnggaran.objects.filter(sub_kegiatan=sub_kegiatan, triwulan=triwulan).first()
    if jumlah is None:
        if row is not None:
            _lock(row, versi_baris, {"jumlah": None})
        _delete(row, by)
        return None
    row = row or RealisasiAnggaran(sub_kegiatan=sub_kegiatan, triwulan=triwulan)
    values = {"jumlah": jumlah, "catatan": catatan.strip()}
    _lock(row, versi_baris, values)
    return _create_once(row, lambda: _save(row, by, values, diisi_oleh=True))


@transaction.atomic
def progres_aksi_set(
    *,
    aksi: Aksi,
    bulan: int,
    status: str | None,
    catatan: str = "",
    by: User | None = None,
) -> ProgresAksi | None:
    """Set an aksi's progress for a month (selesai / berjalan / belum / batal); `status=None` removes it.
    The month's triwulan must be open."""
    if isinstance(bulan, bool) or not isinstance(bulan, int) or not 1 <= bulan <= 12:
        raise ValidationError(f"Bulan harus 1–12, bukan {bulan}.")
    _prepare(by, aksi, (bulan - 1) // 3 + 1)
    row = ProgresAksi.objects.filter(aksi=aksi, bulan=bulan).first()
    if status is None:
        _delete(row, by)
        return None
    if status not in ProgresAksi.Status.values:
        raise ValidationError(f"Status progres '{status}' tidak dikenal; pilih selesai, berjalan, belum atau batal.")
    return _save(row or ProgresAksi(aksi=aksi, bulan=bulan), by, {"status": status, "catatan": catatan.strip()})


# --- evaluasi and tindak lanjut -------------------------------------------------------------------------------


@transaction.atomic
def evaluasi_set(
    *,
    indikator: Indikator,
    triwulan: int,
    faktor_pendorong: str = "",
    faktor_penghambat: str = "",
    tindak_lanjut: str = "",
    tindak_lanjut_renja: str = "",
    by: User | None = None,
) -> EvaluasiIndikator:
    """Set the evaluation of an indicator for a triwulan. Its `tindak_lanjut` (for the next triwulan) becomes a
    `TindakLanjut` to be followed up in later triwulan; clearing the text removes it while nobody has given it a
    status yet (after that it stays, with its history)."""
    _prepare(by, indikator, triwulan)
    evaluasi = EvaluasiIndikator.objects.filter(indikator=indikator, triwulan=triwulan).first()
    evaluasi = evaluasi or EvaluasiIndikator(indikator=indikator, triwulan=triwulan)
    values = {"faktor_pendorong": faktor_pendorong.strip(), "faktor_penghambat": faktor_penghambat.strip(),
              "tindak_lanjut": tindak_lanjut.strip(), "tindak_lanjut_renja": tindak_lanjut_renja.strip()}
    evaluasi = _save(evaluasi, by, values)

    tl = TindakLanjut.objects.filter(indikator=indikator, triwulan=triwulan).first()
    uraian = values["tindak_lanjut"]
    if uraian:
        _save(tl or TindakLanjut(indikator=indikator, triwulan=triwulan), by, {"uraian": uraian})
    elif tl is not None and tl.status == TindakLanjut.Status.TERBUKA and tl.status_triwulan is None:
        _delete(tl, by)
    return evaluasi


@transaction.atomic
def tindak_lanjut_status_set(
    *,
    tindak_lanjut: TindakLanjut,
    triwulan: int,
    status: str,
    catatan: str = "",
    by: User | None = None,
) -> TindakLanjut:
    """Give the status of a tindak lanjut in a later triwulan: berjalan, selesai or tidak dilaksanakan (with the
    reason in `catatan`); `terbuka` takes a status back. The triwulan in which it is given must be open."""
    check_triwulan(triwulan)
    asal = ROMAWI[tindak_lanjut.triwulan]
    if triwulan <= tindak_lanjut.triwulan:
        raise ValidationError(f"Status tindak lanjut TW {asal} diberikan pada triwulan sesudahnya, bukan "
                              f"TW {ROMAWI[triwulan]}.")
    if status not in TindakLanjut.Status.values:
        raise ValidationError(f"Status tindak lanjut '{status}' tidak dikenal; pilih berjalan, selesai atau tidak "
                              f"dilaksanakan.")
    if status == TindakLanjut.Status.TIDAK_DILAKSANAKAN and not catatan.strip():
        raise ValidationError("Sebutkan alasan tindak lanjut tidak dilaksanakan.")
    _prepare(by, tindak_lanjut.indikator, triwulan)
    status_triwulan = None if status == TindakLanjut.Status.TERBUKA else triwulan
    return _save(tindak_lanjut, by, {"status": status, "status_triwulan": status_triwulan,
                                     "catatan": catatan.strip()})


# --- bukti dukung ---------------------------------------------------------------------------------------------


def _ukuran(n: int) -> str:
    return f"{format_rupiah(round(n / 1024 / 1024, 1) if n >= 1024 * 1024 else n)}" + (
        " MB" if n >= 1024 * 1024 else " bita")


@transaction.atomic
def bukti_dukung_add(
    *,
    realisasi: RealisasiIndikator,
    berkas: UploadedFile | None = None,
    url: str = "",
    by: User | None = None,
) -> BuktiDukung:
    """Attach a file (PDF, PNG, JPEG, DOCX, XLSX — recognised by content; at most `RENAKSI_BUKTI_MAX_BYTES`) or
    an http(s) link to a realisasi. The file is stored under a random name in the default storage (`bukti/`)."""
    _prepare(by, realisasi.indikator, realisasi.triwulan)
    url = url.strip()
    if (berkas is None) == (not url):
        raise ValidationError("Lampirkan satu berkas atau satu tautan.")
    bukti = BuktiDukung(realisasi=realisasi, uploaded_by=by)
    if by is not None:
        bukti._history_user = by
    if url:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError:
            raise ValidationError(f"Tautan '{url[:100]}' tidak sah; tulis alamat lengkap yang diawali https://.") from None
        return save_validated(bukti, url=url, nama=url[:255], jenis=BuktiDukung.Jenis.TAUTAN)
    assert berkas is not None
    nama = os.path.basename(berkas.name or "berkas")[:255]
    limit = settings.RENAKSI_BUKTI_MAX_BYTES
    if berkas.size is None or berkas.size > limit:
        raise ValidationError(f"Berkas {nama} terlalu besar ({_ukuran(berkas.size or 0)}); paling besar "
                              f"{_ukuran(limit)}.")
    if berkas.size == 0:
        raise ValidationError(f"Berkas {nama} kosong.")
    jenis = jenis_berkas(berkas)
    if jenis is None:
        raise ValidationError(f"Berkas {nama} bukan PDF, PNG, JPEG, DOCX atau XLSX (jenis berkas dikenali dari "
                              f"isinya, bukan dari namanya).")
    bukti.jenis, bukti.nama, bukti.ukuran = jenis, nama, berkas.size
    # Validate before the file is stored, so that a refused row leaves no file behind. (A file whose row is rolled
    # back later by an enclosing transaction stays in storage, unnamed by any row.)
    bukti.full_clean(exclude=["berkas", "realisasi", "uploaded_by"])
    bukti.berkas.save(nama, berkas, save=False)
    bukti.save()
    return bukti


@transaction.atomic
def bukti_dukung_delete(*, bukti: BuktiDukung, by: User | None = None) -> None:
    """Remove a bukti dukung; its file is deleted from storage once the deletion is committed — unless another bukti
    dukung names the same file (the copy of a plan's earlier version, renaksi/monev/perubahan.py)."""
    _prepare(by, bukti.realisasi.indikator, bukti.realisasi.triwulan)
    name = bukti.berkas.name if bukti.berkas else ""
    storage = bukti.berkas.storage
    _delete(bukti, by)
    if name and not BuktiDukung.objects.filter(berkas=name).exists():
        transaction.on_commit(lambda: storage.delete(name))


# --- reporting windows ----------------------------------------------------------------------------------------


def _ensure_may_manage(by: User | None, pemda: Pemda) -> None:
    if by is not None and not by.has_perm("monev.manage_jendela", pemda):
        raise PermissionDenied("Hanya admin pemda yang dapat membuka dan menutup pelaporan pemdanya.")


@transaction.atomic
def jendela_buka(
    *,
    pemda: Pemda,
    tahun: int,
    triwulan: int,
    tanggal_tutup=None,
    alasan: str = "",
    by: User | None = None,
) -> JendelaPelaporan:
    """Open a triwulan's reporting for the Pemda. Reopening a closed one needs a reason (kept in the history)."""
    check_triwulan(triwulan)
    _ensure_may_manage(by, pemda)
    jendela = JendelaPelaporan.objects.select_for_update().filter(pemda=pemda, tahun=tahun, triwulan=triwulan).first()
    values: dict[str, Any] = {"status": JendelaPelaporan.Status.DIBUKA}
    if tanggal_tutup is not None:
        values["tanggal_tutup"] = tanggal_tutup
    if jendela is not None and not jendela.dibuka:
        if not alasan.strip():
            raise ValidationError(f"Membuka kembali pelaporan TW {ROMAWI[triwulan]} {tahun} memerlukan alasan.")
        values["alasan"] = alasan.strip()
    elif alasan.strip():
        values["alasan"] = alasan.strip()
    return _save(jendela or JendelaPelaporan(pemda=pemda, tahun=tahun, triwulan=triwulan), by, values)


@transaction.atomic
def jendela_tutup(*, pemda: Pemda, tahun: int, triwulan: int, by: User | None = None) -> JendelaPelaporan:
    """Close a triwulan's reporting: its monev values become read-only."""
    check_triwulan(triwulan)
    _ensure_may_manage(by, pemda)
    jendela = JendelaPelaporan.objects.filter(pemda=pemda, tahun=tahun, triwulan=triwulan).first()
    if jendela is None:
        raise ValidationError(f"Pelaporan TW {ROMAWI[triwulan]} {tahun} belum pernah dibuka.")
    return _save(jendela, by, {"status": JendelaPelaporan.Status.DITUTUP})
