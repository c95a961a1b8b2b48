"""Every document layout lists its tables (the preview's list and `renaksi import --json`'s "tabel"): the report
layout with a kind to pick per table, the stacked matrix and the template read-only with the reason. The user's
choice is keyed by the table's place ("#2"), so two tables that share a caption can be read as different kinds."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from renaksi.impor import api
from renaksi.impor.pratinjau import SESSION_KEY
from renaksi.laporan.templat import render_docx, render_xlsx
from renaksi.perencanaan.templat import build_template_data
from tests.conftest import SEED_BANGKA

from .conftest import run_cli
from .korpus.dokumen import laporan
from .korpus.tulis import WRITERS


def same_caption() -> bytes:
    """The corpus report with its second table captioned like the first ("Tabel 1")."""
    blocks = [b.replace("Tabel 2 ", "Tabel 1 ") if isinstance(b, str) else b for b in laporan()]
    return WRITERS["docx"](blocks)


def _rows(tabel: list[dict]) -> list[tuple]:
    return [(t["kunci"], t["judul"], t["jenis"], t["dipilih_pengguna"]) for t in tabel]


def test_two_tables_with_the_same_caption_get_different_kinds():
    parsed = api.parse_document(same_caption(), "ra.docx")
    assert _rows(parsed.preview_json()["tabel"])[:2] == [
        ("#1", "Tabel 1", "triwulan", False),
        ("#2", "Tabel 1", "anggaran", False),
    ]
    chosen = api.parse_document(same_caption(), "ra.docx", {"#1": "pk"})
    assert _rows(chosen.preview_json()["tabel"])[:2] == [
        ("#1", "Tabel 1", "pk", True),
        ("#2", "Tabel 1", "anggaran", False),
    ]
    (pk,) = chosen.dokumen.perjanjian_kinerja
    assert chosen.dokumen.program and len(pk.items) == 3
    # By title (the command line's older spelling) every table so titled changes, as before.
    by_title = api.parse_document(same_caption(), "ra.docx", {"Tabel 1": "pk"})
    assert [t["jenis"] for t in by_title.preview_json()["tabel"]][:2] == ["pk", "pk"]


@pytest.mark.django_db
def test_cli_names_a_table_by_its_place(tmp_path):
    path = tmp_path / "ra.docx"
    path.write_bytes(same_caption())
    out = run_cli(str(path), "--dry-run", "--json", "--jenis", "#1=pk")
    assert [(t["kunci"], t["jenis"], t["dapat_dipilih"]) for t in out["tabel"]][:2] == [
        ("#1", "pk", True),
        ("#2", "anggaran", True),
    ]
    assert out["counts"]["program"] > 0


def test_the_matrix_is_listed_read_only_with_the_rows_it_read():
    parsed = api.parse_document(SEED_BANGKA.read_bytes(), SEED_BANGKA.name)
    (tabel,) = parsed.preview_json()["tabel"]
    assert (tabel["kunci"], tabel["jenis"], tabel["label"], tabel["skor"], tabel["dapat_dipilih"]) == (
        "#1",
        "matriks",
        "Matriks rencana aksi",
        95,
        False,
    )
    assert "satu kesatuan" in tabel["tetap"]
    assert tabel["baris"] > 20 and 0 < tabel["baris_ditempatkan"] <= tabel["baris"]


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_the_template_lists_each_table_read_only(world, fmt):
    data = build_template_data(world.plan)
    content = render_xlsx(data) if fmt == "xlsx" else render_docx(data)
    tabel = api.parse_document(content, f"ekspor.{fmt}").preview_json()["tabel"]
    assert [t["jenis"] for t in tabel] == [
        "templat.identitas",
        "templat.sasaran",
        "templat.anggaran",
        "templat.aksi",
        "templat.pejabat",
        "templat.pk",
    ]
    assert [t["kunci"] for t in tabel] == [f"#{n}" for n in range(1, 7)]
    assert not any(t["dapat_dipilih"] for t in tabel) and all(
        "baris judul kolomnya" in t["tetap"] for t in tabel
    )
    by_kind = {t["jenis"]: t for t in tabel}
    assert by_kind["templat.sasaran"]["baris_ditempatkan"] == by_kind["templat.sasaran"]["baris"] > 0
    assert by_kind["templat.aksi"]["baris_ditempatkan"] == by_kind["templat.aksi"]["baris"] > 0


def _stage(client, world, nama: str, data: bytes) -> str:
    client.force_login(world.alice)
    client.post(
        reverse("import_upload"),
        {"berkas": SimpleUploadedFile(nama, data), "perangkat_daerah": world.pd.pk, "tahun": "2025"},
    )
    (token,) = client.session[SESSION_KEY].keys()
    return token


def test_the_preview_of_a_template_shows_the_list_without_a_select(client, world):
    token = _stage(client, world, "ekspor.xlsx", render_xlsx(build_template_data(world.plan)))
    html = client.get(reverse("import_preview", args=[token])).content.decode()
    assert 'id="impor-tabel"' in html and 'data-tabel="#3"' in html and 'data-jenis="templat.sasaran"' in html
    assert "Templat Renaksi: Sasaran" in html and "jenisnya tidak perlu dipilih" in html
    assert 'name="jenis"' not in html and "pilih jenis lain" not in html


def test_the_preview_picks_one_of_two_tables_with_the_same_caption(client, world):
    token = _stage(client, world, "ra.docx", same_caption())
    client.post(reverse("import_jenis", args=[token]), {"tabel": "#2", "jenis": "renja"})
    assert client.session[SESSION_KEY][token]["jenis"] == {"#2": "renja"}
    html = client.get(reverse("import_preview", args=[token])).content.decode()
    assert html.count('<option value="renja" selected>') == 1


def test_a_choice_kept_by_title_in_an_older_session_is_dropped(client, world):
    token = _stage(client, world, "ra.docx", same_caption())
    session = client.session
    session[SESSION_KEY][token]["jenis"] = {"Tabel 1": "pk"}  # what an older Renaksi kept
    session.save()
    html = client.get(reverse("import_preview", args=[token])).content.decode()
    assert "dipilih pengguna" not in html and " selected>" in html
    client.post(reverse("import_jenis", args=[token]), {"tabel": "#1", "jenis": "pk"})
    assert client.session[SESSION_KEY][token]["jenis"] == {"#1": "pk"}


def test_a_table_named_by_title_in_the_form_is_refused(client, world):
    token = _stage(client, world, "ra.docx", same_caption())
    response = client.post(reverse("import_jenis", args=[token]), {"tabel": "Tabel 1", "jenis": "pk"})
    assert response.status_code == 400
