"""POST /monev/sub-kegiatan/<id>/tw/<n>/: realisasi anggaran (spent in the triwulan) of one sub kegiatan."""

import re

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
    assert "25,00%" in response.content.decode()  # of a pagu of 10.000.000


def test_serapan_sums_the_triwulan_up_to_n(client, world, rows):
    monev.realisasi_anggaran_set(sub_kegiatan=rows.sub_politik, triwulan=1, jumlah=1_000_000)
    client.force_login(world.alice)
    response = post(client, rows.sub_politik, "2000000", tw=2)
    assert "30,00%" in response.content.decode()


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


def _version_in(html: str) -> str:
    match = re.search(r'<input type="hidden" name="versi_baris" value="(\d+)" id="id_versi_baris">', html)
    assert match, html
    return match.group(1)


def test_the_row_carries_the_version_of_its_realisasi_and_a_stale_one_is_refused(client, world, rows):
    client.force_login(world.alice)
    url = reverse("monev_anggaran_save", args=[rows.sub_politik.pk, 1])
    assert _version_in(client.get(_section(world, rows)).content.decode()) == "0"  # nothing reported yet
    saved = client.post(url, {"jumlah": "1000", "versi_baris": "0"}, **HX).content.decode()
    version = RealisasiAnggaran.objects.get(sub_kegiatan=rows.sub_politik, triwulan=1).versi_baris
    assert _version_in(saved) == str(version)
    assert _version_in(client.get(_section(world, rows)).content.decode()) == str(version)
    stale = client.post(url, {"jumlah": "2000", "versi_baris": "0"}, **HX)  # opened before the first save
    assert stale.status_code == 422 and "nilai sekarang" in stale.content.decode()
    assert _version_in(stale.content.decode()) == str(version)  # sending again overwrites deliberately
    assert client.post(url, {"jumlah": "2000", "versi_baris": str(version)}, **HX).status_code == 200
    assert RealisasiAnggaran.objects.get(sub_kegiatan=rows.sub_politik, triwulan=1).jumlah == 2000


def test_a_refused_amount_comes_back_as_typed_with_its_message(client, world, rows):
    client.force_login(world.alice)
    response = post(client, rows.sub_politik, "satu <juta>")
    html = response.content.decode()
    sub = rows.sub_politik.pk
    assert response.status_code == 422
    assert (f'id="sub{sub}-jumlah" class="form-control form-control-sm text-end uang-input is-invalid" '
            'inputmode="numeric" value="satu &lt;juta&gt;"') in html
    assert html.count('<div class="is-invalid-msg text-start">') == 1


def _section(world, rows, tw=1):
    return reverse("monev_bagian", args=[world.plan.pk, tw, "kegiatan", rows.sub_politik.kegiatan_id])
