"""sub_kegiatan_edit: kode (from the nomenclature), nama, pagu, target keluaran, bidang, linked indicators."""

import pytest
from django.urls import reverse

from renaksi.perencanaan.models import SubKegiatan
from tests.factories import submit
from tests.helpers import (
    OUTSIDERS,
    READ_ONLY,
    assert_login_redirect,
    assert_refused_read_only,
    plan_unchanged,
)


def url(sub) -> str:
    return reverse("sub_kegiatan_edit", args=[sub.pk])


def data(sub, **changes) -> dict:
    return {"kode": "8.01.03.2.01.0001", "nama": sub.nama, "pagu": "50.913.097.550", "target": "10 dokumen",
            "bidang": str(sub.bidang_id), "indikator": []} | changes


def snapshot(sub) -> tuple:
    sub = SubKegiatan.objects.get(pk=sub.pk)
    return sub.kode, sub.nama, sub.pagu, sub.target_teks, sub.bidang_id


def test_alice_saves_and_the_totals_follow(login, rows):
    response = login("alice").post(url(rows.sub_politik), data(rows.sub_politik, indikator=[str(rows.iku.pk)]))
    assert response.status_code == 200
    assert response["HX-Trigger"] == "plan-changed"
    sub = SubKegiatan.objects.get(pk=rows.sub_politik.pk)
    assert (sub.kode, sub.pagu, sub.target_teks, sub.target_satuan) == (
        "8.01.03.2.01.0001", 50_913_097_550, "10 dokumen", "dokumen")
    assert list(sub.indikator.all()) == [rows.iku]
    html = response.content.decode()
    # The row, the kegiatan's roll-up and the plan totals: the stated kegiatan pagu is kept, the sum changes.
    assert f'<tr id="subkegiatan-{sub.pk}"' in html
    rollup = html.split(f'id="rollup-kegiatan-{rows.kegiatan.pk}"')[1].split("</span>\n</template>")[0]
    assert "50.923.097.550" in rollup and "selisih" in rollup
    assert 'id="plan-totals"' in html and 'id="budget-footer"' in html
    assert rows.kegiatan.pagu == 20_000_000


@pytest.mark.parametrize("typed, message", [
    ("-1.000", "tidak boleh negatif"),
    ("1.000,50", "rupiah bulat"),
    ("sepuluh juta", "bukan angka"),
    ("1.000.00", "kelompok harus 3 angka"),
])
def test_invalid_pagu_saves_nothing(login, rows, typed, message):
    before = snapshot(rows.sub_politik)
    response = login("alice").post(url(rows.sub_politik), data(rows.sub_politik, nama="Nama baru", pagu=typed))
    assert response.status_code == 422
    assert message in response.content.decode()
    assert snapshot(rows.sub_politik) == before


def test_kabid_edits_his_sub_kegiatan_but_cannot_give_it_away(login, rows, world):
    form = login("kabid").get(url(rows.sub_politik))
    assert 'name="bidang"' not in form.content.decode()
    response = login("kabid").post(url(rows.sub_politik),
                                   data(rows.sub_politik, bidang=str(world.bidang_ideologi.pk)))
    assert response.status_code == 200
    sub = SubKegiatan.objects.get(pk=rows.sub_politik.pk)
    assert sub.pagu == 50_913_097_550 and sub.bidang == world.bidang_politik


def test_kabid_cannot_edit_another_bidangs_sub_kegiatan(login, rows):
    before = snapshot(rows.sub_ideologi)
    assert_refused_read_only(login("kabid").post(url(rows.sub_ideologi), data(rows.sub_ideologi)))
    assert snapshot(rows.sub_ideologi) == before


def test_alice_moves_a_sub_kegiatan_to_another_bidang(login, rows, world):
    login("alice").post(url(rows.sub_politik), data(rows.sub_politik, bidang=str(world.bidang_ideologi.pk)))
    assert SubKegiatan.objects.get(pk=rows.sub_politik.pk).bidang == world.bidang_ideologi


@pytest.mark.parametrize("persona", READ_ONLY)
def test_read_only_users_are_refused(login, rows, persona):
    before = snapshot(rows.sub_politik)
    assert_refused_read_only(login(persona).post(url(rows.sub_politik), data(rows.sub_politik)))
    assert snapshot(rows.sub_politik) == before


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_outsiders_get_404(login, rows, persona):
    with plan_unchanged(rows.plan):
        assert login(persona).post(url(rows.sub_politik), data(rows.sub_politik)).status_code == 404


def test_anonymous_is_sent_to_login(login, rows):
    assert_login_redirect(login(None).post(url(rows.sub_politik), data(rows.sub_politik)))


def test_a_submitted_plan_refuses(login, rows):
    submit(rows.plan)
    before = snapshot(rows.sub_politik)
    assert login("alice").post(url(rows.sub_politik), data(rows.sub_politik)).status_code == 403
    assert snapshot(rows.sub_politik) == before
