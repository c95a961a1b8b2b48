"""`renaksi export`: a plan's report as a file, the same file the download menu gives (`laporan.ekspor`).

    renaksi export --rencana-aksi 12 --laporan ra --format pdf -o ra.pdf
    renaksi export --rencana-aksi 12 --laporan monev --format xlsx --triwulan 2 --lampiran-temuan -o monev.xlsx
    renaksi export --rencana-aksi 12 --laporan opendata --format json -o -        # to standard output
    renaksi export --rencana-aksi 12 --laporan pk --format docx -o keluaran/      # a directory: the usual name
    renaksi export --laporan templat --format xlsx -o templat.xlsx               # the blank template: no plan

`-o -` writes the bytes to standard output (for a pipe; the message then goes to standard error); a directory
receives the file under its usual name (`ra-kesbangpol-samarinda-2024.pdf`). Exit status: 0; 2 when the plan does not exist,
the combination makes no file (an unknown report, a format the report is not offered in, a missing or impossible
triwulan, open data of a plan that is not approved, a report other than the template without a plan) or the file
cannot be written — with the reason on standard
error and nothing written. The command reads every plan (it runs on the server, as its administrator).
"""

from __future__ import annotations

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from renaksi.laporan import ekspor
from renaksi.laporan.registry import FORMAT, LAPORAN
from renaksi.perencanaan.models import RencanaAksi


class Command(BaseCommand):
    help = "Tulis satu laporan rencana aksi (dokumen resmi atau data terbuka) sebagai berkas."

    def add_arguments(self, parser):
        parser.add_argument("--rencana-aksi", dest="rencana_aksi", type=int,
                            help="id rencana aksi (tanpa ini: templat kosong)")
        parser.add_argument("--laporan", required=True, help="jenis laporan: " + ", ".join(LAPORAN))
        parser.add_argument("--format", required=True, help="format berkas: " + ", ".join(FORMAT))
        parser.add_argument("--triwulan", type=int, help="triwulan 1–4 (wajib untuk monev, pilihan untuk lkjip)")
        parser.add_argument("--lampiran-temuan", dest="lampiran_temuan", action="store_true",
                            help="sertakan temuan pemeriksaan yang masih terbuka sebagai lampiran")
        parser.add_argument("-o", "--output", required=True,
                            help="berkas keluaran; sebuah direktori (nama bawaan) atau '-' (keluaran standar)")

    def handle(self, *args, **options):
        plan = None
        if options["rencana_aksi"] is not None:
            plan = RencanaAksi.objects.select_related("perangkat_daerah__pemda", "perangkat_daerah__kepala",
                                                      "penandatangan").filter(pk=options["rencana_aksi"]).first()
            if plan is None:
                raise CommandError(f"Rencana aksi {options['rencana_aksi']} tidak ditemukan.", returncode=2)
        try:
            berkas = ekspor.ekspor(rencana_aksi=plan, laporan=options["laporan"], format=options["format"],
                                   triwulan=options["triwulan"], lampiran_temuan=options["lampiran_temuan"])
        except ekspor.EksporTidakSah as exc:
            raise CommandError(str(exc), returncode=2) from exc
        output = options["output"]
        if output == "-":
            sys.stdout.buffer.write(berkas.isi)
            sys.stdout.buffer.flush()
            self.stderr.write(f"{berkas.nama}: {len(berkas.isi)} byte ditulis ke keluaran standar.")
            return
        path = Path(output)
        if path.is_dir():
            path = path / berkas.nama
        try:
            path.write_bytes(berkas.isi)
        except OSError as exc:
            raise CommandError(f"{path}: tidak dapat ditulis ({exc.strerror or exc}).", returncode=2) from exc
        self.stdout.write(f"{path} ditulis ({berkas.content_type}, {len(berkas.isi)} byte).")
