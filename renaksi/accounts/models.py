from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Peran(models.TextChoices):
    ADMIN_PEMDA = "admin_pemda", _("Admin Pemda")
    PERENCANA = "perencana", _("Perencana PD")
    KEPALA_BIDANG = "kepala_bidang", _("Kepala Bidang")
    KEPALA_PD = "kepala_pd", _("Kepala PD")
    EVALUATOR = "evaluator", _("Evaluator")


class User(AbstractUser):
    """A person with one role, scoped to a Pemda, and for PD roles to a Perangkat Daerah (and bidang)."""

    peran = models.CharField(_("peran"), max_length=20, choices=Peran.choices, blank=True)
    pemda = models.ForeignKey(
        "organisasi.Pemda", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    perangkat_daerah = models.ForeignKey(
        "organisasi.PerangkatDaerah", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # PROTECT: a bidang that a user (a kepala bidang) is scoped to cannot be deleted from under him.
    bidang = models.ForeignKey("organisasi.Bidang", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    pejabat = models.ForeignKey(
        "organisasi.Pejabat", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(peran="kepala_bidang") | models.Q(bidang__isnull=False),
                name="user_kepala_bidang_has_bidang",
            ),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.username
