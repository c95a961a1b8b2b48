"""`renaksi periksa`: check a plan, or a document without keeping it, and report the findings.

    renaksi periksa PATH [--tahun YYYY] [--pemda NAMA] [--perangkat-daerah NAMA]   # import, check, roll back
    renaksi periksa --rencana-aksi ID
    … [--json] [--fail-on error|warning]

Exit status: 0; 1 when `--fail-on` is given and an open finding of that severity (or worse) exists; 2 when the
input cannot be read (unreadable document, unknown plan). `--json` prints
`{"findings": [...], "summary": {"error": n, "warning": n, "info": n}}`; the summary counts open findings
(acknowledged ones are listed with `"acknowledged": true` but not counted, and do not fail a script).

The command lives in the importer because checking a document means importing it (in a transaction that is
rolled back): the importer calls the checker, the checker never calls the importer.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from renaksi.impor import api as impor
from renaksi.pemeriksaan import api
from renaksi.pemeriksaan.findings import Finding
from renaksi.perencanaan.models import RencanaAksi

FAIL_ON = {"error": ("error",), "warning": ("error", "warning")}


class Command(BaseCommand):
    help = "Periksa konsistensi sebuah rencana aksi (di basis data) atau sebuah dokumen (tanpa menyimpannya)."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="Dokumen rencana aksi (.txt, .csv, .xlsx, .docx).")
        parser.add_argument("--rencana-aksi", type=int, dest="rencana_aksi", help="Id rencana aksi yang tersimpan.")
        parser.add_argument("--json", action="store_true", help="Cetak hasil sebagai JSON.")
        parser.add_argument("--fail-on", choices=sorted(FAIL_ON), dest="fail_on",
                            help="Keluar dengan status 1 bila ada temuan terbuka setingkat ini atau lebih berat.")
        parser.add_argument("--tahun", type=int, help="Tahun rencana aksi, bila dokumen tidak menyebutkannya.")
        parser.add_argument("--pemda", help="Nama pemda, bila dokumen tidak menyebutkannya.")
        parser.add_argument("--perangkat-daerah", dest="perangkat_daerah",
                            help="Nama perangkat daerah, bila dokumen tidak menyebutkannya.")

    def handle(self, *args, **options):
        if bool(options["path"]) == bool(options["rencana_aksi"]):
            raise CommandError("Sebutkan PATH sebuah dokumen atau --rencana-aksi ID (salah satu).", returncode=2)
        if options["rencana_aksi"]:
            plan = RencanaAksi.objects.select_related("perangkat_daerah").filter(pk=options["rencana_aksi"]).first()
            if plan is None:
                raise CommandError(f"Rencana aksi {options['rencana_aksi']} tidak ditemukan.", returncode=2)
            label, findings = str(plan), api.check_plan(plan)
        else:
            label, findings = self._check_document(Path(options["path"]), options)
        findings = api.sort_findings(findings)
        if options["json"]:
            self.stdout.write(json.dumps(api.to_json(findings), ensure_ascii=False, indent=2))
        else:
            self._print(label, findings)
        if options["fail_on"]:
            failing = FAIL_ON[options["fail_on"]]
            if any(not f.acknowledged and f.severity in failing for f in findings):
                sys.exit(1)

    def _check_document(self, path: Path, options) -> tuple[str, list[Finding]]:
        if not path.is_file():
            raise CommandError(f"Berkas {path} tidak ditemukan atau tidak dapat dibaca.", returncode=2)
        read_errors = tuple(getattr(impor, name) for name in impor.READ_ERRORS)
        kwargs = {k: options[k] for k in ("tahun", "pemda", "perangkat_daerah") if options.get(k)}
        try:
            parsed = impor.parse_document(path.read_bytes(), path.name)
            # Written beside a plan of the same PD and year, if there is one, checked, and rolled back.
            _result, (label, findings) = impor.check_document(
                parsed, lambda plan: (str(plan), api.check_plan(plan, acknowledgements=False)), **kwargs)
        except (*read_errors, OSError, UnicodeDecodeError, ValidationError) as exc:
            message = "; ".join(getattr(exc, "messages", [])) if isinstance(exc, ValidationError) else str(exc)
            raise CommandError(f"{path.name}: {message}", returncode=2) from exc
        return f"{label} (dari {path.name}, tidak disimpan)", findings

    def _print(self, label: str, findings: list[Finding]) -> None:
        counts = api.summary(findings)
        self.stdout.write(label)
        for f in findings:
            mark = "diakui " if f.acknowledged else ""
            self.stdout.write(f"{mark}{str(f.severity).upper():7} {f.rule}  {f.location.label}")
            self.stdout.write(f"        {f.message}")
            for line in f.location.source_lines():
                self.stdout.write(f"        ↳ {line}")
        self.stdout.write(
            f"{counts['error']} kesalahan, {counts['warning']} peringatan, {counts['info']} catatan"
            + (f" ({sum(f.acknowledged for f in findings)} diakui)" if any(f.acknowledged for f in findings) else "")
        )

