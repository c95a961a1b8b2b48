"""Evaluator notes: a threaded note on a row of a plan, or on an indikator's realisasi of a triwulan.

A thread is a root `Catatan` (`induk` NULL) and its replies (`induk` = the root). The root carries the thread's
status: *terbuka* until the PD or the evaluator marks it *selesai*; it can be reopened. A note points at its row by
kind and id (`jenis`, `objek_id`) — the rows of a plan live in perencanaan and a note must not stop them from being
deleted; a note on a monev report also names the triwulan. Notes are never public. The history of every change of
a plan's rows is simple-history's (see selectors.py); the notes keep theirs too.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from renaksi.core.riwayat import Riwayat
from renaksi.perencanaan.models import RencanaAksi


class Catatan(models.Model):
    class Jenis(models.TextChoices):
        SASARAN = "sasaran", _("Sasaran")
        INDIKATOR = "indikator", _("Indikator")
        PROGRAM = "program", _("Program")
        KEGIATAN = "kegiatan", _("Kegiatan")
        SUB_KEGIATAN = "subkegiatan", _("Sub kegiatan")
        AKSI = "aksi", _("Aksi")

    class Status(models.TextChoices):
        TERBUKA = "terbuka", _("Terbuka")
        SELESAI = "selesai", _("Selesai")

    rencana_aksi = models.ForeignKey(RencanaAksi, on_delete=models.CASCADE, related_name="+",
                                     verbose_name=_("rencana aksi"))
    jenis = models.CharField(_("jenis baris"), max_length=20, choices=Jenis.choices)
    objek_id = models.PositiveBigIntegerField(_("baris"))
    triwulan = models.PositiveSmallIntegerField(_("triwulan"), null=True, blank=True,
                                                validators=[MinValueValidator(1), MaxValueValidator(4)])
    induk = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="balasan",
                              verbose_name=_("catatan induk"))
    teks = models.TextField(_("catatan"))
    penulis = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+",
                                verbose_name=_("penulis"))
    dibuat = models.DateTimeField(_("dibuat"), auto_now_add=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.TERBUKA)
    status_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+", verbose_name=_("status diubah oleh"))
    status_pada = models.DateTimeField(_("status diubah pada"), null=True, blank=True)
    history = Riwayat()

    class Meta:
        verbose_name = _("catatan evaluator")
        verbose_name_plural = _("catatan evaluator")
        ordering = ["dibuat", "id"]
        indexes = [models.Index(fields=["rencana_aksi", "status", "jenis", "objek_id"])]
        constraints = [
            models.CheckConstraint(condition=Q(triwulan__isnull=True) | Q(triwulan__gte=1, triwulan__lte=4),
                                   name="catatan_triwulan_1_4"),
        ]

    def __str__(self) -> str:
        return self.teks[:80]

    @property
    def terbuka(self) -> bool:
        return self.status == self.Status.TERBUKA
