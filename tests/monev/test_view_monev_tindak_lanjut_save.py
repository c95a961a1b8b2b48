"""POST /monev/tindak-lanjut/<id>/tw/<n>/: the status of an earlier triwulan's tindak lanjut."""

import pytest
from django.urls import reverse

from renaksi.monev import services as monev
from renaksi.monev.models import TindakLanjut

HX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def tl(world, rows):
    monev.evaluasi_set(indikator=rows.iku, triwulan=1, tindak_lanjut="Rapat koordinasi ulang")
    return TindakLanjut.objects.get()


def post(client, tl, tw=2, **data):
    return client.post(reverse("monev_tindak_lanjut_save", args=[tl.pk, tw]), data, **HX)


def test_perencana_closes_it_in_the_next_triwulan(client, world, tl):
    client.force_login(world.alice)
    response = post(client, tl, status="selesai", catatan="Sudah dilaksanakan")
    assert response.status_code == 200
    tl.refresh_from_db()
    assert (tl.status, tl.status_triwulan, tl.catatan) == ("selesai", 2, "Sudah dilaksanakan")


def test_not_done_needs_a_reason(client, world, tl):
    client.force_login(world.alice)
    response = post(client, tl, status="tidak_dilaksanakan", catatan="")
    assert response.status_code == 422 and "alasan" in response.content.decode()
    tl.refresh_from_db()
    assert tl.status == "terbuka"


def test_status_in_its_own_triwulan_is_refused(client, world, tl):
    client.force_login(world.alice)
    assert post(client, tl, tw=1, status="selesai").status_code == 422
    tl.refresh_from_db()
    assert tl.status == "terbuka"


@pytest.mark.parametrize("persona,status", [("bob", 403), ("kepala", 403), ("eve", 403), ("charlie", 404),
                                            ("dave", 404)])
def test_others(client, world, tl, persona, status):
    client.force_login(getattr(world, persona))
    assert post(client, tl, status="selesai").status_code == status
    tl.refresh_from_db()
    assert tl.status == "terbuka"
