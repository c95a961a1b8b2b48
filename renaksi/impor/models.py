"""A record of every document imported into a plan: which file (name, hash, size), read how, by whom, and what
came out (the import result, with its decisions and warnings). Kept when the plan is replaced or deleted."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Impor(models.Model):
    filename = models.CharField(_("nama berkas"), max_length=255)
    sha256 = models.CharField(_("sidik SHA-256"), max_length=64)
    size = models.PositiveBigIntegerField(_("ukuran (byte)"))
    format = models.CharField(_("format"), max_length=10)
    layout = models.CharField(_("tata letak"), max_length=30)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("pengguna"),
    )
    created = models.DateTimeField(_("waktu impor"), auto_now_add=True)
    rencana_aksi = models.ForeignKey(
        "perencanaan.RencanaAksi", on_delete=models.SET_NULL, null=True, blank=True, related_name="impor",
        verbose_name=_("rencana aksi"),
    )
    summary = models.JSONField(_("ringkasan"), default=dict, blank=True)

    class Meta:
        verbose_name = _("impor dokumen")
        verbose_name_plural = _("impor dokumen")
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"{self.filename} ({self.created:%Y-%m-%d %H:%M})" if self.created else self.filename
