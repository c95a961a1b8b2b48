"""POST /monev/sub-kegiatan/<id>/tw/<n>/: realisasi anggaran (spent in the triwulan) of one sub kegiatan."""

import pytest
from django.urls import reverse

from renaksi.monev import services as monev
from renaksi.monev.models import RealisasiAnggaran

HX = {"HTTP_HX_REQUEST": "true"}


def post(client, sub, jumlah, tw=1):
    return client.post(reverse("monev_anggaran_save", args=[sub.pk, tw]), {"jumlah": jumlah}, **HX)


def test_perencana_saves_and_sees_serapan(client, world, rows):
    client.force_login(world.alice)
    response = post(client, rows.sub_politik, "2.500.000")
    assert response.status_code == 200
    assert RealisasiAnggaran.objects.get(sub_kegiatan=rows.sub_politik, triwulan=1).jumlah == 2_500_000
    assert "25,00 %" in response.content.decode()  # of a pagu of 10.000.000


def test_serapan_sums_the_triwulan_up_to_n(client, world, rows):
    monev.realisasi_anggaran_set(sub_kegiatan=rows.sub_politik, triwulan=1, jumlah=1_000_000)
    client.force_login(world.alice)
    response = post(client, rows.sub_politik, "2000000", tw=2)
    assert "30,00 %" in response.content.decode()


def test_kepala_bidang_only_his_bidang(client, world, rows):
    client.force_login(world.bob)  # Ideologi
    assert post(client, rows.sub_ideologi, "1000").status_code == 200
    assert post(client, rows.sub_politik, "1000").status_code == 403
    assert list(RealisasiAnggaran.objects.values_list("sub_kegiatan_id", flat=True)) == [rows.sub_ideologi.pk]


@pytest.mark.parametrize("persona,status", [("kepala", 403), ("eve", 403), ("charlie", 404), ("dave", 404)])
def test_readers_and_outsiders(client, world, rows, persona, status):
    client.force_login(getattr(world, persona))
    assert post(client, rows.sub_politik, "1000").status_code == status
    assert not RealisasiAnggaran.objects.exists()


@pytest.mark.parametrize("value", ["-5", "satu juta", "1,5"])
def test_bad_amount_is_422(client, world, rows, value):
    client.force_login(world.alice)
    assert post(client, rows.sub_politik, value).status_code == 422
    assert not RealisasiAnggaran.objects.exists()


def test_closed_triwulan_refuses(client, world, rows):
    monev.jendela_tutup(pemda=world.pemda, tahun=2024, triwulan=1)
    client.force_login(world.alice)
    response = post(client, rows.sub_politik, "1000")
    assert response.status_code == 422 and "sudah ditutup" in response.content.decode()
    assert not RealisasiAnggaran.objects.exists()
