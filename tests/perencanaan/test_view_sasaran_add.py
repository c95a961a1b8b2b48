"""sasaran_add: a new sasaran of the plan."""

import pytest
from django.urls import reverse

from renaksi.perencanaan.models import Sasaran
from tests.factories import submit
from tests.helpers import (
    OUTSIDERS,
    READ_ONLY,
    assert_login_redirect,
    assert_refused_read_only,
    plan_unchanged,
)

DATA = {"nomor": "2", "uraian": "Meningkatnya Kinerja dan Pelayanan SKPD", "level": "strategis"}


def url(plan) -> str:
    return reverse("sasaran_add", args=[plan.pk])


def test_alice_adds_a_sasaran(login, rows):
    client = login("alice")
    assert 'id="add-sasaran"' in client.get(url(rows.plan)).content.decode()
    response = client.post(url(rows.plan), DATA)
    assert response.status_code == 200
    assert response["HX-Retarget"] == "#section-sasaran"
    sasaran = Sasaran.objects.get(uraian=DATA["uraian"])
    assert sasaran.rencana_aksi == rows.plan and sasaran.urutan == 2
    assert f'id="sasaran-{sasaran.pk}"' in response.content.decode()


def test_batal_brings_the_button_back(login, rows):
    assert "Tambah sasaran" in login("alice").get(url(rows.plan) + "?batal=1").content.decode()


def test_an_empty_uraian_creates_nothing(login, rows):
    response = login("alice").post(url(rows.plan), DATA | {"uraian": ""})
    assert response.status_code == 422
    assert response["HX-Retarget"] == "#add-sasaran"
    assert Sasaran.objects.filter(rencana_aksi=rows.plan).count() == 1


@pytest.mark.parametrize("persona", ["kabid", *READ_ONLY])
def test_others_are_refused(login, rows, persona):
    assert_refused_read_only(login(persona).post(url(rows.plan), DATA))
    assert not Sasaran.objects.filter(uraian=DATA["uraian"]).exists()


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_outsiders_get_404(login, rows, persona):
    with plan_unchanged(rows.plan):
        assert login(persona).post(url(rows.plan), DATA).status_code == 404


def test_anonymous_is_sent_to_login(login, rows):
    assert_login_redirect(login(None).post(url(rows.plan), DATA))


def test_a_submitted_plan_refuses(login, rows):
    submit(rows.plan)
    with plan_unchanged(rows.plan):
        assert login("alice").post(url(rows.plan), DATA).status_code == 403
