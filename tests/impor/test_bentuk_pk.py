"""Issue 19, "never silently wrong": Word PKs in the shapes seen in real documents either read right or list what
they could not place (so `--strict` refuses); none may give a wrong plan without a word. The other classes of the
list have their tests beside the rule: program names from a numbering column, a signature block, pagu on the
program row, twelve monthly target columns (test_guards.py, test_cakupan.py)."""

from __future__ import annotations

from decimal import Decimal

from renaksi.impor import api

from . import bentuk_pk
from .bentuk_pk import SASARAN


def _read(data: bytes, nama: str):
    parsed = api.parse_document(data, nama)
    program = [(p.nama.teks, p.pagu.nilai if p.pagu else None) for p in parsed.dokumen.program]
    return parsed, program, [u["teks"] for u in parsed.cakupan.as_json()["tidak_ditempatkan"]]


def test_tab_separated_program_paragraphs_read_right():
    """Programs typed as TAB-separated paragraphs outside any table, a long name wrapped onto an indented paragraph
    ("    Angkutan Jalan"): the wrapped words join the name, and the next program is still a row of the table."""
    _, program, unplaced = _read(bentuk_pk.PARAGRAF, "paragraf.docx")
    assert program == [("Program Penyelenggaraan Lalu Lintas dan Angkutan Jalan", 1_250_000_000),
                       ("Program Pengelolaan Angkutan Umum", 750_000_000)]
    assert unplaced == []


def test_tab_separated_program_paragraphs_wrapped_without_indent_read_right():
    """The same with "Angkutan Jalan" typed at the margin: the line holds no TAB and no amount and the next program's
    TAB row follows, so it is the name's continuation, not the end of the table (and of the second program)."""
    parsed, program, unplaced = _read(bentuk_pk.PARAGRAF_TANPA_INDEN, "paragraf.docx")
    assert program == [("Program Penyelenggaraan Lalu Lintas dan Angkutan Jalan", 1_250_000_000),
                       ("Program Pengelolaan Angkutan Umum", 750_000_000)]
    assert unplaced == []
    assert "sel.sambung" in [d.kode for d in parsed.dokumen.decisions]


def test_indikator_packed_one_per_line_read_as_several_with_their_own_targets():
    """Two indikator in one cell, one per line, their satuan and targets ("10\\n25") packed the same way: two
    indikator, each with its own satuan, target and PK line, and the decision says so."""
    parsed, _, unplaced = _read(bentuk_pk.BERTUMPUK, "bertumpuk.docx")
    doc = parsed.dokumen
    assert [i.nama.teks for i in doc.all_indikator()] == [
        "Persentase penurunan kecelakaan", "Jumlah titik rawan kecelakaan yang ditangani"]
    [pk] = doc.perjanjian_kinerja
    assert [(item.indikator.teks, item.target.angka.nilai) for item in pk.items] == [
        ("Persentase penurunan kecelakaan", Decimal("10")),
        ("Jumlah titik rawan kecelakaan yang ditangani", Decimal("25"))]
    assert unplaced == []
    assert parsed.cakupan.as_json()["ditempatkan"] == 3  # 10, 25 and the program's pagu
    assert [c.kode for c in doc.decisions].count("indikator.bertumpuk") == 1


def test_indikator_packed_with_fewer_targets_lists_the_targets_as_unplaced():
    """Three indikator in one cell but two targets: which target is whose cannot be known, so the row is read as one
    indikator without a target, both numbers are listed as not placed (--strict refuses) and a warning says why."""
    parsed, _, unplaced = _read(bentuk_pk.BERTUMPUK_TIDAK_COCOK, "tidak-cocok.docx")
    doc = parsed.dokumen
    assert unplaced == ["10", "25"]
    [indikator] = doc.all_indikator()
    [item] = doc.perjanjian_kinerja[0].items
    assert item.indikator_ref is indikator and item.target.angka.nilai is None
    [warning] = [w for w in doc.warnings if w.kode == "target.bertumpuk"]
    assert "baris 4" in warning.pesan and "TARGET" in warning.pesan


def test_packed_indikator_of_a_target_table_get_their_own_satuan_and_quarters():
    """The same rule in a target table (no PK title): each indikator gets its line of the satuan, the yearly target
    and every quarter."""
    data = bentuk_pk.pk(judul="TARGET KINERJA TAHUN 2024", sasaran=[
        ["NO", "SASARAN", "INDIKATOR", "SATUAN", "TARGET", "TW I", "TW II", "TW III", "TW IV"],
        ["1", "Meningkatnya keselamatan lalu lintas", "Persentase penurunan kecelakaan\nJumlah rambu terpasang",
         "Persen\nUnit", "10\n40", "2\n10", "5\n20", "8\n30", "10\n40"]])
    parsed, _, unplaced = _read(data, "target.docx")
    assert [(i.nama.teks, i.satuan.teks, i.target.angka.nilai, [q.angka.nilai for q in i.triwulan])
            for i in parsed.dokumen.all_indikator()] == [
        ("Persentase penurunan kecelakaan", "Persen", 10, [2, 5, 8, 10]),
        ("Jumlah rambu terpasang", "Unit", 40, [10, 20, 30, 40])]
    assert unplaced == []


def test_a_long_indikator_name_over_two_lines_beside_one_target_stays_one_indikator():
    parsed, _, unplaced = _read(bentuk_pk.pk(sasaran=[SASARAN[0], [
        "1", "Meningkatnya keselamatan lalu lintas", "Persentase penurunan kecelakaan\ndi jalan kota", "Persen", "10"]]),
        "panjang.docx")
    [item] = parsed.dokumen.perjanjian_kinerja[0].items
    assert (item.indikator.teks, item.target.angka.nilai) == ("Persentase penurunan kecelakaan di jalan kota", 10)
    assert unplaced == []
    assert "indikator.bertumpuk" not in [c.kode for c in parsed.dokumen.decisions]


def _budget(doc) -> list:
    return [(p.nama.teks, [(k.nama.teks, k.pagu.nilai if k.pagu else None,
                            [(s.nama.teks, s.pagu.nilai if s.pagu else None) for s in k.sub_kegiatan])
                           for k in p.kegiatan]) for p in doc.program]  # fmt: skip


def test_kegiatan_and_sub_kegiatan_packed_with_their_pagu_read_one_per_line():
    """A budget table packing two kegiatan (and, on the next row, three sub kegiatan) into one cell, one per line,
    their amounts packed the same way: each name gets the amount on its line; the kegiatan above the packed sub
    kegiatan is one kegiatan (the rule of packed indikator, `Rakit.baris_bertumpuk`)."""
    parsed, _, unplaced = _read(bentuk_pk.ANGGARAN_BERTUMPUK, "anggaran.docx")
    assert _budget(parsed.dokumen) == [
        ("Program Penyelenggaraan Lalu Lintas", [("Penyediaan Perlengkapan Jalan", 750_000_000, []),
                                                 ("Pengendalian Operasional Lalu Lintas", 500_000_000, [])]),
        ("Program Pengelolaan Angkutan Umum", [("Pengelolaan Terminal", None, [
            ("Pemeliharaan Terminal", 300_000_000), ("Pengawasan Terminal", 200_000_000),
            ("Penyediaan Sarana Terminal", 250_000_000)])]),
    ]  # fmt: skip
    assert unplaced == []
    assert [c.kode for c in parsed.dokumen.decisions].count("nama.bertumpuk") == 2


def test_sub_kegiatan_packed_with_fewer_amounts_lists_the_amounts_as_unplaced():
    """Three sub kegiatan in one cell but two amounts: which amount is whose cannot be known, so the cell is read as
    one name without a pagu, both amounts are listed as not placed (--strict refuses) and a warning says why."""
    parsed, _, unplaced = _read(bentuk_pk.ANGGARAN_TIDAK_COCOK, "tidak-cocok.docx")
    [(_, [(_, _, subs)])] = _budget(parsed.dokumen)
    assert subs == [("Pemeliharaan Terminal Pengawasan Terminal Penyediaan Sarana Terminal", None)]
    assert unplaced == ["300.000.000", "200.000.000"]
    [warning] = [w for w in parsed.dokumen.warnings if w.kode == "pagu.bertumpuk"]
    assert "SUB KEGIATAN" in warning.pesan and "ANGGARAN" in warning.pesan


def test_a_note_cell_with_an_amount_is_not_a_program():
    _, program, unplaced = _read(bentuk_pk.CATATAN, "catatan.docx")
    assert program == [("Program Penyelenggaraan Lalu Lintas", 1_250_000_000),
                       ("Program Pengelolaan Angkutan Umum", 750_000_000)]
    assert unplaced == []


def test_apbd_and_apbn_columns_the_second_is_listed_not_dropped():
    """APBD (Rp) and APBN (Rp) are both amount columns: the first is the program's pagu, the second is listed as
    not placed (the plan has one pagu per program), so nothing disappears and no header becomes an indikator."""
    parsed, program, unplaced = _read(bentuk_pk.APBN, "apbn.docx")
    assert program == [("Program Penyelenggaraan Lalu Lintas", 1_250_000_000),
                       ("Program Pengelolaan Angkutan Umum", 750_000_000)]
    assert sorted(unplaced) == ["0", "500.000.000"]
    assert [i.nama.teks for i in parsed.dokumen.all_indikator()] == [
        "Persentase penurunan kecelakaan", "Indeks kepuasan penumpang"]


def test_apbd_and_apbn_rows_the_second_is_listed_not_dropped():
    _, program, unplaced = _read(bentuk_pk.APBN_BARIS, "apbn-baris.docx")
    assert program == [("Program Penyelenggaraan Lalu Lintas", 1_250_000_000)]
    assert unplaced == ["500.000.000"]


def test_two_sasaran_stay_two():
    """A sasaran is not merged into the next one (each row of the PK table has its own)."""
    parsed, _, _ = _read(bentuk_pk.CATATAN, "catatan.docx")
    assert [s.uraian.teks for s in parsed.dokumen.sasaran] == [
        "Meningkatnya keselamatan lalu lintas", "Meningkatnya kualitas layanan angkutan"]
