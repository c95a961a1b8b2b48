"""kegiatan_edit: kode, nama, pagu of a kegiatan; the program's roll-up follows out of band."""

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


def url(kegiatan) -> str:
    return reverse("kegiatan_edit", args=[kegiatan.pk])


def data(**changes) -> dict:
    return {"kode": "8.01.03.2.01", "nama": "Perumusan Kebijakan Teknis", "pagu": "53.943.679.550",
            "indikator": []} | changes


def snapshot(kegiatan) -> tuple:
    k = Kegiatan.objects.get(pk=kegiatan.pk)
    return k.kode, k.nama, k.pagu


def test_alice_saves_a_pagu_that_does_not_add_up_and_it_is_kept_as_written(login, rows):
    response = login("alice").post(url(rows.kegiatan), data())
    assert response.status_code == 200
    assert response["HX-Trigger"] == "plan-changed"
    assert snapshot(rows.kegiatan) == ("8.01.03.2.01", "Perumusan Kebijakan Teknis", 53_943_679_550)
    html = response.content.decode()
    own = html.split(f'id="rollup-kegiatan-{rows.kegiatan.pk}"')[1].split("</span>\n</td>")[0]
    assert "20.000.000" in own and "selisih" in own  # Σ sub kegiatan stays 20.000.000
    program = html.split(f'id="rollup-program-{rows.program.pk}"')[1].split("</template>")[0]
    assert "53.943.679.550" in program and "selisih" in program


def test_invalid_input_saves_nothing(login, rows):
    before = snapshot(rows.kegiatan)
    response = login("alice").post(url(rows.kegiatan), data(nama="Baru", pagu="-1"))
    assert response.status_code == 422
    assert "tidak boleh negatif" in response.content.decode()
    assert snapshot(rows.kegiatan) == before


@pytest.mark.parametrize("persona", ["kabid", "bob", *READ_ONLY])
def test_kepala_bidang_and_read_only_users_are_refused(login, rows, persona):
    before = snapshot(rows.kegiatan)
    assert_refused_read_only(login(persona).post(url(rows.kegiatan), data()))
    assert snapshot(rows.kegiatan) == before


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_outsiders_get_404(login, rows, persona):
    with plan_unchanged(rows.plan):
        assert login(persona).post(url(rows.kegiatan), data()).status_code == 404


def test_anonymous_is_sent_to_login(login, rows):
    assert_login_redirect(login(None).post(url(rows.kegiatan), data()))


def test_a_submitted_plan_refuses(login, rows):
    submit(rows.plan)
    before = snapshot(rows.kegiatan)
    assert login("alice").post(url(rows.kegiatan), data()).status_code == 403
    assert snapshot(rows.kegiatan) == before
