"""Early warning (renaksi/core/peringatan.py); the documented examples are in test_peringatan_docs.py."""

from decimal import Decimal as D

from hypothesis import given
from hypothesis import strategies as st

from renaksi.core.akumulasi import Akumulasi
from renaksi.core.capaian import Kategori
from renaksi.core.peringatan import ramal

values = st.decimals(min_value=0, max_value=10000, places=2)
AKUMULASI = [str(a) for a in Akumulasi]


def test_later_quarters_do_not_change_an_earlier_report():
    kw = {"target": [D(25)] * 4, "target_tahun": D(100), "triwulan": 2}
    assert ramal(realisasi=[D(20), D(22), None, None], **kw) == ramal(realisasi=[D(20), D(22), D(99), D(1)], **kw)


def test_with_tw_iv_reported_the_forecast_is_the_year():
    result = ramal(target=[D(25)] * 4, target_tahun=D(100), realisasi=[D(20), D(20), D(20), D(20)], triwulan=4)
    assert result.nilai == D(80) and result.capaian.nilai == D("80.00") and result.berisiko


def test_nothing_reported_category_or_no_year_target_is_not_forecast_and_not_berisiko():
    assert not ramal(target=[D(1)] * 4, target_tahun=D(4), realisasi=[None] * 4, triwulan=3).berisiko
    assert ramal(target=[None] * 4, target_tahun=Kategori("WTP"), realisasi=[Kategori("WDP")] + [None] * 3,
                 triwulan=1).capaian is None
    assert ramal(target=[D(1)] * 4, target_tahun=None, realisasi=[D(1)] * 4, triwulan=1).nilai is None


def test_a_gap_in_kumulatif_realisasi_is_named():
    result = ramal(target=[D(1)] * 4, target_tahun=D(4), realisasi=[None, D(1), None, None], triwulan=2)
    assert result.nilai is None and "TW I belum diisi" in result.metode


def test_nilai_akhir_trend_never_goes_below_zero():
    result = ramal(target=[D(50)] * 4, target_tahun=D(50), realisasi=[D(40), D(5), None, None], triwulan=2,
                   akumulasi="nilai_akhir")
    assert result.nilai == D(0) and result.metode.endswith("paling rendah 0")


@given(st.lists(st.one_of(st.none(), values), min_size=4, max_size=4), st.one_of(st.none(), values),
       st.lists(st.one_of(st.none(), values), min_size=4, max_size=4), st.integers(1, 4),
       st.sampled_from(AKUMULASI), st.sampled_from(["positif", "negatif"]))
def test_berisiko_exactly_when_the_forecast_capaian_is_below_the_threshold(target, tahun, realisasi, n, akumulasi,
                                                                            polaritas):
    result = ramal(target=target, target_tahun=tahun, realisasi=realisasi, triwulan=n, akumulasi=akumulasi,
                   polaritas=polaritas, ambang=D(90))
    assert result.metode
    expected = result.capaian is not None and result.capaian.nilai is not None and result.capaian.nilai < 90
    assert result.berisiko == expected
    assert result.dasar <= n


@given(st.lists(values.filter(lambda v: v > 0), min_size=4, max_size=4), values, values,
       st.sampled_from(["kumulatif", "rata_rata", "tetap"]))
def test_a_better_last_quarter_never_lowers_the_forecast(target, a, b, akumulasi):
    low, high = sorted([a, b])
    kw = {"target": target, "target_tahun": sum(target), "triwulan": 2, "akumulasi": akumulasi}
    assert ramal(realisasi=[D(1), low, None, None], **kw).nilai <= ramal(realisasi=[D(1), high, None, None], **kw).nilai


@given(values, st.integers(1, 4))
def test_a_threshold_of_zero_flags_nothing_for_positive_indicators(r, n):
    result = ramal(target=[D(10)] * 4, target_tahun=D(40), realisasi=[r] * 4, triwulan=n, ambang=D(0))
    assert not result.berisiko
