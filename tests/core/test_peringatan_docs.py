"""docs/monev/peringatan-dini.md: the worked examples of the early warning, recomputed."""

import pytest

from renaksi.core.capaian import tampil
from renaksi.core.peringatan import ramal

from .doc_tables import AKUMULASI, TRIWULAN, example_rows, isian, quarters

ROWS = example_rows("peringatan-dini.md")


def test_every_accumulation_type_has_an_example():
    assert {r["akumulasi"] for r in ROWS} == set(AKUMULASI)
    assert {r["berisiko"] for r in ROWS} == {"ya", "tidak"}


@pytest.mark.parametrize("row", ROWS, ids=lambda r: f"contoh-{r['#']}")
def test_worked_example(row):
    result = ramal(
        target=quarters(row["target TW I–IV"]),
        target_tahun=isian(row["target tahun"]),
        realisasi=quarters(row["realisasi TW I–IV"]),
        triwulan=TRIWULAN[row["s.d. TW"]],
        akumulasi=AKUMULASI[row["akumulasi"]],
        polaritas=row["polaritas"],
    )
    assert tampil(result.nilai) == row["perkiraan"]
    assert result.capaian.label == row["capaian perkiraan"]
    assert result.berisiko == (row["berisiko"] == "ya")
    assert result.metode == row["metode"]
