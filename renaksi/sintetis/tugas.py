"""`renaksi synth` as a background job (renaksi.pekerjaan): `synth_mulai(pengguna=..., pd=40, seed=1)` queues it,
a worker makes the Pemda (progress per PD). The CLI still runs it directly unless given `--job`."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from renaksi.accounts.models import User
from renaksi.pekerjaan import registry, services
from renaksi.pekerjaan.models import Pekerjaan

from . import data
from .generator import BESAR_SETIAP, TAHUN, buat_pemda

JENIS = "sintetis.synth"


def synth_mulai(*, pengguna: User | None, pd: int, seed: int = 1, realisasi: int = 0, pemda: str = "Sintetis",
                tahun: int = TAHUN, besar_setiap: int = BESAR_SETIAP) -> Pekerjaan:
    """Queues the making of the synthetic Pemda `Kota <pemda>`; bad numbers raise ValueError at once."""
    if not 1 <= pd <= len(data.PERANGKAT_DAERAH):
        raise ValueError(f"Jumlah perangkat daerah harus 1–{len(data.PERANGKAT_DAERAH)}, bukan {pd}.")
    if not 0 <= realisasi <= 4:
        raise ValueError(f"Realisasi sampai triwulan harus 0–4, bukan {realisasi}.")
    parameter: dict[str, Any] = {"pd": pd, "seed": seed, "realisasi": realisasi, "pemda": pemda, "tahun": tahun,
                                 "besar_setiap": besar_setiap}
    judul = _("Pemda sintetis Kota %(pemda)s: %(pd)s perangkat daerah (seed %(seed)s)") % {
        "pemda": pemda, "pd": pd, "seed": seed}
    return services.pekerjaan_mulai(jenis=JENIS, judul=judul, pemilik=pengguna, parameter=parameter)


def _runner(*, pekerjaan: Pekerjaan, kemajuan: registry.Kemajuan) -> None:
    p = pekerjaan.parameter
    selesai = [0]

    def log(pesan: str) -> None:
        selesai[0] += 1
        kemajuan(min(99, selesai[0] * 100 // p["pd"]), pesan)

    try:
        hasil = buat_pemda(pd=p["pd"], seed=p["seed"], realisasi=p["realisasi"], pemda=p["pemda"],
                           tahun=p["tahun"], besar_setiap=p["besar_setiap"], log=log)
    except ValueError as exc:
        raise registry.PekerjaanGagal(str(exc)) from exc
    kemajuan(100, _("%(pemda)s: %(n)s rencana aksi dibuat, %(lewat)s sudah ada.") % {
        "pemda": hasil.pemda, "n": len(hasil.rencana_aksi), "lewat": hasil.dilewati})


def daftarkan() -> None:
    registry.daftarkan(JENIS, _runner)
