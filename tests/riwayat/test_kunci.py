"""Optimistic locking: a stale edit form is refused with both values and changes nothing; 20 concurrent writers on
PostgreSQL lose no update."""

from __future__ import annotations

import threading
from decimal import Decimal

import pytest
from django.db import connection
from django.urls import reverse

from renaksi.core.kunci import Konflik
from renaksi.monev import services as monev
from renaksi.monev.models import RealisasiIndikator
from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import Indikator, Sasaran, Target
from tests.factories import empty_plan, sasaran


def _iku(plan) -> Indikator:
    return Indikator.objects.filter(rencana_aksi=plan).order_by("urutan", "id").first()


def _hidden_versi(html: str) -> str:
    return html.split('name="versi_baris"')[1].split('value="')[1].split('"')[0]


@pytest.mark.django_db
def test_a_stale_editor_form_is_refused_with_both_values(client, world):
    row = Sasaran.objects.filter(rencana_aksi=world.plan).first()
    url = reverse("sasaran_edit", args=[row.pk])
    history_before = row.history.count()
    client.force_login(world.alice)
    versi = _hidden_versi(client.get(url).content.decode())
    assert versi == str(row.versi_baris)
    # meanwhile the admin pemda saves the same row from his own form
    svc.sasaran_update(sasaran=Sasaran.objects.get(pk=row.pk), uraian="Versi admin", versi_baris=int(versi))
    body = {"nomor": row.nomor, "uraian": "Versi alice", "level": row.level, "versi_baris": versi}
    response = client.post(url, body)
    assert response.status_code == 422
    html = response.content.decode()
    assert "telah diubah oleh" in html
    assert "Uraian sasaran — nilai Anda: «Versi alice»; nilai sekarang: «Versi admin»." in html
    fresh = Sasaran.objects.get(pk=row.pk)
    assert (fresh.uraian, fresh.versi_baris) == ("Versi admin", int(versi) + 1)
    assert fresh.history.count() == history_before + 1  # the admin's; nothing of alice's was written
    # the refused form carries the current version: sending it again overwrites deliberately
    retry = _hidden_versi(html)
    assert retry == str(fresh.versi_baris)
    assert client.post(url, body | {"versi_baris": retry}).status_code == 200
    assert Sasaran.objects.get(pk=row.pk).uraian == "Versi alice"


@pytest.mark.django_db
def test_a_stale_target_form_shows_the_targets(client, world):
    iku = _iku(world.plan)
    url = reverse("target_edit", args=[iku.pk])
    client.force_login(world.kabid)
    versi = _hidden_versi(client.get(url).content.decode())
    client.force_login(world.alice)
    ok = client.post(url, {"tahunan": "80", "tw1": "15", "tw2": "20", "tw3": "20", "tw4": "30", "versi_baris": versi})
    assert ok.status_code == 200
    client.force_login(world.kabid)
    stale = client.post(url, {"tahunan": "80", "tw1": "11", "tw2": "20", "tw3": "20", "tw4": "30",
                              "versi_baris": versi})
    assert stale.status_code == 422
    assert "Target TW 1 — nilai Anda: «11»; nilai sekarang: «15»." in stale.content.decode()
    assert "telah diubah oleh alice" in stale.content.decode()
    assert Target.objects.get(indikator=iku, triwulan=1).nilai == Decimal("15")


@pytest.mark.django_db
def test_a_stale_monev_form_is_refused(client, world):
    iku = _iku(world.plan)
    monev.jendela_buka(pemda=world.pemda, tahun=world.plan.tahun, triwulan=2)
    url = reverse("monev_indikator_save", args=[iku.pk, 2])
    body = {"realisasi": "12", "catatan": "", "faktor_pendorong": "", "faktor_penghambat": "", "tindak_lanjut": "",
            "tindak_lanjut_renja": "", "versi_baris": "0"}  # opened when nothing was reported yet
    monev.realisasi_indikator_set(indikator=iku, triwulan=2, nilai=Decimal("9"), by=world.kabid, versi_baris=0)
    client.force_login(world.alice)
    response = client.post(url, body)
    assert response.status_code == 422
    assert "Realisasi — nilai Anda: «12»; nilai sekarang: «9»." in response.content.decode()
    realisasi = RealisasiIndikator.objects.get(indikator=iku, triwulan=2)
    assert realisasi.nilai == Decimal("9") and realisasi.diisi_oleh == world.kabid
    assert client.post(url, body | {"versi_baris": str(realisasi.versi_baris)}).status_code == 200
    assert RealisasiIndikator.objects.get(indikator=iku, triwulan=2).nilai == Decimal("12")


@pytest.mark.django_db
def test_system_writes_move_the_version_on(world):
    row = Sasaran.objects.filter(rencana_aksi=world.plan).first()
    before = row.versi_baris
    svc.sasaran_update(sasaran=row, uraian="oleh impor")  # no version: checks nothing
    with pytest.raises(Konflik):
        svc.sasaran_update(sasaran=Sasaran.objects.get(pk=row.pk), uraian="formulir lama", versi_baris=before)
    assert Sasaran.objects.get(pk=row.pk).uraian == "oleh impor"


WRITERS = 20
ROUNDS = 3


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql",
                    reason="needs concurrent writers: SQLite serialises writers (one database lock), so the race "
                           "cannot happen there; runs on PostgreSQL (make test-postgres, CI)")
def test_twenty_concurrent_writers_lose_no_update():
    """20 threads, each with its own connection, read the row, wait for each other, then all save with the version
    they read: per round exactly one wins, the 19 others get Konflik; every accepted value is in the history and the
    final value is the last accepted one."""
    row = sasaran(empty_plan(), uraian="awal")
    start = Sasaran.objects.get(pk=row.pk).versi_baris
    assert start == row.versi_baris, (start, row.versi_baris)
    barrier = threading.Barrier(WRITERS)
    accepted: list[tuple[int, str]] = []
    conflicts: list[int] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def writer(n: int) -> None:
        try:
            for r in range(ROUNDS):
                mine = Sasaran.objects.get(pk=row.pk)
                barrier.wait(timeout=60)  # everybody has read the same version
                value, read = f"penulis {n} putaran {r}", mine.versi_baris
                try:
                    svc.sasaran_update(sasaran=mine, uraian=value, versi_baris=read)
                except Konflik:
                    with lock:
                        conflicts.append(read)
                else:
                    with lock:
                        accepted.append((read, value))
                barrier.wait(timeout=60)  # every write of the round is done
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            errors.append(exc)
            barrier.abort()
        finally:
            connection.close()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    assert sorted(v for v, _value in accepted) == list(range(start, start + ROUNDS))  # one winner per version
    assert len(conflicts) == ROUNDS * (WRITERS - 1)
    final = Sasaran.objects.get(pk=row.pk)
    last = max(accepted)
    assert (final.versi_baris, final.uraian) == (start + ROUNDS, last[1])
    history = list(final.history.filter(history_type="~").order_by("history_id").values_list("uraian", "versi_baris"))
    assert history == [(value, v + 1) for v, value in sorted(accepted)]
