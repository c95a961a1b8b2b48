"""A satuan written inside the targets ("29,17%", "100 %", "12 dokumen", "85 persen") of a table without a satuan
column: the shared unit becomes the indikator's satuan and the targets numbers; different units are left as written
and listed (renaksi/impor/satuan.py)."""

from __future__ import annotations

from decimal import Decimal

from renaksi.impor import api

from . import bentuk_pk

HEADER = ["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "TARGET", "TW I", "TW II", "TW III", "TW IV"]
SASARAN = "Meningkatnya kualitas perencanaan daerah"


def _read(rows: list[list[str]]):
    data = bentuk_pk.pk(sasaran=[HEADER, *rows], judul="RENCANA AKSI TAHUN 2024")
    parsed = api.parse_document(data, "satuan.docx")
    return parsed, {i.nama.teks: i for i in parsed.dokumen.all_indikator()}


def test_one_unit_in_every_target_becomes_the_satuan():
    parsed, indikator = _read(
        [
            ["1", SASARAN, "Persentase dokumen tepat waktu", "29,17%", "1,56%", "1,64%", "12,98%", "12,99%"],
            ["2", "", "Persentase usulan terakomodasi", "100 %", "25 %", "25 %", "25 %", "25 %"],
            [
                "3",
                "",
                "Jumlah dokumen perencanaan",
                "12 dokumen",
                "3 dokumen",
                "3 dokumen",
                "3 Dokumen",
                "3 dokumen",
            ],
            [
                "4",
                "",
                "Tingkat kepuasan mitra",
                "85 persen",
                "85 persen",
                "85 persen",
                "85 persen",
                "85 persen",
            ],
        ]
    )
    got = {
        nama: (i.satuan.teks, i.target.angka.teks, i.target.angka.nilai, [t.angka.teks for t in i.triwulan])
        for nama, i in indikator.items()
    }
    assert got == {
        "Persentase dokumen tepat waktu": (
            "%",
            "29,17",
            Decimal("29.17"),
            ["1,56", "1,64", "12,98", "12,99"],
        ),
        "Persentase usulan terakomodasi": ("%", "100", Decimal("100"), ["25", "25", "25", "25"]),
        "Jumlah dokumen perencanaan": ("dokumen", "12", Decimal("12"), ["3", "3", "3", "3"]),
        "Tingkat kepuasan mitra": ("persen", "85", Decimal("85"), ["85", "85", "85", "85"]),
    }
    assert indikator["Persentase dokumen tepat waktu"].target.tertulis == "29,17%"
    decisions = [d for d in parsed.dokumen.decisions if d.kode == "satuan.dari_target"]
    assert len(decisions) == 4 and "'dokumen'" in decisions[2].pesan
    assert parsed.cakupan.as_json()["tidak_ditempatkan"] == []


def test_different_units_are_left_as_written_and_listed():
    parsed, indikator = _read(
        [
            [
                "1",
                SASARAN,
                "Jumlah dokumen perencanaan",
                "12 dokumen",
                "25%",
                "3 dokumen",
                "3 dokumen",
                "3 dokumen",
            ],
            ["2", "", "Persentase usulan terakomodasi", "100%", "25", "25", "25", "25"],
            ["3", "", "Indeks kepuasan mitra", "80", "80", "80", "80", "80"],
        ]
    )
    for nama in ("Jumlah dokumen perencanaan", "Persentase usulan terakomodasi", "Indeks kepuasan mitra"):
        assert indikator[nama].satuan is None or not indikator[nama].satuan.teks, nama
    assert indikator["Jumlah dokumen perencanaan"].target.angka.teks == "12 dokumen"
    assert indikator["Persentase usulan terakomodasi"].target.angka.teks == "100%"
    warnings = [w for w in parsed.dokumen.warnings if w.kode == "satuan.beragam"]
    assert [w.pesan.split("'")[1] for w in warnings] == [
        "Jumlah dokumen perencanaan",
        "Persentase usulan terakomodasi",
    ]
    assert "'dokumen', '%'" in warnings[0].pesan
    assert not [d for d in parsed.dokumen.decisions if d.kode == "satuan.dari_target"]


def test_a_pk_line_loses_its_unit_with_its_indikator():
    """A PK (statement of the PK kind) without a satuan column: its lines' targets are the indikator's."""
    data = bentuk_pk.pk(
        sasaran=[
            ["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "TARGET"],
            ["1", SASARAN, "Jumlah dokumen perencanaan", "12 dokumen"],
        ]
    )
    parsed = api.parse_document(data, "pk.docx")
    [ind] = parsed.dokumen.all_indikator()
    [item] = parsed.dokumen.perjanjian_kinerja[0].items
    assert (ind.satuan.teks, item.target.angka.teks, item.target.tertulis) == ("dokumen", "12", "12 dokumen")


def test_a_satuan_column_is_kept():
    """The document states the satuan: the targets are not touched, even with a unit inside them."""
    data = bentuk_pk.pk(
        sasaran=[
            ["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "SATUAN", "TARGET"],
            ["1", SASARAN, "Jumlah dokumen perencanaan", "Dokumen", "12 dokumen"],
        ]
    )
    parsed = api.parse_document(data, "kolom.docx")
    [ind] = parsed.dokumen.all_indikator()
    [item] = parsed.dokumen.perjanjian_kinerja[0].items
    assert (ind.satuan.teks, item.target.angka.teks) == ("Dokumen", "12 dokumen")
    assert not [d for d in parsed.dokumen.decisions if d.kode == "satuan.dari_target"]
