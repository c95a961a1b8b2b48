"""Seed the master nomenclature (Kepmendagri codes) for 2024 from `perencanaan/data/nomenklatur_2024.csv`.

The CSV is the source of truth; this migration only copies it. Rows whose `sumber` starts with
"belum diverifikasi" could not be checked against a copy of the Kepmendagri list.
Re-running (or un-applying and applying again) never duplicates: rows are keyed by (tahun, kode).
"""

import csv
from pathlib import Path

from django.db import migrations

CSV_PATH = Path(__file__).resolve().parent.parent / "data" / "nomenklatur_2024.csv"


def _rows():
    with CSV_PATH.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            yield {key: value.strip() for key, value in row.items()}


def load(apps, schema_editor):
    Nomenklatur = apps.get_model("perencanaan", "Nomenklatur")
    for row in _rows():
        Nomenklatur.objects.update_or_create(
            tahun=int(row["tahun"]), kode=row["kode"],
            defaults={"nama": row["nama"], "level": row["level"], "induk_kode": row["induk_kode"],
                      "sumber": row["sumber"]},
        )


def unload(apps, schema_editor):
    Nomenklatur = apps.get_model("perencanaan", "Nomenklatur")
    for row in _rows():
        Nomenklatur.objects.filter(tahun=int(row["tahun"]), kode=row["kode"]).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("perencanaan", "0001_initial"),
    ]

    operations = [migrations.RunPython(load, unload)]
