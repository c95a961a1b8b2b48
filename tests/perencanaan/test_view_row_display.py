"""The display-row views (sasaran_row, indikator_row, program_row, kegiatan_row, sub_kegiatan_row, aksi_row):
what 'Batal' brings back. Readable by whoever may see the plan, with edit controls only for who may edit."""

import pytest
from django.urls import reverse

from tests.helpers import OUTSIDERS, assert_login_redirect

KINDS = [("sasaran_row", "sasaran", "sasaran"), ("indikator_row", "iku", "indikator"),
         ("program_row", "program", "program"), ("kegiatan_row", "kegiatan", "kegiatan"),
         ("sub_kegiatan_row", "sub_politik", "subkegiatan"), ("aksi_row", "aksi_politik", "aksi")]


@pytest.mark.parametrize("view, attr, anchor", KINDS)
def test_alice_gets_the_row_with_controls(login, rows, view, attr, anchor):
    obj = getattr(rows, attr)
    response = login("alice").get(reverse(view, args=[obj.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith(f'<tr id="{anchor}-{obj.pk}"')
    assert "data-edit" in html


@pytest.mark.parametrize("view, attr, anchor", KINDS)
@pytest.mark.parametrize("persona", ["kepala", "eve"])
def test_read_only_users_get_the_row_without_controls(login, rows, view, attr, anchor, persona):
    response = login(persona).get(reverse(view, args=[getattr(rows, attr).pk]))
    assert response.status_code == 200
    assert "data-edit" not in response.content.decode() and "hx-post" not in response.content.decode()


@pytest.mark.parametrize("view, attr, anchor", KINDS)
@pytest.mark.parametrize("persona", OUTSIDERS)
def test_outsiders_get_404(login, rows, view, attr, anchor, persona):
    assert login(persona).get(reverse(view, args=[getattr(rows, attr).pk])).status_code == 404


def test_anonymous_is_sent_to_login(login, rows):
    assert_login_redirect(login(None).get(reverse("aksi_row", args=[rows.aksi_politik.pk])))


def test_a_plain_request_without_session_is_redirected_to_login(client, rows):
    response = client.get(reverse("aksi_row", args=[rows.aksi_politik.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith("/masuk/?next=/aksi/")


def test_an_htmx_request_without_session_sends_the_page_to_login(client, rows):
    editor = reverse("plan_editor", args=[rows.plan.pk])
    response = client.post(reverse("aksi_toggle_bulan", args=[rows.aksi_politik.pk, 6]), HTTP_HX_REQUEST="true",
                           HTTP_HX_CURRENT_URL=f"http://testserver{editor}")
    assert response.status_code == 401
    assert response["HX-Redirect"] == f"/masuk/?next={editor}"
