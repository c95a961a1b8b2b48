"""Formats any `blok.Dokumen` as DOCX; knows nothing about the document it formats."""

from __future__ import annotations

from renaksi.laporan.blok import Dokumen


def render(dokumen: Dokumen) -> bytes:
    raise NotImplementedError  # being written (issue 17)
