"""The record of the workflow: every transition of a plan or of one of its triwulan reports.

The states themselves live on the objects they lock: `RencanaAksi.status` and `monev.LaporanTriwulan.status`
(docs/decisions/0004). A `Transisi` names the plan and, for a triwulan report, its triwulan (None: the plan
itself); who took it, when, from which state to which, why (required to return and to reopen) and, for a
submission, the open findings recorded at that moment (`pemeriksaan.Cuplikan`).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from renaksi.pemeriksaan.models import Cuplikan
from renaksi.perencanaan.models import RencanaAksi

Status = RencanaAksi.Status


class Transisi(models.Model):
    class Langkah(models.TextChoices):
        AJUKAN = "ajukan", _("Diajukan")
        KEMBALIKAN = "kembalikan", _("Dikembalikan")
        SETUJUI = "setujui", _("Disetujui")
        KUNCI = "kunci", _("Dikunci")
        BUKA = "buka", _("Dibuka kembali")

    rencana_aksi = models.ForeignKey(RencanaAksi, on_delete=models.CASCADE, related_name="transisi",
                                     verbose_name=_("rencana aksi"))
    triwulan = models.PositiveSmallIntegerField(_("triwulan"), null=True, blank=True,
                                                help_text=_("Kosong: rencana aksinya sendiri."))
    langkah = models.CharField(_("langkah"), max_length=20, choices=Langkah.choices)
    dari = models.CharField(_("dari"), max_length=20, choices=Status.choices)
    ke = models.CharField(_("ke"), max_length=20, choices=Status.choices)
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="+", verbose_name=_("oleh"))
    waktu = models.DateTimeField(_("waktu"))
    alasan = models.TextField(_("alasan"), blank=True)
    cuplikan = models.ForeignKey(Cuplikan, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                                 verbose_name=_("temuan terbuka saat diajukan"))

    class Meta:
        verbose_name = _("transisi")
        verbose_name_plural = _("transisi")
        ordering = ["rencana_aksi", "triwulan", "waktu", "id"]
        indexes = [models.Index(fields=["rencana_aksi", "triwulan", "waktu"], name="transisi_objek_waktu")]
        constraints = [
            models.CheckConstraint(condition=Q(triwulan__isnull=True) | Q(triwulan__gte=1, triwulan__lte=4),
                                   name="transisi_triwulan_1_4"),
        ]

    def __str__(self) -> str:
        return f"{self.get_langkah_display()} ({self.dari} → {self.ke})"
