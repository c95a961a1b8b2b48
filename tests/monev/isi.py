"""Helpers that fill plans with monitoring data for view and query-count tests (through the services)."""

from decimal import Decimal

from renaksi.monev import services as monev
from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import Indikator, RencanaAksi, Sasaran, SubKegiatan


def add_indikator(plan: RencanaAksi, n: int) -> None:
    """n more indikator with yearly and quarterly targets under the plan's first sasaran."""
    sasaran = Sasaran.objects.filter(rencana_aksi=plan).first()
    for i in range(n):
        ind = svc.indikator_create(sasaran=sasaran, nama=f"Indikator tambahan {i + 1}", satuan="Persen")
        svc.target_set(indikator=ind, tahun=plan.tahun, triwulan=None, nilai=Decimal(100))
        for tw in range(1, 5):
            svc.target_set(indikator=ind, tahun=plan.tahun, triwulan=tw, nilai=Decimal(25))


def fill(plan: RencanaAksi, tw: int = 1) -> None:
    """Realisasi, evaluasi with a tindak lanjut, and realisasi anggaran for every row of the plan in triwulan tw."""
    for ind in Indikator.objects.filter(rencana_aksi=plan):
        monev.realisasi_indikator_set(indikator=ind, triwulan=tw, nilai=Decimal("5"))
        monev.evaluasi_set(indikator=ind, triwulan=tw, tindak_lanjut="Perbaikan")
    for sub in SubKegiatan.objects.filter(rencana_aksi=plan):
        monev.realisasi_anggaran_set(sub_kegiatan=sub, triwulan=tw, jumlah=1_000_000)
