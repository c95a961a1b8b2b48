"""`renaksi realisasi impor PATH --rencana-aksi ID [--dry-run] [--json]`: realisasi from CSV into a plan.

The CSV format is described in `renaksi/monev/impor_csv.py`. Every row goes through the monev services in one
transaction: an unknown id (or one of another plan), a triwulan outside 1–4, a value that is not a number, a
triwulan whose reporting window is not open — exit status 2 with the row named on stderr, and nothing is written.
With --dry-run everything is checked (windows included) and nothing is kept. Runs as the system (no user rights).
"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from renaksi.monev import services
from renaksi.monev.impor_csv import BarisAnggaran, BarisIndikator, BarisTidakValid, baca_csv
from renaksi.perencanaan.models import Indikator, RencanaAksi, SubKegiatan


class Command(BaseCommand):
    help = "Realisasi monev: impor dari CSV."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="aksi", required=True, metavar="impor")
        impor = sub.add_parser("impor", help="impor realisasi dari berkas CSV",
                               description="Kolom: indikator_id,triwulan,realisasi dan/atau "
                                           "sub_kegiatan_id,triwulan,realisasi_anggaran.")
        impor.add_argument("path", help="berkas CSV")
        impor.add_argument("--rencana-aksi", type=int, dest="rencana_aksi", required=True, help="id rencana aksi")
        impor.add_argument("--dry-run", action="store_true", help="periksa saja, tidak menyimpan apa pun")
        impor.add_argument("--json", action="store_true", help="cetak hasil sebagai JSON")

    def handle(self, *args, **options):
        path = Path(options["path"])
        plan = RencanaAksi.objects.select_related("perangkat_daerah").filter(pk=options["rencana_aksi"]).first()
        if plan is None:
            raise CommandError(f"Rencana aksi {options['rencana_aksi']} tidak ditemukan.", returncode=2)
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except OSError as exc:
            raise CommandError(f"{path.name}: tidak dapat dibuka ({exc.strerror or exc}).", returncode=2) from exc
        except UnicodeDecodeError:
            raise CommandError(f"{path.name}: bukan teks UTF-8; simpan CSV sebagai UTF-8.", returncode=2) from None
        try:
            rows, skipped = baca_csv(text)
            with transaction.atomic():
                counts = self._write(plan, rows)
                if options["dry_run"]:
                    transaction.set_rollback(True)
        except BarisTidakValid as exc:
            raise CommandError(f"{path.name} {exc}", returncode=2) from None
        result = {"rencana_aksi": plan.pk, "dry_run": options["dry_run"], **counts, "dilewati": skipped}
        if options["json"]:
            self.stdout.write(json.dumps(result, ensure_ascii=False))
        else:
            what = "diperiksa (uji coba, tidak disimpan)" if options["dry_run"] else "disimpan"
            self.stdout.write(f"{counts['realisasi']} realisasi indikator dan {counts['realisasi_anggaran']} "
                              f"realisasi anggaran {what}; {skipped} nilai kosong dilewati.")

    @staticmethod
    def _write(plan: RencanaAksi, rows: list[BarisIndikator | BarisAnggaran]) -> dict[str, int]:
        indikator = {i.pk: i for i in Indikator.objects.filter(rencana_aksi=plan)}
        sub_kegiatan = {s.pk: s for s in SubKegiatan.objects.filter(rencana_aksi=plan)}
        for obj in (*indikator.values(), *sub_kegiatan.values()):
            obj.rencana_aksi = plan
        counts = {"realisasi": 0, "realisasi_anggaran": 0}
        for row in rows:
            try:
                if isinstance(row, BarisIndikator):
                    if row.indikator_id not in indikator:
                        raise BarisTidakValid(row.baris, f"indikator_id {row.indikator_id} tidak ada dalam rencana "
                                                         f"aksi {plan.pk}.")
                    services.realisasi_indikator_set(indikator=indikator[row.indikator_id], triwulan=row.triwulan,
                                                     nilai=row.nilai, kategori=row.kategori)
                    counts["realisasi"] += 1
                else:
                    if row.sub_kegiatan_id not in sub_kegiatan:
                        raise BarisTidakValid(row.baris, f"sub_kegiatan_id {row.sub_kegiatan_id} tidak ada dalam "
                                                         f"rencana aksi {plan.pk}.")
                    services.realisasi_anggaran_set(sub_kegiatan=sub_kegiatan[row.sub_kegiatan_id],
                                                    triwulan=row.triwulan, jumlah=row.jumlah)
                    counts["realisasi_anggaran"] += 1
            except ValidationError as exc:
                raise BarisTidakValid(row.baris, " ".join(exc.messages)) from None
        return counts
