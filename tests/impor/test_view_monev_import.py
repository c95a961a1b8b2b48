"""Monev workbooks on the import pages (upload → preview → "Impor"), and the monev form download, per persona.

alice (perencana) imports realisasi into her PD's plan; the preview writes nothing; a closed triwulan shows why
nothing can be imported. The form download: alice, kepala PD and the evaluator of the Pemda may; charlie (another PD)
and dave (another Pemda) get 404.
"""

from __future__ import annotations

import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from renaksi.impor.pratinjau import SESSION_KEY
from renaksi.monev import ekspor
from renaksi.monev import services as monev
from renaksi.monev.models import RealisasiAnggaran, RealisasiIndikator
from renaksi.perencanaan.models import Indikator, SubKegiatan


@pytest.fixture
def filled(world) -> bytes:
    plan = world.plan
    for tw in (1, 2):
        monev.jendela_buka(pemda=world.pemda, tahun=plan.tahun, triwulan=tw)
    wb = openpyxl.load_workbook(io.BytesIO(ekspor.render_monev_xlsx(ekspor.build_monev_form(rencana_aksi=plan))))
    wb[ekspor.SHEET_INDIKATOR].cell(row=ekspor.HEADER_ROW + 1, column=10, value=15)  # the IKU, TW I
    sub = SubKegiatan.objects.filter(rencana_aksi=plan).order_by("urutan", "pk").first()
    assert wb[ekspor.SHEET_SUB_KEGIATAN].cell(row=ekspor.HEADER_ROW + 1, column=1).value == sub.pk
    wb[ekspor.SHEET_SUB_KEGIATAN].cell(row=ekspor.HEADER_ROW + 1, column=6, value=4_000_000)  # TW II
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _upload(client, world, data: bytes):
    response = client.post(reverse("import_upload"), {
        "berkas": SimpleUploadedFile("monev.xlsx", data), "perangkat_daerah": world.pd.pk, "tahun": ""})
    (token,) = client.session[SESSION_KEY].keys()
    assert response.status_code == 302 and response["Location"] == reverse("import_preview", args=[token])
    return token


def test_preview_then_confirm_writes_the_realisasi(client, world, filled):
    client.force_login(world.alice)
    token = _upload(client, world, filled)
    html = client.get(reverse("import_preview", args=[token])).content.decode()
    assert "Pratinjau impor realisasi" in html and 'id="impor-konfirmasi"' in html
    assert "Persentase partisipasi pemilih" in html and "4000000" in html
    assert "Nilai yang harus diputuskan (0)" in html and "Peringatan (0)" in html
    assert RealisasiIndikator.objects.count() == 0 and RealisasiAnggaran.objects.count() == 0

    response = client.post(reverse("import_confirm", args=[token]))
    assert response.status_code == 302 and response["Location"] == reverse("plan_editor", args=[world.plan.pk])
    iku = Indikator.objects.get(rencana_aksi=world.plan)
    assert [(r.indikator_id, r.triwulan, r.nilai) for r in RealisasiIndikator.objects.all()] == [(iku.pk, 1, 15)]
    assert [(r.triwulan, r.jumlah, r.diisi_oleh) for r in RealisasiAnggaran.objects.all()] == [
        (2, 4_000_000, world.alice)]


def test_closed_triwulan_shown_in_preview_and_confirm_refused(client, world, filled):
    monev.jendela_tutup(pemda=world.pemda, tahun=world.plan.tahun, triwulan=2)
    client.force_login(world.alice)
    token = _upload(client, world, filled)
    html = client.get(reverse("import_preview", args=[token])).content.decode()
    assert 'id="impor-penghalang"' in html and "TW II 2024" in html and 'id="impor-konfirmasi"' not in html
    response = client.post(reverse("import_confirm", args=[token]))
    assert response.status_code == 302 and response["Location"] == reverse("import_preview", args=[token])
    assert RealisasiIndikator.objects.count() == 0 and RealisasiAnggaran.objects.count() == 0


def test_form_of_another_pemdas_plan_refused_without_naming_it(client, world):
    monev.jendela_buka(pemda=world.foreign_plan.perangkat_daerah.pemda, tahun=2024, triwulan=1)
    wb = openpyxl.load_workbook(io.BytesIO(ekspor.render_monev_xlsx(
        ekspor.build_monev_form(rencana_aksi=world.foreign_plan))))
    wb[ekspor.SHEET_INDIKATOR].cell(row=ekspor.HEADER_ROW + 1, column=10, value=15)
    out = io.BytesIO()
    wb.save(out)
    client.force_login(world.alice)
    token = _upload(client, world, out.getvalue())
    html = client.get(reverse("import_preview", args=[token])).content.decode()
    assert "perangkat daerah lain" in html and 'id="impor-konfirmasi"' not in html
    assert f"→ {world.pd.nama}" in " ".join(html.split())  # her PD, not the plan the form names
    assert "Kabupaten Lain" not in html
    client.post(reverse("import_confirm", args=[token]))
    assert RealisasiIndikator.objects.count() == 0


@pytest.mark.parametrize("persona,status", [("alice", 200), ("kepala", 200), ("eve", 200), ("kabid", 200),
                                            ("charlie", 404), ("dave", 404)])
def test_monev_form_download(client, world, persona, status):
    client.force_login(getattr(world, persona))
    response = client.get(reverse("plan_export_monev", args=[world.plan.pk]) + "?triwulan=2")
    assert response.status_code == status
    if status == 200:
        assert response["Content-Type"] == ekspor.XLSX_CONTENT_TYPE
        wb = openpyxl.load_workbook(io.BytesIO(response.content))
        assert wb[ekspor.SHEET_INDIKATOR].cell(row=ekspor.PLAN_ROW, column=2).value == world.plan.pk
        assert "Faktor pendorong (TW II)" in [c.value for c in wb[ekspor.SHEET_INDIKATOR][ekspor.HEADER_ROW]]


def test_monev_form_download_anonymous_and_bad_triwulan(client, world):
    url = reverse("plan_export_monev", args=[world.plan.pk])
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(world.alice)
    assert client.get(url + "?triwulan=5").status_code == 404


def test_preview_lists_an_unmatched_row_with_its_place(client, world, filled):
    wb = openpyxl.load_workbook(io.BytesIO(filled))
    wb[ekspor.SHEET_SUB_KEGIATAN].append([999999, "", "Sub kegiatan yang tidak ada", None, 100])
    out = io.BytesIO()
    wb.save(out)
    client.force_login(world.alice)
    html = client.get(reverse("import_preview", args=[_upload(client, world, out.getvalue())])).content.decode()
    assert "Peringatan (1)" in html
    assert "Sub kegiatan id 999999" in html and "lembar &#x27;Sub kegiatan&#x27;, baris 8" in html
