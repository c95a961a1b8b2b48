"""`renaksi demo` adds example monitoring data for TW I–III to the Samarinda plan: deterministic, plausible, and
labelled "Data contoh" on the screens."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from renaksi.monev.models import (
    JendelaPelaporan,
    ProgresAksi,
    RealisasiAnggaran,
    RealisasiIndikator,
    TindakLanjut,
)
from renaksi.monev.selectors import monev_data
from renaksi.perencanaan.models import RencanaAksi


@pytest.fixture
def demo(db, seeds_dir):
    call_command("demo", seeds=str(seeds_dir), synth_pd=0, stdout=StringIO())
    return RencanaAksi.objects.select_related("perangkat_daerah__pemda").get(
        perangkat_daerah__pemda__nama="Samarinda")


def _snapshot():
    return sorted(RealisasiIndikator.objects.values_list("indikator__nama", "triwulan", "nilai", "kategori"))


def test_realisasi_for_tw_1_to_3_plausible_and_through_the_windows(demo):
    assert set(RealisasiIndikator.objects.values_list("triwulan", flat=True)) == {1, 2, 3}
    assert not RealisasiIndikator.objects.filter(indikator__rencana_aksi__perangkat_daerah__pemda__nama="Bangka")
    assert RealisasiAnggaran.objects.filter(sub_kegiatan__rencana_aksi=demo).exists()
    assert ProgresAksi.objects.filter(aksi__rencana_aksi=demo).exists()
    windows = dict(JendelaPelaporan.objects.filter(pemda=demo.perangkat_daerah.pemda).values_list("triwulan",
                                                                                                  "status"))
    assert windows == {1: "ditutup", 2: "ditutup", 3: "dibuka"}

    data = monev_data(rencana_aksi=demo, triwulan=3)
    capaian = [i.capaian.nilai for i in data.indikator if i.capaian.nilai is not None]
    on_track = [c for c in capaian if c >= 90]
    assert len(on_track) >= len(capaian) * 2 // 3  # most indikator on track
    assert sum(1 for i in data.indikator if i.berisiko) == 1  # one berisiko
    assert any(s.serapan and s.serapan > 75 for s in data.sub_kegiatan)  # spending ahead of the pace somewhere
    assert TindakLanjut.objects.filter(indikator__rencana_aksi=demo, status="selesai").exists()


def test_twice_writes_nothing_new_and_values_are_the_same_every_time(demo, seeds_dir):
    first = _snapshot()
    out = StringIO()
    call_command("demo", seeds=str(seeds_dir), synth_pd=0, stdout=out)
    assert _snapshot() == first
    assert "tidak ditulis lagi" in out.getvalue()


def test_screens_say_data_contoh(client, demo):
    from renaksi.accounts.models import User

    client.force_login(User.objects.get(username="samarinda.perencana"))
    assert "Data contoh" in client.get(reverse("monev_form", args=[demo.pk, 3])).content.decode()
    assert "Data contoh" in client.get(reverse("dasbor_pd", args=[demo.pk])).content.decode()
    client.force_login(User.objects.get(username="samarinda.evaluator"))
    assert "Data contoh" in client.get(reverse("dasbor_pemda")).content.decode()
