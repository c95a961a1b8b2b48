"""Reading realisasi CSV (renaksi/monev/impor_csv.py), without the database."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from renaksi.monev.impor_csv import BarisAnggaran, BarisIndikator, BarisTidakValid, baca_csv


@given(st.decimals(min_value=0, max_value=10**9, places=2), st.sampled_from([",", "."]), st.integers(1, 4))
def test_a_decimal_written_with_point_or_comma_reads_back(value, separator, triwulan):
    written = format(value, "f").replace(".", separator)
    # "1.500"-like values are ambiguous by design (refused in strict mode): they are tested separately.
    whole, _, frac = written.partition(separator)
    if len(frac) == 3:
        return
    rows, skipped = baca_csv(f'indikator_id;triwulan;realisasi\n7;{triwulan};{written}\n')
    assert rows == [BarisIndikator(2, 7, triwulan, value)] and skipped == 0


@given(st.integers(0, 10**13))
def test_rupiah_with_or_without_grouping(jumlah):
    grouped = f"{jumlah:,}".replace(",", ".")
    rows, _ = baca_csv(f'sub_kegiatan_id,triwulan,realisasi_anggaran\n3,2,{jumlah}\n3,3,"{grouped}"\n')
    assert rows == [BarisAnggaran(2, 3, 2, jumlah), BarisAnggaran(3, 3, 3, jumlah)]


def test_one_header_with_both_kinds_and_a_category():
    rows, skipped = baca_csv("indikator_id,sub_kegiatan_id,triwulan,realisasi,realisasi_anggaran\n"
                             '1,2,1,"B (67,34)",500\n1,,2,WTP,\n,2,2,,\n')
    assert rows == [BarisIndikator(2, 1, 1, Decimal("67.34"), "B"), BarisAnggaran(2, 2, 1, 500),
                    BarisIndikator(3, 1, 2, None, "WTP")]
    assert skipped == 1


def test_an_ambiguous_number_is_refused_with_its_line():
    with pytest.raises(BarisTidakValid) as exc:
        baca_csv("indikator_id,triwulan,realisasi\n1,1,\"1,500\"\n")
    assert exc.value.baris == 2 and "ambigu" in str(exc.value)


def test_rows_before_any_header_are_refused():
    with pytest.raises(BarisTidakValid) as exc:
        baca_csv("1,1,10\n")
    assert "kepala kolom" in str(exc.value)
