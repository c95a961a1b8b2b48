"""`renaksi backup PATH`: the whole instance (database and uploaded files) into one ZIP archive.

    renaksi backup /var/backups/renaksi/renaksi-$(date +%F).zip

See renaksi/core/backup.py for what the archive holds and docs/deploy.md for scheduling it.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from renaksi.core.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Cadangkan seluruh instalasi Renaksi (basis data dan berkas unggahan) ke satu berkas ZIP."

    def add_arguments(self, parser):
        parser.add_argument("path", help="berkas cadangan yang ditulis, misalnya renaksi-2025-01-31.zip")

    def handle(self, *args, **options):
        path = Path(options["path"])
        if not path.parent.is_dir():
            raise CommandError(f"Folder {path.parent} tidak ada.")
        try:
            summary = create_backup(path)
        except (BackupError, OSError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Cadangan ditulis ke {path}: {summary.rows} baris, {summary.files} berkas.")
