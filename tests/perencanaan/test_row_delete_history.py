"""Deleting a row writes the history of everything under it in bulk: constant queries, every row still listed."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import Aksi, AksiBulan, Kegiatan, Program, SubKegiatan
from tests.factories import make_plan


def grow(program: Program, n_aksi: int) -> list[int]:
    """Add a kegiatan → sub kegiatan with `n_aksi` scheduled aksi under `program`; their ids."""
    kegiatan = svc.kegiatan_create(program=program, nama="Kegiatan tambahan", kode="8.01.03.2.09", pagu=0)
    sub = svc.sub_kegiatan_create(kegiatan=kegiatan, nama="Sub kegiatan tambahan", pagu=0)
    return [svc.aksi_create(sub_kegiatan=sub, uraian=f"Aksi tambahan {i}", bulan=[1, 6]).pk for i in range(n_aksi)]


def delete_queries(login, program: Program) -> int:
    client = login("alice")
    with CaptureQueriesContext(connection) as ctx:
        assert client.post(reverse("row_delete", args=["program", program.pk])).status_code == 200
    return len(ctx.captured_queries)


def test_deleting_a_program_costs_the_same_queries_with_5_or_45_aksi(login, rows, world):
    grow(rows.program, 5)
    small = delete_queries(login, rows.program)
    plan2 = make_plan(world.pd, tahun=2025)
    program2 = Program.objects.get(rencana_aksi=plan2)
    grow(program2, 45)
    large = delete_queries(login, program2)
    # Django deletes (and simple-history inserts) in batches of 100 rows: 45 aksi with their 102 schedule months
    # may take one batch more, never one query per row (before: 274 queries for this program).
    assert small <= large <= small + 2, (small, large)
    assert not Aksi.objects.filter(rencana_aksi=plan2).exists()


def test_history_lists_every_deleted_row_once_with_who_deleted_it(login, rows, world):
    ids = grow(rows.program, 12) + list(Aksi.objects.filter(rencana_aksi=rows.plan).exclude(
        pk__in=[]).values_list("pk", flat=True))
    aksi_ids = set(Aksi.objects.filter(rencana_aksi=rows.plan).values_list("pk", flat=True))
    assert set(ids) == aksi_ids
    kegiatan_ids = set(Kegiatan.objects.filter(rencana_aksi=rows.plan).values_list("pk", flat=True))
    sub_ids = set(SubKegiatan.objects.filter(rencana_aksi=rows.plan).values_list("pk", flat=True))
    jadwal_ids = set(AksiBulan.objects.filter(aksi_id__in=aksi_ids).values_list("pk", flat=True))
    login("alice").post(reverse("row_delete", args=["program", rows.program.pk]))

    def deleted(model) -> dict[int, str | None]:
        records = model.history.filter(history_type="-").select_related("history_user")
        return {r.id: r.history_user.username for r in records}

    assert deleted(Program) == {rows.program.pk: "alice"}
    assert deleted(Kegiatan) == dict.fromkeys(kegiatan_ids, "alice")
    assert deleted(SubKegiatan) == dict.fromkeys(sub_ids, "alice")
    assert deleted(Aksi) == dict.fromkeys(aksi_ids, "alice")
    assert deleted(AksiBulan) == dict.fromkeys(jadwal_ids, "alice")
    # The record keeps the row as it was: the history page can still name it.
    record = Aksi.history.get(history_type="-", id=rows.aksi_politik.pk)
    assert record.uraian == rows.aksi_politik.uraian and record.sub_kegiatan_id == rows.aksi_politik.sub_kegiatan_id

    html = login("alice").get(reverse("riwayat_rencana", args=[rows.plan.pk])).content.decode()
    assert rows.aksi_politik.uraian in html and "dihapus" in html.lower()
