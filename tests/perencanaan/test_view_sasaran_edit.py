"""sasaran_edit: nomor, uraian and tingkat of a sasaran (the perencana's)."""

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

DATA = {"nomor": "1", "uraian": "Meningkatnya Penguatan dan Pemahaman Ideologi Pancasila", "level": "strategis"}


def url(sasaran) -> str:
    return reverse("sasaran_edit", args=[sasaran.pk])


def uraian(sasaran) -> str:
    return Sasaran.objects.get(pk=sasaran.pk).uraian


def test_alice_gets_the_form_and_saves(login, rows):
    client = login("alice")
    form = client.get(url(rows.sasaran))
    assert form.status_code == 200 and rows.sasaran.uraian in form.content.decode()
    response = client.post(url(rows.sasaran), DATA)
    assert response.status_code == 200
    assert response["HX-Trigger"] == "plan-changed"
    assert uraian(rows.sasaran) == DATA["uraian"]
    assert f'<tr id="sasaran-{rows.sasaran.pk}"' in response.content.decode()


def test_an_unknown_level_is_refused(login, rows):
    response = login("alice").post(url(rows.sasaran), DATA | {"level": "nasional"})
    assert response.status_code == 422
    assert uraian(rows.sasaran) != DATA["uraian"]


@pytest.mark.parametrize("persona", ["kabid", "bob", *READ_ONLY])
def test_others_are_refused(login, rows, persona):
    assert_refused_read_only(login(persona).post(url(rows.sasaran), DATA))
    assert uraian(rows.sasaran) != DATA["uraian"]


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
    assert uraian(rows.sasaran) != DATA["uraian"]
