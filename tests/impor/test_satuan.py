"""A satuan written inside the targets ("29,17%", "100 %", "12 dokumen", "85 persen") of a table without a satuan
column: the shared unit becomes the indikator's satuan, the targets are read as numbers; different units leave the
satuan empty and are listed (renaksi/impor/satuan.py). The documents are Word files written here."""

from __future__ import annotations

from decimal import Decimal

from renaksi.impor import api

from . import bentuk_pk

HEADER = ["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "TARGET", "TW I", "TW II", "TW III", "TW IV"]
SASARAN = "Meningkatnya kualitas perencanaan daerah"
DOKUMEN = ["12 dokumen", "3 dokumen", "3 dokumen", "3 Dokumen", "3 dokumen"]


def _read(rows: list[list[str]], header: list[str] = HEADER, judul: str = "RENCANA AKSI TAHUN 2024"):
    data = bentuk_pk.pk(sasaran=[header, *rows], judul=judul)
    parsed = api.parse_document(data, "satuan.docx")
    return parsed, {i.nama.teks: i for i in parsed.dokumen.all_indikator()}


def _codes(parsed, kode: str) -> list:
    return [c for c in [*parsed.dokumen.decisions, *parsed.dokumen.warnings] if c.kode == kode]


def test_one_unit_in_every_target_becomes_the_satuan():
    parsed, indikator = _read([
        ["1", SASARAN, "Persentase dokumen tepat waktu", "29,17%", "1,56%", "1,64%", "12,98%", "12,99%"],
        ["2", "", "Persentase usulan terakomodasi", "100 %", "25 %", "25 %", "25 %", "25 %"],
        ["3", "", "Jumlah dokumen perencanaan", *DOKUMEN],
        ["4", "", "Tingkat kepuasan mitra", *["85 persen"] * 5],
    ])  # fmt: skip
    got = {nama: (i.satuan.teks, i.target.angka.nilai, [t.angka.nilai for t in i.triwulan])
           for nama, i in indikator.items()}  # fmt: skip
    assert got == {
        "Persentase dokumen tepat waktu": ("%", Decimal("29.17"), [Decimal(x) for x in ("1.56", "1.64", "12.98", "12.99")]),
        "Persentase usulan terakomodasi": ("%", Decimal("100"), [Decimal(25)] * 4),
        "Jumlah dokumen perencanaan": ("dokumen", Decimal("12"), [Decimal(3)] * 4),
        "Tingkat kepuasan mitra": ("persen", Decimal("85"), [Decimal(85)] * 4),
    }  # fmt: skip
    # the text as written stays the target's (the bidang pages and the PK print it without a satuan column)
    assert indikator["Persentase dokumen tepat waktu"].target.angka.teks == "29,17%"
    decisions = _codes(parsed, "satuan.dari_target")
    assert len(decisions) == 4 and "satuan diisi 'dokumen'" in decisions[2].pesan
    assert not _codes(parsed, "satuan.beragam")
    assert parsed.cakupan.as_json()["tidak_ditempatkan"] == []


def test_different_units_leave_the_satuan_empty_and_are_listed():
    parsed, indikator = _read([
        ["1", SASARAN, "Jumlah dokumen perencanaan", "12 dokumen", "25%", "3 dokumen", "3 dokumen", "3 dokumen"],
        ["2", "", "Persentase usulan terakomodasi", "100%", "25", "25", "25", "25"],
        ["3", "", "Indeks kepuasan mitra", "80", "80", "80", "80", "80"],
        ["4", "", "Opini BPK", "WTP", "", "", "", "WTP"],
    ])  # fmt: skip
    assert [i.satuan for i in indikator.values()] == [None] * 4
    assert indikator["Jumlah dokumen perencanaan"].target.angka.nilai == 12
    warnings = _codes(parsed, "satuan.beragam")
    assert [w.pesan.split("'")[1] for w in warnings] == [
        "Jumlah dokumen perencanaan",
        "Persentase usulan terakomodasi",
    ]
    assert "('dokumen', '%')" in warnings[0].pesan and "('%', tanpa satuan)" in warnings[1].pesan
    assert not _codes(parsed, "satuan.dari_target")


def test_a_pk_table_without_satuan_column_gives_its_unit():
    parsed, indikator = _read([["1", SASARAN, "Jumlah dokumen perencanaan", "12 dokumen"]],
                              header=["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "TARGET"],
                              judul="PERJANJIAN KINERJA TAHUN 2024")  # fmt: skip
    [item] = parsed.dokumen.perjanjian_kinerja[0].items
    assert (indikator["Jumlah dokumen perencanaan"].satuan.teks, item.target.angka.teks) == (
        "dokumen",
        "12 dokumen",
    )


def test_a_satuan_column_is_kept():
    """The document states the satuan (here in a PK table, which reads it too): nothing is taken from the targets."""
    parsed, indikator = _read([["1", SASARAN, "Jumlah dokumen perencanaan", "Buku", "12 dokumen"]],
                              header=["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "SATUAN", "TARGET"],
                              judul="PERJANJIAN KINERJA TAHUN 2024")  # fmt: skip
    assert indikator["Jumlah dokumen perencanaan"].satuan.teks == "Buku"
    assert not _codes(parsed, "satuan.dari_target") and not _codes(parsed, "satuan.beragam")
