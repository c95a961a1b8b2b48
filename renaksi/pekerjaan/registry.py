"""The runner of each job kind, registered by the app that owns the work (in its `AppConfig.ready`).

    def runner(*, pekerjaan: Pekerjaan, kemajuan: Kemajuan) -> Hasil | None: ...
    registry.daftarkan("laporan.ekspor", runner)

`kemajuan(persen, pesan)` records progress; a runner raises `PekerjaanGagal("…")` with an Indonesian message for a
failure people can act on (`bisa_diulang=False` when running it again cannot help: the file itself was refused, and
the job page offers no "Coba lagi"); any other exception is recorded with a general message (and logged).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol


class PekerjaanGagal(Exception):
    """A failure with a message for people (Indonesian): `str()` is shown on the job page. `bisa_diulang=False`:
    the same job would fail the same way (the message says what to do instead)."""

    def __init__(self, pesan: str, *, bisa_diulang: bool = True):
        super().__init__(pesan)
        self.bisa_diulang = bisa_diulang


@dataclass(frozen=True)
class Hasil:
    nama: str  # the download's file name
    content_type: str
    isi: bytes


class Kemajuan(Protocol):
    def __call__(self, persen: int, pesan: str = "") -> None: ...


Runner = Callable[..., "Hasil | None"]
RUNNER: dict[str, Runner] = {}


def daftarkan(jenis: str, runner: Runner) -> None:
    RUNNER[jenis] = runner
