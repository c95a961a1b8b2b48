"""The monev form Renaksi exports: filled in with openpyxl, imported back, every value identical."""

from __future__ import annotations

import io
from decimal import Decimal

import openpyxl
import pytest

from renaksi.impor import realisasi
from renaksi.impor.grid import ImporGagal
from renaksi.impor.writer import ImporDitolak
from renaksi.monev import ekspor
from renaksi.monev import services as monev
from renaksi.monev.models import EvaluasiIndikator, RealisasiAnggaran, RealisasiIndikator
from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import Indikator, SubKegiatan
from tests.factories import make_plan
from tests.impor.conftest import run_cli, table_counts


@pytest.fixture
def plan(world):
    plan = world.plan
    sasaran = Indikator.objects.get(rencana_aksi=plan).sasaran
    opini = svc.indikator_create(sasaran=sasaran, nama="Opini BPK atas laporan keuangan", satuan="Kategori")
    svc.target_set(indikator=opini, tahun=plan.tahun, triwulan=None, nilai=None, kategori="WTP")
    for tw in (1, 2, 3, 4):
        monev.jendela_buka(pemda=world.pemda, tahun=plan.tahun, triwulan=tw)
    return plan


def _rows(ws, id_col_header: str) -> dict[int, int]:
    """id → worksheet row of the form's body."""
    assert ws.cell(row=ekspor.HEADER_ROW, column=1).value == id_col_header
    return {ws.cell(row=r, column=1).value: r for r in range(ekspor.HEADER_ROW + 1, ws.max_row + 1)}


def _fill(content: bytes, plan) -> bytes:
    wb = openpyxl.load_workbook(io.BytesIO(content))
    ws = wb[ekspor.SHEET_INDIKATOR]
    headers = [c.value for c in ws[ekspor.HEADER_ROW]]
    col = {h: i + 1 for i, h in enumerate(headers)}
    rows = _rows(ws, "ID indikator")
    iku = Indikator.objects.get(rencana_aksi=plan, is_iku=True)
    opini = Indikator.objects.get(rencana_aksi=plan, nama__startswith="Opini")
    ws.cell(row=rows[iku.pk], column=col["Realisasi TW I"], value=12.5)
    ws.cell(row=rows[iku.pk], column=col["Realisasi TW II"], value=1.234)  # three decimals, stored as a number
    ws.cell(row=rows[iku.pk], column=col["Realisasi TW III"], value="33,33")  # typed as text, comma decimal
    ws.cell(row=rows[opini.pk], column=col["Realisasi TW I"], value="BB (71,20)")
    ws.cell(row=rows[opini.pk], column=col["Realisasi TW II"], value="WTP")
    ws.cell(row=rows[iku.pk], column=col["Faktor pendorong (TW II)"], value="Sosialisasi berjalan baik")
    ws.cell(row=rows[iku.pk], column=col["Tindak lanjut triwulan berikutnya (TW II)"], value="Perluas sosialisasi")
    ws = wb[ekspor.SHEET_SUB_KEGIATAN]
    rows = _rows(ws, "ID sub kegiatan")
    subs = list(SubKegiatan.objects.filter(rencana_aksi=plan).order_by("pk"))
    ws.cell(row=rows[subs[0].pk], column=5, value=2_500_000)
    ws.cell(row=rows[subs[0].pk], column=6, value=3_000_000)
    ws.cell(row=rows[subs[1].pk], column=8, value="1.250.000")  # typed as text with Indonesian grouping
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _export(plan, triwulan=2) -> bytes:
    return ekspor.render_monev_xlsx(ekspor.build_monev_form(rencana_aksi=plan, triwulan=triwulan))


def test_export_lists_every_indikator_and_sub_kegiatan_with_targets(plan):
    form = ekspor.build_monev_form(rencana_aksi=plan, triwulan=2)
    iku = next(r for r in form.indikator if r.nama == "Persentase partisipasi pemilih")
    assert (iku.target, iku.target_tahun, iku.satuan) == (("10", "20", "20", "30"), "80", "Persen")
    assert iku.sasaran == "Meningkatnya partisipasi politik masyarakat"
    assert [(s.nama, s.pagu) for s in form.sub_kegiatan] == [("Sub kegiatan uji 1", 10_000_000),
                                                             ("Sub kegiatan uji 2", 10_000_000)]
    wb = openpyxl.load_workbook(io.BytesIO(ekspor.render_monev_xlsx(form)))
    assert wb.sheetnames == ["Indikator", "Sub kegiatan"]
    assert [c.value for c in wb["Indikator"][ekspor.HEADER_ROW]][9:13] == [
        "Realisasi TW I", "Realisasi TW II", "Realisasi TW III", "Realisasi TW IV"]
    assert wb["Indikator"].cell(row=ekspor.PLAN_ROW, column=2).value == plan.pk


def test_round_trip_every_value_identical(plan, world):
    filled = _fill(_export(plan), plan)
    parsed = realisasi.parse_realisasi(filled, "monev.xlsx")
    assert parsed is not None and parsed.layout == "monev_renaksi"
    result = realisasi.import_realisasi(parsed, rencana_aksi=plan, user=world.alice)
    assert result.written == {"realisasi_indikator": 5, "realisasi_anggaran": 3, "evaluasi": 1}
    iku = Indikator.objects.get(rencana_aksi=plan, is_iku=True)
    opini = Indikator.objects.get(rencana_aksi=plan, nama__startswith="Opini")
    stored = {(r.indikator_id, r.triwulan): (r.nilai, r.kategori) for r in RealisasiIndikator.objects.all()}
    assert stored == {
        (iku.pk, 1): (Decimal("12.5"), ""), (iku.pk, 2): (Decimal("1.234"), ""), (iku.pk, 3): (Decimal("33.33"), ""),
        (opini.pk, 1): (Decimal("71.20"), "BB"), (opini.pk, 2): (None, "WTP"),
    }
    subs = list(SubKegiatan.objects.filter(rencana_aksi=plan).order_by("pk"))
    assert {(r.sub_kegiatan_id, r.triwulan): r.jumlah for r in RealisasiAnggaran.objects.all()} == {
        (subs[0].pk, 1): 2_500_000, (subs[0].pk, 2): 3_000_000, (subs[1].pk, 4): 1_250_000}
    ev = EvaluasiIndikator.objects.get(indikator=iku, triwulan=2)
    assert (ev.faktor_pendorong, ev.faktor_penghambat, ev.tindak_lanjut) == (
        "Sosialisasi berjalan baik", "", "Perluas sosialisasi")
    assert RealisasiIndikator.objects.get(indikator=iku, triwulan=1).diisi_oleh == world.alice

    # Exported again, the form carries exactly what was filled in; imported again, nothing changes.
    again = _export(plan)
    wb_filled, wb_again = (openpyxl.load_workbook(io.BytesIO(b), data_only=True) for b in (filled, again))
    for name, cols, texts in ((ekspor.SHEET_INDIKATOR, range(10, 14), range(14, 18)),
                              (ekspor.SHEET_SUB_KEGIATAN, range(5, 9), ())):
        for r in range(ekspor.HEADER_ROW + 1, wb_filled[name].max_row + 1):
            for c in [*cols, *texts]:
                a, b = wb_filled[name].cell(row=r, column=c).value, wb_again[name].cell(row=r, column=c).value
                assert (a == b) if c in texts else realisasi_equal(a, b), (name, r, c, a, b)
    before = table_counts()
    second = realisasi.import_realisasi(realisasi.parse_realisasi(again, "lagi.xlsx"), rencana_aksi=plan,
                                        user=world.alice)
    assert second.written == {"realisasi_indikator": 0, "realisasi_anggaran": 0, "evaluasi": 0}
    assert second.unchanged == 9
    assert {k: v for k, v in table_counts().items() if k != "impor.Impor"} == {
        k: v for k, v in before.items() if k != "impor.Impor"}


def realisasi_equal(filled, exported) -> bool:
    """A filled cell and the re-exported one say the same: "33,33" = 33.33, "1.250.000" = 1250000, "BB (71,20)"
    = "BB (71.200000)"."""
    from renaksi.core.angka import JenisAngka, parse_angka

    if filled is None or exported is None:
        return filled == exported
    if not isinstance(filled, str) and not isinstance(exported, str):
        return Decimal(str(filled)) == Decimal(str(exported))
    kind = JenisAngka.UANG if isinstance(exported, int) else JenisAngka.UMUM
    a = parse_angka(filled, kind) if isinstance(filled, str) else None
    b = parse_angka(exported, kind) if isinstance(exported, str) else None
    a = a or parse_angka(str(filled))
    b = b or parse_angka(str(exported))
    return (a.kategori, a.nilai) == (b.kategori, b.nilai)


def test_cli_imports_the_form_into_the_plan_it_names(plan, tmp_path):
    path = tmp_path / "monev.xlsx"
    path.write_bytes(_fill(_export(plan), plan))
    out = run_cli(str(path), "--json")
    assert out["rencana_aksi"]["id"] == plan.pk
    assert out["layout"] == "monev_renaksi"
    assert out["disimpan"] == {"realisasi_indikator": 5, "realisasi_anggaran": 3, "evaluasi": 1}
    assert RealisasiAnggaran.objects.count() == 3


def test_closed_window_refused_and_nothing_written(plan, world):
    monev.jendela_tutup(pemda=world.pemda, tahun=plan.tahun, triwulan=4)  # sub kegiatan 2 has TW IV
    parsed = realisasi.parse_realisasi(_fill(_export(plan), plan), "monev.xlsx")
    before = table_counts()
    with pytest.raises(ImporDitolak, match=r"TW IV 2024.*lembar 'Sub kegiatan', baris 7.*Tidak ada yang disimpan"):
        realisasi.import_realisasi(parsed, rencana_aksi=plan, user=world.alice)
    assert table_counts() == before


def test_form_of_another_pds_plan_refused(plan, world):
    other = make_plan(world.other_pd)
    parsed = realisasi.parse_realisasi(_fill(_export(plan), plan), "monev.xlsx")
    before = table_counts()
    with pytest.raises(ImporDitolak, match="perangkat daerah lain"):
        realisasi.import_realisasi(parsed, rencana_aksi=other, user=world.charlie)
    assert table_counts() == before


def test_kepala_bidang_of_another_bidang_refused(plan, world):
    """bob (bidang Ideologi) may not report the IKU of bidang Politik: refused, nothing written."""
    parsed = realisasi.parse_realisasi(_fill(_export(plan), plan), "monev.xlsx")
    with pytest.raises(ImporDitolak, match="Tidak ada yang disimpan"):
        realisasi.import_realisasi(parsed, rencana_aksi=plan, user=world.bob)
    assert RealisasiIndikator.objects.count() == 0 and RealisasiAnggaran.objects.count() == 0


def test_not_a_number_refused_with_its_cell(plan):
    wb = openpyxl.load_workbook(io.BytesIO(_export(plan)))
    ws = wb[ekspor.SHEET_INDIKATOR]
    ws.cell(row=ekspor.HEADER_ROW + 1, column=10, value="sudah")
    out = io.BytesIO()
    wb.save(out)
    with pytest.raises(ImporGagal) as exc:
        realisasi.parse_realisasi(out.getvalue(), "monev.xlsx")
    assert exc.value.place.describe() == "berkas monev.xlsx, lembar 'Indikator', baris 6, kolom 10"


def test_unknown_id_listed_with_its_place(plan, world):
    wb = openpyxl.load_workbook(io.BytesIO(_export(plan)))
    ws = wb[ekspor.SHEET_SUB_KEGIATAN]
    ws.append([999999, "", "Sub kegiatan yang tidak ada", None, 100])
    out = io.BytesIO()
    wb.save(out)
    result = realisasi.import_realisasi(realisasi.parse_realisasi(out.getvalue(), "m.xlsx"), rencana_aksi=plan,
                                        dry_run=True)
    [warning] = [w for w in result.warnings if w.kode == "monev.tidak_cocok"]
    assert warning.place.describe() == "berkas m.xlsx, lembar 'Sub kegiatan', baris 8"
    assert "999999" in warning.pesan


def test_plan_documents_are_not_taken_for_monev_workbooks(plan):
    from renaksi.laporan.templat import render_xlsx
    from renaksi.perencanaan.templat import build_template_data

    data = render_xlsx(build_template_data(plan))
    assert realisasi.parse_realisasi(data, "ra.xlsx") is None


@pytest.mark.parametrize("n_sub_kegiatan", [2, 20])
def test_export_reads_a_constant_number_of_queries(world, django_assert_max_num_queries, n_sub_kegiatan):
    plan = make_plan(world.other_pd, n_sub_kegiatan=n_sub_kegiatan)
    plan = type(plan).objects.select_related("perangkat_daerah__pemda").get(pk=plan.pk)
    with django_assert_max_num_queries(19):
        form = ekspor.build_monev_form(rencana_aksi=plan)
        ekspor.render_monev_xlsx(form)
    assert len(form.sub_kegiatan) == n_sub_kegiatan
