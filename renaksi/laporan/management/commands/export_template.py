"""`renaksi export_template`: the Renaksi template, blank or filled with a stored plan, as XLSX or DOCX.

    renaksi export_template templat.xlsx                        # the blank template
    renaksi export_template ra-2024.docx --rencana-aksi 12      # a plan in the template (format from the suffix)
    renaksi export_template --petunjuk                          # the column documentation, as Markdown

What it writes imports back to the same plan (`renaksi import ra-2024.xlsx`). The file is registry entry "templat",
the same as `renaksi export --laporan templat` and the downloads give (`laporan.ekspor`).
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from renaksi.laporan import ekspor, templat
from renaksi.perencanaan import templat as skema
from renaksi.perencanaan.models import RencanaAksi


class Command(BaseCommand):
    help = "Tulis templat Renaksi (kosong, atau berisi satu rencana aksi) sebagai XLSX atau DOCX."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="berkas keluaran (.xlsx atau .docx)")
        parser.add_argument("--rencana-aksi", dest="rencana_aksi", type=int, help="id rencana aksi yang diekspor")
        parser.add_argument("--format", choices=["xlsx", "docx"], help="bawaan: dari akhiran nama berkas")
        parser.add_argument("--petunjuk", action="store_true", help="cetak petunjuk kolom templat (Markdown)")

    def handle(self, *args, **options):
        if options["petunjuk"]:
            self.stdout.write(petunjuk_markdown())
            return
        if not options["path"]:
            raise CommandError("sebutkan berkas keluaran, misalnya templat.xlsx")
        path = Path(options["path"])
        fmt = options["format"] or path.suffix.lower().lstrip(".")
        if fmt not in ("xlsx", "docx"):  # the formats of registry entry "templat"
            raise CommandError(f"format '{fmt}' tidak dikenal; pakai .xlsx atau .docx")
        plan = None
        if options["rencana_aksi"]:
            plan = RencanaAksi.objects.select_related("perangkat_daerah__pemda").filter(
                pk=options["rencana_aksi"]).first()
            if plan is None:
                raise CommandError(f"rencana aksi {options['rencana_aksi']} tidak ada")
        content = ekspor.ekspor(rencana_aksi=plan, laporan="templat", format=fmt).isi
        path.write_bytes(content)
        self.stdout.write(f"{path} ditulis ({len(content)} byte).")


def petunjuk_markdown() -> str:
    lines = ["# Templat Renaksi", "", f"Versi: `{skema.TEMPLATE_VERSION}`. Kolom bertanda *wajib* harus ada.", ""]
    current = None
    for lembar, kolom, isi, wajib in templat.petunjuk_rows():
        if lembar != current:
            current = lembar
            lines += ["", f"## {lembar}", "", isi, "", "| Kolom | Isi | Wajib |", "|---|---|---|"]
            continue
        lines.append(f"| {kolom} | {isi.replace('|', '/')} | {wajib} |")
    return "\n".join(lines) + "\n"
