from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Pekerjaan(models.Model):
    """One background job: who asked for it, over which Pemda/PD, with which parameters, how far it is, and its
    result file (kept in the default storage, handed out only by `views.unduh` after a rights check)."""

    class Status(models.TextChoices):
        ANTRI = "antri", _("Menunggu antrean")
        BERJALAN = "berjalan", _("Sedang berjalan")
        SELESAI = "selesai", _("Selesai")
        GAGAL = "gagal", _("Gagal")

    SELESAI_ATAU_GAGAL = (Status.SELESAI, Status.GAGAL)

    jenis = models.CharField(_("jenis"), max_length=40)  # a key of registry.RUNNER: "laporan.ekspor"
    judul = models.CharField(_("judul"), max_length=300)
    pemilik = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True,
                                related_name="+", verbose_name=_("pemilik"))
    pemda = models.ForeignKey("organisasi.Pemda", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    perangkat_daerah = models.ForeignKey("organisasi.PerangkatDaerah", on_delete=models.CASCADE, null=True,
                                         blank=True, related_name="+")
    parameter = models.JSONField(_("parameter"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ANTRI)
    persen = models.PositiveSmallIntegerField(_("kemajuan (%)"), default=0)
    pesan = models.CharField(_("pesan"), max_length=300, blank=True)
    galat = models.TextField(_("penyebab gagal"), blank=True)
    # False: running it again cannot help (the reader refused the uploaded file): no "Coba lagi" (registry).
    bisa_diulang = models.BooleanField(_("dapat dicoba lagi"), default=True)
    hasil = models.FileField(_("hasil"), upload_to="pekerjaan/%Y/%m/", blank=True, max_length=300)
    hasil_nama = models.CharField(_("nama berkas hasil"), max_length=200, blank=True)
    hasil_content_type = models.CharField(max_length=150, blank=True)
    hasil_dihapus = models.BooleanField(_("hasil sudah dihapus"), default=False)  # its kept time is over
    lanjut = models.CharField(_("alamat lanjutan"), max_length=300, blank=True)  # where "Lanjutkan" leads when done
    tugas_id = models.CharField(max_length=64, blank=True)  # the id of the django-tasks result of the last run
    percobaan = models.PositiveSmallIntegerField(_("percobaan"), default=0)
    # Queued again by the sweep after its worker died (at most once: services.ULANG_OTOMATIS), never reset.
    diulang_otomatis = models.PositiveSmallIntegerField(_("diulang otomatis"), default=0)
    dibuat = models.DateTimeField(_("dibuat"), auto_now_add=True)
    diantrekan = models.DateTimeField(_("diantrekan"), default=timezone.now)  # the last time it was queued
    dimulai = models.DateTimeField(_("dimulai"), null=True, blank=True)
    selesai = models.DateTimeField(_("selesai"), null=True, blank=True)
    detak = models.DateTimeField(_("tanda hidup terakhir"), null=True, blank=True)  # written while it runs

    class Meta:
        verbose_name = _("pekerjaan")
        verbose_name_plural = _("pekerjaan")
        ordering = ["-dibuat", "-pk"]
        indexes = [models.Index(fields=["pemilik", "-dibuat"]), models.Index(fields=["pemda", "-dibuat"]),
                   models.Index(fields=["status", "selesai"]),  # the sweep: running jobs, jobs ended long ago
                   models.Index(fields=["detak"])]  # the last sign of life of any worker (selectors)

    def __str__(self) -> str:
        return self.judul

    @property
    def berakhir(self) -> bool:
        return self.status in self.SELESAI_ATAU_GAGAL


class Salinan(models.Model):
    """A ready copy of a file, found by the key of its content (decision 0017): the document cache of laporan.
    `kunci` is the hash of everything the file is made from, so a copy is never stale; `dipakai` is when it was
    last made or handed out, and the sweep deletes copies unused for RENAKSI_SALINAN_SIMPAN_HARI days."""

    kunci = models.CharField(_("kunci"), max_length=64, unique=True)
    berkas = models.FileField(_("berkas"), upload_to="dokumen/", max_length=200)
    dibuat = models.DateTimeField(_("dibuat"), auto_now_add=True)
    dipakai = models.DateTimeField(_("terakhir dipakai"), db_index=True)

    class Meta:
        verbose_name = _("salinan dokumen")
        verbose_name_plural = _("salinan dokumen")

    def __str__(self) -> str:
        return self.berkas.name or ""
