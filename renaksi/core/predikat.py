"""Predikat of a capaian by the bands of Permendagri 86/2017 (evaluasi hasil Renja).

Capaian in %: > 90 Sangat Tinggi; > 75 – 90 Tinggi; > 65 – 75 Sedang; > 50 – 65 Rendah; ≤ 50 Sangat Rendah.
The bounds belong to the lower band: exactly 90 is Tinggi, exactly 50 is Sangat Rendah. No capaian (None, a
codes-only category result) has no predikat. Capaian above 100 is Sangat Tinggi (the bands have no upper end).
"""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _


class Predikat(models.TextChoices):
    SANGAT_TINGGI = "sangat_tinggi", _("Sangat Tinggi")
    TINGGI = "tinggi", _("Tinggi")
    SEDANG = "sedang", _("Sedang")
    RENDAH = "rendah", _("Rendah")
    SANGAT_RENDAH = "sangat_rendah", _("Sangat Rendah")


# (lower bound, exclusive; predikat), highest first.
BATAS = (
    (Decimal(90), Predikat.SANGAT_TINGGI),
    (Decimal(75), Predikat.TINGGI),
    (Decimal(65), Predikat.SEDANG),
    (Decimal(50), Predikat.RENDAH),
)


def predikat(capaian: Decimal | None) -> Predikat | None:
    """The band a capaian (%) falls in, or None without a capaian."""
    if capaian is None:
        return None
    for batas, nama in BATAS:
        if capaian > batas:
            return nama
    return Predikat.SANGAT_RENDAH


# The band colours every screen, chart and document uses ("#RRGGBB"; renaksi/static/renaksi/monev.css has the same).
WARNA_PREDIKAT = {
    Predikat.SANGAT_TINGGI: "#1a7f37", Predikat.TINGGI: "#57a35b", Predikat.SEDANG: "#d4a72c",
    Predikat.RENDAH: "#e07b39", Predikat.SANGAT_RENDAH: "#c93c37",
}

# The same bands as document cell fills (PDF, XLSX, DOCX share them), behind black text: each colour above mixed half
# with white. Black text on the full colours is about 4:1 on the darkest (sangat tinggi, sangat rendah), below WCAG AA
# (4.5:1); on these tints every band is above 9:1, the hue still tells the band apart.
LATAR_PREDIKAT_DOKUMEN = {
    Predikat.SANGAT_TINGGI: "#8cbf9b", Predikat.TINGGI: "#abd1ad", Predikat.SEDANG: "#ead396",
    Predikat.RENDAH: "#f0bd9c", Predikat.SANGAT_RENDAH: "#e49e9b",
}
