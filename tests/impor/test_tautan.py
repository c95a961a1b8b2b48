"""Linking children to parents when a document does not say which belongs where."""

from renaksi.impor.layouts.tautan import Item, hubungkan


def test_consecutive_groups_chosen_by_the_stated_sums():
    parents = [Item("Administrasi Keuangan", 30), Item("Administrasi Umum", 12), Item("Pemeliharaan", 7)]
    children = [Item("Gaji", 20), Item("Penatausahaan", 10), Item("Rapat", 5), Item("Arsip", 7), Item("Mobil", 7)]
    reading = hubungkan(children, parents)
    assert reading.cara == "urutan"
    assert reading.induk == [0, 0, 1, 1, 2]
    assert (reading.cocok, reading.diperiksa) == (3, 3)


def test_names_win_when_the_order_differs():
    parents = [Item("Program Penguatan Ideologi Pancasila", 10), Item("Program Ketahanan Ekonomi Sosial Budaya", 20),
               Item("Program Partai Politik", 30)]
    children = [Item("Perumusan Kebijakan Bidang Ideologi Pancasila", 10),
                Item("Perumusan Kebijakan Bidang Partai Politik", 30),
                Item("Perumusan Kebijakan Bidang Ketahanan Ekonomi", 20)]
    reading = hubungkan(children, parents)
    assert reading.cara == "nama" and reading.induk == [0, 2, 1] and reading.cocok == 3


def test_a_sum_that_does_not_add_up_is_reported():
    parents = [Item("A", 1_030_000), Item("B", 50)]
    children = [Item("x", 1_030_000_000), Item("y", 20), Item("z", 30)]
    reading = hubungkan(children, parents)
    assert reading.induk == [0, 1, 1]
    assert reading.selisih == [(0, 1_030_000, 1_030_000_000)]


def test_nothing_to_link():
    assert hubungkan([], [Item("A", 1)]) is None
    assert hubungkan([Item("a", 1)], []) is None
