"""aksi_toggle_bulan: one month of an aksi's schedule on or off; answers with the aksi's row."""

import re

import pytest
from django.urls import reverse

from renaksi.perencanaan.models import Aksi, AksiBulan
from tests.factories import make_plan, submit
from tests.helpers import (
    OUTSIDERS,
    READ_ONLY,
    assert_login_redirect,
    assert_refused_read_only,
    plan_unchanged,
)


def months(aksi) -> list[int]:
    return sorted(AksiBulan.objects.filter(aksi=aksi).values_list("bulan", flat=True))


def url(aksi, bulan: int) -> str:
    return reverse("aksi_toggle_bulan", args=[aksi.pk, bulan])


def test_alice_switches_a_month_on_and_off(login, rows):
    aksi = rows.aksi_politik
    assert months(aksi) == [1, 2, 3]
    response = login("alice").post(url(aksi, 6))
    assert response.status_code == 200
    assert response["HX-Trigger"] == "plan-changed"
    assert months(aksi) == [1, 2, 3, 6]
    html = response.content.decode()
    assert html.lstrip().startswith(f'<tr id="aksi-{aksi.pk}"')
    button = re.search(r'<button[^>]*data-b="6"[^>]*>', html).group(0)
    assert 'class="bulan-toggle on"' in button and 'aria-pressed="true"' in button
    assert 'aria-labelledby="bln-6"' in button  # named by the column header "Juni"

    login("alice").post(url(aksi, 6))
    assert months(aksi) == [1, 2, 3]


def test_kabid_schedules_the_aksi_of_his_bidang(login, rows):
    assert login("kabid").post(url(rows.aksi_politik, 12)).status_code == 200
    assert 12 in months(rows.aksi_politik)


def test_kabid_cannot_touch_another_bidangs_aksi(login, rows):
    assert_refused_read_only(login("kabid").post(url(rows.aksi_ideologi, 12)))
    assert_refused_read_only(login("bob").post(url(rows.aksi_politik, 12)))
    assert 12 not in months(rows.aksi_ideologi) + months(rows.aksi_politik)


@pytest.mark.parametrize("persona", READ_ONLY)
def test_read_only_users_are_refused(login, rows, persona):
    assert_refused_read_only(login(persona).post(url(rows.aksi_politik, 12)))
    assert months(rows.aksi_politik) == [1, 2, 3]


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_outsiders_get_404(login, rows, persona):
    with plan_unchanged(rows.plan):
        assert login(persona).post(url(rows.aksi_politik, 12)).status_code == 404


def test_anonymous_is_sent_to_login(login, rows):
    assert_login_redirect(login(None).post(url(rows.aksi_politik, 12)))


def test_only_post_and_only_months_1_to_12(login, rows):
    client = login("alice")
    assert client.get(url(rows.aksi_politik, 6)).status_code == 405
    assert client.post(url(rows.aksi_politik, 13)).status_code == 404
    assert client.post(url(rows.aksi_politik, 0)).status_code == 404
    assert months(rows.aksi_politik) == [1, 2, 3]


def test_a_submitted_plan_refuses(login, rows):
    submit(rows.plan)
    response = login("alice").post(url(rows.aksi_politik, 6))
    assert response.status_code == 403
    assert "tidak dapat diubah" in response.content.decode()
    assert months(rows.aksi_politik) == [1, 2, 3]


def test_the_button_asks_for_the_state_its_user_saw_so_two_clicks_at_once_do_not_cancel(login, rows):
    aksi = rows.aksi_politik
    section = reverse("rencana_aksi_bagian", args=[aksi.rencana_aksi_id, "kegiatan", rows.kegiatan.pk])
    html = login("alice").get(section).content.decode()
    row = html.split(f'id="aksi-{aksi.pk}"')[1].split("</tr>")[0]
    # June is off: editor.js reads aria-pressed and asks to switch it on (jadwal=1), whatever happened since.
    assert re.search(r'<button[^>]*data-b="6" aria-pressed="false"', row)
    # alice and kabid both saw June off and click it at the same time: June ends on, not off again.
    login("alice").post(url(aksi, 6), {"jadwal": "1"})
    login("kabid").post(url(aksi, 6), {"jadwal": "1"})
    assert months(aksi) == [1, 2, 3, 6]
    login("alice").post(url(aksi, 6), {"jadwal": "0"})
    login("kabid").post(url(aksi, 6), {"jadwal": "0"})
    assert months(aksi) == [1, 2, 3]


# One toggle reads the aksi's sub kegiatan only, never the whole plan: the same queries at two plan sizes.
TOGGLE_MAX_QUERIES = 26


@pytest.mark.parametrize("n_sub_kegiatan", [5, 50])
def test_a_toggle_costs_the_same_at_any_plan_size(client, world, django_assert_max_num_queries, n_sub_kegiatan):
    plan = make_plan(world.pd, tahun=2025, n_sub_kegiatan=n_sub_kegiatan)
    aksi = Aksi.objects.filter(rencana_aksi=plan).order_by("id").first()
    client.force_login(world.alice)
    with django_assert_max_num_queries(TOGGLE_MAX_QUERIES):
        response = client.post(url(aksi, 6), {"jadwal": "1"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert response.content.decode().count("<tr") == 1  # the row it changed, nothing else
    assert AksiBulan.objects.filter(aksi=aksi, bulan=6).exists()
