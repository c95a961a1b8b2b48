"""POST /monev/aksi/<id>/tw/<n>/: progress of an aksi in the three months of the triwulan."""

import pytest
from django.urls import reverse

from renaksi.monev import services as monev
from renaksi.monev.models import ProgresAksi

HX = {"HTTP_HX_REQUEST": "true"}


def post(client, aksi, tw=1, **months):
    return client.post(reverse("monev_progres_save", args=[aksi.pk, tw]), months, **HX)


def test_perencana_sets_progress_per_month(client, world, rows):
    client.force_login(world.alice)
    response = post(client, rows.aksi_politik, bulan_1="selesai", bulan_2="berjalan", bulan_3="")
    assert response.status_code == 200
    assert dict(ProgresAksi.objects.values_list("bulan", "status")) == {1: "selesai", 2: "berjalan"}
    assert "Selesai" in response.content.decode()


def test_emptying_a_month_removes_its_progress(client, world, rows):
    monev.progres_aksi_set(aksi=rows.aksi_politik, bulan=2, status="belum")
    client.force_login(world.alice)
    post(client, rows.aksi_politik, bulan_1="", bulan_2="", bulan_3="")
    assert not ProgresAksi.objects.exists()


def test_kepala_bidang_only_aksi_of_his_bidang(client, world, rows):
    client.force_login(world.kabid)  # Politik
    assert post(client, rows.aksi_politik, bulan_1="selesai").status_code == 200
    assert post(client, rows.aksi_ideologi, bulan_1="selesai").status_code == 403
    assert ProgresAksi.objects.get().aksi == rows.aksi_politik


@pytest.mark.parametrize("persona,status", [("kepala", 403), ("eve", 403), ("charlie", 404), ("dave", 404)])
def test_readers_and_outsiders(client, world, rows, persona, status):
    client.force_login(getattr(world, persona))
    assert post(client, rows.aksi_politik, bulan_1="selesai").status_code == status
    assert not ProgresAksi.objects.exists()


def test_forged_status_is_422(client, world, rows):
    client.force_login(world.alice)
    assert post(client, rows.aksi_politik, bulan_1="hebat").status_code == 422
    assert not ProgresAksi.objects.exists()


def test_months_of_a_closed_triwulan_are_refused(client, world, rows):
    client.force_login(world.alice)
    response = post(client, rows.aksi_politik, tw=3, bulan_7="selesai")
    assert response.status_code == 422 and "belum dibuka" in response.content.decode()
    assert not ProgresAksi.objects.exists()
