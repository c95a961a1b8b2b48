"""aksi_add: a new aksi under a sub kegiatan; the budget section comes back re-rendered."""

import pytest
from django.urls import reverse

from renaksi.perencanaan.models import Aksi
from tests.factories import submit
from tests.helpers import (
    OUTSIDERS,
    READ_ONLY,
    assert_login_redirect,
    assert_refused_read_only,
    plan_unchanged,
)

DATA = {"nomor": "3", "uraian": "Pelaksanaan sosialisasi", "bulan": ["4", "5"], "keluaran": "Peserta",
        "target": "1200 Orang", "pagu": "", "penanggung_jawab": "", "pejabat": ""}


def url(sub) -> str:
    return reverse("aksi_add", args=[sub.pk])


def test_the_button_opens_a_form_and_batal_brings_the_button_back(login, rows):
    client = login("alice")
    form = client.get(url(rows.sub_politik))
    assert form.status_code == 200
    assert f'id="add-aksi-{rows.sub_politik.pk}"' in form.content.decode()
    assert 'value="3"' in form.content.decode()  # the next number
    back = client.get(url(rows.sub_politik) + "?batal=1")
    assert "Tambah aksi" in back.content.decode()


def test_alice_adds_an_aksi(login, rows):
    response = login("alice").post(url(rows.sub_politik), DATA)
    assert response.status_code == 200
    assert response["HX-Trigger"] == "plan-changed"
    assert response["HX-Retarget"] == f"#bagian-kegiatan-{rows.kegiatan.pk}"  # its kegiatan section only
    aksi = Aksi.objects.get(sub_kegiatan=rows.sub_politik, uraian="Pelaksanaan sosialisasi")
    assert aksi.target_teks == "1200 Orang" and aksi.urutan == 3
    assert sorted(aksi.jadwal.values_list("bulan", flat=True)) == [4, 5]
    assert f'id="aksi-{aksi.pk}"' in response.content.decode()


def test_invalid_input_creates_nothing(login, rows):
    before = Aksi.objects.count()
    response = login("alice").post(url(rows.sub_politik), DATA | {"pagu": "Rp 1.5 juta"})
    assert response.status_code == 422
    assert response["HX-Retarget"] == f"#add-aksi-{rows.sub_politik.pk}"
    assert Aksi.objects.count() == before


def test_kabid_adds_to_his_bidangs_sub_kegiatan_only(login, rows):
    assert login("kabid").post(url(rows.sub_politik), DATA).status_code == 200
    assert_refused_read_only(login("kabid").post(url(rows.sub_ideologi), DATA))
    assert not Aksi.objects.filter(sub_kegiatan=rows.sub_ideologi, uraian=DATA["uraian"]).exists()


@pytest.mark.parametrize("persona", READ_ONLY)
def test_read_only_users_are_refused(login, rows, persona):
    assert_refused_read_only(login(persona).post(url(rows.sub_politik), DATA))
    assert not Aksi.objects.filter(uraian=DATA["uraian"]).exists()


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_outsiders_get_404(login, rows, persona):
    with plan_unchanged(rows.plan):
        assert login(persona).post(url(rows.sub_politik), DATA).status_code == 404


def test_anonymous_is_sent_to_login(login, rows):
    assert_login_redirect(login(None).post(url(rows.sub_politik), DATA))


def test_a_submitted_plan_refuses(login, rows):
    submit(rows.plan)
    with plan_unchanged(rows.plan):
        assert login("alice").post(url(rows.sub_politik), DATA).status_code == 403
    assert not Aksi.objects.filter(uraian=DATA["uraian"]).exists()
