"""A stand-in for the document builders and formatters (written in parallel, issue 17), to test the plumbing:
`laporan_palsu` replaces every report's builder and every formatter in the registry with small fakes.

The fake formatter writes the Dokumen back as JSON, so a test reads what was formatted (the appendix included);
`PANGGILAN` records each call (which report, which triwulan; which format) to check that a document is built once.
"""

from __future__ import annotations

import dataclasses
import json

import pytest

from renaksi.laporan import blok, registry

PANGGILAN: list[tuple[str, ...]] = []


def _dokumen(kode: str):
    def dokumen(*, rencana_aksi, triwulan=None) -> blok.Dokumen:
        PANGGILAN.append(("dokumen", kode, str(triwulan)))
        return blok.Dokumen(judul=f"{kode} {rencana_aksi.pk}", nama_berkas="palsu", bagian=[
            blok.Bagian(blok=[blok.Judul(f"Dokumen palsu {kode}"), blok.Paragraf(f"triwulan {triwulan}")])])

    return dokumen


def _render(kode: str):
    def render(dokumen: blok.Dokumen) -> bytes:
        PANGGILAN.append(("render", kode))
        return json.dumps({"format": kode, "dokumen": dataclasses.asdict(dokumen)}, default=str).encode()

    return render


def _berkas(*, rencana_aksi, format: str) -> blok.Berkas:
    PANGGILAN.append(("berkas", "opendata", format))
    return blok.Berkas(nama="apa-saja.bin", content_type="text/plain",
                       isi=json.dumps({"format": format, "rencana_aksi": rencana_aksi.pk}).encode())


@pytest.fixture(name="laporan_palsu")
def fixture_laporan_palsu(monkeypatch):
    PANGGILAN.clear()
    for kode, entry in list(registry.LAPORAN.items()):
        if entry.jenis == "formulir":
            continue  # the template's own writer is small and quick: the real one
        fake = {"berkas": _berkas} if entry.jenis == "berkas" else {"dokumen": _dokumen(kode)}
        monkeypatch.setitem(registry.LAPORAN, kode, dataclasses.replace(entry, **fake))
    for kode, fmt in list(registry.FORMAT.items()):
        if fmt.render is not None:
            monkeypatch.setitem(registry.FORMAT, kode, dataclasses.replace(fmt, render=_render(kode)))
    yield PANGGILAN
    PANGGILAN.clear()


def dibaca(isi: bytes) -> dict:
    """What the fake formatter wrote: {"format": …, "dokumen": the Dokumen as a dict}."""
    return json.loads(isi)


def semua_kombinasi() -> list[tuple[str, str]]:
    """Every (laporan, format) the registry offers."""
    return [(kode, f) for kode, entry in registry.LAPORAN.items() for f in entry.format]


def parameter(kode: str) -> str:
    """The query string a report needs to be made (a triwulan for monev)."""
    return "?triwulan=2" if registry.LAPORAN[kode].triwulan == "wajib" else ""
