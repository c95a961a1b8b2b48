"""The one name of every downloaded file: `<kode>-<pd>-<pemda>-<tahun>[-v<versi>][-tw<n>].<ext>`.

The PD's singkatan (else its name) and the Pemda are slugs (PDs of two Pemda often share a name), the year and
version have no separators: `ra-kesbangpol-samarinda-2024.pdf`, `monev-kesbangpol-samarinda-2024-v2-tw3.xlsx`,
`templat-kesbangpol-samarinda-2024.xlsx`. A file of no plan (the blank template) has no year: for a PD
`templat-kesbangpol-samarinda.xlsx`, for nobody `templat-renaksi.xlsx`. Kept apart from `ekspor` so that a report
that names its own file (`templat.formulir`) uses it without importing the registry.
"""

from __future__ import annotations

from django.utils.text import slugify

from renaksi.organisasi.models import PerangkatDaerah
from renaksi.perencanaan.models import RencanaAksi


def nama_berkas(*, kode: str, ekstensi: str, rencana_aksi: RencanaAksi | None,
                perangkat_daerah: PerangkatDaerah | None = None, triwulan: int | None = None) -> str:
    pd = rencana_aksi.perangkat_daerah if rencana_aksi is not None else perangkat_daerah
    if pd is None:
        return f"{kode}-renaksi.{ekstensi}"
    parts = [kode, slugify(pd.singkatan) or slugify(pd.nama) or f"pd{pd.pk}", slugify(pd.pemda.nama)]
    if rencana_aksi is not None:
        parts.append(str(rencana_aksi.tahun))
        if rencana_aksi.versi > 1:
            parts.append(f"v{rencana_aksi.versi}")
    if triwulan is not None:
        parts.append(f"tw{triwulan}")
    return "-".join(p for p in parts if p) + "." + ekstensi
