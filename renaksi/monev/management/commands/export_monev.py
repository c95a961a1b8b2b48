"""`renaksi export_monev`: a plan's monev form as XLSX, to fill in and import back with `renaksi import`.

    renaksi export_monev --rencana-aksi 12 -o monev-2024.xlsx
    renaksi export_monev --rencana-aksi 12 --triwulan 2 -o monev-tw2.xlsx   # faktor/tindak lanjut columns of TW II

Realisasi already reported are written in; the empty cells are the ones to fill (docs/impor/monev.md).
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from renaksi.monev import ekspor
from renaksi.perencanaan.models import RencanaAksi


class Command(BaseCommand):
    help = "Tulis formulir monev (realisasi TW I–IV) satu rencana aksi sebagai XLSX."

    def add_arguments(self, parser):
        parser.add_argument("--rencana-aksi", dest="rencana_aksi", type=int, required=True,
                            help="id rencana aksi")
        parser.add_argument("-o", "--output", required=True, help="berkas keluaran (.xlsx)")
        parser.add_argument("--triwulan", type=int, default=1, choices=[1, 2, 3, 4],
                            help="triwulan kolom faktor dan tindak lanjut (bawaan: 1)")

    def handle(self, *args, **options):
        plan = RencanaAksi.objects.select_related("perangkat_daerah__pemda").filter(
            pk=options["rencana_aksi"]).first()
        if plan is None:
            raise CommandError(f"rencana aksi {options['rencana_aksi']} tidak ada", returncode=2)
        form = ekspor.build_monev_form(rencana_aksi=plan, triwulan=options["triwulan"])
        content = ekspor.render_monev_xlsx(form)
        path = Path(options["output"])
        path.write_bytes(content)
        self.stdout.write(f"{path} ditulis ({len(form.indikator)} indikator, {len(form.sub_kegiatan)} sub "
                          f"kegiatan).")
