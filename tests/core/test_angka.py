from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from renaksi.core.angka import (
    AngkaTidakValid,
    JenisAngka,
    banyak_desimal,
    format_angka,
    format_persen,
    format_rupiah,
    parse_angka,
    parse_uang,
    teks_kategori,
)


@pytest.mark.parametrize(
    ("teks", "jenis", "nilai"),
    [
        ("1,030,000.00", JenisAngka.UANG, Decimal("1030000.00")),
        ("53.943.679.550", JenisAngka.UANG, Decimal("53943679550")),
        ("2,718,270,000", JenisAngka.UANG, Decimal("2718270000")),
        ("33,33", JenisAngka.PERSEN, Decimal("33.33")),
        ("6.25", JenisAngka.PERSEN, Decimal("6.25")),
        ("29,17%", JenisAngka.PERSEN, Decimal("29.17")),
        ("100%", JenisAngka.PERSEN, Decimal("100")),
        ("16.20", JenisAngka.UMUM, Decimal("16.20")),
        ("0.00", JenisAngka.UMUM, Decimal("0.00")),
        ("1.030.000,50", JenisAngka.UMUM, Decimal("1030000.50")),
    ],
)
def test_every_form_in_domain_md_reads_to_its_value(teks, jenis, nilai):
    angka = parse_angka(teks, jenis)
    assert angka.nilai == nilai
    assert angka.keputusan == ""


def test_written_decimals_are_kept_for_rounding_tolerance():
    assert parse_angka("16.20").desimal == 2
    assert parse_angka("64.78").desimal == 2
    assert parse_angka("80").desimal == 0


def test_percent_sign_is_recorded():
    assert parse_angka("43.48%").persen is True
    assert parse_angka("43.48").persen is False


def test_category_with_score():
    angka = parse_angka("B (67,34)")
    assert angka.kategori == "B"
    assert angka.nilai == Decimal("67.34")


def test_category_without_score():
    angka = parse_angka("WTP")
    assert angka.kategori == "WTP"
    assert angka.nilai is None


@pytest.mark.parametrize(
    ("teks", "nilai", "satuan", "keterangan"),
    [
        ("207,440.00 orang", Decimal("207440.00"), "orang", ""),
        ("30 (1 Forum)", Decimal("30"), "", "(1 Forum)"),
        ("1200 Orang", Decimal("1200"), "Orang", ""),
        ("12 laporan", Decimal("12"), "laporan", ""),
        ("paket (30 unit)", None, None, None),
    ],
)
def test_number_with_unit_or_remark(teks, nilai, satuan, keterangan):
    if nilai is None:
        with pytest.raises(AngkaTidakValid):
            parse_angka(teks)
        return
    angka = parse_angka(teks)
    assert (angka.nilai, angka.satuan, angka.keterangan) == (nilai, satuan, keterangan)


@pytest.mark.parametrize("teks", ["", "-", "  ", None, "—"])
def test_empty_cells_stay_empty_not_zero(teks):
    angka = parse_angka(teks)
    assert angka.nilai is None
    assert angka.kosong


def test_ambiguous_separator_is_decided_by_kind_and_reported():
    money = parse_angka("1.500", JenisAngka.UANG)
    assert money.nilai == Decimal(1500)
    assert "rupiah" in money.keputusan
    percent = parse_angka("1.500", JenisAngka.PERSEN)
    assert percent.nilai == Decimal("1.500")
    assert "persentase" in percent.keputusan
    plain = parse_angka("1,500", JenisAngka.UMUM)
    assert plain.nilai == Decimal("1.500")
    assert plain.keputusan


def test_strict_mode_refuses_ambiguous_input_with_indonesian_message():
    with pytest.raises(AngkaTidakValid, match="ambigu"):
        parse_angka("1.500", JenisAngka.PERSEN, strict=True)
    assert parse_uang("1.500", strict=True) == 1500


@pytest.mark.parametrize("teks", ["abc", "1,2,3.4.5", "12,34,5", "Rp lima juta"])
def test_non_numbers_are_refused(teks):
    with pytest.raises(AngkaTidakValid):
        parse_angka(teks, JenisAngka.UANG)


def test_money_must_be_whole_rupiah_and_not_negative():
    with pytest.raises(AngkaTidakValid, match="bulat"):
        parse_uang("1.000,50")
    with pytest.raises(AngkaTidakValid, match="negatif"):
        parse_uang("-5")
    assert parse_uang("") is None


def _group(digits: str, sep: str) -> str:
    parts = []
    while len(digits) > 3:
        parts.insert(0, digits[-3:])
        digits = digits[:-3]
    parts.insert(0, digits)
    return sep.join(parts)


@given(st.integers(min_value=1000, max_value=10**15))
def test_money_round_trips_in_indonesian_and_english_grouping(value):
    assert parse_uang(_group(str(value), ".")) == value
    assert parse_uang(_group(str(value), ",")) == value
    assert parse_uang(format_angka(value)) == value


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_indonesian_formatting_reads_back_to_the_same_value(value):
    assert parse_angka(format_angka(value), JenisAngka.PERSEN).nilai == value


@given(st.integers(min_value=0, max_value=999), st.integers(min_value=0, max_value=99))
def test_comma_and_point_decimals_mean_the_same(whole, cents):
    comma = parse_angka(f"{whole},{cents:02d}", JenisAngka.PERSEN).nilai
    point = parse_angka(f"{whole}.{cents:02d}", JenisAngka.PERSEN).nilai
    assert comma == point == Decimal(f"{whole}.{cents:02d}")


@given(st.text(max_size=30))
def test_any_text_either_parses_or_raises_the_documented_error(text):
    try:
        parse_angka(text)
    except AngkaTidakValid:
        pass


@pytest.mark.parametrize(
    ("nilai", "tertulis", "perlu"),
    [(None, 0, 0), (Decimal("80"), 0, 0), (Decimal("16.20"), 2, 1), (Decimal("12.500000"), 6, 1),
     (Decimal("1E+2"), 0, 0), (Decimal("Infinity"), 0, 0), (Decimal("0.000001"), 6, 6)],
)
def test_decimals_of_a_value_as_written_and_as_needed(nilai, tertulis, perlu):
    assert banyak_desimal(nilai) == tertulis
    assert banyak_desimal(nilai, tanpa_nol=True) == perlu


def test_a_category_target_is_written_with_its_score_in_brackets():
    assert teks_kategori("B", "67,34") == "B (67,34)"
    assert teks_kategori("B", "") == "B"
    assert teks_kategori("", "67,34") == "67,34"
    assert teks_kategori("", "") == ""


def test_rupiah_with_and_without_the_rp_prefix():
    assert format_rupiah(1_030_000) == "1.030.000"
    assert format_rupiah(1_030_000, rp=True) == "Rp1.030.000"
    assert format_rupiah(0, rp=True) == "Rp0"
    assert format_rupiah(None) == ""
    assert format_rupiah(None, rp=True, kosong="—") == "—"


@pytest.mark.parametrize("teks", ["1e400 laporan", "1e400", "2E+5", "1.5e3 orang", "3e-2%", "7e−1"])
@pytest.mark.parametrize("jenis", list(JenisAngka))
def test_scientific_notation_is_refused_not_read_as_its_mantissa(teks, jenis):
    """'1e400 laporan' was saved as 1 laporan."""
    with pytest.raises(AngkaTidakValid, match="notasi ilmiah"):
        parse_angka(teks, jenis)
    with pytest.raises(AngkaTidakValid, match="notasi ilmiah"):
        parse_angka(teks, jenis, strict=True)


@pytest.mark.parametrize("teks", ["١٢٣", "۱۲۳", "१२३", "１２３", "12٣", "B (٦٧)", "Rp ١٠٠٠", "12 laporan ٣"])
def test_digits_other_than_0_to_9_are_refused_not_read_as_numbers(teks):
    """Python's Decimal and \\d read Arabic-Indic, Devanagari and full-width digits as 123."""
    for jenis in JenisAngka:
        with pytest.raises(AngkaTidakValid, match="0–9"):
            parse_angka(teks, jenis)


def test_a_unit_starting_with_e_is_still_a_unit():
    assert parse_angka("12 e-KTP").satuan == "e-KTP"
    assert parse_angka("5 eksemplar").nilai == 5


def test_screens_and_documents_print_a_percentage_in_one_form():
    # DOMAIN.md and the seeds write "29,17%": the sign against the number. A page (the `persen` filter) and a
    # document cell (`grid.teks_sel`) print the same, and what they print reads back as the same percentage.
    from renaksi.core.templatetags.angka import persen
    from renaksi.laporan.blok import Sel
    from renaksi.laporan.grid import teks_sel

    value = Decimal("96.1100")
    assert persen(value, 2) == teks_sel(Sel(value, "persen", 2)) == format_persen(value, 2) == "96,11%"
    assert persen(None, 2) == "" and persen(Decimal("-0.004"), 2) == "0,00%"
    read = parse_angka(persen(Decimal("29.17"), 2), JenisAngka.PERSEN)
    assert (read.nilai, read.persen) == (Decimal("29.17"), True)
