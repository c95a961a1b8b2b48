"""Placing a budget table's amounts on its names when the pagu column is not level with them."""

from renaksi.impor.dokumen import KegiatanDoc, ProgramDoc, SubKegiatanDoc, Teks, Uang
from renaksi.impor.layouts.sejajar import Kelompok, place_amounts


def group(rows: list[tuple[int, str]], values: list[tuple[int, int]]) -> tuple[Kelompok, list]:
    kegiatan = KegiatanDoc(Teks("K"))
    names = []
    for row, label in rows:
        if label == "K":
            names.append((kegiatan, row))
        else:
            sub = SubKegiatanDoc(Teks(label))
            kegiatan.sub_kegiatan.append(sub)
            names.append((sub, row))
    g = Kelompok(ProgramDoc(Teks("P")), kegiatan, names=names,
                 values=[(Uang(v, f"{v}"), row) for row, v in values])
    return g, [kegiatan, *kegiatan.sub_kegiatan]


def test_level_amounts_are_placed_by_row_without_a_decision():
    g, (k, s1, s2) = group([(1, "K"), (2, "S1"), (3, "S2")], [(1, 30), (2, 10), (3, 20)])
    assert place_amounts([g], None) == []
    assert (k.pagu.nilai, s1.pagu.nilai, s2.pagu.nilai) == (30, 10, 20) and not g.explanation


def test_slipped_column_is_read_in_order_when_the_sums_say_so():
    # Row 1 holds the kegiatan and its first sub kegiatan (merged cell) with the kegiatan's amount;
    # the sub kegiatan's amounts follow one row down, the last on a row without a name.
    g, (k, s1, s2, s3) = group([(1, "K"), (1, "S1"), (2, "S2"), (3, "S3")], [(1, 60), (2, 10), (3, 20), (4, 30)])
    total = Uang(160, "160")
    other, _ = group([(9, "K")], [(9, 100)])
    assert place_amounts([other, g], total) == []
    assert [x.pagu.nilai for x in (k, s1, s2, s3)] == [60, 10, 20, 30]
    assert "berurutan" in g.explanation and "sama dengan pagu kegiatan" in g.explanation
    assert "total" in g.explanation


def test_without_supporting_sums_the_reading_placing_most_is_kept_and_the_rest_reported():
    g, (k, s1, s2) = group([(1, "K"), (1, "S1"), (2, "S2")], [(1, 5), (3, 7)])
    unplaced = place_amounts([g], None)
    assert [u.nilai for u in unplaced] == [7]
    assert k.pagu.nilai == 5 and s2.pagu is None and g.explanation
