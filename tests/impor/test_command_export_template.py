"""`renaksi export_template`: the template from the command line, and its column documentation."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from renaksi.impor import api


@pytest.mark.parametrize("suffix", ["xlsx", "docx"])
def test_export_a_plan_to_a_file_that_reads_as_the_template(world, tmp_path, suffix):
    path = tmp_path / f"ra.{suffix}"
    call_command("export_template", str(path), "--rencana-aksi", str(world.plan.pk), stdout=io.StringIO())
    parsed = api.parse_document(path.read_bytes(), path.name)
    assert parsed.layout == "template" and parsed.dokumen.counts()["aksi"] == 4


def test_blank_template_and_errors(db, tmp_path):
    call_command("export_template", str(tmp_path / "kosong.xlsx"), stdout=io.StringIO())
    assert (tmp_path / "kosong.xlsx").read_bytes().startswith(b"PK")
    with pytest.raises(CommandError, match="format 'pdf' tidak dikenal"):
        call_command("export_template", str(tmp_path / "x.pdf"))
    with pytest.raises(CommandError, match="rencana aksi 999999 tidak ada"):
        call_command("export_template", str(tmp_path / "x.xlsx"), "--rencana-aksi", "999999")


def test_petunjuk_documents_every_column(db):
    out = io.StringIO()
    call_command("export_template", "--petunjuk", stdout=out)
    text = out.getvalue()
    assert "## Aksi" in text and "| Ref sub kegiatan |" in text and "| Pagu (Rp) |" in text
