"""Migration perencanaan 0006: rows that existed before get a kunci each (and their history rows the same one)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


@pytest.mark.django_db(transaction=True)
def test_existing_rows_get_a_kunci_and_their_history_the_same():
    executor = MigrationExecutor(connection)
    before = [("perencanaan", "0005_riwayat_indonesia"), ("pemeriksaan", "0002_riwayat_indonesia")]
    latest = executor.loader.graph.leaf_nodes()
    try:
        executor.migrate(before)
        apps = executor.loader.project_state(before).apps
        pemda = apps.get_model("organisasi", "Pemda").objects.create(nama="Uji", jenis="kota")
        pd = apps.get_model("organisasi", "PerangkatDaerah").objects.create(pemda=pemda, nama="Kesbangpol")
        plan = apps.get_model("perencanaan", "RencanaAksi").objects.create(perangkat_daerah=pd, tahun=2024)
        Sasaran = apps.get_model("perencanaan", "Sasaran")
        rows = [Sasaran.objects.create(rencana_aksi=plan, uraian=f"Sasaran {i}") for i in range(3)]
        apps.get_model("perencanaan", "HistoricalSasaran").objects.create(
            id=rows[0].pk, rencana_aksi_id=plan.pk, uraian="Sasaran 0", urutan=0, level="strategis",
            history_date="2024-01-01T00:00:00Z", history_type="+")

        executor = MigrationExecutor(connection)
        executor.migrate(latest)
        apps = executor.loader.project_state(latest).apps
        kunci = dict(apps.get_model("perencanaan", "Sasaran").objects.values_list("pk", "kunci"))
        assert len(set(kunci.values())) == 3 and all(kunci.values())
        history = apps.get_model("perencanaan", "HistoricalSasaran").objects.get(id=rows[0].pk)
        assert history.kunci == kunci[rows[0].pk]
    finally:
        MigrationExecutor(connection).migrate(latest)
