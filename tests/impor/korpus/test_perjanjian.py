"""The Perjanjian Kinerja of the corpus (`perjanjian.py`): its statement page gives both parties — the first with
his NIP, pangkat and golongan — and the stored PK holds them with every line and target and every program's amount,
in DOCX and in a text copy, the parties written as paragraphs or as a small table."""

from __future__ import annotations

import pytest

from renaksi.perencanaan.models import PerjanjianKinerja, Program

from ..conftest import run_cli
from .perjanjian import HARAPAN, perjanjian
from .tulis import WRITERS

BERKAS = {"perjanjian-kinerja.docx": ("paragraf", "docx"), "perjanjian-kinerja.txt": ("paragraf", "txt"),
          "perjanjian-kinerja-tabel.docx": ("tabel", "docx"), "perjanjian-kinerja-tabel.txt": ("tabel", "txt")}


@pytest.mark.parametrize("nama", list(BERKAS))
def test_pk_imports_with_both_parties_every_number_exact(db, tmp_path, nama):
    bentuk, fmt = BERKAS[nama]
    path = tmp_path / nama
    path.write_bytes(WRITERS[fmt](perjanjian(bentuk)))
    out = run_cli(str(path), "--json", "--strict")
    assert out["cakupan"]["tidak_ditempatkan"] == []
    assert [d["pesan"] for d in out["decisions"] if d["kode"].startswith("pk.")] == [
        "Para pihak Perjanjian Kinerja dibaca dari halaman pernyataannya: pihak pertama Kepala Dinas Kesehatan "
        "(dr. ANI LESTARI, M.Kes, NIP 197001011995032003); pihak kedua Bupati Contoh (H. BUDI SANTOSO, S.H., M.M.)."]
    assert [(t["jenis"], t["baris_ditempatkan"]) for t in out["tabel"]] == [("pk", 3), ("anggaran", 2)]

    (pk,) = PerjanjianKinerja.objects.filter(rencana_aksi_id=out["rencana_aksi"]["id"])
    p = pk.pihak_pertama
    assert (p.nama, p.jabatan, p.nip, p.pangkat, p.golongan) == HARAPAN["pihak_pertama"]
    assert pk.pihak_kedua is HARAPAN["pihak_kedua"]
    assert pk.pihak_kedua_jabatan == HARAPAN["pihak_kedua_jabatan"]
    assert (pk.tempat, str(pk.tanggal)) == ("Contoh", "2025-01-06")
    assert [(i.indikator.nama, i.target_nilai) for i in pk.items.order_by("urutan")] == HARAPAN["items"]
    assert list(Program.objects.filter(rencana_aksi=pk.rencana_aksi).order_by("urutan")
                .values_list("nama", "pagu")) == HARAPAN["program"]
