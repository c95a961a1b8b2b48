"""pengesahan_edit: the plan's title page (tempat, tanggal, penandatangan) and its Perjanjian Kinerja's parties,
tempat and tanggal, edited by the perencana (and admin pemda) like the plan's structure."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from renaksi.laporan import pk as pk_dokumen
from renaksi.organisasi import services as org
from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import PerjanjianKinerja, RencanaAksi
from tests.factories import make_plan, submit
from tests.helpers import OUTSIDERS, READ_ONLY, plan_unchanged


@pytest.fixture
def kepala_pd(world):
    kepala = org.pejabat_create(perangkat_daerah=world.pd, nama="SUCIPTO, S.Pd, M.Si.", nip="19670319 199702 1 003",
                                jabatan="Kepala Badan Kesatuan Bangsa dan Politik Kota Contoh",
                                pangkat="Pembina Utama Muda", golongan="IV/c",
                                status="plt")
    org.perangkat_daerah_set_kepala(perangkat_daerah=world.pd, pejabat=kepala)
    return kepala


def url(plan) -> str:
    return reverse("pengesahan_edit", args=[plan.pk])


def data(kepala, **changes) -> dict:
    return {"tempat": "Samarinda", "tanggal": "2024-01-02", "penandatangan": str(kepala.pk),
            "pk_pihak_pertama": str(kepala.pk), "pk_pihak_kedua": "",
            "pk_pihak_kedua_jabatan": "Wali Kota Samarinda", "pk_tempat": "Samarinda", "pk_tanggal": "2024-01-03",
            **changes}


def login(client, user):
    client.force_login(user)
    return client


def test_alice_saves_title_page_and_creates_the_missing_pk(client, world, kepala_pd):
    plan = world.plan
    assert not PerjanjianKinerja.objects.filter(rencana_aksi=plan).exists()
    c = login(client, world.alice)
    page = c.get(url(plan))
    assert page.status_code == 200
    assert "belum mempunyai Perjanjian Kinerja" in page.content.decode()
    response = c.post(url(plan), data(kepala_pd))
    assert response.status_code == 302 and response["Location"] == url(plan)

    plan = RencanaAksi.objects.get(pk=plan.pk)
    assert (plan.tempat, plan.tanggal, plan.penandatangan) == ("Samarinda", dt.date(2024, 1, 2), kepala_pd)
    (pk,) = PerjanjianKinerja.objects.filter(rencana_aksi=plan)
    assert (pk.jenis, pk.tahun, pk.pihak_pertama, pk.pihak_kedua, pk.pihak_kedua_jabatan, pk.tempat, pk.tanggal) == (
        "murni", 2024, kepala_pd, None, "Wali Kota Samarinda", "Samarinda", dt.date(2024, 1, 3))
    assert pk.history.first().history_user == world.alice

    # The PK document prints what was saved: the acting head signs as "Plt.", the region's head as pihak kedua.
    doc = pk_dokumen.perjanjian_kinerja(rencana_aksi=plan)
    assert doc.pihak_pertama.jabatan == "Plt. Kepala Badan Kesatuan Bangsa dan Politik Kota Contoh"
    assert (doc.pihak_pertama.nama, doc.pihak_pertama.nip) == ("SUCIPTO, S.Pd, M.Si.", "196703191997021003")
    assert doc.pihak_pertama.pangkat_golongan == "Pembina Utama Muda (IV/c)"
    assert (doc.pihak_kedua.jabatan, doc.pihak_kedua.nama) == ("Wali Kota Samarinda", "")
    assert (doc.tempat, doc.tanggal) == ("Samarinda", dt.date(2024, 1, 3))


def test_a_second_save_updates_the_same_pk(client, world, kepala_pd):
    c = login(client, world.admin)
    c.post(url(world.plan), data(kepala_pd))
    kabid = world.bidang_politik.kepala
    response = c.post(url(world.plan), data(kepala_pd, pk_pihak_kedua=str(kabid.pk), pk_pihak_kedua_jabatan=""))
    assert response.status_code == 302
    (pk,) = PerjanjianKinerja.objects.filter(rencana_aksi=world.plan)
    assert (pk.pihak_kedua, pk.pihak_kedua_jabatan) == (kabid, "")
    page = c.get(url(world.plan)).content.decode()
    assert "belum mempunyai" not in page and f'value="{kabid.pk}" selected' in page



def test_the_row_version_is_a_hidden_field_without_a_label(client, world, kepala_pd):
    """A "Versi baris" label stood over nothing above Tempat penetapan."""
    html = login(client, world.alice).get(url(world.plan)).content.decode()
    assert "Versi baris" not in html
    assert '<input type="hidden" name="versi_baris"' in html  # still sent: a concurrent save is still detected

def test_the_editor_links_to_the_page_for_those_who_may_edit(client, world):
    editor = reverse("plan_editor", args=[world.plan.pk])
    assert url(world.plan) in login(client, world.alice).get(editor).content.decode()
    assert url(world.plan) not in login(client, world.eve).get(editor).content.decode()


def test_bad_input_names_the_field_and_changes_nothing(client, world, kepala_pd):
    c = login(client, world.alice)
    with plan_unchanged(world.plan):
        response = c.post(url(world.plan), data(kepala_pd, tanggal="2024-02-31", pk_pihak_kedua=str(kepala_pd.pk)))
    assert response.status_code == 422
    page = response.content.decode()
    assert "Pihak kedua tidak boleh pejabat yang sama dengan pihak pertama." in page
    assert "is-invalid" in page
    assert not PerjanjianKinerja.objects.filter(rencana_aksi=world.plan).exists()


def test_an_official_of_another_pd_is_refused(client, world, kepala_pd):
    stranger = org.pejabat_create(perangkat_daerah=world.other_pd, nama="ORANG LAIN", jabatan="Kepala Dinas")
    with plan_unchanged(world.plan):
        response = login(client, world.alice).post(url(world.plan), data(kepala_pd, penandatangan=str(stranger.pk)))
    assert response.status_code == 422  # not among the choices
    with pytest.raises(ValidationError, match="bukan pejabat perangkat daerah ini"):
        svc.rencana_aksi_pengesahan_set(rencana_aksi=world.plan, tempat="", tanggal=None, penandatangan=stranger,
                                        by=world.alice)


@pytest.mark.parametrize("persona", ["kabid", "bob", *READ_ONLY])
def test_read_only_personas_get_403(client, world, kepala_pd, persona):
    c = login(client, getattr(world, persona))
    assert c.get(url(world.plan)).status_code == 403
    with plan_unchanged(world.plan):
        assert c.post(url(world.plan), data(kepala_pd)).status_code == 403
    with pytest.raises(PermissionDenied):
        svc.perjanjian_kinerja_pihak_set(rencana_aksi=world.plan, perjanjian_kinerja=None, pihak_pertama=None,
                                         pihak_kedua=None, pihak_kedua_jabatan="", tempat="", tanggal=None,
                                         by=getattr(world, persona))


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_outsiders_get_404(client, world, kepala_pd, persona):
    c = login(client, getattr(world, persona))
    assert c.get(url(world.plan)).status_code == 404
    with plan_unchanged(world.plan):
        assert c.post(url(world.plan), data(kepala_pd)).status_code == 404


def test_anonymous_is_sent_to_login(client, world):
    response = client.get(url(world.plan))
    assert response.status_code == 302 and response["Location"].startswith("/masuk/")


def test_a_submitted_plan_refuses_with_a_message(client, world, kepala_pd):
    submit(world.plan)
    with plan_unchanged(world.plan):
        response = login(client, world.alice).post(url(world.plan), data(kepala_pd))
    assert response.status_code == 403
    assert "tidak dapat diubah" in response.content.decode()
    with pytest.raises(ValidationError, match="tidak dapat diubah"):
        svc.rencana_aksi_pengesahan_set(rencana_aksi=world.plan, tempat="X", tanggal=None, penandatangan=None,
                                        by=world.alice)


def test_the_page_keeps_a_constant_number_of_queries(client, world, kepala_pd, django_assert_max_num_queries):
    c = login(client, world.alice)
    with django_assert_max_num_queries(12):
        assert c.get(url(world.plan)).status_code == 200
    for n in range(30):
        org.pejabat_create(perangkat_daerah=world.pd, nama=f"PEJABAT {n}", jabatan="Staf")
    big = make_plan(world.pd, tahun=2025, n_sub_kegiatan=20)
    with django_assert_max_num_queries(12):
        assert c.get(url(big)).status_code == 200
