"""program_add: a new program of the plan."""

import pytest
from django.urls import reverse

from renaksi.perencanaan.models import Program
from tests.factories import submit
from tests.helpers import (
    OUTSIDERS,
    READ_ONLY,
    assert_login_redirect,
    assert_refused_read_only,
    plan_unchanged,
)

DATA = {"kode": "X.XX.01", "nama": "Program Penunjang Urusan Pemerintahan Daerah", "pagu": "", "indikator": []}


def url(plan) -> str:
    return reverse("program_add", args=[plan.pk])


def test_alice_adds_a_program_without_pagu(login, rows):
    response = login("alice").post(url(rows.plan), DATA | {"indikator": [str(rows.iku.pk)]})
    assert response.status_code == 200
    assert response["HX-Retarget"] == "#section-anggaran"
    program = Program.objects.get(kode="X.XX.01")
    assert program.pagu is None and list(program.indikator.all()) == [rows.iku]
    assert program.urutan == 2


def test_an_indicator_of_another_plan_cannot_be_linked(login, rows, world):
    other = Program.objects.get(rencana_aksi=world.foreign_plan).indikator.get()
    response = login("alice").post(url(rows.plan), DATA | {"indikator": [str(other.pk)]})
    assert response.status_code == 422
    assert not Program.objects.filter(kode="X.XX.01").exists()


@pytest.mark.parametrize("persona", ["kabid", *READ_ONLY])
def test_others_are_refused(login, rows, persona):
    assert_refused_read_only(login(persona).post(url(rows.plan), DATA))
    assert not Program.objects.filter(kode="X.XX.01").exists()


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
    assert not Program.objects.filter(kode="X.XX.01").exists()
