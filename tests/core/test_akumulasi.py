from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from renaksi.core.akumulasi import Akumulasi, infer_akumulasi, matching_akumulasi, reconciles


def test_rounding_of_written_values_is_not_a_mismatch():
    # docs/domain.md, "Accumulation": 4 × 16.20 against 64.78 is fine.
    assert reconciles(Akumulasi.KUMULATIF, D("64.78"), [D("16.20")] * 4)


def test_real_mismatch_is_found():
    # Bangka: 35 for the year, 0, 0, 35, 10 per quarter: no type fits.
    assert matching_akumulasi(D("35"), [D(0), D(0), D(35), D(10)]) == []


@pytest.mark.parametrize(
    ("tahunan", "triwulan", "expected"),
    [
        ("80", ["10", "10", "10", "50"], Akumulasi.KUMULATIF),
        ("25", ["25", "25", "25", "25"], Akumulasi.TETAP),
        ("80", ["0", "0", "0", "80"], Akumulasi.KUMULATIF),
        ("90", ["20", "50", "70", "90"], Akumulasi.NILAI_AKHIR),
        ("3", ["1", "3", "5", "3"], Akumulasi.NILAI_AKHIR),
    ],
)
def test_inference_prefers_the_simplest_type_that_fits(tahunan, triwulan, expected):
    chosen, reason = infer_akumulasi(D(tahunan), [D(t) for t in triwulan])
    assert chosen == expected
    assert reason


def test_incomplete_quarters_are_said_so():
    chosen, reason = infer_akumulasi(D("100"), [None, None, None, None])
    assert chosen == Akumulasi.KUMULATIF
    assert "tidak lengkap" in reason


@given(st.lists(st.decimals(min_value=0, max_value=10000, places=2), min_size=4, max_size=4))
def test_the_sum_of_quarters_always_reconciles_as_kumulatif(quarters):
    assert reconciles(Akumulasi.KUMULATIF, sum(quarters), quarters)


@given(st.decimals(min_value=0, max_value=10000, places=2))
def test_a_constant_series_reconciles_as_tetap(value):
    assert reconciles(Akumulasi.TETAP, value, [value] * 4)


@pytest.mark.parametrize(
    ("tahunan", "triwulan"),
    [("1", ["0", "0", "2", "0"]), ("1", ["0", "0", "0", "2"]), ("12", ["3", "3", "3", "4"])],
)
def test_whole_numbers_are_exact_not_rounded(tahunan, triwulan):
    # 1 paket against 0, 0, 2, 0 fits no accumulation type: counts are not rounded values.
    assert matching_akumulasi(D(tahunan), [D(t) for t in triwulan]) == []


def test_whole_year_with_decimal_quarters_allows_their_rounding():
    assert reconciles(Akumulasi.KUMULATIF, D("100"), [D("33.33"), D("33.33"), D("33.33"), D("0")])
