"""The corpus (issue 19): one plan written by the tests in the report layout with the variations real PDs use —
quarter headers "TW I", "Trw I", "TW 1", "Triwulan I", "Target TW-I"; the quarters before the yearly target; the
pagu before the names; sasaran, numbering and sub kegiatan cells merged over several rows; numbering "1", "1.",
"a.", "1.1", "I"; quarters written to date ("s.d. TW II", "s/d Triwulan III": cumulative, read as what
each triwulan adds, not summed again); a schedule of shaded month cells; kegiatan pagu as =SUM formulas with their saved values — as
TXT, CSV, XLSX, XLS, DOCX and PDF. Every file imports to the same plan, every number exact, nothing unplaced."""

from __future__ import annotations

import pytest

from renaksi.impor import api
from renaksi.perencanaan.models import Aksi, SubKegiatan

from ..conftest import run_cli
from .baca import baca
from .dokumen import KORPUS, rencana


@pytest.fixture(scope="module")
def berkas() -> dict[str, bytes]:
    """Every corpus file, written once for the module (the PDFs take WeasyPrint a moment each)."""
    return {b.nama: b.buat() for b in KORPUS}


def test_the_corpus_spans_every_format():
    assert len(KORPUS) >= 12
    assert {b.nama.rsplit(".", 1)[1] for b in KORPUS} == {"txt", "csv", "xlsx", "xls", "docx", "pdf"}


@pytest.mark.parametrize("nama", [b.nama for b in KORPUS])
def test_file_reads_as_the_plan_every_number_exact(berkas, nama):
    parsed = api.parse_document(berkas[nama], nama)
    assert parsed.layout == "laporan"
    sd = next(b.sd for b in KORPUS if b.nama == nama)
    assert baca(parsed.dokumen) == rencana(sd=sd)
    cakupan = parsed.cakupan.as_json()
    assert cakupan["tidak_ditempatkan"] == [] and cakupan["tanpa_tempat"] == []
    assert (parsed.dokumen.tahun, parsed.dokumen.perangkat_daerah.teks) == (2025, "Dinas Kesehatan")
    if "arsir" in nama:
        assert [d.kode for d in parsed.decisions].count("jadwal.arsiran") == 4  # one per aksi table


@pytest.mark.parametrize("nama", ["laporan-arsir-gabung.xlsx", "laporan-arsir-gabung.xls", "laporan-urutan-lain.pdf"])
def test_file_imports_with_strict_and_stores_the_plan(db, tmp_path, berkas, nama):
    path = tmp_path / nama
    path.write_bytes(berkas[nama])
    out = run_cli(str(path), "--json", "--strict", "--pemda", "Kabupaten Contoh")
    plan_id = out["rencana_aksi"]["id"]
    want = rencana()
    subs = {s: (pagu, [(a, bulan) for a, bulan, _ in aksi])
            for _, kegs in want["program"] for _, _, ss in kegs for s, pagu, aksi in ss}
    stored = {s.nama: (s.pagu, [(a.uraian, sorted(a.jadwal.values_list("bulan", flat=True)))
                                for a in Aksi.objects.filter(sub_kegiatan=s).order_by("urutan")])
              for s in SubKegiatan.objects.filter(rencana_aksi_id=plan_id)}
    assert stored == subs


def test_quarters_written_to_date_are_cumulative_not_summed_again(berkas):
    """"s.d. TW II" 40 after "s.d. TW I" 20 is 20 more in TW II: stored kumulatif, the four summing to the year."""
    parsed = api.parse_document(berkas["laporan-sd.txt"], "laporan-sd.txt")
    balita = parsed.dokumen.sasaran[0].indikator[0]
    assert [q.angka.nilai for q in balita.triwulan] == [20, 20, 20, 25]
    assert sum(q.angka.nilai for q in balita.triwulan) == balita.target.angka.nilai == 85
    assert balita.akumulasi == "kumulatif"
    assert balita.triwulan[1].angka.keputusan == "tertulis s.d. TW II: 40"
    assert [d.kode for d in parsed.decisions].count("target.sd_triwulan") == 1
