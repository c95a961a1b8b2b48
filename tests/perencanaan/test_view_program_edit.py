"""program_edit: kode, nama, pagu and the indicators a program supports; the plan totals follow."""

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


def url(program) -> str:
    return reverse("program_edit", args=[program.pk])


def data(**changes) -> dict:
    return {"kode": "8.01.02", "nama": "Program Penguatan Ideologi Pancasila", "pagu": "2.718.270.000",
            "indikator": []} | changes


def snapshot(program) -> tuple:
    p = Program.objects.get(pk=program.pk)
    return p.kode, p.nama, p.pagu, list(p.indikator.values_list("pk", flat=True))


def test_the_form_preselects_the_linked_indicators(login, rows):
    html = login("alice").get(url(rows.program)).content.decode()
    assert f'value="{rows.iku.pk}"' in html
    assert "checked" in html.split(f'name="indikator" value="{rows.iku.pk}"')[1][:80]


def test_alice_saves_and_the_plan_totals_follow(login, rows):
    response = login("alice").post(url(rows.program), data())
    assert response.status_code == 200
    assert snapshot(rows.program) == ("8.01.02", "Program Penguatan Ideologi Pancasila", 2_718_270_000, [])
    totals = response.content.decode().split('id="plan-totals"')[1].split("</template>")[0]
    assert "2.718.270.000" in totals


def test_money_is_never_ambiguous_but_cents_are_refused(login, rows):
    login("alice").post(url(rows.program), data(pagu="2.718.270"))
    assert snapshot(rows.program)[2] == 2_718_270  # one '.' before 3 digits groups: money is whole rupiah
    before = snapshot(rows.program)
    response = login("alice").post(url(rows.program), data(nama="X", pagu="27,18"))
    assert response.status_code == 422
    assert "rupiah bulat" in response.content.decode()
    assert snapshot(rows.program) == before


@pytest.mark.parametrize("persona", ["kabid", "bob", *READ_ONLY])
def test_others_are_refused(login, rows, persona):
    before = snapshot(rows.program)
    assert_refused_read_only(login(persona).post(url(rows.program), data()))
    assert snapshot(rows.program) == before


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_outsiders_get_404(login, rows, persona):
    with plan_unchanged(rows.plan):
        assert login(persona).post(url(rows.program), data()).status_code == 404


def test_anonymous_is_sent_to_login(login, rows):
    assert_login_redirect(login(None).post(url(rows.program), data()))


def test_a_submitted_plan_refuses(login, rows):
    submit(rows.plan)
    before = snapshot(rows.program)
    assert login("alice").post(url(rows.program), data()).status_code == 403
    assert snapshot(rows.program) == before
