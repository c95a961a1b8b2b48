"""Reading a PDF back with poppler (pdftotext, pdftoppm, pdfinfo), for tests of the documents Renaksi prints.

Under CI=true a missing poppler fails the test that needs it; elsewhere that test is skipped with the reason
(as tests/conftest.py does for Chromium). `apt-get install poppler-utils` (or `make sysdeps`) installs it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "pdf"


def butuh_poppler(*programs: str) -> None:
    """Fail (CI) or skip (elsewhere) the calling test when a poppler program is missing."""
    missing = [p for p in programs or ("pdftotext", "pdftoppm", "pdfinfo") if shutil.which(p) is None]
    if missing:
        message = f"poppler not found: {', '.join(missing)} (apt-get install poppler-utils)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


def _run(args: list[str], data: bytes) -> str:
    """Run a poppler program on `data`; "{pdf}" in `args` stands for the file."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "dokumen.pdf"
        path.write_bytes(data)
        result = subprocess.run([str(path) if a == "{pdf}" else a for a in args],
                                capture_output=True, check=True, timeout=120)
    return result.stdout.decode("utf-8", errors="replace")


def pdf_text(data: bytes) -> list[str]:
    """The text of each page (`pdftotext -layout`), one string per page."""
    butuh_poppler("pdftotext")
    pages = _run(["pdftotext", "-layout", "-enc", "UTF-8", "{pdf}", "-"], data).split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


@dataclass(frozen=True)
class PdfInfo:
    pages: int
    page_sizes: list[tuple[float, float]]  # (width, height) in points, one per page
    title: str
    author: str
    subject: str
    keywords: str

    def orientasi(self, page: int) -> str:
        """'potret' or 'lanskap' for a 1-based page number."""
        width, height = self.page_sizes[page - 1]
        return "lanskap" if width > height else "potret"

    def ukuran(self, page: int) -> str:
        """'A4', 'A3' or 'lain' for a 1-based page number (1 pt tolerance)."""
        short, long_ = sorted(self.page_sizes[page - 1])
        for name, (w, h) in {"A4": (595.28, 841.89), "A3": (841.89, 1190.55)}.items():
            if abs(short - w) < 1 and abs(long_ - h) < 1:
                return name
        return "lain"


def pdf_info(data: bytes) -> PdfInfo:
    """`pdfinfo`: the number of pages, the size of every page, and the metadata."""
    butuh_poppler("pdfinfo")
    first = _run(["pdfinfo", "-enc", "UTF-8", "{pdf}"], data)
    fields = dict(re.findall(r"^(\w[\w ]*?):\s*(.*)$", first, re.M))
    pages = int(fields["Pages"])
    detail = _run(["pdfinfo", "-f", "1", "-l", str(pages), "{pdf}"], data)
    sizes = [(float(w), float(h)) for w, h in re.findall(r"^Page\s+\d+ size:\s*([\d.]+) x ([\d.]+) pts", detail, re.M)]
    return PdfInfo(pages=pages, page_sizes=sizes, title=fields.get("Title", ""), author=fields.get("Author", ""),
                   subject=fields.get("Subject", ""), keywords=fields.get("Keywords", ""))


def pdf_png(data: bytes, page: int, dpi: int = 60, *, nama: str = "halaman", folder: Path | None = None) -> Path:
    """One page (1-based) as a PNG under test-artifacts/pdf/ (or `folder`), to be looked at."""
    butuh_poppler("pdftoppm")
    folder = folder or ARTIFACTS
    folder.mkdir(parents=True, exist_ok=True)
    prefix = folder / f"{nama}-{page}"
    _run(["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", "{pdf}",
          str(prefix)], data)
    return prefix.with_suffix(".png")
