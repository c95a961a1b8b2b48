"""The monev codes (registered in renaksi/impor/kode.py, see tests/impor/test_kode_docs.py) are the ones the monev
overview page docs/impor/monev.md lists."""

from pathlib import Path

from renaksi.impor.kode import KODE

ROOT = Path(__file__).resolve().parents[2]


def test_the_monev_overview_lists_every_monev_code():
    codes = [k for k in KODE if k.startswith("monev.")]
    assert "monev.jumlah_tidak_cocok" in codes
    index = (ROOT / "docs" / "impor" / "monev.md").read_text()
    assert [k for k in codes if f"| `{k}` | {KODE[k].jenis} | [{k}.md]({k}.md) |" not in index] == []
