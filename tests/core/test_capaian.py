"""Capaian arithmetic (renaksi/core/capaian.py): exact cases and properties over polarity × accumulation × zeros.
The hand-worked examples of docs/monev/capaian.md are in test_capaian_docs.py."""

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from renaksi.core.akumulasi import Akumulasi
from renaksi.core.capaian import Kategori, RumusNegatif, hitung_capaian

AKUMULASI = [str(a) for a in Akumulasi]
values = st.decimals(min_value=0, max_value=100000, places=2)
positive = st.decimals(min_value=D("0.01"), max_value=100000, places=2)
maybe = st.one_of(st.none(), values, st.builds(Kategori, st.sampled_from(["WTP", "WDP", "BB", "B", "A", "X"]),
                                                 st.one_of(st.none(), positive)))


def capaian(target, realisasi, triwulan, *, tahun=None, **kw):
    return hitung_capaian(target=[D(t) if t is not None else None for t in target],
                          target_tahun=D(tahun) if tahun is not None else None,
                          realisasi=[D(r) if r is not None else None for r in realisasi], triwulan=triwulan, **kw)


def test_kumulatif_uses_only_quarters_up_to_n():
    result = capaian([10, 20, 30, 40], [10, 10, 999, None], 2)
    assert result.nilai == D("66.67")  # 20 ÷ 30, the 999 of TW III not yet counted


def test_rounding_is_half_up_to_two_decimals():
    # 1 ÷ 8 × 100 = 12.5 exactly; 1 ÷ 1600 × 100 = 0.0625 → 0.06; 0.125 → 0.13
    assert capaian([8, 0, 0, 0], [1, None, None, None], 1).nilai == D("12.50")
    assert capaian([800, 0, 0, 0], [1, None, None, None], 1).nilai == D("0.13")


def test_the_result_is_a_decimal_with_two_places_never_a_float():
    result = capaian([3, 3, 3, 3], [1, 1, 1, 1], 4)
    assert isinstance(result.nilai, D) and result.nilai.as_tuple().exponent == -2


def test_empty_target_says_which_one():
    result = capaian([10, None, 10, 10], [5, 5, None, None], 2)
    assert result.nilai is None and result.rumus == "target TW II kosong"
    assert capaian([10, 10, 10, 10], [5, 5, 5, 5], 3, akumulasi="tetap").rumus == "target tahun kosong"


def test_category_against_a_number_is_not_compared():
    result = hitung_capaian(target=[None, None, None, D(80)], target_tahun=D(80),
                            realisasi=[None, None, None, Kategori("B")], triwulan=4, akumulasi="nilai_akhir")
    assert result.nilai is None and result.tercapai is None and "tidak sejenis" in result.rumus


def test_codes_of_different_scales_are_not_compared():
    result = hitung_capaian(target=[None] * 3 + [Kategori("WTP")], target_tahun=Kategori("WTP"),
                            realisasi=[None] * 3 + [Kategori("BB")], triwulan=4, akumulasi="nilai_akhir")
    assert result.tercapai is None and result.label == "—"


def test_code_only_result_is_a_category_result_left_out_of_averages():
    result = hitung_capaian(target=[None] * 4, target_tahun=Kategori("WTP"), realisasi=[Kategori("WTP")] + [None] * 3,
                            triwulan=1, akumulasi="tetap")
    assert result.tercapai is True and result.kategori and result.nilai is None


def test_triwulan_outside_1_4_is_refused():
    with pytest.raises(ValueError):
        capaian([1, 1, 1, 1], [1, 1, 1, 1], 5)


# --- properties --------------------------------------------------------------------------------------------


@given(st.lists(maybe, min_size=4, max_size=4), maybe, st.lists(maybe, min_size=4, max_size=4),
       st.integers(1, 4), st.sampled_from(["positif", "negatif"]), st.sampled_from(AKUMULASI),
       st.sampled_from(list(RumusNegatif)))
def test_every_input_gives_a_result_and_a_formula_never_an_error(target, tahun, realisasi, n, polaritas, akumulasi,
                                                                 rumus):
    result = hitung_capaian(target=target, target_tahun=tahun, realisasi=realisasi, triwulan=n, polaritas=polaritas,
                            akumulasi=akumulasi, rumus_negatif=rumus)
    assert result.rumus
    assert result.nilai is None or (isinstance(result.nilai, D) and result.nilai.as_tuple().exponent == -2)
    assert not (result.nilai is not None and result.tercapai is not None)


@given(st.lists(values, min_size=4, max_size=4), st.lists(values, min_size=4, max_size=4), st.integers(1, 4),
       st.sampled_from(["positif", "negatif"]), st.sampled_from(list(RumusNegatif)))
def test_rata_rata_equals_kumulatif(target, realisasi, n, polaritas, rumus):
    # The mean of R over the mean of T is ΣR over ΣT: the same figure, a different formula text.
    kw = {"target": target, "target_tahun": None, "realisasi": realisasi, "triwulan": n, "polaritas": polaritas,
          "rumus_negatif": rumus}
    assert hitung_capaian(akumulasi="rata_rata", **kw).nilai == hitung_capaian(akumulasi="kumulatif", **kw).nilai


@given(positive, st.lists(values, min_size=4, max_size=4), st.integers(1, 4),
       st.sampled_from(["positif", "negatif"]), st.sampled_from(list(RumusNegatif)))
def test_tetap_and_nilai_akhir_agree_when_every_quarter_is_the_year(t, realisasi, n, polaritas, rumus):
    kw = {"target": [t] * 4, "target_tahun": t, "realisasi": realisasi, "triwulan": n, "polaritas": polaritas,
          "rumus_negatif": rumus}
    assert hitung_capaian(akumulasi="tetap", **kw).nilai == hitung_capaian(akumulasi="nilai_akhir", **kw).nilai


@given(st.lists(positive, min_size=4, max_size=4), st.lists(values, min_size=4, max_size=4), st.integers(1, 4),
       st.integers(1, 1000), st.sampled_from(AKUMULASI), st.sampled_from(["positif", "negatif"]),
       st.sampled_from(list(RumusNegatif)))
def test_capaian_does_not_depend_on_the_unit(target, realisasi, n, k, akumulasi, polaritas, rumus):
    # Persen or permil, orang or ribu orang: the same achievement.
    kw = {"triwulan": n, "akumulasi": akumulasi, "polaritas": polaritas, "rumus_negatif": rumus}
    a = hitung_capaian(target=target, target_tahun=target[3], realisasi=realisasi, **kw)
    b = hitung_capaian(target=[t * k for t in target], target_tahun=target[3] * k,
                       realisasi=[r * k for r in realisasi], **kw)
    assert a.nilai == b.nilai


@given(positive, values, values, st.sampled_from(AKUMULASI))
def test_more_realisasi_is_better_for_positive_and_worse_for_negative(t, r1, r2, akumulasi):
    low, high = sorted([r1, r2])
    kw = {"target": [t] * 4, "target_tahun": t, "triwulan": 1, "akumulasi": akumulasi}
    pos = [hitung_capaian(realisasi=[r, None, None, None], **kw).nilai for r in (low, high)]
    neg = [hitung_capaian(realisasi=[r, None, None, None], polaritas="negatif", **kw).nilai for r in (low, high)]
    assert pos[0] <= pos[1]
    assert neg[0] >= neg[1]


@given(positive, values)
def test_negative_default_is_never_below_zero_and_mirrors_the_positive_formula(t, r):
    kw = {"target": [t] * 4, "target_tahun": t, "realisasi": [r, None, None, None], "triwulan": 1}
    neg = hitung_capaian(polaritas="negatif", **kw).nilai
    pos = hitung_capaian(polaritas="positif", **kw).nilai
    assert neg >= 0
    if r <= 2 * t:  # (2T − R)/T = 2 − R/T: the two add up to 200 (± one rounding step)
        assert abs(neg + pos - 200) <= D("0.01")
    else:
        assert neg == 0


@given(positive)
def test_meeting_the_target_exactly_is_100_for_every_formula(t):
    for polaritas in ("positif", "negatif"):
        for rumus in RumusNegatif:
            result = hitung_capaian(target=[t] * 4, target_tahun=t, realisasi=[t] * 4, triwulan=4,
                                    polaritas=polaritas, akumulasi="nilai_akhir", rumus_negatif=rumus)
            assert result.nilai == D(100)


@given(values, st.sampled_from(AKUMULASI), st.sampled_from(list(RumusNegatif)))
def test_zero_target(r, akumulasi, rumus):
    kw = {"target": [D(0)] * 4, "target_tahun": D(0), "realisasi": [r] * 4, "triwulan": 4, "akumulasi": akumulasi}
    assert hitung_capaian(polaritas="positif", **kw).nilai is None
    negative = hitung_capaian(polaritas="negatif", rumus_negatif=rumus, **kw).nilai
    assert negative == (D(100) if r == 0 else D(0))


SCALES = [("AA", "A", "BB", "B", "CC", "C", "D"), ("WTP", "WDP", "TW", "TMP")]


@given(st.sampled_from(SCALES).flatmap(lambda s: st.tuples(st.just(s), st.sampled_from(s), st.sampled_from(s))))
def test_codes_only_tercapai_iff_at_or_above_the_target_on_its_scale(case):
    scale, r, t = case
    result = hitung_capaian(target=[None] * 4, target_tahun=Kategori(t), realisasi=[None, Kategori(r), None, None],
                            triwulan=2, akumulasi="tetap")
    assert result.tercapai == (scale.index(r) <= scale.index(t))
    assert result.nilai is None and result.label in {"tercapai", "tidak tercapai"}


@given(positive, positive)
def test_scores_give_the_score_ratio(skor_t, skor_r):
    result = hitung_capaian(target=[None] * 4, target_tahun=Kategori("B", skor_t),
                            realisasi=[Kategori("BB", skor_r), None, None, None], triwulan=1, akumulasi="tetap")
    expected = (skor_r / skor_t * 100).quantize(D("0.01"), rounding="ROUND_HALF_UP")
    assert result.nilai == expected


@pytest.mark.parametrize(("akumulasi", "triwulan", "expected"), [
    ("kumulatif", 3, D(60)),  # 10 + 20 + 30
    ("rata_rata", 2, D(15)),  # (10 + 20) ÷ 2
    ("nilai_akhir", 3, D(30)),
    ("tetap", 3, None),  # needs the yearly target, which is empty
])
def test_the_target_a_capaian_uses_is_returned_with_it(akumulasi, triwulan, expected):
    quarters = [D(10), D(20), D(30), D(40)]
    result = hitung_capaian(target=quarters, target_tahun=None, realisasi=[D(10)] * 4, triwulan=triwulan,
                            akumulasi=akumulasi)
    assert result.target == expected
    assert (result.nilai is None) == (expected is None)
