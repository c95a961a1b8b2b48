"""Every plan row (and PK line) gets `kunci`, its identity across versions: added empty, filled for existing rows
(history rows take the kunci of their row, or a new one when the row is gone), then made required and unique per
plan."""

import uuid

from django.db import migrations, models

MODELS = ("sasaran", "indikator", "program", "kegiatan", "subkegiatan", "aksi", "perjanjiankinerjaitem")
UNIQUE_PER_PLAN = ("sasaran", "indikator", "program", "kegiatan", "subkegiatan", "aksi")


def fill(apps, schema_editor):
    for name in MODELS:
        model = apps.get_model("perencanaan", name)
        rows = list(model.objects.only("pk"))
        for row in rows:
            row.kunci = uuid.uuid4()
        model.objects.bulk_update(rows, ["kunci"], batch_size=1000)
        kunci = dict(model.objects.values_list("pk", "kunci"))
        historical = apps.get_model("perencanaan", f"historical{name}")
        history = list(historical.objects.only("history_id", "id"))
        for h in history:
            h.kunci = kunci.get(h.id) or uuid.uuid4()
        historical.objects.bulk_update(history, ["kunci"], batch_size=1000)


def field(null: bool) -> models.UUIDField:
    if null:
        return models.UUIDField(null=True, editable=False, verbose_name="kunci baris")
    return models.UUIDField(db_index=True, default=uuid.uuid4, editable=False, verbose_name="kunci baris")


class Migration(migrations.Migration):

    dependencies = [
        ("perencanaan", "0005_riwayat_indonesia"),
    ]

    operations = (
        [migrations.AddField(model_name=prefix + name, name="kunci", field=field(null=True))
         for name in MODELS for prefix in ("", "historical")]
        + [migrations.RunPython(fill, migrations.RunPython.noop)]
        + [migrations.AlterField(model_name=prefix + name, name="kunci", field=field(null=False))
           for name in MODELS for prefix in ("", "historical")]
        + [migrations.AddConstraint(
            model_name=name,
            constraint=models.UniqueConstraint(fields=("rencana_aksi", "kunci"), name=f"{name}_unique_kunci"))
           for name in UNIQUE_PER_PLAN]
    )
