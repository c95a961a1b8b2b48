"""`renaksi monev --rencana-aksi ID --triwulan N [--json]`: a plan's monitoring for a triwulan.

With --json, for machines and tests:
`{"rencana_aksi": {"id": …}, "triwulan": N, "indikator": [{"id", "nama", "satuan", "polaritas", "akumulasi",
"target_tahun", "target": [TW1..TW4], "realisasi": [TW1..TW4], "capaian", "rumus", "predikat", "berisiko"}],
"sub_kegiatan": [{"id", "nama", "pagu", "realisasi_anggaran": [TW1..TW4], "serapan"}]}` — decimals as strings,
missing values as null, capaian up to triwulan N, predikat as its code (`sangat_tinggi` … `sangat_rendah`).
Exit status 2 for an unknown plan or a triwulan outside 1–4.
"""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from renaksi.core.angka import format_rupiah
from renaksi.monev.selectors import monev_data
from renaksi.perencanaan.models import RencanaAksi


class Command(BaseCommand):
    help = "Tampilkan monev sebuah rencana aksi untuk satu triwulan (capaian, predikat, serapan)."

    def add_arguments(self, parser):
        parser.add_argument("--rencana-aksi", type=int, dest="rencana_aksi", required=True, help="id rencana aksi")
        parser.add_argument("--triwulan", type=int, required=True, help="triwulan 1–4")
        parser.add_argument("--json", action="store_true", help="cetak hasil sebagai JSON")

    def handle(self, *args, **options):
        triwulan = options["triwulan"]
        if not 1 <= triwulan <= 4:
            raise CommandError(f"Triwulan harus 1–4, bukan {triwulan}.", returncode=2)
        plan = RencanaAksi.objects.select_related("perangkat_daerah").filter(pk=options["rencana_aksi"]).first()
        if plan is None:
            raise CommandError(f"Rencana aksi {options['rencana_aksi']} tidak ditemukan.", returncode=2)
        data = monev_data(rencana_aksi=plan, triwulan=triwulan)
        if options["json"]:
            self.stdout.write(json.dumps(data.as_json(), ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"{plan} — monev TW {triwulan}")
        for item in data.indikator:
            mark = "  [berisiko]" if item.berisiko else ""
            predikat = f" ({item.predikat.label})" if item.predikat else ""
            self.stdout.write(f"{item.indikator.nama}: capaian {item.capaian.label}{predikat}{mark}")
            self.stdout.write(f"    {item.capaian.rumus}")
        for sub in data.sub_kegiatan:
            spent = sum(v for v in sub.realisasi_anggaran[:triwulan] if v is not None)
            serapan = "—" if sub.serapan is None else f"{sub.serapan}%"
            self.stdout.write(f"{sub.sub_kegiatan.nama}: Rp{format_rupiah(spent)} dari "
                              f"Rp{format_rupiah(sub.pagu)}, serapan {serapan}")
