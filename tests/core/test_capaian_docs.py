"""docs/monev/capaian.md: every hand-worked example is recomputed and must agree to the letter."""

import pytest

from renaksi.core.capaian import RumusNegatif, hitung_capaian

from .doc_tables import AKUMULASI, TRIWULAN, example_rows, isian, quarters

ROWS = example_rows("capaian.md")


def test_the_examples_cover_every_polarity_accumulation_and_zero_case():
    combos = {(r["polaritas"], r["akumulasi"]) for r in ROWS}
    for polaritas in ("positif", "negatif"):
        for akumulasi in AKUMULASI:
            assert (polaritas, akumulasi) in combos, (polaritas, akumulasi)
    assert {r["capaian"] for r in ROWS} >= {"—", "0,00", "100,00", "tercapai", "tidak tercapai"}


@pytest.mark.parametrize("row", ROWS, ids=lambda r: f"contoh-{r['#']}")
def test_worked_example(row):
    result = hitung_capaian(
        target=quarters(row["target TW I–IV"]),
        target_tahun=isian(row["target tahun"]),
        realisasi=quarters(row["realisasi TW I–IV"]),
        triwulan=TRIWULAN[row["s.d. TW"]],
        polaritas=row["polaritas"],
        akumulasi=AKUMULASI[row["akumulasi"]],
        rumus_negatif=RumusNegatif.RASIO if row["rumus negatif"] == "rasio" else RumusNegatif.SELISIH,
    )
    assert result.label == row["capaian"]
    assert result.rumus == row["rumus"]
