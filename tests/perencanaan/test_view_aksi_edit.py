"""aksi_edit: every field of an aksi in its row (uraian, schedule, keluaran, target, pagu, penanggung jawab)."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from renaksi.organisasi.models import Pejabat
from renaksi.perencanaan.models import Aksi, AksiBulan
from tests.factories import submit
from tests.helpers import (
    OUTSIDERS,
    READ_ONLY,
    assert_login_redirect,
    assert_refused_read_only,
    plan_unchanged,
)


def url(aksi) -> str:
    return reverse("aksi_edit", args=[aksi.pk])


def data(**changes) -> dict:
    return {"nomor": "1", "uraian": "Rapat koordinasi", "bulan": ["2", "5"], "keluaran": "Notulen",
            "target": "8 laporan", "pagu": "1.517.874.000", "penanggung_jawab": "Kepala Bidang Politik",
            "pejabat": ""} | changes


def snapshot(aksi) -> tuple:
    aksi = Aksi.objects.get(pk=aksi.pk)
    return (aksi.uraian, aksi.keluaran, aksi.target_nilai, aksi.pagu, aksi.penanggung_jawab,
            sorted(AksiBulan.objects.filter(aksi=aksi).values_list("bulan", flat=True)))


def test_the_form_shows_the_current_values(login, rows):
    response = login("alice").get(url(rows.aksi_politik))
    assert response.status_code == 200
    html = response.content.decode()
    assert rows.aksi_politik.uraian in html
    march = re.search(r'<input type="checkbox" name="bulan" value="3"[^>]*>', html).group(0)
    june = re.search(r'<input type="checkbox" name="bulan" value="6"[^>]*>', html).group(0)
    assert "checked" in march and "checked" not in june
    assert f'hx-get="{reverse("aksi_row", args=[rows.aksi_politik.pk])}"' in html  # Batal


def test_alice_saves_every_field(login, rows, world):
    pejabat = Pejabat.objects.get(perangkat_daerah=world.pd)
    response = login("alice").post(url(rows.aksi_politik), data(pejabat=str(pejabat.pk)))
    assert response.status_code == 200
    assert response["HX-Trigger"] == "plan-changed"
    aksi = Aksi.objects.get(pk=rows.aksi_politik.pk)
    assert (aksi.uraian, aksi.keluaran, aksi.penanggung_jawab, aksi.pejabat) == (
        "Rapat koordinasi", "Notulen", "Kepala Bidang Politik", pejabat)
    assert (aksi.target_nilai, aksi.target_satuan, aksi.target_teks) == (Decimal(8), "laporan", "8 laporan")
    assert aksi.pagu == 1_517_874_000
    assert snapshot(aksi)[-1] == [2, 5]
    html = response.content.decode()
    assert "1.517.874.000" in html
    # The sub kegiatan's Σ aksi is updated out of band.
    assert f'id="rollup-subkegiatan-{rows.sub_politik.pk}" class="rollup' in html
    assert 'hx-swap-oob="true"' in html


def test_english_grouping_is_read_too(login, rows):
    login("alice").post(url(rows.aksi_politik), data(pagu="2,718,270,000"))
    assert Aksi.objects.get(pk=rows.aksi_politik.pk).pagu == 2_718_270_000


@pytest.mark.parametrize("field, typed, message", [
    ("pagu", "-5.000", "tidak boleh negatif"),
    ("pagu", "abc", "bukan angka"),
    ("pagu", "1,5", "rupiah bulat"),
    ("target", "1.500 orang", "ambigu"),
    ("uraian", "", "tidak boleh kosong"),
])
def test_invalid_input_saves_nothing(login, rows, field, typed, message):
    before = snapshot(rows.aksi_politik)
    response = login("alice").post(url(rows.aksi_politik), data(**{field: typed}))
    assert response.status_code == 422
    assert response["HX-Retarget"] == f"#aksi-{rows.aksi_politik.pk}"
    html = response.content.decode()
    assert message in html.split(f'id="aksi-{rows.aksi_politik.pk}-{field}"')[1].split("</td>")[0]
    assert snapshot(rows.aksi_politik) == before


def test_kabid_edits_his_bidangs_aksi_only(login, rows):
    assert login("kabid").post(url(rows.aksi_politik), data()).status_code == 200
    before = snapshot(rows.aksi_ideologi)
    assert_refused_read_only(login("kabid").post(url(rows.aksi_ideologi), data()))
    assert_refused_read_only(login("kabid").get(url(rows.aksi_ideologi)))
    assert snapshot(rows.aksi_ideologi) == before


@pytest.mark.parametrize("persona", READ_ONLY)
def test_read_only_users_are_refused(login, rows, persona):
    before = snapshot(rows.aksi_politik)
    assert_refused_read_only(login(persona).post(url(rows.aksi_politik), data()))
    assert snapshot(rows.aksi_politik) == before


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_outsiders_get_404(login, rows, persona):
    assert login(persona).get(url(rows.aksi_politik)).status_code == 404
    with plan_unchanged(rows.plan):
        assert login(persona).post(url(rows.aksi_politik), data()).status_code == 404


def test_anonymous_is_sent_to_login(login, rows):
    assert_login_redirect(login(None).post(url(rows.aksi_politik), data()))


def test_a_submitted_plan_refuses(login, rows):
    submit(rows.plan)
    before = snapshot(rows.aksi_politik)
    response = login("alice").post(url(rows.aksi_politik), data())
    assert response.status_code == 403 and "tidak dapat diubah" in response.content.decode()
    assert snapshot(rows.aksi_politik) == before


def test_a_pejabat_of_another_pd_cannot_be_chosen(login, rows, world):
    from renaksi.organisasi import services as org

    stranger = org.pejabat_create(perangkat_daerah=world.other_pd, nama="Orang Lain", jabatan="Kepala")
    response = login("alice").post(url(rows.aksi_politik), data(pejabat=str(stranger.pk)))
    assert response.status_code == 422
    assert Aksi.objects.get(pk=rows.aksi_politik.pk).pejabat is None
