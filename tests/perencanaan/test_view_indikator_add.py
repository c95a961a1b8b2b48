"""indikator_add: a new indicator under a sasaran."""

import pytest
from django.urls import reverse

from renaksi.perencanaan.models import Indikator
from tests.factories import submit
from tests.helpers import (
    OUTSIDERS,
    READ_ONLY,
    assert_login_redirect,
    assert_refused_read_only,
    plan_unchanged,
)

DATA = {"nama": "Persentase jumlah Organisasi Masyarakat yang diberdayakan", "satuan": "Persen",
        "formulasi": "", "polaritas": "positif", "akumulasi": "kumulatif", "jenis_target": "angka", "is_iku": "on",
        "bidang": ""}


def url(sasaran) -> str:
    return reverse("indikator_add", args=[sasaran.pk])


def test_alice_adds_an_indicator(login, rows, world):
    response = login("alice").post(url(rows.sasaran), DATA | {"bidang": str(world.bidang_ideologi.pk)})
    assert response.status_code == 200
    assert response["HX-Retarget"] == f"#bagian-sasaran-{rows.sasaran.pk}"  # its section only
    indikator = Indikator.objects.get(nama=DATA["nama"])
    assert (indikator.sasaran, indikator.is_iku, indikator.bidang) == (rows.sasaran, True, world.bidang_ideologi)
    assert f'id="indikator-{indikator.pk}"' in response.content.decode()


def test_a_name_is_required(login, rows):
    response = login("alice").post(url(rows.sasaran), DATA | {"nama": ""})
    assert response.status_code == 422
    assert response["HX-Retarget"] == f"#add-indikator-{rows.sasaran.pk}"
    assert Indikator.objects.filter(rencana_aksi=rows.plan).count() == 1


@pytest.mark.parametrize("persona", ["kabid", *READ_ONLY])
def test_others_are_refused(login, rows, persona):
    assert_refused_read_only(login(persona).post(url(rows.sasaran), DATA))
    assert not Indikator.objects.filter(nama=DATA["nama"]).exists()


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_outsiders_get_404(login, rows, persona):
    with plan_unchanged(rows.plan):
        assert login(persona).post(url(rows.sasaran), DATA).status_code == 404


def test_anonymous_is_sent_to_login(login, rows):
    assert_login_redirect(login(None).post(url(rows.sasaran), DATA))


def test_a_submitted_plan_refuses(login, rows):
    submit(rows.plan)
    with plan_unchanged(rows.plan):
        assert login("alice").post(url(rows.sasaran), DATA).status_code == 403
