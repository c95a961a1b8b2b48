"""renaksi.core.baris: the URLs and cut texts of rows rendered hundreds of times are those Django gives."""

import pytest
from django.template.defaultfilters import truncatechars
from django.urls import reverse

from renaksi.core.baris import potong, slot_catatan, url_baris


@pytest.mark.parametrize("name, args", [
    ("aksi_edit", (7,)), ("row_move", ("aksi", 12, "naik")), ("row_delete", ("subkegiatan", 1_234_567)),
    ("monev_progres_save", (591, 2)), ("catatan_baris", ("aksi", 3)), ("laporan_unduh", (5, "monev", "xlsx")),
])
def test_a_row_url_is_the_reversed_url(name, args):
    assert url_baris(name, *args) == reverse(name, args=args)
    assert url_baris(name, *args) == reverse(name, args=args)  # again, from the cached pattern


@pytest.mark.parametrize("teks", [
    "", "a" * 79, "a" * 80, "a" * 81, "Rapat koordinasi persiapan penyusunan Dokumen Perencanaan Perangkat Daerah "
    "tahun anggaran 2025 dan seterusnya", "é" * 100, "e\u0301" * 90, "“kutip” " * 20, "Ａ" * 85,
])
@pytest.mark.parametrize("panjang", [1, 2, 60, 80])
def test_a_cut_text_is_what_truncatechars_gives(teks, panjang):
    assert potong(teks, panjang) == truncatechars(teks, panjang)


def test_a_notes_slot_offers_a_new_note_only_to_who_writes_them():
    assert slot_catatan("aksi", 12) == '<span id="catatan-aksi-12" class="catatan-slot"></span>'
    slot = slot_catatan("subkegiatan", 3, tw=2, tulis=True)
    assert slot.startswith('<span id="catatan-subkegiatan-3" class="catatan-slot"></span><button')
    assert f'hx-get="{reverse("catatan_baris", args=["subkegiatan", 3])}?tw=2"' in slot
    assert "?tw" not in slot_catatan("subkegiatan", 3, tulis=True)


@pytest.mark.parametrize("args", [
    "'dasbor_pd' n", "'monev_form' 41 n", "'monev_indikator' n", "'laporan_unduh' n 'ra' 'xlsx'",
])
def test_the_url_baris_tag_gives_what_the_url_tag_gives(args):
    """`{% url_baris %}` (the dashboards' rows) renders the same href as `{% url %}` on every row, the ids
    changing from row to row."""
    from django.template import engines

    template = engines["django"].from_string(
        "{% load tautan %}{% for n in rows %}{% url " + args + " %}|{% url_baris " + args + " %};{% endfor %}")
    pairs = [p.split("|") for p in template.render({"rows": [1, 4, 41]}).rstrip(";").split(";")]
    assert len({url for url, _fast in pairs}) == 3
    assert all(url == fast and url.startswith("/") for url, fast in pairs)
