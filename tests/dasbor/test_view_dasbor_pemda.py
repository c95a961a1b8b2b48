"""GET /dasbor/: every PD of the Pemda for a year and triwulan (admin pemda, evaluator)."""

from decimal import Decimal
from html import unescape

import pytest
from django.urls import reverse

from renaksi.monev import services as monev
from renaksi.organisasi import services as org
from renaksi.perencanaan.models import Indikator, SubKegiatan
from tests.factories import make_plan
from tests.monev.isi import fill


def test_every_pd_with_capaian_serapan_completeness_and_drill_down(client, world, opened):
    other = make_plan(world.other_pd)
    iku = Indikator.objects.get(rencana_aksi=world.plan)
    monev.realisasi_indikator_set(indikator=iku, triwulan=1, nilai=Decimal("12"))  # 120 %
    for sub in SubKegiatan.objects.filter(rencana_aksi=world.plan):
        monev.realisasi_anggaran_set(sub_kegiatan=sub, triwulan=1, jumlah=1_000_000)  # 10 %, spent slowly
    monev.realisasi_indikator_set(indikator=Indikator.objects.get(rencana_aksi=other), triwulan=1,
                                  nilai=Decimal("3"))  # 30 %: berisiko
    client.force_login(world.eve)
    response = client.get(reverse("dasbor_pemda") + "?tahun=2024&tw=1")
    assert response.status_code == 200
    html = response.content.decode()
    table = html.split('id="tabel-pd"')[1].split("</table>")[0]
    assert world.pd.nama in table and world.other_pd.nama in table
    assert reverse("dasbor_pd", args=[world.foreign_plan.pk]) not in html  # another Pemda's PD
    assert "120,00%" in table and "10,00%" in table and "30,00%" in table
    assert reverse("dasbor_pd", args=[world.plan.pk]) in table  # drill down
    assert "capaian tanpa belanja" in html
    berisiko = html.split('id="tabel-berisiko"')[1]
    assert reverse("monev_indikator", args=[Indikator.objects.get(rencana_aksi=other).pk]) in berisiko
    for name in ("capaian", "serapan", "kelengkapan", "sebaran"):
        assert f'data-chart="chart-{name}"' in html


@pytest.mark.parametrize("persona,status", [("admin", 200), ("eve", 200), ("alice", 403), ("kabid", 403),
                                            ("kepala", 403), ("charlie", 403), ("dave", 403)])
def test_only_admin_pemda_and_evaluator(client, world, persona, status):
    client.force_login(getattr(world, persona))
    assert client.get(reverse("dasbor_pemda")).status_code == status


def _pds(world, n):
    for i in range(n):
        pd = org.perangkat_daerah_get_or_create(pemda=world.pemda, nama=f"Dinas Uji {i}")
        plan = make_plan(pd)
        fill(plan, 1)


@pytest.mark.parametrize("n", [0, 18])
def test_query_count_is_constant_for_2_and_20_pds(client, world, opened, django_assert_max_num_queries, n):
    make_plan(world.other_pd)
    fill(world.plan, 1)
    _pds(world, n)
    client.force_login(world.admin)
    with django_assert_max_num_queries(16):
        response = client.get(reverse("dasbor_pemda") + "?tahun=2024&tw=1")
    assert len(response.context["d"].pd) == 2 + n


def test_the_collector_is_paused_while_the_dashboard_is_built(client, world, opened, monkeypatch):
    """Decision 0022: no collection of the whole process in the middle of the dashboard; resumed after it."""
    import gc

    from renaksi.dasbor import selectors

    seen = []
    build = selectors.dasbor_pemda
    monkeypatch.setattr(selectors, "dasbor_pemda", lambda **kw: seen.append(gc.isenabled()) or build(**kw))
    enabled = gc.isenabled()
    gc.enable()
    try:
        client.force_login(world.admin)
        assert client.get(reverse("dasbor_pemda") + "?tahun=2024&tw=1").status_code == 200
        assert seen == [False] and gc.isenabled()
    finally:
        if not enabled:
            gc.disable()


def test_the_refusal_page_does_not_call_a_page_one_may_not_read_read_only(client, world):
    """The 403 page's hint was "Peran Anda hanya dapat membaca bagian ini" also for a page the user may not open at
    all; that hint stays for a refused change."""
    client.force_login(world.alice)
    response = client.get(reverse("dasbor_pemda"))
    html = unescape(response.content.decode())
    assert response.status_code == 403 and "Dasbor pemda hanya untuk admin pemda dan evaluator." in html
    assert "Halaman ini tidak tersedia untuk peran Anda." in html and "hanya dapat membaca" not in html
    response = client.post(reverse("monev_jendela_set", args=[2024, 1]), {"aksi": "buka"})
    assert response.status_code == 403 and "hanya dapat membaca bagian ini" in unescape(response.content.decode())


def test_nothing_reported_for_the_triwulan_says_so_instead_of_empty_charts(client, world, opened):
    """No realisasi for TW II (only TW I is reported): empty charts and "Tidak ada indikator berisiko." would read
    as results; the page says nothing is reported yet and keeps the per-PD counts and the report status."""
    make_plan(world.other_pd)
    monev.realisasi_indikator_set(indikator=Indikator.objects.get(rencana_aksi=world.plan), triwulan=1,
                                  nilai=Decimal("3"))
    client.force_login(world.eve)
    html = client.get(reverse("dasbor_pemda") + "?tahun=2024&tw=2").content.decode()
    assert "Belum ada realisasi yang dilaporkan untuk TW II." in html
    assert "data-chart=" not in html and 'id="tabel-berisiko"' not in html
    assert "Tidak ada indikator berisiko." not in html
    assert world.other_pd.nama in html.split('id="tabel-pd"')[1] and 'id="tabel-ketepatan"' in html

    html = client.get(reverse("dasbor_pemda") + "?tahun=2024&tw=1").content.decode()
    assert "Belum ada realisasi" not in html and 'data-chart="chart-capaian"' in html
