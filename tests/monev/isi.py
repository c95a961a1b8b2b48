"""Helpers that fill plans with monitoring data for view and query-count tests (through the services)."""

import re
from decimal import Decimal

from django.urls import reverse

from renaksi.monev import services as monev
from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import Indikator, RencanaAksi, Sasaran, SubKegiatan


def add_indikator(plan: RencanaAksi, n: int) -> None:
    """n more indikator with yearly and quarterly targets under the plan's first sasaran."""
    sasaran = Sasaran.objects.filter(rencana_aksi=plan).first()
    for i in range(n):
        ind = svc.indikator_create(sasaran=sasaran, nama=f"Indikator tambahan {i + 1}", satuan="Persen")
        svc.target_set(indikator=ind, tahun=plan.tahun, triwulan=None, nilai=Decimal(100))
        for tw in range(1, 5):
            svc.target_set(indikator=ind, tahun=plan.tahun, triwulan=tw, nilai=Decimal(25))


def fill(plan: RencanaAksi, tw: int = 1) -> None:
    """Realisasi, evaluasi with a tindak lanjut, and realisasi anggaran for every row of the plan in triwulan tw."""
    for ind in Indikator.objects.filter(rencana_aksi=plan):
        monev.realisasi_indikator_set(indikator=ind, triwulan=tw, nilai=Decimal("5"))
        monev.evaluasi_set(indikator=ind, triwulan=tw, tindak_lanjut="Perbaikan")
    for sub in SubKegiatan.objects.filter(rencana_aksi=plan):
        monev.realisasi_anggaran_set(sub_kegiatan=sub, triwulan=tw, jumlah=1_000_000)


BAGIAN_URL = re.compile(r'hx-get="(/rencana-aksi/\d+/monev/\d/(?:sasaran|kegiatan)/\d+/)"')


def bagian_urls(html: str) -> list[str]:
    """The URLs of the monev form's sections (one per sasaran, one per kegiatan), in page order."""
    return list(dict.fromkeys(BAGIAN_URL.findall(html)))


def monev_html(client, plan: RencanaAksi, tw: int = 1) -> str:
    """The monev form as a reader sees it with every section opened: the page followed by each section htmx
    loads into it."""
    response = client.get(reverse("monev_form", args=[plan.pk, tw]))
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    parts = [html]
    for url in bagian_urls(html):
        section = client.get(url)
        assert section.status_code == 200, (url, section.status_code)
        parts.append(section.content.decode())
    return "\n".join(parts)
