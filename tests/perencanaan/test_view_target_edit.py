"""target_edit: the yearly target and TW I–IV of an indicator, typed as people write numbers."""

from decimal import Decimal
from html import unescape

import pytest
from django.urls import reverse

from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import Indikator, Target
from tests.factories import submit
from tests.helpers import (
    OUTSIDERS,
    READ_ONLY,
    assert_login_redirect,
    assert_refused_read_only,
    plan_unchanged,
)

VALID = {"tahunan": "80", "tw1": "10", "tw2": "25,5", "tw3": "20", "tw4": "30"}


def targets(indikator, tahun=2024) -> dict:
    return {t.triwulan: (t.nilai, t.kategori) for t in Target.objects.filter(indikator=indikator, tahun=tahun)}


def url(indikator) -> str:
    return reverse("target_edit", args=[indikator.pk])



def test_each_target_input_sits_in_the_column_of_its_target(login, rows):
    """The hidden row version had a cell of its own: every input stood one column to the right of its heading (the
    yearly target under TW I), and the row had one cell more than the table."""
    client = login("alice")
    shown = client.get(reverse("indikator_row", args=[rows.iku.pk])).content.decode()
    form = client.get(url(rows.iku)).content.decode()
    assert form.count("<td") == shown.count("<td")
    cells = form.split("<td")
    names = ["tahunan", "tw1", "tw2", "tw3", "tw4"]
    assert [i for i, cell in enumerate(cells) if 'class="target-input"' in cell] == \
        [i for i, cell in enumerate(shown.split("<td")) if "target-cell" in cell]
    assert [next(n for n in names if f'name="{n}"' in cell) for cell in cells if 'class="target-input"' in cell] == names
    assert form.count('<input type="hidden" name="versi_baris"') == 1

def test_alice_gets_the_form_with_the_focus_on_the_clicked_quarter(login, rows):
    response = login("alice").get(url(rows.iku) + "?fokus=tw3")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="indikator-{rows.iku.pk}"' in html and "data-edit-row" in html
    tw3 = html.split('name="tw3"')[1].split(">")[0]
    assert 'value="20"' in tw3 and "autofocus" in tw3
    assert "autofocus" not in html.split('name="tw2"')[1].split(">")[0]


def test_alice_saves_a_quarter_typed_with_a_comma(login, rows):
    response = login("alice").post(url(rows.iku), VALID)
    assert response.status_code == 200
    assert response["HX-Trigger"] == "plan-changed"
    assert ">25,5<" in response.content.decode()
    assert targets(rows.iku)[2] == (Decimal("25.5"), "")
    assert Target.objects.get(indikator=rows.iku, triwulan=2).teks == "25,5"


def test_unchanged_targets_are_not_rewritten(login, rows):
    before = Target.history.filter(indikator_id=rows.iku.pk).count()
    login("alice").post(url(rows.iku), VALID)
    assert Target.history.filter(indikator_id=rows.iku.pk).count() == before + 1  # only TW II


@pytest.mark.parametrize("typed, expected", [
    ("12.5", Decimal("12.5")),  # point decimal
    ("33,33", Decimal("33.33")),
    ("29,17%", Decimal("29.17")),
    ("", None),  # emptied: kept empty, not zero
])
def test_number_forms(login, rows, typed, expected):
    login("alice").post(url(rows.iku), VALID | {"tw4": typed})
    assert targets(rows.iku)[4][0] == expected


def test_grouped_numbers_for_a_count_indicator(login, rows):
    svc.indikator_update(indikator=rows.iku, satuan="Orang")
    login("alice").post(url(rows.iku), VALID | {"tahunan": "1.030.000", "tw1": "2,718,270"})
    assert targets(rows.iku)[None][0] == Decimal("1030000")
    assert targets(rows.iku)[1][0] == Decimal("2718270")


def test_category_target_for_a_category_indicator(login, rows):
    sakip = svc.indikator_create(sasaran=rows.sasaran, nama="Nilai SAKIP", satuan="Kategori",
                                 jenis_target=Indikator.JenisTarget.KATEGORI)
    response = login("alice").post(url(sakip), {"tahunan": "B (67,34)", "tw4": "BB"})
    assert response.status_code == 200
    assert targets(sakip)[None] == (Decimal("67.34"), "B")
    assert targets(sakip)[4] == (None, "BB")
    assert "B (67,34)" in response.content.decode()


@pytest.mark.parametrize("typed, message", [
    ("1.500", "ambigu"),  # 1500 or 1,5 percent?
    ("abc", "bukan angka"),
    ("B (67,34)", "kategori"),  # a category where the indicator expects a number
    ("12 orang", "selain angka"),
])
def test_invalid_input_is_refused_next_to_the_field_and_nothing_is_saved(login, rows, typed, message):
    before = targets(rows.iku)
    # TW I is valid and changed, TW III is not: neither may be saved.
    response = login("alice").post(url(rows.iku), VALID | {"tw1": "11", "tw3": typed})
    assert response.status_code == 422
    assert response["HX-Retarget"] == f"#indikator-{rows.iku.pk}"
    assert response["HX-Reswap"] == "outerHTML"
    assert "HX-Trigger" not in response
    html = response.content.decode()
    assert message in html
    # The message is next to TW III's input, which is marked invalid and focused.
    cell = html.split(f'id="indikator-{rows.iku.pk}-tw3"')[1].split("</td>")[0]
    assert "invalid-feedback" in cell and message in cell
    assert targets(rows.iku) == before


def test_kabid_edits_the_targets_of_his_bidang(login, rows, world):
    assert rows.iku.bidang == world.bidang_politik
    response = login("kabid").post(url(rows.iku), VALID)
    assert response.status_code == 200
    assert targets(rows.iku)[2][0] == Decimal("25.5")


def test_kabid_of_another_bidang_is_refused(login, rows):
    before = targets(rows.iku)
    assert_refused_read_only(login("bob").post(url(rows.iku), VALID))
    assert targets(rows.iku) == before


@pytest.mark.parametrize("persona", READ_ONLY)
def test_read_only_users_get_neither_form_nor_save(login, rows, persona):
    assert_refused_read_only(login(persona).get(url(rows.iku)))
    assert_refused_read_only(login(persona).post(url(rows.iku), VALID))
    assert targets(rows.iku)[2][0] == Decimal("20")


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_users_of_other_pd_or_pemda_do_not_see_it(login, rows, persona):
    with plan_unchanged(rows.plan):
        assert login(persona).post(url(rows.iku), VALID).status_code == 404
    assert login(persona).get(url(rows.iku)).status_code == 404


def test_admin_pemda_may_edit(login, rows):
    assert login("admin").post(url(rows.iku), VALID).status_code == 200
    assert targets(rows.iku) == {None: (Decimal("80"), ""), 1: (Decimal("10"), ""), 2: (Decimal("25.5"), ""),
                                 3: (Decimal("20"), ""), 4: (Decimal("30"), "")}


def test_anonymous_is_sent_to_login(login, rows):
    assert_login_redirect(login(None).post(url(rows.iku), VALID))


def test_a_submitted_plan_refuses_with_a_clear_message(login, rows):
    submit(rows.plan)
    response = login("alice").post(url(rows.iku), VALID)
    assert response.status_code == 403
    assert "berstatus 'Diajukan' dan tidak dapat diubah" in unescape(response.content.decode())
    assert targets(rows.iku)[2][0] == Decimal("20")
