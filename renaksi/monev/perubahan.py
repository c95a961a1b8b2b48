"""Realisasi follows a plan into its perubahan: the reports already entered are copied to the new version's rows.

Decision (docs/decisions/0006-perubahan-menyalin-realisasi.md): copy, not re-point. The approved version stays the
record it was when approved — its monev pages and documents print the same realisasi — and the new version starts
with everything reported so far on the rows that continue (matched through the copy: realisasi of an indikator,
sub kegiatan or aksi goes to that row's copy). Evidence files are shared by both copies, not duplicated; a file is
removed from storage only when no bukti dukung names it any more (`services.bukti_dukung_delete`).
"""

from __future__ import annotations

from typing import Any

from renaksi.perencanaan.services import salin_baris
from renaksi.perencanaan.signals import perubahan_dibuat

from .models import (
    BuktiDukung,
    EvaluasiIndikator,
    ProgresAksi,
    RealisasiAnggaran,
    RealisasiIndikator,
    TindakLanjut,
)


def salin_realisasi(*, lama, baru, peta: dict[str, dict[int, int]], by, **_kwargs: Any) -> None:
    copy = {"by": by, "reason": f"Disalin ke {baru.label_versi} (id {baru.pk})"}
    indikator = {"indikator__rencana_aksi_id": lama.pk}
    realisasi = salin_baris(
        RealisasiIndikator, list(RealisasiIndikator.objects.filter(**indikator).order_by("id")),
        indikator_id=peta["indikator"], **copy)
    salin_baris(BuktiDukung, list(BuktiDukung.objects.filter(realisasi__indikator__rencana_aksi_id=lama.pk)
                                  .order_by("id")), realisasi_id=realisasi, **copy)
    for model in (EvaluasiIndikator, TindakLanjut):
        salin_baris(model, list(model.objects.filter(**indikator).order_by("id")), indikator_id=peta["indikator"],
                    **copy)
    salin_baris(RealisasiAnggaran, list(RealisasiAnggaran.objects.filter(sub_kegiatan__rencana_aksi_id=lama.pk)
                                        .order_by("id")), sub_kegiatan_id=peta["subkegiatan"], **copy)
    salin_baris(ProgresAksi, list(ProgresAksi.objects.filter(aksi__rencana_aksi_id=lama.pk).order_by("id")),
                aksi_id=peta["aksi"], **copy)


def connect() -> None:
    perubahan_dibuat.connect(salin_realisasi, dispatch_uid="monev.salin_realisasi")
