"""GET /monev/jendela/ and POST /monev/jendela/<tahun>/<tw>/: the admin pemda opens and closes reporting windows."""

import pytest
from django.urls import reverse

from renaksi.monev import services as monev
from renaksi.monev.models import JendelaPelaporan


def post(client, tw, **data):
    return client.post(reverse("monev_jendela_set", args=[2024, tw]), data, follow=True)


def test_admin_sees_the_four_triwulan(client, world):
    monev.jendela_buka(pemda=world.pemda, tahun=2024, triwulan=1)
    client.force_login(world.admin)
    response = client.get(reverse("monev_jendela") + "?tahun=2024")
    assert response.status_code == 200
    html = response.content.decode()
    assert all(f'id="jendela-{tw}"' in html for tw in (1, 2, 3, 4))
    assert "Tutup pelaporan" in html and "Buka pelaporan" in html


def test_admin_opens_and_closes(client, world):
    client.force_login(world.admin)
    post(client, 3, aksi="buka", tanggal_tutup="2024-10-15")
    jendela = JendelaPelaporan.objects.get(pemda=world.pemda, tahun=2024, triwulan=3)
    assert jendela.dibuka and str(jendela.tanggal_tutup) == "2024-10-15"
    post(client, 3, aksi="tutup")
    jendela.refresh_from_db()
    assert not jendela.dibuka


def test_reopening_needs_a_reason_which_the_history_shows(client, world):
    monev.jendela_buka(pemda=world.pemda, tahun=2024, triwulan=1)
    monev.jendela_tutup(pemda=world.pemda, tahun=2024, triwulan=1)
    client.force_login(world.admin)
    response = post(client, 1, aksi="buka", alasan="")
    assert "memerlukan alasan" in response.content.decode()
    assert not JendelaPelaporan.objects.get(triwulan=1).dibuka
    response = post(client, 1, aksi="buka", alasan="Koreksi data Dinas")
    assert JendelaPelaporan.objects.get(triwulan=1).dibuka
    assert "Koreksi data Dinas" in response.content.decode()  # in the history


@pytest.mark.parametrize("persona", ["alice", "kabid", "kepala", "eve", "charlie", "dave"])
def test_only_the_admin_pemda(client, world, persona):
    client.force_login(getattr(world, persona))
    assert client.get(reverse("monev_jendela")).status_code == 403
    assert client.post(reverse("monev_jendela_set", args=[2024, 1]), {"aksi": "buka"}).status_code == 403
    assert not JendelaPelaporan.objects.exists()


def test_forged_action_changes_nothing(client, world):
    client.force_login(world.admin)
    response = post(client, 1, aksi="hapus")
    assert response.status_code == 200 and "tidak sah" in response.content.decode()
    assert not JendelaPelaporan.objects.exists()


def test_triwulan_5_is_404(client, world):
    client.force_login(world.admin)
    assert client.post(reverse("monev_jendela_set", args=[2024, 5]), {"aksi": "buka"}).status_code == 404


@pytest.mark.parametrize("tahun", [1, 1999, 2101, 99999])
def test_year_outside_the_list_is_404_and_opens_nothing(client, world, tahun):
    client.force_login(world.admin)
    response = client.post(reverse("monev_jendela_set", args=[tahun, 1]), {"aksi": "buka"})
    assert response.status_code == 404
    assert not JendelaPelaporan.objects.exists()
