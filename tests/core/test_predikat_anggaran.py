"""Predikat bands (Permendagri 86/2017), serapan and efisiensi."""

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from renaksi.core.anggaran import efisiensi, serapan, serapan_total
from renaksi.core.predikat import Predikat, predikat


@pytest.mark.parametrize(("capaian", "expected"), [
    ("150", Predikat.SANGAT_TINGGI), ("90.01", Predikat.SANGAT_TINGGI), ("90", Predikat.TINGGI),
    ("75.01", Predikat.TINGGI), ("75", Predikat.SEDANG), ("65.01", Predikat.SEDANG), ("65", Predikat.RENDAH),
    ("50.01", Predikat.RENDAH), ("50", Predikat.SANGAT_RENDAH), ("0", Predikat.SANGAT_RENDAH),
])
def test_bands_and_their_bounds(capaian, expected):
    assert predikat(D(capaian)) == expected


def test_no_capaian_no_predikat():
    assert predikat(None) is None


ORDER = [Predikat.SANGAT_RENDAH, Predikat.RENDAH, Predikat.SEDANG, Predikat.TINGGI, Predikat.SANGAT_TINGGI]


@given(st.decimals(min_value=0, max_value=1000, places=2), st.decimals(min_value=0, max_value=1000, places=2))
def test_a_higher_capaian_never_has_a_lower_predikat(a, b):
    low, high = sorted([a, b])
    assert ORDER.index(predikat(low)) <= ORDER.index(predikat(high))


def test_serapan_sums_the_amounts_spent_in_each_triwulan_up_to_n():
    realisasi = [20_000_000, 25_000_000, 30_000_000, None]
    assert serapan(realisasi=realisasi, pagu=100_000_000, triwulan=2) == D("45.00")
    assert serapan(realisasi=realisasi, pagu=100_000_000, triwulan=4) == D("75.00")
    assert serapan(realisasi=[None, 1, None, None], pagu=3, triwulan=2) == D("33.33")


def test_no_serapan_without_pagu_or_without_any_report():
    assert serapan(realisasi=[10, None, None, None], pagu=None, triwulan=1) is None
    assert serapan(realisasi=[10, None, None, None], pagu=0, triwulan=1) is None
    assert serapan(realisasi=[None, 10, None, None], pagu=100, triwulan=1) is None


def test_serapan_of_a_kegiatan_is_over_the_sum_of_its_sub_kegiatan():
    rows = [(100, [10, 10, None, None]), (300, [None, 20, None, None]), (None, [None] * 4)]
    assert serapan_total(rows, 2) == D("10.00")  # 40 ÷ 400


@given(st.lists(st.one_of(st.none(), st.integers(0, 10**12)), min_size=4, max_size=4),
       st.integers(1, 10**12), st.integers(1, 3))
def test_serapan_never_decreases_over_the_year(realisasi, pagu, n):
    a = serapan(realisasi=realisasi, pagu=pagu, triwulan=n)
    b = serapan(realisasi=realisasi, pagu=pagu, triwulan=n + 1)
    assert a is None or b >= a


def test_efisiensi_is_capaian_minus_serapan():
    assert efisiensi(D("90.00"), D("45.00")) == D("45.00")
    assert efisiensi(None, D("45.00")) is None
