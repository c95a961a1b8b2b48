"""sub_kegiatan_add: a new sub kegiatan under a kegiatan (the perencana's structure)."""

import pytest
from django.urls import reverse

from renaksi.perencanaan.models import SubKegiatan
from tests.factories import submit
from tests.helpers import (
    OUTSIDERS,
    READ_ONLY,
    assert_login_redirect,
    assert_refused_read_only,
    plan_unchanged,
)

DATA = {"kode": "8.01.03.2.01.0002", "nama": "Pelaksanaan Koordinasi", "pagu": "1.517.874.000",
        "target": "10000 orang", "bidang": "", "indikator": []}


def url(kegiatan) -> str:
    return reverse("sub_kegiatan_add", args=[kegiatan.pk])


def test_alice_adds_a_sub_kegiatan_with_a_bidang(login, rows, world):
    response = login("alice").post(url(rows.kegiatan), DATA | {"bidang": str(world.bidang_politik.pk)})
    assert response.status_code == 200
    assert response["HX-Retarget"] == f"#bagian-kegiatan-{rows.kegiatan.pk}"  # its kegiatan section only
    sub = SubKegiatan.objects.get(nama="Pelaksanaan Koordinasi")
    assert (sub.pagu, sub.bidang, sub.kegiatan, sub.urutan) == (1_517_874_000, world.bidang_politik, rows.kegiatan, 3)
    assert f'id="subkegiatan-{sub.pk}"' in response.content.decode()


def test_the_form_offers_the_nomenclature_picker(login, rows):
    html = login("alice").get(url(rows.kegiatan)).content.decode()
    assert f'hx-get="{reverse("nomenklatur_search")}"' in html
    assert '"level": "sub_kegiatan"' in html and '"tahun": "2024"' in html
    assert f'list="nomenklatur-add-subkegiatan-{rows.kegiatan.pk}"' in html


def test_invalid_pagu_creates_nothing(login, rows):
    response = login("alice").post(url(rows.kegiatan), DATA | {"pagu": "1.500,5"})
    assert response.status_code == 422
    assert not SubKegiatan.objects.filter(nama=DATA["nama"]).exists()


@pytest.mark.parametrize("persona", ["kabid", "bob", *READ_ONLY])
def test_only_planners_add_sub_kegiatan(login, rows, persona):
    assert_refused_read_only(login(persona).post(url(rows.kegiatan), DATA))
    assert not SubKegiatan.objects.filter(nama=DATA["nama"]).exists()


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_outsiders_get_404(login, rows, persona):
    with plan_unchanged(rows.plan):
        assert login(persona).post(url(rows.kegiatan), DATA).status_code == 404


def test_anonymous_is_sent_to_login(login, rows):
    assert_login_redirect(login(None).post(url(rows.kegiatan), DATA))


def test_a_submitted_plan_refuses(login, rows):
    submit(rows.plan)
    with plan_unchanged(rows.plan):
        assert login("alice").post(url(rows.kegiatan), DATA).status_code == 403
    assert not SubKegiatan.objects.filter(nama=DATA["nama"]).exists()
