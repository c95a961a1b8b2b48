"""Monitoring (monev): what a PD reports every triwulan against its plan.

- `JendelaPelaporan`: the admin pemda opens and closes each triwulan of a year for the Pemda; outside an open window
  every monev value is read-only. No window row means closed.
- `RealisasiIndikator`: an indicator's realisasi for a triwulan, written the way its quarterly target is written
  (kumulatif: achieved in that triwulan; nilai akhir: the value at its end); a number, or a category like a target
  (`kategori` "B" with `nilai` 67.34 as score, or "WTP" alone).
- `RealisasiAnggaran`: money spent on a sub kegiatan **in** a triwulan (not to date), once per sub kegiatan.
- `ProgresAksi`: per aksi and month, plan vs actual.
- `EvaluasiIndikator`: faktor pendorong/penghambat and tindak lanjut per indikator and triwulan; its tindak lanjut
  for the next triwulan becomes a `TindakLanjut` tracked to closure in later triwulan.
- `BuktiDukung`: a file (checked by content) or a link attached to a realisasi.
- `LaporanTriwulan`: the state of a PD's quarterly report of a plan (draft → diajukan → dikembalikan / disetujui →
  terkunci), moved by `renaksi.alur.services`; a report that has left draft locks that triwulan's values. The state
  lives here, beside the values it locks, as a plan's state lives on `RencanaAksi.status` (docs/decisions/0004).
Writes go through `services.py`; every model keeps its history.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from renaksi.core.kunci import versi_field
from renaksi.core.riwayat import Riwayat
from renaksi.organisasi.models import Pemda
from renaksi.perencanaan.models import TARGET_DECIMAL, Aksi, Indikator, RencanaAksi, SubKegiatan

TRIWULAN_VALIDATORS = [MinValueValidator(1, "Triwulan harus 1–4."), MaxValueValidator(4, "Triwulan harus 1–4.")]


def _triwulan_field() -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(_("triwulan"), validators=TRIWULAN_VALIDATORS)


def _triwulan_check(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(condition=Q(triwulan__gte=1, triwulan__lte=4), name=name)


class JendelaPelaporan(models.Model):
    class Status(models.TextChoices):
        DIBUKA = "dibuka", _("Dibuka")
        DITUTUP = "ditutup", _("Ditutup")

    pemda = models.ForeignKey(Pemda, on_delete=models.CASCADE, related_name="+", verbose_name=_("pemda"))
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    triwulan = _triwulan_field()
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DITUTUP)
    tanggal_tutup = models.DateField(_("batas pelaporan"), null=True, blank=True,
                                     help_text=_("Tanggal terakhir laporan dianggap tepat waktu."))
    alasan = models.TextField(_("alasan pembukaan kembali"), blank=True)
    diubah = models.DateTimeField(auto_now=True)
    history = Riwayat()

    class Meta:
        verbose_name = _("jendela pelaporan")
        verbose_name_plural = _("jendela pelaporan")
        ordering = ["pemda_id", "-tahun", "triwulan"]
        constraints = [
            models.UniqueConstraint(fields=["pemda", "tahun", "triwulan"], name="jendela_unique_pemda_tahun_tw"),
            _triwulan_check("jendela_triwulan_1_4"),
        ]

    def __str__(self) -> str:
        return f"TW {self.triwulan} {self.tahun}: {self.get_status_display()}"

    @property
    def dibuka(self) -> bool:
        return self.status == self.Status.DIBUKA


class LaporanTriwulan(models.Model):
    Status = RencanaAksi.Status
    EDITABLE = RencanaAksi.EDITABLE

    rencana_aksi = models.ForeignKey(RencanaAksi, on_delete=models.CASCADE, related_name="laporan_triwulan",
                                     verbose_name=_("rencana aksi"))
    triwulan = _triwulan_field()
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    # The first submission: timeliness is measured against it (a return and a resubmission do not make a report
    # that was on time late).
    diajukan_pada = models.DateTimeField(_("pertama diajukan"), null=True, blank=True)
    diubah = models.DateTimeField(_("diubah"), auto_now=True)
    history = Riwayat()

    class Meta:
        verbose_name = _("laporan triwulan")
        verbose_name_plural = _("laporan triwulan")
        ordering = ["rencana_aksi_id", "triwulan"]
        constraints = [
            models.UniqueConstraint(fields=["rencana_aksi", "triwulan"], name="laporan_triwulan_unique"),
            _triwulan_check("laporan_triwulan_triwulan_1_4"),
        ]

    def __str__(self) -> str:
        return f"Laporan TW {self.triwulan}: {self.get_status_display()}"

    @property
    def editable(self) -> bool:
        return self.status in self.EDITABLE


class RealisasiIndikator(models.Model):
    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="realisasi",
                                  verbose_name=_("indikator"))
    triwulan = _triwulan_field()
    nilai = models.DecimalField(_("realisasi"), **TARGET_DECIMAL)
    kategori = models.CharField(_("kategori"), max_length=10, blank=True, help_text="B, BB, WTP …")
    catatan = models.TextField(_("catatan"), blank=True)
    diisi_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("diisi oleh"))
    versi_baris = versi_field()  # optimistic locking of the monev form (renaksi/core/kunci.py)
    diubah = models.DateTimeField(_("diubah"), auto_now=True)
    history = Riwayat()

    class Meta:
        verbose_name = _("realisasi indikator")
        verbose_name_plural = _("realisasi indikator")
        ordering = ["indikator", "triwulan"]
        constraints = [
            models.UniqueConstraint(fields=["indikator", "triwulan"], name="realisasi_indikator_unique"),
            _triwulan_check("realisasi_indikator_triwulan_1_4"),
        ]

    def __str__(self) -> str:
        return f"TW {self.triwulan}: {self.kategori or ''} {self.nilai if self.nilai is not None else ''}".strip()


class RealisasiAnggaran(models.Model):
    sub_kegiatan = models.ForeignKey(SubKegiatan, on_delete=models.CASCADE, related_name="realisasi_anggaran",
                                     verbose_name=_("sub kegiatan"))
    triwulan = _triwulan_field()
    jumlah = models.BigIntegerField(_("belanja dalam triwulan (Rp)"),
                                    validators=[MinValueValidator(0, "Realisasi anggaran tidak boleh negatif.")])
    catatan = models.TextField(_("catatan"), blank=True)
    diisi_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("diisi oleh"))
    versi_baris = versi_field()  # optimistic locking of the monev form (renaksi/core/kunci.py)
    diubah = models.DateTimeField(_("diubah"), auto_now=True)
    history = Riwayat()

    class Meta:
        verbose_name = _("realisasi anggaran")
        verbose_name_plural = _("realisasi anggaran")
        ordering = ["sub_kegiatan_id", "triwulan"]
        constraints = [
            models.UniqueConstraint(fields=["sub_kegiatan", "triwulan"], name="realisasi_anggaran_unique"),
            _triwulan_check("realisasi_anggaran_triwulan_1_4"),
            models.CheckConstraint(condition=Q(jumlah__gte=0), name="realisasi_anggaran_jumlah_gte_0"),
        ]

    def __str__(self) -> str:
        return f"TW {self.triwulan}: Rp{self.jumlah}"


class ProgresAksi(models.Model):
    class Status(models.TextChoices):
        SELESAI = "selesai", _("Selesai")
        BERJALAN = "berjalan", _("Berjalan")
        BELUM = "belum", _("Belum")
        BATAL = "batal", _("Batal")

    aksi = models.ForeignKey(Aksi, on_delete=models.CASCADE, related_name="progres", verbose_name=_("aksi"))
    bulan = models.PositiveSmallIntegerField(
        _("bulan"), validators=[MinValueValidator(1, "Bulan harus 1–12."), MaxValueValidator(12, "Bulan harus 1–12.")]
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    catatan = models.TextField(_("catatan"), blank=True)
    diubah = models.DateTimeField(_("diubah"), auto_now=True)
    history = Riwayat()

    class Meta:
        verbose_name = _("progres aksi")
        verbose_name_plural = _("progres aksi")
        ordering = ["aksi_id", "bulan"]
        constraints = [
            models.UniqueConstraint(fields=["aksi", "bulan"], name="progres_aksi_unique"),
            models.CheckConstraint(condition=Q(bulan__gte=1, bulan__lte=12), name="progres_aksi_bulan_1_12"),
        ]

    def __str__(self) -> str:
        return f"{self.bulan}: {self.get_status_display()}"


class EvaluasiIndikator(models.Model):
    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="evaluasi",
                                  verbose_name=_("indikator"))
    triwulan = _triwulan_field()
    faktor_pendorong = models.TextField(_("faktor pendorong"), blank=True)
    faktor_penghambat = models.TextField(_("faktor penghambat"), blank=True)
    tindak_lanjut = models.TextField(_("tindak lanjut triwulan berikutnya"), blank=True)
    tindak_lanjut_renja = models.TextField(_("tindak lanjut Renja tahun berikutnya"), blank=True)
    diubah = models.DateTimeField(_("diubah"), auto_now=True)
    history = Riwayat()

    class Meta:
        verbose_name = _("evaluasi indikator")
        verbose_name_plural = _("evaluasi indikator")
        ordering = ["indikator", "triwulan"]
        constraints = [
            models.UniqueConstraint(fields=["indikator", "triwulan"], name="evaluasi_indikator_unique"),
            _triwulan_check("evaluasi_indikator_triwulan_1_4"),
        ]

    def __str__(self) -> str:
        return f"Evaluasi TW {self.triwulan}"


class TindakLanjut(models.Model):
    """A tindak lanjut written in triwulan `triwulan`, followed up in later triwulan until it is closed.

    `status_triwulan` is the triwulan in which the current status was given (None while it is still *terbuka*).
    Open (terbuka, berjalan) items carry over to every later triwulan's form.
    """

    class Status(models.TextChoices):
        TERBUKA = "terbuka", _("Terbuka")
        BERJALAN = "berjalan", _("Berjalan")
        SELESAI = "selesai", _("Selesai")
        TIDAK_DILAKSANAKAN = "tidak_dilaksanakan", _("Tidak dilaksanakan")

    OPEN = (Status.TERBUKA, Status.BERJALAN)

    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="tindak_lanjut",
                                  verbose_name=_("indikator"))
    triwulan = _triwulan_field()
    uraian = models.TextField(_("tindak lanjut"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.TERBUKA)
    status_triwulan = models.PositiveSmallIntegerField(_("status diberikan pada triwulan"), null=True, blank=True,
                                                       validators=TRIWULAN_VALIDATORS)
    catatan = models.TextField(_("catatan"), blank=True)
    diubah = models.DateTimeField(_("diubah"), auto_now=True)
    history = Riwayat()

    class Meta:
        verbose_name = _("tindak lanjut")
        verbose_name_plural = _("tindak lanjut")
        ordering = ["indikator", "triwulan"]
        constraints = [
            models.UniqueConstraint(fields=["indikator", "triwulan"], name="tindak_lanjut_unique"),
            _triwulan_check("tindak_lanjut_triwulan_1_4"),
            models.CheckConstraint(condition=Q(status_triwulan__isnull=True) | Q(status_triwulan__gt=models.F("triwulan")),
                                   name="tindak_lanjut_status_later"),
        ]

    def __str__(self) -> str:
        return self.uraian

    @property
    def terbuka(self) -> bool:
        return self.status in self.OPEN


def bukti_upload_to(instance: BuktiDukung, filename: str) -> str:
    """A random name under `bukti/`, never the uploaded name; the extension follows the detected content."""
    ext = {"pdf": ".pdf", "png": ".png", "jpeg": ".jpg", "docx": ".docx", "xlsx": ".xlsx"}.get(instance.jenis, "")
    return f"bukti/{uuid.uuid4().hex}{ext}"


class BuktiDukung(models.Model):
    """Evidence for a realisasi: a file (kind checked by its content) or a link, never both."""

    class Jenis(models.TextChoices):
        PDF = "pdf", "PDF"
        PNG = "png", "PNG"
        JPEG = "jpeg", "JPEG"
        DOCX = "docx", "DOCX"
        XLSX = "xlsx", "XLSX"
        TAUTAN = "tautan", _("Tautan")

    realisasi = models.ForeignKey(RealisasiIndikator, on_delete=models.CASCADE, related_name="bukti",
                                  verbose_name=_("realisasi"))
    berkas = models.FileField(_("berkas"), upload_to=bukti_upload_to, blank=True, max_length=200)
    url = models.URLField(_("tautan"), blank=True, max_length=1000)
    nama = models.CharField(_("nama"), max_length=255)
    jenis = models.CharField(_("jenis"), max_length=10, choices=Jenis.choices)
    ukuran = models.PositiveBigIntegerField(_("ukuran (bita)"), default=0)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+", verbose_name=_("diunggah oleh"))
    created = models.DateTimeField(_("dibuat"), auto_now_add=True)
    history = Riwayat()

    class Meta:
        verbose_name = _("bukti dukung")
        verbose_name_plural = _("bukti dukung")
        ordering = ["realisasi", "created", "id"]
        constraints = [
            models.CheckConstraint(condition=(Q(berkas="") & ~Q(url="")) | (~Q(berkas="") & Q(url="")),
                                   name="bukti_berkas_xor_url"),
        ]

    def __str__(self) -> str:
        return self.nama
