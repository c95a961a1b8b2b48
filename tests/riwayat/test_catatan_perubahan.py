"""Open evaluator notes follow a plan into its perubahan (renaksi/riwayat/perubahan.py): each open thread and its
replies land on the row that continues it, with author and date; resolved threads stay with the old version."""

import pytest

from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import Aksi, Indikator, RencanaAksi
from renaksi.riwayat import services as catatan
from renaksi.riwayat.models import Catatan
from renaksi.riwayat.selectors import catatan_terbuka

pytestmark = pytest.mark.django_db


def test_open_threads_follow_the_rows_into_the_perubahan_and_resolved_ones_stay(world):
    plan = world.plan
    iku = Indikator.objects.get(rencana_aksi=plan)
    aksi = Aksi.objects.filter(rencana_aksi=plan).order_by("id").first()
    open_thread = catatan.catatan_buat(baris=iku, teks="Formulasi perlu diperjelas.", by=world.eve)
    catatan.catatan_balas(catatan=open_thread, teks="Akan kami perbaiki pada perubahan.", by=world.alice)
    catatan.catatan_buat(baris=iku, triwulan=2, teks="Bukti TW II belum ada.", by=world.eve)
    resolved = catatan.catatan_buat(baris=aksi, teks="Jadwal terlalu padat.", by=world.eve)
    catatan.catatan_selesaikan(catatan=resolved, by=world.eve)
    RencanaAksi.objects.filter(pk=plan.pk).update(status=RencanaAksi.Status.DISETUJUI)
    plan.refresh_from_db()

    baru = svc.rencana_aksi_buat_perubahan(rencana_aksi=plan, by=world.alice)

    iku_baru = Indikator.objects.get(rencana_aksi=baru)
    copies = Catatan.objects.filter(rencana_aksi=baru).order_by("id")
    assert [(c.jenis, c.objek_id, c.triwulan, c.teks, c.induk is not None) for c in copies] == [
        ("indikator", iku_baru.pk, None, "Formulasi perlu diperjelas.", False),
        ("indikator", iku_baru.pk, 2, "Bukti TW II belum ada.", False),
        ("indikator", iku_baru.pk, None, "Akan kami perbaiki pada perubahan.", True),
    ]
    assert {c.penulis for c in copies} == {world.eve, world.alice}
    assert Catatan.objects.get(rencana_aksi=baru, teks=open_thread.teks).dibuat == open_thread.dibuat
    (printed,) = catatan_terbuka(rencana_aksi=baru)
    assert printed.teks == "Formulasi perlu diperjelas." and printed.balasan[0].teks.startswith("Akan kami")
    # The approved version keeps its own notes, the resolved one included.
    assert Catatan.objects.filter(rencana_aksi=plan).count() == 4
