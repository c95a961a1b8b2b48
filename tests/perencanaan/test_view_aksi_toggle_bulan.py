"""aksi_toggle_bulan: one month of an aksi's schedule on or off; answers with the aksi's row."""

import pytest
from django.urls import reverse

from renaksi.perencanaan.models import AksiBulan
from tests.factories import submit
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
    button = html.split(f'id="bulan-{aksi.pk}-6"')[1].split(">")[0]
    assert 'class="bulan-toggle on"' in button and 'aria-pressed="true"' in button

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
    html = login("alice").get(reverse("plan_editor", args=[aksi.rencana_aksi_id])).content.decode()
    button = html.split(f'id="bulan-{aksi.pk}-6"')[1].split(">")[0]
    assert """hx-vals='{"jadwal": "1"}'""" in button  # June is off: the button asks to switch it on
    # alice and kabid both saw June off and click it at the same time: June ends on, not off again.
    login("alice").post(url(aksi, 6), {"jadwal": "1"})
    login("kabid").post(url(aksi, 6), {"jadwal": "1"})
    assert months(aksi) == [1, 2, 3, 6]
    login("alice").post(url(aksi, 6), {"jadwal": "0"})
    login("kabid").post(url(aksi, 6), {"jadwal": "0"})
    assert months(aksi) == [1, 2, 3]
