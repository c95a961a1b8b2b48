"""`laporan.ekspor.ekspor()`: every combination of report and format a user can ask for — the file it makes (name,
media type, the document built once, the findings appendix) or the Indonesian reason it makes none.

The document builders and formatters are faked (tests/laporan/palsu.py) except in the last test, which runs the
real registry over both seeds: it fails until the builders and formatters of issue 17 are merged."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from django.utils.text import slugify

from renaksi.laporan import blok, ekspor, registry
from renaksi.pemeriksaan import api as checker
from renaksi.pemeriksaan import services as checker_services
from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import Aksi, RencanaAksi
from tests.conftest import SEED_BANGKA, SEED_SAMARINDA
from tests.factories import make_pd
from tests.laporan.palsu import dibaca, fixture_laporan_palsu, semua_kombinasi  # noqa: F401  (a fixture)

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def run(plan, laporan, format, **kwargs) -> blok.Berkas:
    return ekspor.ekspor(rencana_aksi=plan, laporan=laporan, format=format, **kwargs)


def approve(plan: RencanaAksi) -> RencanaAksi:
    RencanaAksi.objects.filter(pk=plan.pk).update(status=RencanaAksi.Status.DISETUJUI)
    plan.refresh_from_db()
    return plan


# --- The registry -------------------------------------------------------------------------------------------------


def test_the_registry_offers_the_documents_and_formats_of_issue_17():
    assert list(registry.LAPORAN) == ["ra", "matriks", "pk", "monev", "lkjip", "pohon", "opendata", "templat"]
    for kode in ("ra", "matriks", "pk", "monev", "lkjip", "pohon"):
        entry = registry.LAPORAN[kode]
        assert entry.format == ("pdf", "xlsx", "docx") and entry.jenis == "dokumen" and entry.dokumen is not None
        assert not entry.hanya_disetujui
    opendata = registry.LAPORAN["opendata"]
    assert opendata.format == ("json", "csv", "jsonld") and opendata.jenis == "berkas" and opendata.hanya_disetujui
    templat = registry.LAPORAN["templat"]  # the form to fill in and import again: also made without a plan
    assert templat.format == ("xlsx", "docx") and templat.jenis == "formulir" and not templat.hanya_disetujui
    assert registry.LAPORAN["monev"].triwulan == "wajib" and registry.LAPORAN["lkjip"].triwulan == "opsional"
    # Monitoring data is never public: the monev form and the LKjIP (realisasi, capaian) need the monev right.
    assert {k for k, e in registry.LAPORAN.items() if e.izin == "monev.view_monev"} == {"monev", "lkjip"}
    assert all(str(e.nama) and str(e.keterangan) for e in registry.LAPORAN.values())


def test_every_report_and_format_is_in_the_user_guide():
    guide = (ROOT / "docs" / "laporan.md").read_text()
    for kode, entry in registry.LAPORAN.items():
        assert f"`{kode}`" in guide and str(entry.nama) in guide, kode
        if entry.jenis == "dokumen":
            assert f"(img/laporan-{kode}.png)" in guide, kode
    for kode in registry.FORMAT:
        assert f"`{kode}`" in guide, kode


# --- File names and types -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("laporan", "format", "extra", "nama", "content_type"), [
    ("ra", "pdf", {}, "ra-kesbangpol-contoh-2024.pdf", "application/pdf"),
    ("matriks", "xlsx", {}, "matriks-kesbangpol-contoh-2024.xlsx",
     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("pk", "docx", {}, "pk-kesbangpol-contoh-2024.docx",
     "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("monev", "pdf", {"triwulan": 3}, "monev-kesbangpol-contoh-2024-tw3.pdf", "application/pdf"),
    ("lkjip", "xlsx", {}, "lkjip-kesbangpol-contoh-2024.xlsx",
     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("lkjip", "pdf", {"triwulan": 2}, "lkjip-kesbangpol-contoh-2024-tw2.pdf", "application/pdf"),
    ("pohon", "pdf", {}, "pohon-kesbangpol-contoh-2024.pdf", "application/pdf"),
])
def test_a_document_gets_its_name_and_media_type(world, laporan_palsu, laporan, format, extra, nama,
                                                  content_type):
    berkas = run(world.plan, laporan, format, **extra)
    assert (berkas.nama, berkas.content_type) == (nama, content_type)
    written = dibaca(berkas.isi)
    assert written["format"] == format
    assert written["dokumen"]["bagian"][0]["blok"][1]["teks"] == f"triwulan {extra.get('triwulan')}"


@pytest.mark.parametrize(("format", "nama", "content_type"), [
    ("json", "opendata-kesbangpol-contoh-2024.json", "application/json"),
    ("csv", "opendata-kesbangpol-contoh-2024.zip", "application/zip"),
    ("jsonld", "opendata-kesbangpol-contoh-2024.jsonld", "application/ld+json"),
])
def test_open_data_of_an_approved_plan_is_named_like_the_documents(world, laporan_palsu, format, nama,
                                                                   content_type):
    berkas = run(approve(world.plan), "opendata", format)
    assert (berkas.nama, berkas.content_type) == (nama, content_type)
    assert json.loads(berkas.isi) == {"format": format, "rencana_aksi": world.plan.pk}
    assert laporan_palsu == [("berkas", "opendata", format)]


def test_a_later_version_and_a_pd_without_singkatan_in_the_name(db, laporan_palsu):
    pd = make_pd("Dinas Pemberdayaan Perempuan & Perlindungan Anak", pemda="Uji Nama", singkatan="")
    plan = svc.rencana_aksi_create(perangkat_daerah=pd, tahun=2025)
    RencanaAksi.objects.filter(pk=plan.pk).update(versi=12)
    plan.refresh_from_db()
    nama = run(plan, "monev", "xlsx", triwulan=4).nama
    assert nama == "monev-dinas-pemberdayaan-perempuan-perlindungan-anak-uji-nama-2025-v12-tw4.xlsx"
    assert " " not in nama and "." not in nama.removesuffix(".xlsx")


def test_a_large_version_never_gets_a_thousand_separator(world, laporan_palsu, settings):
    settings.USE_THOUSAND_SEPARATOR = True
    RencanaAksi.objects.filter(pk=world.plan.pk).update(tahun=2024, versi=1000)
    world.plan.refresh_from_db()
    assert run(world.plan, "ra", "pdf").nama == "ra-kesbangpol-contoh-2024-v1000.pdf"


def test_the_document_is_built_once_and_formatted_once(world, laporan_palsu):
    run(world.plan, "ra", "docx", lampiran_temuan=True)
    assert laporan_palsu == [("dokumen", "ra", "None"), ("render", "docx")]


# --- Wrong combinations -------------------------------------------------------------------------------------------


WRONG = [
    # (laporan, format, options, words the message holds)
    ("rpjmd", "pdf", {}, ["Laporan 'rpjmd' tidak dikenal", "ra, matriks, pk, monev, lkjip, pohon, opendata"]),
    ("", "pdf", {}, ["Laporan '' tidak dikenal"]),
    ("ra", "json", {}, ["Format 'json' tidak tersedia untuk Dokumen Rencana Aksi", "pdf, xlsx, docx"]),
    ("ra", "odt", {}, ["Format 'odt' tidak tersedia untuk Dokumen Rencana Aksi"]),
    ("opendata", "pdf", {}, ["Format 'pdf' tidak tersedia untuk Data Terbuka", "json, csv, jsonld"]),
    ("pohon", "PDF", {}, ["Format 'PDF' tidak tersedia"]),
    ("monev", "pdf", {}, ["Monev Triwulan memerlukan triwulan (1, 2, 3 atau 4)"]),
    ("monev", "xlsx", {"triwulan": 5}, ["Triwulan 5 tidak ada; pilih 1, 2, 3 atau 4"]),
    ("monev", "docx", {"triwulan": 0}, ["Triwulan 0 tidak ada"]),
    ("lkjip", "pdf", {"triwulan": -1}, ["Triwulan -1 tidak ada"]),
    ("ra", "pdf", {"triwulan": 2}, ["Dokumen Rencana Aksi tidak memakai triwulan"]),
    ("pk", "pdf", {"triwulan": 1}, ["Perjanjian Kinerja tidak memakai triwulan"]),
    ("opendata", "json", {}, ["Data Terbuka hanya tersedia untuk rencana aksi yang sudah disetujui",
                              "status rencana aksi ini: Draf"]),
]


@pytest.mark.parametrize(("laporan", "format", "options", "words"), WRONG)
def test_a_wrong_combination_says_why_and_builds_nothing(world, laporan_palsu, laporan, format, options, words):
    with pytest.raises(ekspor.EksporTidakSah) as caught:
        run(world.plan, laporan, format, **options)
    for word in words:
        assert word in str(caught.value)
    assert laporan_palsu == []


def test_open_data_takes_no_findings_appendix(world, laporan_palsu):
    with pytest.raises(ekspor.EksporTidakSah, match="Lampiran temuan hanya dapat disertakan pada dokumen"):
        run(approve(world.plan), "opendata", "json", lampiran_temuan=True)


# --- The template: the one report also made without a plan --------------------------------------------------------


def test_the_blank_template_is_made_without_a_plan_for_a_pd(world, laporan_palsu):
    from openpyxl import load_workbook

    berkas = run(None, "templat", "xlsx", perangkat_daerah=world.pd)
    assert berkas.nama == "templat-kesbangpol-contoh.xlsx" and berkas.content_type == registry.FORMAT["xlsx"].content_type
    wb = load_workbook(io.BytesIO(berkas.isi))
    values = {row[0]: row[1] for row in wb["Identitas"].iter_rows(min_row=3, values_only=True)}
    assert values["Perangkat Daerah *"] == world.pd.nama and values["Tahun *"] is None
    assert run(world.plan, "templat", "docx").nama == "templat-kesbangpol-contoh-2024.docx"


def test_a_plans_template_takes_the_findings_appendix_as_a_sheet(world, laporan_palsu):
    from openpyxl import load_workbook

    Aksi.objects.filter(sub_kegiatan__rencana_aksi=world.plan).update(keluaran="")  # open findings
    with_appendix = load_workbook(io.BytesIO(run(world.plan, "templat", "xlsx", lampiran_temuan=True).isi))
    plain = load_workbook(io.BytesIO(run(world.plan, "templat", "xlsx").isi))
    assert with_appendix.sheetnames == [*plain.sheetnames[:-1], "Lampiran Temuan", plain.sheetnames[-1]]


@pytest.mark.parametrize(("laporan", "options", "pesan"), [
    ("ra", {}, "Dokumen Rencana Aksi dibuat dari sebuah rencana aksi; sebutkan rencana aksinya."),
    ("opendata", {}, "Data Terbuka dibuat dari sebuah rencana aksi"),
    ("templat", {"lampiran_temuan": True}, "Lampiran temuan hanya ada untuk sebuah rencana aksi"),
])
def test_without_a_plan_only_the_blank_template_is_made(db, laporan_palsu, laporan, options, pesan):
    with pytest.raises(ekspor.EksporTidakSah, match=pesan):
        run(None, laporan, registry.LAPORAN[laporan].format[0], **options)
    assert laporan_palsu == []


def test_open_data_of_a_locked_plan_is_made(world, laporan_palsu):
    RencanaAksi.objects.filter(pk=world.plan.pk).update(status=RencanaAksi.Status.TERKUNCI)
    world.plan.refresh_from_db()
    assert run(world.plan, "opendata", "csv").nama.endswith(".zip")


@pytest.mark.parametrize("status", [RencanaAksi.Status.DIAJUKAN, RencanaAksi.Status.DIKEMBALIKAN])
def test_open_data_of_a_plan_on_its_way_is_refused(world, laporan_palsu, status):
    RencanaAksi.objects.filter(pk=world.plan.pk).update(status=status)
    world.plan.refresh_from_db()
    with pytest.raises(ekspor.EksporTidakSah, match=str(world.plan.get_status_display())):
        run(world.plan, "opendata", "json")


# --- The findings appendix ----------------------------------------------------------------------------------------


def _first_aksi(plan) -> Aksi:
    return Aksi.objects.filter(rencana_aksi=plan).order_by("sub_kegiatan__urutan", "sub_kegiatan_id", "urutan",
                                                           "id").first()


def test_the_appendix_lists_each_open_finding_with_its_rule_title(world, laporan_palsu):
    aksi = _first_aksi(world.plan)
    svc.aksi_update(aksi=aksi, keluaran="")
    bagian = dibaca(run(world.plan, "pk", "pdf", lampiran_temuan=True).isi)["dokumen"]["bagian"]
    assert len(bagian) == 2
    lampiran = bagian[-1]
    assert lampiran["orientasi"] == "lanskap"
    assert lampiran["blok"][0]["teks"] == "LAMPIRAN: TEMUAN PEMERIKSAAN YANG MASIH TERBUKA"
    assert lampiran["blok"][1]["teks"].startswith("1 temuan belum ditindaklanjuti")
    tabel = lampiran["blok"][2]
    assert [s["nilai"] for s in tabel["kepala"][0]] == ["NO", "TINGKAT", "ATURAN", "TEMUAN", "LETAK"]
    (row,) = tabel["baris"]
    no, tingkat, aturan, temuan, letak = (s["nilai"] for s in row["sel"])
    assert (no, tingkat) == ("1", "Peringatan")
    assert aturan == "Aksi tanpa keluaran (aksi.without_output)"
    (finding,) = checker.open_findings(checker.check_plan(world.plan))
    assert temuan == finding.message and temuan
    assert letak.startswith(finding.location.label)


def test_an_acknowledged_finding_is_not_in_the_appendix(world, laporan_palsu):
    aksi = _first_aksi(world.plan)
    svc.aksi_update(aksi=aksi, keluaran="")
    (finding,) = checker.check_plan(world.plan)
    checker_services.finding_acknowledge(rencana_aksi=world.plan, finding=finding, catatan="sesuai DPA",
                                         by=world.alice)
    tabel = dibaca(run(world.plan, "ra", "xlsx", lampiran_temuan=True).isi)["dokumen"]["bagian"][-1]["blok"][2]
    (row,) = tabel["baris"]
    assert row["sel"][0]["nilai"] == "Tidak ada temuan terbuka." and row["sel"][0]["colspan"] == 5


def test_without_the_option_there_is_no_appendix(world, laporan_palsu):
    svc.aksi_update(aksi=_first_aksi(world.plan), keluaran="")
    bagian = dibaca(run(world.plan, "monev", "pdf", triwulan=1).isi)["dokumen"]["bagian"]
    assert len(bagian) == 1 and "LAMPIRAN" not in json.dumps(bagian)


def test_the_appendix_names_the_place_in_the_imported_document(db, laporan_palsu):
    from renaksi.impor import api as impor

    pd = make_pd("Kesbangpol", pemda="Salinan")
    plan = impor.import_document(impor.parse_document(SEED_BANGKA.read_bytes(), SEED_BANGKA.name),
                                 perangkat_daerah=pd).rencana_aksi
    open_findings = checker.sort_findings(checker.open_findings(checker.check_plan(plan)))
    assert open_findings, "the Bangka seed has findings (docs/pemeriksaan/)"
    tabel = dibaca(run(plan, "matriks", "pdf", lampiran_temuan=True).isi)["dokumen"]["bagian"][-1]["blok"][2]
    assert len(tabel["baris"]) == len(open_findings)
    titles = {r.id: str(r.title) for r in checker.rules()}
    for row, finding in zip(tabel["baris"], open_findings, strict=True):
        assert row["sel"][2]["nilai"] == f"{titles[finding.rule]} ({finding.rule})"
        for line in finding.location.source_lines():
            assert line in row["sel"][4]["nilai"]


# --- The real builders and formatters (issue 17): fails until they are merged -----------------------------------


def _seed_plans():
    """Both seeds imported once into one PD each (module scope, rolled back at the end)."""
    from renaksi.impor import api as impor

    plans = {}
    for seed in (SEED_SAMARINDA, SEED_BANGKA):
        pd = make_pd("Badan Kesatuan Bangsa dan Politik", pemda=f"Integrasi {seed.stem}", singkatan="Kesbangpol")
        plans[seed.name] = impor.import_document(impor.parse_document(seed.read_bytes(), seed.name),
                                                 perangkat_daerah=pd).rencana_aksi.pk
    return plans


@pytest.fixture(scope="module")
def seed_plans(django_db_setup, django_db_blocker):
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        yield _seed_plans()
        transaction.set_rollback(True)


def _is_zip_with(isi: bytes, part: str) -> bool:
    with zipfile.ZipFile(io.BytesIO(isi)) as z:
        return part in z.namelist() if not part.startswith("*.") else any(
            n.endswith(part[1:]) for n in z.namelist())


MAGIC = {
    "pdf": lambda isi: isi.startswith(b"%PDF-"),
    "xlsx": lambda isi: _is_zip_with(isi, "xl/workbook.xml"),
    "docx": lambda isi: _is_zip_with(isi, "word/document.xml"),
    "json": lambda isi: isinstance(json.loads(isi), dict | list),
    "csv": lambda isi: _is_zip_with(isi, "*.csv"),
    "jsonld": lambda isi: "@context" in json.loads(isi),
}


@pytest.mark.parametrize("seed", [SEED_SAMARINDA.name, SEED_BANGKA.name])
@pytest.mark.parametrize(("laporan", "format"), semua_kombinasi())
def test_every_real_report_of_both_seeds_makes_a_file_of_its_type(seed_plans, db, seed, laporan, format):
    plan = RencanaAksi.objects.select_related("perangkat_daerah__pemda").get(pk=seed_plans[seed])
    entry = registry.LAPORAN[laporan]
    if entry.hanya_disetujui:
        approve(plan)
    berkas = run(plan, laporan, format, triwulan=2 if entry.triwulan == "wajib" else None,
                 lampiran_temuan=entry.jenis != "berkas")
    assert berkas.isi, f"{laporan}.{format} of {seed} is empty"
    assert MAGIC[format](berkas.isi), f"{laporan}.{format} of {seed} is not a {format} file"
    assert berkas.content_type == registry.FORMAT[format].content_type
    pemda = slugify(plan.perangkat_daerah.pemda.nama)
    assert berkas.nama.startswith(f"{laporan}-kesbangpol-{pemda}-{plan.tahun}") and berkas.nama.endswith(
        "." + registry.FORMAT[format].ekstensi)
