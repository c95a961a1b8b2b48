"""row_delete: remove a row and what hangs under it (after the browser's confirm)."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from renaksi.perencanaan.models import Aksi, Indikator, Kegiatan, Program, SubKegiatan, Target
from tests.factories import submit
from tests.helpers import (
    OUTSIDERS,
    READ_ONLY,
    assert_login_redirect,
    assert_refused_read_only,
    plan_unchanged,
)


def url(jenis, obj) -> str:
    return reverse("row_delete", args=[jenis, obj.pk])


def test_the_delete_button_asks_for_confirmation(login, rows):
    section = reverse("rencana_aksi_bagian", args=[rows.plan.pk, "kegiatan", rows.kegiatan.pk])
    html = login("alice").get(section).content.decode()  # the row as its opened section shows it
    button = html.split(f'hx-post="{url("aksi", rows.aksi_politik)}"')[1].split(">")[0]
    assert "hx-confirm=" in button and rows.aksi_politik.uraian in button


class _Buttons(HTMLParser):
    def __init__(self):
        super().__init__()
        self.confirm: dict[str, str] = {}  # hx-post → hx-confirm, as the browser reads the attributes

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "button" and "hx-confirm" in attrs:
            self.confirm[attrs["hx-post"]] = attrs["hx-confirm"]


def test_the_confirmation_names_the_row_whole_even_with_quotes_and_ampersands(login, rows):
    Aksi.objects.filter(pk=rows.aksi_politik.pk).update(uraian='Rapat "kebangsaan" & <dialog>')
    Kegiatan.objects.filter(pk=rows.kegiatan.pk).update(nama='Kegiatan "A" & B')
    section = reverse("rencana_aksi_bagian", args=[rows.plan.pk, "kegiatan", rows.kegiatan.pk])
    parser = _Buttons()
    parser.feed(login("alice").get(section).content.decode())
    assert parser.confirm[url("aksi", rows.aksi_politik)] == 'Hapus aksi "Rapat "kebangsaan" & <dialog>"?'
    assert parser.confirm[url("kegiatan", rows.kegiatan)] == (
        'Hapus kegiatan "Kegiatan "A" & B" beserta seluruh sub kegiatan dan aksinya?')


def test_alice_deletes_a_sub_kegiatan_with_its_aksi(login, rows):
    response = login("alice").post(url("subkegiatan", rows.sub_ideologi))
    assert response.status_code == 200
    assert response["HX-Trigger"] == "plan-changed"
    assert not SubKegiatan.objects.filter(pk=rows.sub_ideologi.pk).exists()
    assert not Aksi.objects.filter(sub_kegiatan_id=rows.sub_ideologi.pk).exists()
    html = response.content.decode()
    assert f'id="subkegiatan-{rows.sub_ideologi.pk}"' not in html
    assert 'id="plan-totals" class="plan-totals d-flex flex-wrap gap-3" hx-swap-oob="true"' in html


def test_deleting_an_indicator_refreshes_both_sections(login, rows):
    response = login("alice").post(url("indikator", rows.iku))
    assert not Indikator.objects.filter(pk=rows.iku.pk).exists()
    assert not Target.objects.filter(indikator_id=rows.iku.pk).exists()
    html = response.content.decode()
    assert response["HX-Retarget"] == f"#bagian-sasaran-{rows.sasaran.pk}"
    assert 'id="section-anggaran" hx-swap-oob="true"' in html  # its chips on the program are gone (closed again)
    assert f'href="#indikator-{rows.iku.pk}"' not in html


def test_kabid_deletes_an_aksi_of_his_bidang_but_not_structure(login, rows):
    assert login("kabid").post(url("aksi", rows.aksi_politik)).status_code == 200
    assert not Aksi.objects.filter(pk=rows.aksi_politik.pk).exists()
    assert_refused_read_only(login("kabid").post(url("aksi", rows.aksi_ideologi)))
    assert_refused_read_only(login("kabid").post(url("subkegiatan", rows.sub_politik)))
    assert_refused_read_only(login("kabid").post(url("indikator", rows.iku)))
    assert Aksi.objects.filter(pk=rows.aksi_ideologi.pk).exists()


@pytest.mark.parametrize("persona", READ_ONLY)
def test_read_only_users_are_refused(login, rows, persona):
    assert_refused_read_only(login(persona).post(url("program", rows.program)))
    assert Program.objects.filter(pk=rows.program.pk).exists()


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_outsiders_get_404(login, rows, persona):
    with plan_unchanged(rows.plan):
        assert login(persona).post(url("program", rows.program)).status_code == 404
    assert Program.objects.filter(pk=rows.program.pk).exists()


def test_anonymous_is_sent_to_login(login, rows):
    assert_login_redirect(login(None).post(url("program", rows.program)))


def test_a_submitted_plan_refuses(login, rows):
    submit(rows.plan)
    with plan_unchanged(rows.plan):
        assert login("alice").post(url("aksi", rows.aksi_politik)).status_code == 403
    assert Aksi.objects.filter(pk=rows.aksi_politik.pk).exists()
