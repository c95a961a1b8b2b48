"""GET /rencana-aksi/<id>/dasbor/: the PD dashboard for a year and triwulan."""

import json
from decimal import Decimal

import pytest
from django.urls import reverse

from renaksi.monev import services as monev
from renaksi.perencanaan.models import Indikator, SubKegiatan
from tests.factories import make_plan
from tests.monev.isi import add_indikator, fill


def url(plan, tw=None):
    return reverse("dasbor_pd", args=[plan.pk]) + (f"?tw={tw}" if tw else "")


def test_capaian_serapan_and_their_tables(client, world, opened):
    iku = Indikator.objects.get(rencana_aksi=world.plan)
    monev.realisasi_indikator_set(indikator=iku, triwulan=1, nilai=Decimal("4"))  # 40 % of 10: berisiko
    sub = SubKegiatan.objects.filter(rencana_aksi=world.plan).first()
    monev.realisasi_anggaran_set(sub_kegiatan=sub, triwulan=1, jumlah=5_000_000)
    monev.evaluasi_set(indikator=iku, triwulan=1, tindak_lanjut="Sosialisasi ulang")
    client.force_login(world.alice)
    response = client.get(url(world.plan, 1))
    assert response.status_code == 200
    html = response.content.decode()
    # every chart has its numbers in a table
    for name in ("sasaran", "iku", "program", "progres", "sebaran"):
        assert f'data-chart="chart-{name}"' in html and f'id="chart-{name}"' in html
    assert 'id="tabel-iku"' in html and "40,00%" in html and "Sangat Rendah" in html
    assert "25,00%" in html  # 5 of 20 million of the program's sub kegiatan
    assert "Sosialisasi ulang" in html  # open tindak lanjut
    assert iku.nama in html.split('id="tabel-berisiko"')[1]
    data = html.split('<script id="chart-iku" type="application/json">')[1].split("</script>")[0]
    assert json.loads(data)["datasets"][0]["data"] == [40.0]
    assert "<script>" not in html.replace('<script id=', '')  # no inline scripts, only json_script data


@pytest.mark.parametrize("persona,status", [("alice", 200), ("bob", 200), ("kepala", 200), ("eve", 200),
                                            ("admin", 200), ("charlie", 404), ("dave", 404)])
def test_who_may_read(client, world, opened, persona, status):
    client.force_login(getattr(world, persona))
    assert client.get(url(world.plan)).status_code == status


def test_query_count_is_constant_as_the_plan_grows(client, world, opened, django_assert_max_num_queries):
    big = make_plan(world.other_pd, tahun=2024, n_sub_kegiatan=20, aksi_per_sub=4)
    add_indikator(big, 10)
    for plan in (world.plan, big):
        fill(plan, 1)
    for user, plan in ((world.alice, world.plan), (world.charlie, big)):
        client.force_login(user)
        with django_assert_max_num_queries(26):
            assert client.get(url(plan, 2)).status_code == 200


def test_nothing_reported_for_the_triwulan_says_so_instead_of_empty_charts(client, world, opened):
    monev.evaluasi_set(indikator=Indikator.objects.get(rencana_aksi=world.plan), triwulan=1,
                       tindak_lanjut="Sosialisasi ulang")
    client.force_login(world.alice)
    html = client.get(url(world.plan, 1)).content.decode()
    assert "Belum ada realisasi yang dilaporkan untuk TW I." in html
    for name in ("sasaran", "iku", "program", "sebaran"):
        assert f'data-chart="chart-{name}"' not in html
    assert 'id="tabel-berisiko"' not in html and "Tidak ada indikator berisiko." not in html
    assert 'data-chart="chart-progres"' in html and "Sosialisasi ulang" in html  # aksi progress, open follow-ups

    monev.realisasi_anggaran_set(sub_kegiatan=SubKegiatan.objects.filter(rencana_aksi=world.plan).first(),
                                 triwulan=1, jumlah=5_000_000)
    html = client.get(url(world.plan, 1)).content.decode()
    assert "Belum ada realisasi" not in html and 'data-chart="chart-iku"' in html
