"""Background jobs: the record's services, the one task through the database queue and its worker, failure with an
Indonesian reason and retry, the heartbeat and the sweep (`renaksi bersihkan_pekerjaan`: stale jobs failed, old
results deleted), the polled status block, rights per persona, and the jobs started by laporan (a large plan's PDF,
the Pemda bundle), sintetis (`renaksi synth --job`) and `renaksi bundel`. The long PDF import: test_impor_latar.py."""

from __future__ import annotations

import io
import time
import zipfile
from contextlib import contextmanager
from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from renaksi.laporan import tugas as laporan_tugas
from renaksi.pekerjaan import registry, services
from renaksi.pekerjaan.models import Pekerjaan
from renaksi.pekerjaan.registry import Hasil, PekerjaanGagal

S = Pekerjaan.Status
DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@contextmanager
def runner_uji(jenis: str, runner):
    """`runner` registered as the job kind `jenis` inside the block, taken away after it (also when it fails), so
    no test's kind outlives it. A job started in the block within `django_capture_on_commit_callbacks(execute=True)`
    runs when that block ends, before this one does."""
    registry.daftarkan(jenis, runner)
    try:
        yield
    finally:
        registry.RUNNER.pop(jenis, None)


@pytest.fixture
def percobaan():
    """A job kind for the tests: fails with an Indonesian reason while `gagal` is set, else reports progress and
    returns a file."""
    state = {"gagal": True, "kemajuan": []}

    def runner(*, pekerjaan, kemajuan):
        kemajuan(50, "Setengah jalan")
        state["kemajuan"].append(Pekerjaan.objects.get(pk=pekerjaan.pk).persen)
        if state["gagal"]:
            raise PekerjaanGagal("Data sumber belum lengkap.")
        return Hasil(nama="hasil.txt", content_type="text/plain", isi=b"isi " + str(pekerjaan.parameter["n"]).encode())

    with runner_uji("uji.percobaan", runner):
        yield state


def _mulai(user, pemda=None, **parameter):
    return services.pekerjaan_mulai(jenis="uji.percobaan", judul="Percobaan", pemilik=user, pemda=pemda,
                                    parameter={"n": 1, **parameter})


# --- Services and the task ----------------------------------------------------------------------------------------


def test_a_failed_job_says_why_and_a_retry_succeeds(world, percobaan, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        pekerjaan = _mulai(world.alice, pemda=world.pemda)
    pekerjaan.refresh_from_db()
    assert pekerjaan.status == S.GAGAL and pekerjaan.galat == "Data sumber belum lengkap."
    assert percobaan["kemajuan"] == [50] and not pekerjaan.hasil and pekerjaan.selesai is not None

    percobaan["gagal"] = False
    with django_capture_on_commit_callbacks(execute=True):
        services.pekerjaan_ulangi(pekerjaan=pekerjaan)
    pekerjaan.refresh_from_db()
    assert (pekerjaan.status, pekerjaan.persen, pekerjaan.galat, pekerjaan.percobaan) == (S.SELESAI, 100, "", 2)
    assert pekerjaan.hasil.read() == b"isi 1" and pekerjaan.hasil_nama == "hasil.txt"


def test_only_a_failed_job_is_retried(world, percobaan, django_capture_on_commit_callbacks):
    percobaan["gagal"] = False
    with django_capture_on_commit_callbacks(execute=True):
        pekerjaan = _mulai(world.alice)
    with pytest.raises(services.TidakBisaDiulang, match="Hanya pekerjaan yang gagal"):
        services.pekerjaan_ulangi(pekerjaan=pekerjaan)


def test_an_unexpected_error_is_recorded_in_indonesian(world, django_capture_on_commit_callbacks):
    def rusak(*, pekerjaan, kemajuan):
        kemajuan(10, "Membaca data")
        raise KeyError("x")

    with runner_uji("uji.rusak", rusak), django_capture_on_commit_callbacks(execute=True):
        pekerjaan = services.pekerjaan_mulai(jenis="uji.rusak", judul="Rusak", pemilik=world.alice)
    pekerjaan.refresh_from_db()
    assert pekerjaan.status == S.GAGAL
    assert pekerjaan.galat.startswith("Terjadi kesalahan tak terduga saat membaca data. Silakan coba lagi")
    assert f"nomor pekerjaan {pekerjaan.pk}" in pekerjaan.galat
    assert "KeyError" not in pekerjaan.galat and pekerjaan.bisa_diulang  # the class is in the log only


def test_a_failure_retrying_cannot_help_offers_no_retry(client, world, django_capture_on_commit_callbacks):
    def ditolak(*, pekerjaan, kemajuan):
        raise PekerjaanGagal("Berkas ini bukan rencana aksi. Unggah berkas lain.", bisa_diulang=False)

    with runner_uji("uji.ditolak", ditolak), django_capture_on_commit_callbacks(execute=True):
        pekerjaan = services.pekerjaan_mulai(jenis="uji.ditolak", judul="Ditolak", pemilik=world.alice)
    pekerjaan.refresh_from_db()
    assert (pekerjaan.status, pekerjaan.bisa_diulang) == (S.GAGAL, False)
    client.force_login(world.alice)
    page = client.get(reverse("pekerjaan_detail", args=[pekerjaan.pk])).content.decode()
    assert "Unggah berkas lain." in page and "pekerjaan-ulangi" not in page and "Coba lagi" not in page
    response = client.post(reverse("pekerjaan_ulangi", args=[pekerjaan.pk]), follow=True)
    assert "tidak dapat dicoba lagi" in response.content.decode()
    pekerjaan.refresh_from_db()
    assert pekerjaan.status == S.GAGAL and pekerjaan.percobaan == 1


def test_an_unreachable_queue_fails_the_job_instead_of_leaving_it_waiting(world, percobaan, monkeypatch,
                                                                           django_capture_on_commit_callbacks):
    from renaksi.pekerjaan import tugas

    class Down:
        def enqueue(self, **kwargs):
            raise ConnectionError("redis down")

    monkeypatch.setattr(tugas, "jalankan", Down())
    with django_capture_on_commit_callbacks(execute=True):
        pekerjaan = _mulai(world.alice)
    pekerjaan.refresh_from_db()
    assert pekerjaan.status == S.GAGAL and "Antrean pekerjaan tidak dapat dihubungi" in pekerjaan.galat


@pytest.mark.django_db(transaction=True)
def test_the_database_queue_and_its_worker_run_the_job(percobaan):
    """The default backend for real: the job waits in the database queue until `db_worker --batch` runs it."""
    from django_tasks_db.models import DBTaskResult

    from tests.factories import make_world

    world = make_world()
    percobaan["gagal"] = False
    with override_settings(TASKS=DB_TASKS):
        pekerjaan = _mulai(world.alice, n=7)
        pekerjaan.refresh_from_db()
        assert pekerjaan.status == S.ANTRI and pekerjaan.tugas_id  # queued, not run
        assert DBTaskResult.objects.filter(pk=pekerjaan.tugas_id, status="READY").exists()
        call_command("db_worker", "--batch", "--queue-name", "default", verbosity=0)
    pekerjaan.refresh_from_db()
    assert pekerjaan.status == S.SELESAI and pekerjaan.hasil.read() == b"isi 7"
    assert percobaan["kemajuan"] == [50]  # the progress was written while the job ran
    assert DBTaskResult.objects.get(pk=pekerjaan.tugas_id).status == "SUCCESSFUL"


# --- Heartbeat and the sweep ---------------------------------------------------------------------------------------


def test_a_running_job_beats_through_a_long_step_that_reports_nothing(world, monkeypatch,
                                                                      django_capture_on_commit_callbacks):
    """The heartbeat is written by a thread beside the runner, so a step of minutes without progress (reading a long
    PDF) does not look like a dead worker; it stops when the job ends. (The beats are counted, not written: the
    thread's own connection would wait for the test's transaction.)"""
    beats = []
    monkeypatch.setattr(services, "pekerjaan_detak", lambda *, pekerjaan_id: beats.append(pekerjaan_id))

    def diam(*, pekerjaan, kemajuan):
        batas = time.monotonic() + 5
        while len(beats) < 3 and time.monotonic() < batas:
            time.sleep(0.01)

    with runner_uji("uji.diam", diam), override_settings(RENAKSI_PEKERJAAN_DETAK_DETIK=0.02), \
            django_capture_on_commit_callbacks(execute=True):
        pekerjaan = services.pekerjaan_mulai(jenis="uji.diam", judul="Diam", pemilik=world.alice)
    pekerjaan.refresh_from_db()
    assert pekerjaan.status == S.SELESAI and beats == [pekerjaan.pk] * 3  # it beat while the runner was silent
    time.sleep(0.1)
    assert len(beats) == 3  # and not after the end


def test_the_heartbeat_is_written_for_a_running_job_only(world):
    now = timezone.now()
    berjalan = Pekerjaan.objects.create(jenis="uji.percobaan", judul="Berjalan", status=S.BERJALAN,
                                        detak=now - timedelta(minutes=1))
    selesai = Pekerjaan.objects.create(jenis="uji.percobaan", judul="Selesai", status=S.SELESAI,
                                       detak=now - timedelta(minutes=1))
    services.pekerjaan_detak(pekerjaan_id=berjalan.pk)
    services.pekerjaan_detak(pekerjaan_id=selesai.pk)
    berjalan.refresh_from_db(), selesai.refresh_from_db()
    assert berjalan.detak >= now and selesai.detak < now


MACET = ("Pekerja berhenti di tengah pekerjaan ini: tidak ada tanda hidup darinya selama lebih dari 5 menit, juga "
         "setelah diulang otomatis. Silakan coba lagi; bila terulang, hubungi admin.")


def test_a_job_whose_worker_died_is_queued_again_once_then_failed(client, world, percobaan,
                                                                   django_capture_on_commit_callbacks):
    now = timezone.now()

    def berjalan(judul, **fields):
        return Pekerjaan.objects.create(jenis="uji.percobaan", judul=judul, pemilik=world.alice, status=S.BERJALAN,
                                        persen=40, parameter={"n": 3}, percobaan=1, **fields)

    macet = berjalan("Macet", dimulai=now - timedelta(hours=1), detak=now - timedelta(minutes=6))
    berjalan("Tanpa detak", dimulai=now - timedelta(minutes=10))  # started before heartbeats
    berjalan("Sudah diulang", dimulai=now - timedelta(hours=1), detak=now - timedelta(minutes=6), diulang_otomatis=1)
    berjalan("Hidup", dimulai=now - timedelta(hours=1), detak=now - timedelta(minutes=4))
    antri = Pekerjaan.objects.create(jenis="uji.percobaan", judul="Antri", pemilik=world.alice)
    Pekerjaan.objects.filter(pk=antri.pk).update(dibuat=now - timedelta(days=1))  # waiting is not dying

    percobaan["gagal"] = False
    with django_capture_on_commit_callbacks(execute=True) as queued:
        assert services.pekerjaan_tandai_macet() == (1, 2)
    assert len(queued) == 2  # the two queued again are enqueued once the sweep commits, and run (immediate backend)
    statuses = dict(Pekerjaan.objects.values_list("judul", "status"))
    assert statuses == {"Macet": S.SELESAI, "Tanpa detak": S.SELESAI, "Sudah diulang": S.GAGAL, "Hidup": S.BERJALAN,
                        "Antri": S.ANTRI}
    macet.refresh_from_db()
    assert (macet.diulang_otomatis, macet.percobaan, macet.galat) == (1, 2, "") and macet.hasil.read() == b"isi 3"
    client.force_login(world.alice)
    assert "diulang otomatis setelah pekerjanya berhenti" in client.get(
        reverse("pekerjaan_detail", args=[macet.pk])).content.decode()

    # Its worker dies again: no second automatic try, it fails and says so, and a retry by hand still works.
    Pekerjaan.objects.filter(pk=macet.pk).update(status=S.BERJALAN, detak=now - timedelta(minutes=6))
    with django_capture_on_commit_callbacks(execute=True) as queued:
        assert services.pekerjaan_tandai_macet() == (1, 0)
    assert queued == []
    macet.refresh_from_db()
    assert macet.status == S.GAGAL and macet.galat == MACET and macet.selesai is not None
    page = client.get(reverse("pekerjaan_detail", args=[macet.pk])).content.decode()
    assert MACET in page and "Coba lagi" in page
    with django_capture_on_commit_callbacks(execute=True):
        services.pekerjaan_ulangi(pekerjaan=macet)
    macet.refresh_from_db()
    assert (macet.status, macet.galat, macet.percobaan, macet.diulang_otomatis) == (S.SELESAI, "", 3, 1)


def test_a_requeued_job_that_cannot_be_queued_fails_with_that_reason(world, percobaan, monkeypatch,
                                                                     django_capture_on_commit_callbacks):
    from renaksi.pekerjaan import tugas

    class Down:
        def enqueue(self, **kwargs):
            raise ConnectionError("redis down")

    macet = Pekerjaan.objects.create(jenis="uji.percobaan", judul="Macet", pemilik=world.alice, status=S.BERJALAN,
                                     detak=timezone.now() - timedelta(minutes=6))
    monkeypatch.setattr(tugas, "jalankan", Down())
    with django_capture_on_commit_callbacks(execute=True):
        assert services.pekerjaan_tandai_macet() == (0, 1)
    macet.refresh_from_db()
    assert macet.status == S.GAGAL and "Antrean pekerjaan tidak dapat dihubungi" in macet.galat


TAK_TERAMBIL = ("Tidak ada pekerja latar yang mengambil pekerjaan ini selama lebih dari 30 menit sejak diantrekan: "
                "pekerja latar tampaknya tidak berjalan. Hubungi admin, lalu coba lagi.")


def test_a_job_no_worker_takes_is_failed_by_the_sweep_and_can_be_retried(world, percobaan,
                                                                         django_capture_on_commit_callbacks):
    now = timezone.now()

    def antri(judul, menit):
        pekerjaan = Pekerjaan.objects.create(jenis="uji.percobaan", judul=judul, pemilik=world.alice,
                                             parameter={"n": 5})
        Pekerjaan.objects.filter(pk=pekerjaan.pk).update(diantrekan=now - timedelta(minutes=menit))
        return pekerjaan

    lama, baru = antri("Lama", 31), antri("Baru", 29)
    # A worker busy with a long job for the last half hour: the queue is long, not dead; nothing is failed.
    sibuk = Pekerjaan.objects.create(jenis="uji.percobaan", judul="Panjang", status=S.BERJALAN,
                                     dimulai=now - timedelta(hours=1), detak=now - timedelta(minutes=1))
    assert services.pekerjaan_tandai_tak_terambil() == 0
    # Its last sign of life was 31 minutes ago (a worker that has since gone): the job queued 31 minutes ago fails.
    Pekerjaan.objects.filter(pk=sibuk.pk).update(status=S.SELESAI, detak=now - timedelta(minutes=31))
    assert services.pekerjaan_tandai_tak_terambil() == 1
    lama.refresh_from_db(), baru.refresh_from_db()
    assert (lama.status, lama.galat) == (S.GAGAL, TAK_TERAMBIL) and lama.selesai is not None
    assert baru.status == S.ANTRI
    with override_settings(RENAKSI_PEKERJAAN_ANTRI_MENIT=10):
        assert services.pekerjaan_tandai_tak_terambil() == 1  # the limit is a setting
    baru.refresh_from_db()
    assert baru.status == S.GAGAL and "lebih dari 10 menit" in baru.galat

    percobaan["gagal"] = False
    with django_capture_on_commit_callbacks(execute=True):
        services.pekerjaan_ulangi(pekerjaan=lama)
    lama.refresh_from_db()
    assert lama.status == S.SELESAI and lama.diantrekan > now and lama.hasil.read() == b"isi 5"


def test_the_sweep_deletes_old_results_and_their_page_says_so(client, world):
    now = timezone.now()

    def selesai(judul, hari):
        pekerjaan = Pekerjaan.objects.create(jenis="uji.percobaan", judul=judul, pemilik=world.alice)
        services.pekerjaan_selesai(pekerjaan=pekerjaan, hasil=Hasil(nama=f"{judul}.txt", content_type="text/plain",
                                                                    isi=judul.encode()))
        Pekerjaan.objects.filter(pk=pekerjaan.pk).update(selesai=now - timedelta(days=hari, minutes=1))
        pekerjaan.refresh_from_db()
        return pekerjaan

    lama, baru = selesai("lama", 7), selesai("baru", 2)
    gagal = services.pekerjaan_gagal(pekerjaan=Pekerjaan.objects.create(jenis="uji.percobaan", judul="gagal"),
                                     galat="Data sumber belum lengkap.")
    Pekerjaan.objects.filter(pk=gagal.pk).update(selesai=now - timedelta(days=30))
    Pekerjaan.objects.create(jenis="uji.percobaan", judul="macet", status=S.BERJALAN,
                             detak=now - timedelta(minutes=6))
    berkas_lama = lama.hasil.name

    out = io.StringIO()
    call_command("bersihkan_pekerjaan", stdout=out)
    assert out.getvalue() == ("0 pekerjaan macet ditandai gagal, 1 diantrekan ulang; 0 pekerjaan tak terambil pekerja "
                              "ditandai gagal; hasil 1 pekerjaan dihapus; 0 berkas unggahan lama dihapus; 0 salinan "
                              "dokumen lama dihapus.\n")
    lama.refresh_from_db(), baru.refresh_from_db(), gagal.refresh_from_db()
    assert lama.hasil_dihapus and not lama.hasil and not default_storage.exists(berkas_lama)
    assert not baru.hasil_dihapus and baru.hasil.read() == b"baru"
    assert not gagal.hasil_dihapus and gagal.status == S.GAGAL  # a failed job keeps its reason and "Coba lagi"
    client.force_login(world.alice)
    page = client.get(reverse("pekerjaan_detail", args=[lama.pk])).content.decode()
    assert "Hasil pekerjaan ini sudah dihapus" in page and "pekerjaan-unduh" not in page
    assert client.get(reverse("pekerjaan_unduh", args=[lama.pk])).status_code == 404
    assert "disimpan di sini 7 hari" in client.get(reverse("pekerjaan_daftar")).content.decode()

    call_command("bersihkan_pekerjaan", "--hari", "1", stdout=out)
    baru.refresh_from_db()
    assert baru.hasil_dihapus and client.get(reverse("pekerjaan_unduh", args=[baru.pk])).status_code == 404
    with pytest.raises(CommandError, match="--hari tidak boleh negatif"):
        call_command("bersihkan_pekerjaan", "--hari", "-1")


# --- Pages ---------------------------------------------------------------------------------------------------------


def test_the_status_block_polls_while_running_and_stops_when_done(client, world, percobaan):
    pekerjaan = Pekerjaan.objects.create(jenis="uji.percobaan", judul="Percobaan", pemilik=world.alice,
                                         status=S.BERJALAN, persen=40, pesan="Membuat PDF")
    client.force_login(world.alice)
    url = reverse("pekerjaan_detail", args=[pekerjaan.pk])
    partial = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in partial and 'hx-trigger="every 1500ms"' in partial
    assert "Membuat PDF" in partial and 'value="40"' in partial

    services.pekerjaan_selesai(pekerjaan=pekerjaan, hasil=Hasil(nama="a.pdf", content_type="application/pdf",
                                                                isi=b"%PDF"))
    done = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "hx-trigger" not in done and reverse("pekerjaan_unduh", args=[pekerjaan.pk]) in done
    # The badge says "Selesai"; no message "Selesai." beside it says it a second time.
    assert done.count("Selesai") == 1 and 'id="pekerjaan-pesan"' not in done

    services.pekerjaan_gagal(pekerjaan=pekerjaan, galat="Dokumen tidak dapat dibuat.")
    failed = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "hx-trigger" not in failed and "Dokumen tidak dapat dibuat." in failed and "Coba lagi" in failed
    # No bar standing still at its last step and no "Gagal." beside the "Gagal" badge: the reason says it.
    assert 'id="pekerjaan-kemajuan"' not in failed and 'id="pekerjaan-pesan"' not in failed


@pytest.mark.parametrize(("persona", "sees"), [("alice", True), ("admin", True), ("charlie", False)])
def test_a_job_waiting_long_says_whether_a_worker_took_it(client, world, persona, sees):
    """Owner and admin pemda see why a job still waits after 2 minutes; a user of another PD does not see the job."""
    now = timezone.now()
    pekerjaan = Pekerjaan.objects.create(jenis="uji.percobaan", judul="Percobaan", pemilik=world.alice,
                                         pemda=world.pemda)
    client.force_login(getattr(world, persona))
    url = reverse("pekerjaan_detail", args=[pekerjaan.pk])

    def status_block():
        response = client.get(url, headers={"HX-Request": "true"})
        assert response.status_code == (200 if sees else 404)
        return response.content.decode()

    if not sees:
        Pekerjaan.objects.filter(pk=pekerjaan.pk).update(diantrekan=now - timedelta(minutes=10))
        status_block()
        return
    assert "pekerjaan-tertahan" not in status_block()  # just queued: nothing to say yet

    Pekerjaan.objects.filter(pk=pekerjaan.pk).update(diantrekan=now - timedelta(minutes=3))
    waktu = timezone.localtime(now - timedelta(minutes=3)).strftime("%H:%M")
    block = status_block()
    assert "Belum ada pekerja yang mengambil pekerjaan ini sejak diantrekan pada" in block and waktu in block
    assert "Hubungi admin" in block and "ditandai gagal setelah 30 menit" in block
    assert 'hx-trigger="every 1500ms"' in block  # still polled: it runs as soon as a worker takes it

    # A worker beat a minute ago on another job: it is alive and busy, the job waits its turn.
    Pekerjaan.objects.create(jenis="uji.percobaan", judul="Panjang", status=S.BERJALAN, dimulai=now,
                             detak=now - timedelta(minutes=1))
    block = status_block()
    assert "sedang mengerjakan pekerjaan lain" in block and "Belum ada pekerja" not in block


def test_a_waiting_job_says_the_worker_is_busy_only_while_a_running_job_beats(client, world):
    """A worker that died leaves its job "running" with its last heartbeat until the sweep (5 minutes): the waiting
    job's page does not call it busy once three beats (30 s each) are missed, nor for a job that has ended."""
    now = timezone.now()
    pekerjaan = Pekerjaan.objects.create(jenis="uji.percobaan", judul="Menunggu", pemilik=world.alice)
    Pekerjaan.objects.filter(pk=pekerjaan.pk).update(diantrekan=now - timedelta(minutes=3))
    lain = Pekerjaan.objects.create(jenis="uji.percobaan", judul="Panjang", status=S.BERJALAN,
                                    dimulai=now - timedelta(minutes=10), detak=now - timedelta(seconds=30))
    client.force_login(world.alice)

    def block():
        return client.get(reverse("pekerjaan_detail", args=[pekerjaan.pk]), headers={"HX-Request": "true"}
                          ).content.decode()

    assert "sedang mengerjakan pekerjaan lain" in block()  # it beat 30 s ago
    Pekerjaan.objects.filter(pk=lain.pk).update(detak=now - timedelta(minutes=2))  # its worker died
    html = block()
    assert "sedang mengerjakan pekerjaan lain" not in html
    assert "Belum ada pekerja yang mengambil pekerjaan ini" in html and "Hubungi admin" in html
    with override_settings(RENAKSI_PEKERJAAN_DETAK_DETIK=60):  # beats a minute apart: two minutes is two beats
        assert "sedang mengerjakan pekerjaan lain" in block()
    # A job that has just ended beat recently, but its worker is running nothing now.
    Pekerjaan.objects.filter(pk=lain.pk).update(status=S.SELESAI, selesai=now, detak=now - timedelta(seconds=5))
    assert "Belum ada pekerja yang mengambil pekerjaan ini" in block()


def test_the_jobs_page_warns_too_when_jobs_wait_and_no_worker_runs(client, world):
    now = timezone.now()
    Pekerjaan.objects.create(jenis="uji.percobaan", judul="Selesai", pemilik=world.alice, status=S.SELESAI)
    antri = Pekerjaan.objects.create(jenis="uji.percobaan", judul="Percobaan", pemilik=world.alice)
    client.force_login(world.alice)

    def page():
        return client.get(reverse("pekerjaan_daftar")).content.decode()

    assert "pekerjaan-tertahan" not in page()  # just queued: nothing to say yet
    Pekerjaan.objects.filter(pk=antri.pk).update(diantrekan=now - timedelta(minutes=3))
    html = page()
    assert "Belum ada pekerja yang mengambil pekerjaan yang menunggu" in html and "Hubungi admin" in html
    assert timezone.localtime(now - timedelta(minutes=3)).strftime("%H:%M") in html
    # A worker beat a minute ago: it is alive and busy, the list says nothing.
    Pekerjaan.objects.create(jenis="uji.percobaan", judul="Panjang", status=S.BERJALAN, dimulai=now,
                             detak=now - timedelta(minutes=1))
    assert "pekerjaan-tertahan" not in page()


def test_only_the_uploader_continues_a_read_job_and_the_page_names_them(client, world):
    """A job whose result continues in its owner's session (a long PDF read): the admin pemda sees who can continue
    instead of a missing button."""
    world.alice.first_name, world.alice.last_name = "Alice", "Perencana"
    world.alice.save()
    pekerjaan = Pekerjaan.objects.create(jenis="uji.percobaan", judul="Membaca ra.pdf", pemilik=world.alice,
                                         pemda=world.pemda, lanjut="/impor/pratinjau/abc/")
    services.pekerjaan_selesai(pekerjaan=pekerjaan)
    url = reverse("pekerjaan_detail", args=[pekerjaan.pk])
    client.force_login(world.admin)
    page = client.get(url).content.decode()
    assert "Hanya Alice Perencana, yang mengunggah berkas ini, yang dapat melanjutkannya" in page
    assert 'id="pekerjaan-lanjut"' not in page and "/impor/pratinjau/abc/" not in page
    client.force_login(world.alice)
    page = client.get(url).content.decode()
    assert 'id="pekerjaan-lanjut"' in page and "/impor/pratinjau/abc/" in page and "Hanya Alice" not in page


def test_download_hands_out_the_kept_file(client, world):
    pekerjaan = Pekerjaan.objects.create(jenis="uji.percobaan", judul="Percobaan", pemilik=world.alice)
    services.pekerjaan_selesai(pekerjaan=pekerjaan, hasil=Hasil(nama="ra-kesbangpol.pdf",
                                                                content_type="application/pdf", isi=b"%PDF-1.7"))
    client.force_login(world.alice)
    response = client.get(reverse("pekerjaan_unduh", args=[pekerjaan.pk]))
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.7"
    assert response["Content-Type"] == "application/pdf" and "ra-kesbangpol.pdf" in response["Content-Disposition"]


# Who sees alice's job over her Pemda: alice (owner) and the admin pemda of that Pemda; not her PD's read-only
# kepala, not kabid/bob of her PD, not charlie of another PD, not eve (evaluator), not dave of another Pemda.
SEES = {"alice": True, "admin": True, "kepala": False, "kabid": False, "bob": False, "charlie": False, "eve": False,
        "dave": False}


@pytest.mark.parametrize(("persona", "sees"), SEES.items())
def test_rights_per_persona(client, world, percobaan, persona, sees, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        gagal = _mulai(world.alice, pemda=world.pemda)
    selesai = Pekerjaan.objects.create(jenis="uji.percobaan", judul="Selesai", pemilik=world.alice, pemda=world.pemda)
    services.pekerjaan_selesai(pekerjaan=selesai, hasil=Hasil(nama="a.txt", content_type="text/plain", isi=b"a"))
    client.force_login(getattr(world, persona))
    listed = client.get(reverse("pekerjaan_daftar")).content.decode()
    assert (reverse("pekerjaan_detail", args=[selesai.pk]) in listed) is sees
    expected = 200 if sees else 404
    assert client.get(reverse("pekerjaan_detail", args=[gagal.pk])).status_code == expected
    assert client.get(reverse("pekerjaan_unduh", args=[selesai.pk])).status_code == expected
    percobaan["gagal"] = False
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("pekerjaan_ulangi", args=[gagal.pk]))
    assert response.status_code == (302 if sees else 404)
    gagal.refresh_from_db()
    assert gagal.status == (S.SELESAI if sees else S.GAGAL)


def test_the_jobs_page_lists_a_constant_number_of_queries(client, world, percobaan, django_assert_max_num_queries):
    client.force_login(world.admin)
    for n in (2, 20):
        for _i in range(n):
            Pekerjaan.objects.create(jenis="uji.percobaan", judul="Percobaan", pemilik=world.alice, pemda=world.pemda)
        with django_assert_max_num_queries(6):
            assert client.get(reverse("pekerjaan_daftar")).status_code == 200


# --- Jobs of laporan and sintetis ----------------------------------------------------------------------------------


@override_settings(RENAKSI_EKSPOR_LATAR_AKSI=3)
def test_a_large_plans_pdf_is_made_by_a_job(client, world, django_capture_on_commit_callbacks):
    client.force_login(world.alice)
    url = reverse("laporan_unduh", args=[world.plan.pk, "ra", "pdf"])
    page = client.get(url)
    assert page.status_code == 200 and page["Content-Type"].startswith("text/html")
    assert "Buat di latar belakang" in page.content.decode()
    # A small format of the same plan still comes at once.
    assert client.get(reverse("laporan_unduh", args=[world.plan.pk, "ra", "xlsx"]))["Content-Type"].startswith(
        "application/vnd.openxmlformats")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("laporan_unduh_latar", args=[world.plan.pk, "ra", "pdf"]))
    pekerjaan = Pekerjaan.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("pekerjaan_detail", args=[pekerjaan.pk])
    assert pekerjaan.status == S.SELESAI and pekerjaan.pemilik == world.alice and pekerjaan.pemda == world.pemda
    assert pekerjaan.hasil_nama == "ra-kesbangpol-contoh-2024.pdf" and pekerjaan.hasil.read().startswith(b"%PDF")


def test_a_small_plans_pdf_is_downloaded_at_once(client, world):
    client.force_login(world.alice)
    response = client.get(reverse("laporan_unduh", args=[world.plan.pk, "ra", "pdf"]))
    assert response["Content-Type"] == "application/pdf"


def test_the_pemda_bundle_zips_every_pds_document(client, world, django_capture_on_commit_callbacks):
    from tests.factories import make_plan

    make_plan(world.other_pd)
    client.force_login(world.admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("laporan_bundel_pemda"), {"tahun": "2024", "format": ["pdf", "docx"]})
    pekerjaan = Pekerjaan.objects.get()
    assert response["Location"] == reverse("pekerjaan_detail", args=[pekerjaan.pk])
    assert pekerjaan.status == S.SELESAI, pekerjaan.galat
    names = sorted(zipfile.ZipFile(io.BytesIO(pekerjaan.hasil.read())).namelist())
    assert names == ["ra-dinkes-contoh-2024.docx", "ra-dinkes-contoh-2024.pdf", "ra-kesbangpol-contoh-2024.docx",
                     "ra-kesbangpol-contoh-2024.pdf"]  # both PDs of the Pemda, not the other Pemda's


def test_a_bundle_that_fails_names_the_pd_not_the_exception(client, world, django_capture_on_commit_callbacks,
                                                               monkeypatch, caplog):
    """The reason a user reads names the PD and the format; the exception's class and text stay in the log."""
    def rusak(**kwargs):
        raise KeyError("internal_field_name")

    monkeypatch.setattr(laporan_tugas.ekspor, "ekspor", rusak)
    client.force_login(world.admin)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("laporan_bundel_pemda"), {"tahun": "2024", "format": "pdf"})
    pekerjaan = Pekerjaan.objects.get()
    assert pekerjaan.status == S.GAGAL
    assert world.plan.perangkat_daerah.nama in pekerjaan.galat and "PDF" in pekerjaan.galat
    assert "KeyError" not in pekerjaan.galat and "internal_field_name" not in pekerjaan.galat
    assert "internal_field_name" in caplog.text


@pytest.mark.parametrize("persona", ["alice", "kepala", "dave"])
def test_the_bundle_is_for_pemda_level_users_only(client, world, persona):
    client.force_login(getattr(world, persona))
    assert client.post(reverse("laporan_bundel_pemda"), {"format": "pdf"}).status_code == 403
    assert not Pekerjaan.objects.exists()


def test_a_bundle_without_format_or_plans_says_why(client, world):
    client.force_login(world.admin)
    response = client.post(reverse("laporan_bundel_pemda"), {"tahun": "2024"}, follow=True)
    assert "Pilih sedikitnya satu format bundel" in response.content.decode()
    response = client.post(reverse("laporan_bundel_pemda"), {"tahun": "1999", "format": "pdf"}, follow=True)
    assert "belum mempunyai rencana aksi tahun 1999" in response.content.decode()
    assert not Pekerjaan.objects.exists()


def test_bundel_pemda_mulai_is_one_call_and_the_cli_queues_it(world, django_capture_on_commit_callbacks):
    pekerjaan = laporan_tugas.bundel_pemda_mulai(pemda=world.pemda, pengguna=world.admin)
    assert pekerjaan.parameter == {"pemda": world.pemda.pk, "tahun": 2024, "format": ["pdf"]}
    out = io.StringIO()
    with override_settings(TASKS=DB_TASKS):
        call_command("bundel", "--pemda", "Contoh", "--format", "xlsx,pdf", stdout=out)
    latest = Pekerjaan.objects.latest("pk")
    assert f"Pekerjaan {latest.pk} diantrekan" in out.getvalue()
    assert latest.pemilik == world.admin and latest.parameter["format"] == ["pdf", "xlsx"]
    with pytest.raises(CommandError, match="tidak ditemukan"):
        call_command("bundel", "--pemda", "Atlantis")


def test_synth_job_makes_the_pemda_in_the_worker(world, django_capture_on_commit_callbacks):
    from renaksi.organisasi.models import Pemda

    with override_settings(TASKS=DB_TASKS):
        call_command("synth", "--pd", "1", "--besar-setiap", "0", "--pemda", "Antre", "--job", stdout=io.StringIO())
    pekerjaan = Pekerjaan.objects.get(jenis="sintetis.synth")
    assert pekerjaan.status == S.ANTRI and not Pemda.objects.filter(nama="Antre").exists()  # not made by the CLI
    from renaksi.pekerjaan.tugas import jalankan

    jalankan.call(pekerjaan_id=pekerjaan.pk)  # what the worker does
    pekerjaan.refresh_from_db()
    assert pekerjaan.status == S.SELESAI and "1 rencana aksi dibuat" in pekerjaan.pesan, pekerjaan.galat
    assert Pemda.objects.filter(nama="Antre").exists()
