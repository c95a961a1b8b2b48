from django.db import models
from django.utils.translation import gettext_lazy as _

from renaksi.core.nip import format_nip, validate_nip
from renaksi.core.riwayat import Riwayat


class Pemda(models.Model):
    class Jenis(models.TextChoices):
        PROVINSI = "provinsi", _("Provinsi")
        KABUPATEN = "kabupaten", _("Kabupaten")
        KOTA = "kota", _("Kota")

    jenis = models.CharField(_("jenis"), max_length=16, choices=Jenis.choices)
    nama = models.CharField(_("nama"), max_length=200, help_text=_("Tanpa jenis, misalnya 'Samarinda'."))
    ibukota = models.CharField(_("tempat penandatanganan"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("pemerintah daerah")
        verbose_name_plural = _("pemerintah daerah")
        ordering = ["nama"]
        constraints = [models.UniqueConstraint(fields=["jenis", "nama"], name="pemda_unique_jenis_nama")]

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} {self.nama}"


class PerangkatDaerah(models.Model):
    pemda = models.ForeignKey(Pemda, on_delete=models.PROTECT, related_name="perangkat_daerah")
    nama = models.CharField(_("nama"), max_length=255)
    singkatan = models.CharField(_("singkatan"), max_length=50, blank=True)
    kode_urusan = models.CharField(_("kode bidang urusan"), max_length=20, blank=True, help_text="8.01")
    alamat = models.CharField(_("alamat"), max_length=255, blank=True)
    kepala = models.ForeignKey(
        "Pejabat", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("kepala")
    )
    history = Riwayat()

    class Meta:
        verbose_name = _("perangkat daerah")
        verbose_name_plural = _("perangkat daerah")
        ordering = ["pemda__nama", "nama"]
        constraints = [models.UniqueConstraint(fields=["pemda", "nama"], name="pd_unique_pemda_nama")]

    def __str__(self) -> str:
        return f"{self.nama} {self.pemda}"


class Bidang(models.Model):
    perangkat_daerah = models.ForeignKey(PerangkatDaerah, on_delete=models.CASCADE, related_name="bidang")
    nama = models.CharField(_("nama"), max_length=255)
    singkatan = models.CharField(_("singkatan"), max_length=50, blank=True)
    urutan = models.PositiveIntegerField(default=0)
    kepala = models.ForeignKey(
        "Pejabat", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("kepala")
    )
    history = Riwayat()

    class Meta:
        verbose_name = _("bidang")
        verbose_name_plural = _("bidang")
        ordering = ["perangkat_daerah", "urutan", "nama"]
        constraints = [
            models.UniqueConstraint(fields=["perangkat_daerah", "nama"], name="bidang_unique_pd_nama")
        ]

    def __str__(self) -> str:
        return self.nama


class Pejabat(models.Model):
    class Status(models.TextChoices):
        DEFINITIF = "definitif", _("Definitif")
        PLT = "plt", _("Plt.")
        PLH = "plh", _("Plh.")

    perangkat_daerah = models.ForeignKey(PerangkatDaerah, on_delete=models.CASCADE, related_name="pejabat")
    bidang = models.ForeignKey(Bidang, on_delete=models.SET_NULL, null=True, blank=True, related_name="pejabat")
    nama = models.CharField(_("nama dan gelar"), max_length=200)
    nip = models.CharField(_("NIP"), max_length=18, blank=True, validators=[validate_nip])
    pangkat = models.CharField(_("pangkat"), max_length=100, blank=True, help_text="Pembina")
    golongan = models.CharField(_("golongan"), max_length=10, blank=True, help_text="IV/a")
    jabatan = models.CharField(_("jabatan"), max_length=255)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DEFINITIF)
    history = Riwayat()

    class Meta:
        verbose_name = _("pejabat")
        verbose_name_plural = _("pejabat")
        ordering = ["perangkat_daerah", "nama"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(nip="") | models.Q(nip__regex=r"^[0-9]{18}$"), name="pejabat_nip_18_digits"
            ),
        ]

    def __str__(self) -> str:
        return self.nama

    @property
    def nip_tampil(self) -> str:
        return format_nip(self.nip)

    @property
    def pangkat_golongan(self) -> str:
        return f"{self.pangkat} ({self.golongan})" if self.pangkat and self.golongan else self.pangkat or self.golongan

    @property
    def jabatan_tanda_tangan(self) -> str:
        """The jabatan as printed above a signature: 'Plt. Kepala …' for an acting official."""
        if self.status == self.Status.DEFINITIF or self.jabatan.lower().startswith(("plt", "plh")):
            return self.jabatan
        return f"{self.get_status_display()} {self.jabatan}"
