"""The download menu's data: the registry's reports and formats a user may download for a plan (no query)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django import template
from django.utils.translation import gettext as _

from renaksi.core.baris import url_baris
from renaksi.core.capaian import ROMAWI
from renaksi.laporan.registry import FORMAT, LAPORAN
from renaksi.perencanaan.models import RencanaAksi

register = template.Library()


@dataclass
class ItemFormat:
    kode: str
    nama: str
    url: str


@dataclass
class ItemLaporan:
    kode: str
    nama: str
    keterangan: str
    triwulan: str  # "wajib", "opsional", "tidak"
    format: list[ItemFormat]
    alasan: str = ""  # why it cannot be downloaded now (open data of a draft)


@dataclass
class Menu:
    laporan: list[ItemLaporan]
    triwulan: int
    triwulan_pilihan: list[tuple[int, str]] = field(default_factory=list)
    action: str = ""

    @property
    def pakai_triwulan(self) -> bool:
        return any(item.triwulan != "tidak" for item in self.laporan)


def triwulan_bawaan(plan: RencanaAksi, today: date | None = None) -> int:
    """The triwulan the menu preselects when the page names none: the current one in the plan's year, the last
    one of a past year, the first one of a future year."""
    today = today or date.today()
    if plan.tahun < today.year:
        return 4
    if plan.tahun > today.year:
        return 1
    return (today.month - 1) // 3 + 1


@register.simple_tag(takes_context=True)
def menu_unduh(context, plan: RencanaAksi, triwulan: int | None = None) -> Menu:
    """Each report the user may download (monitoring reports only with the monev read permission), with the URL
    of each of its formats; open data of a plan that is not approved is listed with the reason it is not offered."""
    user = context.get("user")
    items = []
    for entry in LAPORAN.values():
        if user is None or not user.has_perm(entry.izin, plan):
            continue
        alasan = ""
        if entry.hanya_disetujui and plan.status not in RencanaAksi.PUBLISHED:
            alasan = _("setelah rencana disetujui")
        items.append(ItemLaporan(
            kode=entry.kode, nama=str(entry.nama), keterangan=str(entry.keterangan), triwulan=entry.triwulan,
            alasan=alasan,
            format=[ItemFormat(kode=f, nama=str(FORMAT[f].nama),
                               url=url_baris("laporan_unduh", plan.pk, entry.kode, f)) for f in entry.format],
        ))
    tw = triwulan if triwulan in (1, 2, 3, 4) else triwulan_bawaan(plan)
    return Menu(laporan=items, triwulan=tw, triwulan_pilihan=[(n, ROMAWI[n]) for n in (1, 2, 3, 4)],
                action=items[0].format[0].url if items else "")
