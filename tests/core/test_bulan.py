"""One spelling of the months to write; every spelling documents use is read."""

import datetime as dt

import pytest

from renaksi.core.bulan import BULAN_SINGKAT, NAMA_BULAN, format_tanggal, nomor_bulan


def test_renaksi_writes_the_standard_indonesian_abbreviations_and_names():
    assert " ".join(BULAN_SINGKAT) == "Jan Feb Mar Apr Mei Jun Jul Agu Sep Okt Nov Des"
    assert NAMA_BULAN[7] == "Agustus" and len(NAMA_BULAN) == 12


@pytest.mark.parametrize(
    ("teks", "bulan"),
    [("Agu", 8), ("Agt", 8), ("agustus", 8), ("Agust.", 8), ("Aug", 8), ("Mrt", 3), ("Maret", 3), ("Nop", 11),
     ("Nopember", 11), ("Peb", 2), ("Sept", 9), ("Des", 12)],
)
def test_every_spelling_found_in_documents_is_read(teks, bulan):
    assert nomor_bulan(teks) == bulan


def test_a_word_that_is_no_month_is_not_read_as_one():
    assert nomor_bulan("Target") is None
    assert nomor_bulan("") is None


def test_written_abbreviations_and_names_read_back_to_their_month():
    for m in range(1, 13):
        assert nomor_bulan(BULAN_SINGKAT[m - 1]) == m == nomor_bulan(NAMA_BULAN[m - 1])


def test_a_date_is_written_with_the_full_month_name_whatever_the_server_locale():
    assert format_tanggal(dt.date(2024, 8, 2)) == "2 Agustus 2024"
    assert format_tanggal(None) == ""
