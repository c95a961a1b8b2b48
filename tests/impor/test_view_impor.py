"""The import pages: upload → preview → "Impor", told with the personas of tests/factories.py.

alice (perencana) may import into her PD; admin into any PD of his Pemda; kepala PD, both kepala bidang and the
evaluator read but do not import; charlie (another PD) and dave (another Pemda) cannot touch alice's PD.
"""

from __future__ import annotations

import io
import re

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from renaksi.impor import api
from renaksi.impor.pratinjau import SESSION_KEY
from renaksi.laporan.templat import render_xlsx
from renaksi.organisasi.models import PerangkatDaerah
from renaksi.perencanaan.models import RencanaAksi
from renaksi.perencanaan.templat import build_template_data
from tests.conftest import SEED_SAMARINDA
from tests.helpers import diff_dumps, dump_plan, table_counts

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"


def template_of(plan) -> SimpleUploadedFile:
    return SimpleUploadedFile("rencana.xlsx", render_xlsx(build_template_data(plan)))


def upload(client, pd, berkas, tahun="", **extra):
    return client.post(reverse("import_upload"), {"berkas": berkas, "perangkat_daerah": pd.pk, "tahun": tahun},
                       **extra)


def staged_token(client) -> str:
    (token,) = client.session[SESSION_KEY].keys()
    return token


# --- the upload page ---------------------------------------------------------------------------------------------


def test_upload_page_for_the_perencana_offers_only_her_pd(client, world):
    client.force_login(world.alice)
    response = client.get(reverse("import_upload"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "data-impor-drop" in html and 'type="file"' in html  # drag and drop, and the plain input behind it
    assert f'<option value="{world.pd.pk}"' in html
    assert world.other_pd.nama not in html
    assert reverse("import_template_blank") + "?format=xlsx" in html
    assert not re.search(r'(src|href)="(https?:)?//', html)  # no asset from another host (no CDN)


def test_upload_page_for_the_admin_offers_the_pds_of_his_pemda(client, world):
    client.force_login(world.admin)
    html = client.get(reverse("import_upload")).content.decode()
    assert world.pd.nama in html and world.other_pd.nama in html
    assert f'value="{world.foreign_pd.pk}"' not in html


@pytest.mark.parametrize("persona", ["kepala", "kabid", "bob", "eve"])
def test_read_only_roles_cannot_open_the_upload_page(client, world, persona):
    client.force_login(getattr(world, persona))
    before = table_counts()
    assert client.get(reverse("import_upload")).status_code == 403
    assert upload(client, world.pd, template_of(world.plan), "2025").status_code == 403
    assert table_counts() == before
    assert not RencanaAksi.objects.filter(tahun=2025).exists()


@pytest.mark.parametrize(("persona", "offered"), [("alice", True), ("admin", True), ("kepala", False),
                                                  ("kabid", False), ("bob", False), ("eve", False),
                                                  ("charlie", True), ("dave", True)])
def test_impor_dokumen_is_offered_only_to_who_may_import(client, world, persona, offered):
    """It was shown to every role, and led the read-only ones to a 403."""
    client.force_login(getattr(world, persona))
    html = client.get(reverse("home")).content.decode()
    assert ('id="impor-dokumen"' in html) is offered  # the home page's button
    assert ('id="nav-impor"' in html) is offered  # the menu
    assert (client.get(reverse("import_upload")).status_code == 200) is offered


def test_the_superuser_gets_the_upload_page_with_every_pd(client, world, django_user_model):
    root = django_user_model.objects.create_superuser(username="root", password="x-Panjang-sekali-1")
    client.force_login(root)
    assert 'id="nav-impor"' in client.get(reverse("home")).content.decode()
    response = client.get(reverse("import_upload"))
    assert response.status_code == 200
    html = response.content.decode()
    assert all(f'value="{pd.pk}"' in html for pd in (world.pd, world.other_pd, world.foreign_pd))
    response = upload(client, world.foreign_pd, template_of(world.plan), "2025")
    assert response.status_code == 302


def test_anonymous_is_sent_to_login(client, db):
    response = client.get(reverse("import_upload"))
    assert response.status_code == 302 and reverse("login") in response["Location"]


@pytest.mark.parametrize("persona", ["charlie", "dave"])
def test_a_pd_that_is_not_yours_answers_404(client, world, persona):
    client.force_login(getattr(world, persona))
    before = RencanaAksi.objects.count()
    assert upload(client, world.pd, template_of(world.plan), "2025").status_code == 404
    assert RencanaAksi.objects.count() == before


def test_ids_never_carry_a_thousand_separator(client, world, settings):
    settings.USE_THOUSAND_SEPARATOR = True
    PerangkatDaerah.objects.create(pk=12345, pemda=world.pemda, nama="Dinas Besar")
    client.force_login(world.admin)
    html = client.get(reverse("import_upload")).content.decode()
    assert 'value="12345"' in html


# --- upload → preview → confirm ----------------------------------------------------------------------------------


def test_upload_preview_confirm_writes_the_plan_only_on_confirm(client, world):
    client.force_login(world.alice)
    before = RencanaAksi.objects.count()
    response = upload(client, world.pd, template_of(world.plan), "2025")
    token = staged_token(client)
    assert response.status_code == 302 and response["Location"] == reverse("import_preview", args=[token])
    assert RencanaAksi.objects.count() == before

    preview = client.get(response["Location"])
    assert preview.status_code == 200
    html = preview.content.decode()
    assert 'data-count="sub_kegiatan">2<' in html and 'data-count="aksi">4<' in html
    assert "Persentase partisipasi pemilih" in html and "Sub kegiatan uji 2" in html
    assert "Aksi 2 dari sub kegiatan 1" in html and "20.000.000" in html  # the tree, with pagu for people
    assert "program Rp20.000.000" in " ".join(html.split())
    assert 'id="impor-temuan"' in html  # the checker ran on the would-be plan
    assert "Impor dan ganti" not in html and 'id="impor-konfirmasi"' in html
    assert RencanaAksi.objects.count() == before  # the preview's import was rolled back

    response = client.post(reverse("import_confirm", args=[token]))
    plan = RencanaAksi.objects.get(perangkat_daerah=world.pd, tahun=2025)
    assert response.status_code == 302 and response["Location"] == reverse("plan_editor", args=[plan.pk])
    assert RencanaAksi.objects.count() == before + 1
    original, copy = dump_plan(world.plan), dump_plan(plan)
    assert diff_dumps(original["program"], copy["program"]) == []
    assert SESSION_KEY not in client.session or token not in client.session[SESSION_KEY]
    assert not default_storage.exists(f"impor/{token}.bin")
    assert client.post(reverse("import_confirm", args=[token])).status_code == 404  # used once


def test_upload_with_htmx_redirects_the_page_to_the_preview(client, world):
    client.force_login(world.alice)
    response = upload(client, world.pd, template_of(world.plan), "2025", HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert response["HX-Redirect"] == reverse("import_preview", args=[staged_token(client)])


def test_reimport_shows_what_changes_and_replaces_on_confirm(client, world):
    client.force_login(world.alice)
    expected = dump_plan(world.plan)
    # the same plan with one pagu changed in the workbook
    wb = load_workbook(io.BytesIO(render_xlsx(build_template_data(world.plan))))
    wb["Anggaran"]["F5"] = 12_500_000
    buffer = io.BytesIO()
    wb.save(buffer)
    upload(client, world.pd, SimpleUploadedFile("ubah.xlsx", buffer.getvalue()))
    token = staged_token(client)
    html = client.get(reverse("import_preview", args=[token])).content.decode()
    assert 'id="impor-ganti"' in html and "Impor dan ganti rencana aksi yang ada" in html
    assert "Sub kegiatan uji 1" in html and "12.500.000" in html and "10.000.000" in html  # before → after
    assert RencanaAksi.objects.filter(perangkat_daerah=world.pd, tahun=2024).count() == 1

    client.post(reverse("import_confirm", args=[token]))
    (plan,) = RencanaAksi.objects.filter(perangkat_daerah=world.pd, tahun=2024)
    after = dump_plan(plan)
    assert after["program"][0]["kegiatan"][0]["sub_kegiatan"][0]["pagu"] == 12_500_000
    after["program"][0]["kegiatan"][0]["sub_kegiatan"][0]["pagu"] = 10_000_000
    assert diff_dumps(expected, after) == []


def test_an_approved_plan_is_not_replaced(client, world):
    RencanaAksi.objects.filter(pk=world.plan.pk).update(status=RencanaAksi.Status.DISETUJUI)
    client.force_login(world.alice)
    upload(client, world.pd, template_of(world.plan))
    token = staged_token(client)
    html = client.get(reverse("import_preview", args=[token])).content.decode()
    assert 'id="impor-penghalang"' in html and 'id="impor-konfirmasi"' not in html
    assert "buat perubahan (versi baru) rencana aksi" in html  # the way forward, not a bare refusal
    # What the document holds is still shown (it used to read "Sasaran 0 … Tidak ada sasaran"), nothing kept.
    assert 'data-count="sasaran">1<' in html and 'data-count="aksi">4<' in html  # make_plan's
    assert "Meningkatnya partisipasi politik masyarakat" in html and "Tidak ada sasaran" not in html
    assert "Yang akan berubah" not in html  # nothing will: the differences are named as such
    assert client.post(reverse("import_confirm", args=[token])).status_code == 403
    assert RencanaAksi.objects.get(pk=world.plan.pk).status == RencanaAksi.Status.DISETUJUI
    assert RencanaAksi.objects.filter(perangkat_daerah=world.pd).count() == 1


@pytest.mark.parametrize("persona", ["kepala", "kabid", "bob", "charlie", "dave"])
def test_someone_else_cannot_use_alices_upload(client, world, persona):
    client.force_login(world.alice)
    upload(client, world.pd, template_of(world.plan), "2025")
    token = staged_token(client)
    client.force_login(getattr(world, persona))
    assert client.get(reverse("import_preview", args=[token])).status_code == 404
    assert client.post(reverse("import_confirm", args=[token])).status_code == 404
    assert not RencanaAksi.objects.filter(tahun=2025).exists()


def test_an_unknown_token_answers_404(client, world):
    client.force_login(world.alice)
    assert client.get(reverse("import_preview", args=["tidak-ada"])).status_code == 404


def test_cancel_forgets_the_upload(client, world):
    client.force_login(world.alice)
    upload(client, world.pd, template_of(world.plan), "2025")
    token = staged_token(client)
    response = client.post(reverse("import_cancel", args=[token]))
    assert response.status_code == 302
    assert not default_storage.exists(f"impor/{token}.bin")
    assert client.get(reverse("import_preview", args=[token])).status_code == 404


# --- bad files ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("rencana.xlsx", PNG, "gambar PNG"),
        ("rencana.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "dilindungi kata sandi"),
        ("rencana.docx", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"\x00" * 50, "rusak atau terpotong"),
        ("kosong.txt", b"", "Berkas yang dikirimkan kosong"),
    ],
)
def test_a_bad_file_shows_the_message_and_writes_nothing(client, world, name, content, message):
    client.force_login(world.alice)
    before = (RencanaAksi.objects.count(), len(default_storage.listdir("impor")[1]) if default_storage.exists(
        "impor") else 0)
    response = upload(client, world.pd, SimpleUploadedFile(name, content), "2025")
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html and "Traceback" not in html
    assert RencanaAksi.objects.count() == before[0]
    assert not client.session.get(SESSION_KEY)


def test_a_file_too_large_is_refused_before_reading(client, world, settings):
    settings.RENAKSI_IMPORT_MAX_BYTES = 2048
    client.force_login(world.alice)
    response = upload(client, world.pd, SimpleUploadedFile("besar.txt", b"a\tb\n" * 1000), "2025")
    assert response.status_code == 200
    assert "Berkas terlalu besar" in response.content.decode()


def test_a_document_without_a_plan_table_names_the_file(client, world):
    client.force_login(world.alice)
    response = upload(client, world.pd, SimpleUploadedFile("surat.txt", b"Yth. Bapak Kepala\nHormat kami\n"))
    assert response.status_code == 200
    assert "surat.txt" in response.content.decode() and "tidak ditemukan tabel" in response.content.decode()


def test_a_windows_1252_text_copy_is_read_and_the_guess_is_shown(client, world, seeds_dir):
    client.force_login(world.alice)
    data = SEED_SAMARINDA.read_text(encoding="utf-8").encode("cp1252")
    upload(client, world.pd, SimpleUploadedFile("samarinda.txt", data), "2025")
    html = client.get(reverse("import_preview", args=[staged_token(client)])).content.decode()
    assert "Windows-1252" in html
    assert "59.059.304.998" in html or 'data-count="sub_kegiatan">15<' in html
    # every decision carries its code's title, never the bare code alone
    assert "Berkas teks bukan UTF-8" in html and "teks.encoding" in html
    assert "Pagu tertulis berbeda di dua tabel" in html


# --- the template downloads --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("fmt", "content_type"), [
    ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
])
def test_templates_download(client, world, fmt, content_type):
    client.force_login(world.alice)
    blank = client.get(reverse("import_template_blank"), {"format": fmt})
    assert blank.status_code == 200 and blank["Content-Type"] == content_type
    assert f'filename="templat-kesbangpol-contoh.{fmt}"' in blank["Content-Disposition"]
    export = client.get(reverse("plan_export_template", args=[world.plan.pk]), {"format": fmt})
    assert export.status_code == 200 and export["Content-Type"] == content_type
    assert f"templat-kesbangpol-contoh-2024.{fmt}" in export["Content-Disposition"]


def test_the_blank_template_of_a_perencana_names_her_pd(client, world):
    client.force_login(world.alice)
    wb = load_workbook(io.BytesIO(client.get(reverse("import_template_blank")).content))
    values = {row[0]: row[1] for row in wb["Identitas"].iter_rows(min_row=3, values_only=True)}
    assert values["Perangkat Daerah *"] == world.pd.nama
    assert "Bidang Politik Dalam Negeri" in [c.value for c in wb["Daftar"]["C"]]


def test_export_follows_the_right_to_see_the_plan(client, world):
    url = reverse("plan_export_template", args=[world.plan.pk])
    client.force_login(world.eve)  # the evaluator reads every plan of his Pemda
    response = client.get(url)
    assert response.status_code == 200
    parsed = api.parse_document(response.content, "ekspor.xlsx")
    assert parsed.layout == "template" and parsed.tahun == world.plan.tahun
    client.force_login(world.dave)  # another Pemda's draft: not found
    assert client.get(url).status_code == 404
    client.force_login(world.alice)
    assert client.get(url, {"format": "pdf"}).status_code == 404


def test_an_unexpected_failure_is_a_message_not_a_traceback(client, world, monkeypatch, caplog):
    from renaksi.impor import api

    def broken(data, filename, jenis=None):
        raise IndexError("list index out of range")

    monkeypatch.setattr(api, "parse_document", broken)
    client.force_login(world.alice)
    response = upload(client, world.pd, template_of(world.plan), "2025")
    assert response.status_code == 200
    assert "kesalahan tak terduga di Renaksi. Tidak ada yang disimpan." in response.content.decode()
    assert "IndexError" in caplog.text  # the traceback is for us, in the log


def test_uploads_nobody_confirmed_are_purged_after_a_day(client, world, monkeypatch):
    import time

    from renaksi.impor import pratinjau

    client.force_login(world.alice)
    upload(client, world.pd, template_of(world.plan), "2025")
    token = staged_token(client)
    pratinjau.purge_stale_uploads()
    assert default_storage.exists(f"impor/{token}.bin")  # a fresh upload stays
    real_time = time.time
    monkeypatch.setattr(pratinjau.time, "time", lambda: real_time() + pratinjau.STAGED_TTL_SECONDS + 60)
    assert pratinjau.purge_stale_uploads() >= 1  # the in-memory storage also holds other tests' uploads
    assert not default_storage.exists(f"impor/{token}.bin")
    assert client.get(reverse("import_preview", args=[token])).status_code == 404


def test_preview_says_when_the_document_states_no_program_pagu(client, world):
    # Samarinda's Tabel 2.3 gives pagu from the kegiatan level down: "Rp 0" would read as a real zero budget.
    from renaksi.perencanaan.models import Program

    Program.objects.filter(rencana_aksi=world.plan).update(pagu=None)
    client.force_login(world.alice)
    response = upload(client, world.pd, template_of(world.plan), "2025")
    html = " ".join(client.get(response["Location"]).content.decode().split())
    assert "program tidak tertulis" in html and "program Rp0" not in html


def test_a_confirmation_that_finds_the_database_busy_says_try_again_and_keeps_the_upload(client, world,
                                                                                           monkeypatch):
    """It used to say 'nilai tidak dapat disimpan (database is locked)', in English, as if the file were wrong."""
    from django.db import OperationalError

    from renaksi.perencanaan import services as svc

    real = svc.aksi_create

    def locked(**kwargs):
        raise OperationalError("database is locked")

    client.force_login(world.alice)
    upload(client, world.pd, template_of(world.plan), "2025")
    token = staged_token(client)
    monkeypatch.setattr(svc, "aksi_create", locked)
    response = client.post(reverse("import_confirm", args=[token]), follow=True)
    assert response.redirect_chain[0] == (reverse("import_preview", args=[token]), 302)
    html = response.content.decode()
    assert "coba lagi" in html and "database is locked" not in html and "tidak dapat disimpan" not in html
    assert not RencanaAksi.objects.filter(perangkat_daerah=world.pd, tahun=2025).exists()

    monkeypatch.setattr(svc, "aksi_create", real)  # a moment later: the same upload, confirmed again
    response = client.post(reverse("import_confirm", args=[token]))
    assert response.status_code == 302
    assert RencanaAksi.objects.filter(perangkat_daerah=world.pd, tahun=2025).exists()
