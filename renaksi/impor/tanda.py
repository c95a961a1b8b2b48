"""The marks a layout leaves while it reads, for `renaksi.impor.cakupan` to count every number of the document.

`RencanaAksiDoc.cakupan` holds one `Cakupan`; `cakupan.hitung` reads it after the parse. It lives below both
(`dokumen` holds it, `cakupan` counts with it) so that neither imports the other's module to reach it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from renaksi.impor.grid import Place

Kunci = tuple[str, int | None, int | None]


def kunci(place: Place) -> Kunci:
    return (place.sheet, place.baris, place.kolom)


@dataclass
class Cakupan:
    """The marks the layouts leave while they read: cells placed under another place, cells deliberately left out."""

    pindahan: dict[Kunci, Kunci] = field(default_factory=dict)  # the cell as written → the place it was read as
    ditempatkan: set[Kunci] = field(default_factory=set)
    diabaikan: dict[Kunci, str] = field(default_factory=dict)  # key → reason (a key of cakupan.ALASAN)
    dilepas: set[Kunci] = field(default_factory=set)  # cells a layout left unread on purpose: listed, never placed

    def pindah(self, dari: Place, ke: Place) -> None:
        """The value written at `dari` was read as if it stood at `ke` (a slipped row or column)."""
        self.pindahan[kunci(dari)] = kunci(ke)

    def tempatkan(self, place: Place) -> None:
        self.ditempatkan.add(kunci(place))

    def abaikan(self, place: Place, alasan: str) -> None:
        self.diabaikan[kunci(place)] = alasan

    def lepas(self, place: Place) -> None:
        """The cell was not read (its numbers could not be matched to the plan): listed as not placed."""
        self.dilepas.add(kunci(place))
