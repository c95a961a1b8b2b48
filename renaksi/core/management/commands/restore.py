"""`renaksi restore PATH [--force]`: an archive of `renaksi backup` into this (empty) instance.

The database is migrated first. A database that already holds data is refused unless --force, which deletes
everything in it (and the uploaded files) before restoring.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from renaksi.core.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "Pulihkan cadangan `renaksi backup` ke instalasi ini (basis data harus kosong, kecuali --force)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="berkas cadangan (.zip) dari `renaksi backup`")
        parser.add_argument("--force", action="store_true",
                            help="hapus semua data dan berkas yang ada sebelum memulihkan")

    def handle(self, *args, **options):
        try:
            summary = restore_backup(Path(options["path"]), force=options["force"])
        except (BackupError, OSError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Cadangan dipulihkan: {summary.rows} baris, {summary.files} berkas.")
