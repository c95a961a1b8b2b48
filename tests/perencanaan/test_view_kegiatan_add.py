"""kegiatan_add: a new kegiatan under a program."""

import pytest
from django.urls import reverse

from renaksi.perencanaan.models import Kegiatan
from tests.factories import submit
from tests.helpers import (
    OUTSIDERS,
    READ_ONLY,
    assert_login_redirect,
    assert_refused_read_only,
    plan_unchanged,
)

DATA = {"kode": "8.01.03.2.02", "nama": "Kegiatan baru", "pagu": "345.000.000", "indikator": []}


def url(program) -> str:
    return reverse("kegiatan_add", args=[program.pk])


def test_alice_adds_a_kegiatan(login, rows):
    response = login("alice").post(url(rows.program), DATA)
    assert response.status_code == 200
    kegiatan = Kegiatan.objects.get(nama="Kegiatan baru")
    assert (kegiatan.program, kegiatan.pagu) == (rows.program, 345_000_000)
    html = response.content.decode()  # the program's section: its row and its kegiatan heads, the new one too
    assert response["HX-Retarget"] == f"#bagian-program-{rows.program.pk}"
    assert f'id="bagian-kegiatan-{kegiatan.pk}"' in html and f'id="bagian-kegiatan-{rows.kegiatan.pk}"' in html


def test_a_name_is_required(login, rows):
    response = login("alice").post(url(rows.program), DATA | {"nama": " "})
    assert response.status_code == 422
    assert "tidak boleh kosong" in response.content.decode()
    assert Kegiatan.objects.filter(rencana_aksi=rows.plan).count() == 1


@pytest.mark.parametrize("persona", ["kabid", *READ_ONLY])
def test_others_are_refused(login, rows, persona):
    assert_refused_read_only(login(persona).post(url(rows.program), DATA))
    assert not Kegiatan.objects.filter(nama="Kegiatan baru").exists()


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_outsiders_get_404(login, rows, persona):
    with plan_unchanged(rows.plan):
        assert login(persona).post(url(rows.program), DATA).status_code == 404


def test_anonymous_is_sent_to_login(login, rows):
    assert_login_redirect(login(None).post(url(rows.program), DATA))


def test_a_submitted_plan_refuses(login, rows):
    submit(rows.plan)
    with plan_unchanged(rows.plan):
        assert login("alice").post(url(rows.program), DATA).status_code == 403
