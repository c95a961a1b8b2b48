"""Every decision/warning code the monev import writes has its page in docs/impor and a row in docs/impor/monev.md,
and every page there is a code still in use."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [ROOT / "renaksi" / "impor" / "realisasi.py", ROOT / "renaksi" / "impor" / "layouts" / "monev.py"]


def test_every_monev_code_has_a_page_and_every_page_a_code():
    used = {code for path in SOURCES for code in re.findall(r'"(monev\.[a-z_]+)"', path.read_text())
            if code != "monev.xlsx"}  # the docstring's example file name
    assert "monev.jumlah_tidak_cocok" in used  # the pattern still finds the codes
    pages = {p.stem for p in (ROOT / "docs" / "impor").glob("monev.*.md")}
    assert used == pages
    index = (ROOT / "docs" / "impor" / "monev.md").read_text()
    assert all(f"`{code}`" in index for code in used)
    for code in used:
        assert (ROOT / "docs" / "impor" / f"{code}.md").read_text().startswith(f"# `{code}`")
