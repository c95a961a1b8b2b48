"""Acknowledgements: a person's note that a finding is known and accepted, e.g. "sesuai DPA".

An acknowledgement names the finding by its rule and the fingerprint of its location, and remembers the
fingerprint of its values. While the finding keeps the same values it is shown as acknowledged; when its values
change it comes back as open (the old note is still shown, as outdated). Every change is kept in the history.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from renaksi.core.riwayat import Riwayat
from renaksi.perencanaan.models import RencanaAksi


class Pengakuan(models.Model):
    rencana_aksi = models.ForeignKey(RencanaAksi, on_delete=models.CASCADE, related_name="pengakuan")
    rule = models.CharField(_("aturan"), max_length=100)
    lokasi = models.CharField(_("sidik lokasi"), max_length=64)
    nilai = models.CharField(_("sidik nilai"), max_length=64)
    nilai_json = models.JSONField(_("nilai saat diakui"), default=dict, blank=True)
    pesan = models.TextField(_("temuan saat diakui"), blank=True)
    catatan = models.TextField(_("catatan"))
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("diakui oleh"),
    )
    waktu = models.DateTimeField(_("waktu"))
    history = Riwayat()

    class Meta:
        verbose_name = _("pengakuan temuan")
        verbose_name_plural = _("pengakuan temuan")
        ordering = ["rencana_aksi", "rule", "lokasi"]
        constraints = [
            models.UniqueConstraint(fields=["rencana_aksi", "rule", "lokasi"], name="pengakuan_unique_temuan"),
        ]

    def __str__(self) -> str:
        return f"{self.rule}: {self.catatan}"


class Cuplikan(models.Model):
    """The open findings of a plan at one moment — a submission of the plan (`triwulan` None) or of a triwulan
    report — so that the findings panel can show what is new and what was resolved since then. The workflow
    (`renaksi.alur`) decides when one is taken; the checker owns what it holds: per finding its fingerprint, rule,
    severity, message and place, enough to name a finding that no longer exists."""

    rencana_aksi = models.ForeignKey(RencanaAksi, on_delete=models.CASCADE, related_name="cuplikan_temuan")
    triwulan = models.PositiveSmallIntegerField(_("triwulan"), null=True, blank=True)
    waktu = models.DateTimeField(_("waktu"))
    temuan = models.JSONField(_("temuan terbuka"), default=list, blank=True)

    class Meta:
        verbose_name = _("cuplikan temuan")
        verbose_name_plural = _("cuplikan temuan")
        ordering = ["rencana_aksi", "-waktu", "-id"]

    def __str__(self) -> str:
        return f"{self.waktu:%Y-%m-%d %H:%M}: {len(self.temuan)} temuan"

    @property
    def fingerprints(self) -> set[str]:
        return {t["fingerprint"] for t in self.temuan}
