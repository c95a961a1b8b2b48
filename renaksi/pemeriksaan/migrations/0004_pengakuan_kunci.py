"""Acknowledgements follow a row's `kunci` (perencanaan 0006), not its database id, so that they carry into a
perubahan: existing ones are moved from the old fingerprint to the new one.

This runs the checker as the code stands (the fingerprint is computed from the rules' findings; a historical model
cannot compute it). Should that fail on some future schema, the move is skipped here and done when it is needed:
`rencana_aksi_buat_perubahan` moves a plan's acknowledgements before copying them, and the findings panel still
recognises the old fingerprint."""

from django.db import migrations, transaction


def rekey(apps, schema_editor):
    Pengakuan = apps.get_model("pemeriksaan", "Pengakuan")
    plan_ids = sorted(set(Pengakuan.objects.values_list("rencana_aksi_id", flat=True)))
    if not plan_ids:
        return
    try:
        from renaksi.pemeriksaan.api import rekey_acknowledgements
        from renaksi.perencanaan.models import RencanaAksi

        with transaction.atomic():  # a savepoint: a failure leaves the acknowledgements as they were
            for plan in RencanaAksi.objects.filter(pk__in=plan_ids).select_related("perangkat_daerah"):
                rekey_acknowledgements(plan)
    except Exception:  # noqa: BLE001 - see the module's docstring: done later, when needed
        return


class Migration(migrations.Migration):

    dependencies = [
        ("pemeriksaan", "0003_cuplikan_temuan"),
        ("perencanaan", "0006_kunci_baris"),
        ("monev", "0003_laporan_triwulan"),
    ]

    operations = [migrations.RunPython(rekey, migrations.RunPython.noop)]
