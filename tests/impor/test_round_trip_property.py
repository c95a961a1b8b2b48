"""Property (issue 19): any plan exported as the Renaksi template (XLSX, DOCX) imports back to the same plan, field
by field (`tests/helpers.dump_plan`); so does one fixed plan exported as the RA document's PDF and DOCX (the XLSX:
a strict xfail naming what differs).

Plans are drawn small: one or two sasaran with one or two indikator (yearly and quarterly targets with 0–2
decimals), one or two programs → kegiatan → sub kegiatan with pagu, aksi with a set of months."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from renaksi.impor import api
from renaksi.laporan.ekspor import ekspor
from renaksi.laporan.templat import render_docx, render_xlsx
from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import Sasaran
from renaksi.perencanaan.templat import build_template_data
from tests.factories import make_pd
from tests.helpers import diff_dumps, dump_plan, examples

WORDS = ["Penyediaan", "Layanan", "Kesehatan", "Pembinaan", "Ormas", "Rapat", "Koordinasi", "Pengelolaan",
         "Data", "Perencanaan", "Evaluasi", "Kinerja", "Pendidikan", "Politik", "Sarana", "Prasarana"]


def _nama(draw, prefix: str, n: int) -> str:
    return f"{prefix} {' '.join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=4)))} {n}"


def _target(draw) -> Decimal:
    return Decimal(draw(st.integers(0, 10_000))).scaleb(-draw(st.integers(0, 2)))


@st.composite
def rencana(draw) -> dict:
    sasaran = [{"uraian": _nama(draw, "Meningkatnya", s),
                "indikator": [{"nama": _nama(draw, "Persentase", i), "satuan": draw(st.sampled_from(["Persen", "Dokumen"])),
                               "tahunan": _target(draw), "triwulan": [_target(draw) for _ in range(4)]}
                              for i in range(draw(st.integers(1, 2)))]}
               for s in range(draw(st.integers(1, 2)))]
    program = [{"nama": _nama(draw, "Program", p), "kegiatan": [
        {"nama": _nama(draw, "Kegiatan", k), "sub": [
            {"nama": _nama(draw, "Sub", s), "pagu": draw(st.integers(0, 10**10)), "aksi": [
                {"uraian": _nama(draw, "Aksi", a), "bulan": sorted(draw(st.sets(st.integers(1, 12), max_size=12)))}
                for a in range(draw(st.integers(0, 2)))]}
            for s in range(draw(st.integers(1, 2)))]}
        for k in range(draw(st.integers(1, 2)))]} for p in range(draw(st.integers(1, 2)))]
    return {"sasaran": sasaran, "program": program}


def build(spec: dict, pd):
    plan = svc.rencana_aksi_create(perangkat_daerah=pd, tahun=2024, judul=f"Rencana Aksi {pd.nama} 2024")
    for n, s in enumerate(spec["sasaran"], start=1):
        sasaran = svc.sasaran_create(rencana_aksi=plan, uraian=s["uraian"], level=Sasaran.Level.STRATEGIS, nomor=str(n))
        for i in s["indikator"]:
            ind = svc.indikator_create(sasaran=sasaran, nama=i["nama"], satuan=i["satuan"],
                                       akumulasi=i.get("akumulasi", "kumulatif"))
            svc.target_set(indikator=ind, tahun=2024, triwulan=None, nilai=i["tahunan"])
            for tw, value in enumerate(i["triwulan"], start=1):
                svc.target_set(indikator=ind, tahun=2024, triwulan=tw, nilai=value)
    for p in spec["program"]:
        kegs = [(k, sum(s["pagu"] for s in k["sub"])) for k in p["kegiatan"]]
        program = svc.program_create(rencana_aksi=plan, nama=p["nama"], pagu=sum(t for _, t in kegs),
                                     kode=p.get("kode", ""))
        for k, total in kegs:
            kegiatan = svc.kegiatan_create(program=program, nama=k["nama"], pagu=total, kode=k.get("kode", ""))
            for s in k["sub"]:
                sub = svc.sub_kegiatan_create(kegiatan=kegiatan, nama=s["nama"], pagu=s["pagu"],
                                              kode=s.get("kode", ""))
                for n, a in enumerate(s["aksi"], start=1):
                    svc.aksi_create(sub_kegiatan=sub, uraian=a["uraian"], nomor=str(n), keluaran="Laporan",
                                    bulan=a["bulan"])
    return plan


def _dumps(spec: dict, content_of) -> tuple[dict, dict]:
    """The dumps of the plan built from `spec` and of its copy imported from `content_of(plan)`."""
    with transaction.atomic():
        plan = build(spec, make_pd("Dinas Kesehatan", pemda="Asal"))
        berkas, nama = content_of(plan)
        copy = api.import_document(api.parse_document(berkas, nama),
                                   perangkat_daerah=make_pd("Dinas Kesehatan", pemda="Salinan")).rencana_aksi
        dumps = dump_plan(plan), dump_plan(copy)
        transaction.set_rollback(True)
    return dumps


def _round_trip(spec: dict, content_of) -> list[str]:
    return diff_dumps(*_dumps(spec, content_of))


TEMPLATE = {"xlsx": lambda plan: (render_xlsx(build_template_data(plan)), "ekspor.xlsx"),
            "docx": lambda plan: (render_docx(build_template_data(plan)), "ekspor.docx")}


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
@settings(max_examples=examples(0.1), suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(spec=rencana())
def test_any_plan_exported_as_the_template_imports_back_the_same(db, fmt, spec):
    differences = _round_trip(spec, TEMPLATE[fmt])
    assert not differences, "\n".join(differences)


# One fixed plan, not drawn: a failing property would be shrunk for minutes, printing a PDF each time.
RA_SPEC = {"sasaran": [{"uraian": "Meningkatnya derajat kesehatan", "indikator": [
    {"nama": "Persentase balita gizi baik", "satuan": "Persen", "tahunan": Decimal("85"),
     "akumulasi": "nilai_akhir",
     "triwulan": [Decimal("20"), Decimal("40"), Decimal("60"), Decimal("85")]}]}],
    "program": [{"nama": "Program Pemenuhan Upaya Kesehatan", "kode": "1.02.02", "kegiatan": [
        {"nama": "Kegiatan Penyediaan Layanan", "kode": "1.02.02.2.02", "sub": [
            {"nama": "Sub Pengelolaan Pelayanan Kesehatan Ibu", "kode": "1.02.02.2.02.0001", "pagu": 1_250_000,
             "aksi": [{"uraian": "Aksi Kunjungan rumah", "bulan": [1, 2, 3]}]},
            {"nama": "Sub Pengelolaan Pelayanan Kesehatan Anak", "kode": "1.02.02.2.02.0002", "pagu": 700_000,
             "aksi": [{"uraian": "Aksi Posyandu", "bulan": [4, 7, 10]},
                      {"uraian": "Aksi Penimbangan balita", "bulan": [12]}]}]}]},
        {"nama": "Program Penunjang Urusan Pemerintahan", "kode": "1.02.01", "kegiatan": [
            {"nama": "Kegiatan Administrasi Keuangan", "kode": "1.02.01.2.02", "sub": [
                {"nama": "Sub Penyediaan Gaji dan Tunjangan ASN", "kode": "1.02.01.2.02.0001",
                 "pagu": 3_400_000_000, "aksi": [{"uraian": "Aksi Pembayaran gaji", "bulan": list(range(1, 13))}]}]}]}]}


def ra_document(fmt: str):
    def content_of(plan):
        berkas = ekspor(rencana_aksi=plan, laporan="ra", format=fmt)
        return berkas.isi, berkas.nama

    return content_of


def _ra_round_trip(fmt: str) -> list[str]:
    """The RA document prints neither polaritas nor akumulasi (the published document has no column for them): the
    importer infers them from the indikator's name and targets and marks them "disimpulkan". So the plan states
    what its targets show (TW IV equals the year: nilai akhir; a rising percentage: positif), the copy must hold
    the same values, marked inferred, and only the marks and the written reason are left out of the comparison."""
    plan, copy = _dumps(RA_SPEC, ra_document(fmt))
    for dump in (plan, copy):
        for indikator in dump["sasaran"][0]["indikator"]:
            marks = [indikator.pop(k) for k in ("polaritas_disimpulkan", "akumulasi_disimpulkan", "alasan_inferensi")]
            assert dump is plan or (marks[:2] == [True, True] and marks[2]), marks
    return diff_dumps(plan, copy)


def test_a_plan_exported_as_the_ra_pdf_imports_back_the_same(db):
    differences = _ra_round_trip("pdf")
    assert not differences, "\n".join(differences)


@pytest.mark.parametrize("fmt", ["docx", pytest.param("xlsx", marks=pytest.mark.xfail(strict=True, reason=(
    "the XLSX RA document writes the list of sasaran strategis as one cell of several lines: the sasaran is read "
    "from the tables, without its number")))])
def test_a_plan_exported_as_the_ra_docx_or_xlsx_imports_back_the_same(db, fmt):
    """The RA document as DOCX and XLSX, like the PDF (the seed's: `test_round_trip_ra`)."""
    differences = _ra_round_trip(fmt)
    assert not differences, "\n".join(differences)
