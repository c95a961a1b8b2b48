"""Example monitoring data for the demo (`renaksi demo`): realisasi for TW I–III of one plan, generated the same way
on every run (no randomness, no dates), plausible, and marked as example data: every realisasi's catatan starts
with `CATATAN_CONTOH`, which the screens show as "Data contoh".

The story it tells: most indikator are on track (95–108 % of their quarterly targets), every fourth one is behind
in TW I–II (78 %, 86 %) and catches up in TW III, one indikator falls further each triwulan and stays *berisiko*; spending follows the year's pace
except for the program of the berisiko indikator, which spends ahead of it (spending without achieving). Indikator
behind get a faktor penghambat and a tindak lanjut, closed (selesai or still berjalan) in the next triwulan.
Everything is written through the monev services, as the system (`by=None`), with the windows of TW I–III opened
for the plan's Pemda; TW I and II are closed again afterwards, TW III stays open for trying the form.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction

from renaksi.perencanaan.models import Indikator, RencanaAksi
from renaksi.perencanaan.selectors import plan_data

from . import services
from .models import RealisasiIndikator, TindakLanjut
from .selectors import CATATAN_CONTOH

TRIWULAN_CONTOH = (1, 2, 3)
CATATAN = f"{CATATAN_CONTOH} (dibuat oleh renaksi demo)"
TEPAT = (Decimal("1.00"), Decimal("0.97"), Decimal("1.04"), Decimal("0.95"), Decimal("1.08"))
TERTINGGAL = (Decimal("0.78"), Decimal("0.86"), Decimal("1.12"))  # behind, catching up in TW III
BERISIKO = (Decimal("0.70"), Decimal("0.50"), Decimal("0.40"))
SERAPAN_WAJAR = (Decimal("0.17"), Decimal("0.24"), Decimal("0.26"))
SERAPAN_BOROS = (Decimal("0.32"), Decimal("0.30"), Decimal("0.28"))


def _faktor(index: int, berisiko: bool) -> tuple[Decimal, ...]:
    if berisiko:
        return BERISIKO
    if index % 4 == 3:
        return TERTINGGAL
    return tuple(TEPAT[(index + tw) % len(TEPAT)] for tw in TRIWULAN_CONTOH)


def _realisasi(target: Decimal, faktor: Decimal, polaritas: str) -> Decimal:
    # Lower is better for a negative indikator: being behind means more than the target.
    factor = (2 - faktor) if polaritas == Indikator.Polaritas.NEGATIF else faktor
    return (target * factor).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def sudah_ada(*, rencana_aksi: RencanaAksi) -> bool:
    return RealisasiIndikator.objects.filter(indikator__rencana_aksi=rencana_aksi).exists()


@transaction.atomic
def isi_contoh(*, rencana_aksi: RencanaAksi) -> int:
    """Write the example monitoring data into the plan; returns the number of realisasi written (0 when the plan
    has realisasi already: the demo never overwrites what is there)."""
    if sudah_ada(rencana_aksi=rencana_aksi):
        return 0
    plan = plan_data(rencana_aksi=rencana_aksi)
    pemda = rencana_aksi.perangkat_daerah.pemda
    for tw in TRIWULAN_CONTOH:
        services.jendela_buka(pemda=pemda, tahun=rencana_aksi.tahun, triwulan=tw)

    numeric = [i for i in plan.indikator_by_sasaran_order()
               if plan.target(i.pk) is not None and plan.target(i.pk).nilai is not None
               and not plan.target(i.pk).kategori and all(t is not None and t.nilai is not None and t.nilai > 0
                                                         for t in plan.triwulan_targets(i.pk)[:3])]
    berisiko_id = numeric[len(numeric) // 2].pk if numeric else None
    written = 0
    for index, ind in enumerate(plan.indikator_by_sasaran_order()):
        targets = plan.triwulan_targets(ind.pk)
        yearly = plan.target(ind.pk)
        faktor = _faktor(index, ind.pk == berisiko_id)
        for tw in TRIWULAN_CONTOH:
            t = targets[tw - 1] or yearly
            if t is None:
                continue
            if t.kategori:
                services.realisasi_indikator_set(indikator=ind, triwulan=tw, nilai=t.nilai, kategori=t.kategori,
                                                 catatan=CATATAN)
            elif t.nilai is not None:
                services.realisasi_indikator_set(indikator=ind, triwulan=tw, catatan=CATATAN,
                                                 nilai=_realisasi(t.nilai, faktor[tw - 1], ind.polaritas))
            else:
                continue
            written += 1
            _evaluasi(ind, tw, behind=faktor[tw - 1] < Decimal("0.9"))

    boros = {owner for owner, ids in plan.links.get("program", {}).items() if berisiko_id in ids}
    for sub in plan.sub_kegiatan_by_kegiatan_order():
        if not sub.pagu:
            continue
        kegiatan = plan.kegiatan_by_id.get(sub.kegiatan_id)
        shares = SERAPAN_BOROS if kegiatan is not None and kegiatan.program_id in boros else SERAPAN_WAJAR
        for tw in TRIWULAN_CONTOH:
            services.realisasi_anggaran_set(sub_kegiatan=sub, triwulan=tw,
                                            jumlah=int(Decimal(sub.pagu) * shares[tw - 1] // 1000 * 1000))

    for aksi in plan.aksi:
        # An aksi without a schedule reports at the end of each triwulan.
        for bulan in sorted(plan.bulan_of(aksi.pk) or {3, 6, 9}):
            if bulan > 9:
                continue
            status = "berjalan" if bulan == 9 else ("belum" if (aksi.pk + bulan) % 11 == 0 else "selesai")
            services.progres_aksi_set(aksi=aksi, bulan=bulan, status=status)

    for tw in (1, 2):
        services.jendela_tutup(pemda=pemda, tahun=rencana_aksi.tahun, triwulan=tw)
    return written


def _evaluasi(ind: Indikator, tw: int, *, behind: bool) -> None:
    if behind:
        services.evaluasi_set(
            indikator=ind, triwulan=tw,
            faktor_pendorong="Dukungan narasumber dan mitra kerja.",
            faktor_penghambat="Jadwal kegiatan bergeser karena agenda pimpinan daerah.",
            tindak_lanjut="Menjadwalkan ulang kegiatan pada awal triwulan berikutnya.",
            tindak_lanjut_renja="Menyusun jadwal kegiatan lebih awal pada Renja tahun berikutnya.")
    else:
        services.evaluasi_set(indikator=ind, triwulan=tw, faktor_pendorong="Kegiatan terlaksana sesuai jadwal.")
    if tw > 1:
        for tl in TindakLanjut.objects.filter(indikator=ind, triwulan__lt=tw, status__in=TindakLanjut.OPEN):
            status = TindakLanjut.Status.BERJALAN if behind else TindakLanjut.Status.SELESAI
            services.tindak_lanjut_status_set(tindak_lanjut=tl, triwulan=tw, status=status,
                                              catatan="Sebagian kegiatan sudah dijadwalkan ulang." if behind
                                              else "Kegiatan sudah dilaksanakan.")
