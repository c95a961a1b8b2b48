"""The monev triwulan document (Permendagri 86/2017 form) as blocks: exactly what monev_data reports, for the
chosen triwulan, blank until something is reported, and a constant number of queries."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from renaksi.core.predikat import LATAR_PREDIKAT_DOKUMEN, Predikat
from renaksi.laporan import blok
from renaksi.laporan.monev import dokumen
from renaksi.monev import services as monev
from renaksi.monev.selectors import monev_data
from renaksi.perencanaan.models import Indikator, RencanaAksi, SubKegiatan
from renaksi.riwayat import services as catatan
from tests.factories import make_plan


@pytest.fixture
def plan(world) -> RencanaAksi:
    for tw in (1, 2, 3):
        monev.jendela_buka(pemda=world.pemda, tahun=world.plan.tahun, triwulan=tw)
    return RencanaAksi.objects.select_related("perangkat_daerah__pemda").get(pk=world.plan.pk)


def tables(doc: blok.Dokumen) -> list[blok.Tabel]:
    (bagian,) = doc.bagian
    return [b for b in bagian.blok if isinstance(b, blok.Tabel)]


def nilai(row: blok.Baris) -> list:
    return [c.nilai for c in row.sel]


def texts(doc: blok.Dokumen) -> str:
    (bagian,) = doc.bagian
    return "\n".join(b.teks for b in bagian.blok if isinstance(b, blok.Judul | blok.Paragraf))


def report_tw1_tw2(plan: RencanaAksi) -> tuple[Indikator, SubKegiatan, SubKegiatan]:
    iku = Indikator.objects.get(rencana_aksi=plan)
    sub1, sub2 = SubKegiatan.objects.filter(rencana_aksi=plan).order_by("urutan", "id")
    monev.realisasi_indikator_set(indikator=iku, triwulan=1, nilai=D("10"))
    monev.realisasi_indikator_set(indikator=iku, triwulan=2, nilai=D("8.5"))
    monev.evaluasi_set(indikator=iku, triwulan=1, faktor_pendorong="Dukungan KPU",
                       tindak_lanjut="Rapat koordinasi dengan KPU")
    monev.evaluasi_set(indikator=iku, triwulan=2, faktor_pendorong="Sosialisasi berjalan",
                       faktor_penghambat="Anggaran terlambat", tindak_lanjut="Percepat pencairan",
                       tindak_lanjut_renja="Tambah sosialisasi")
    monev.realisasi_anggaran_set(sub_kegiatan=sub1, triwulan=1, jumlah=1_000_000)
    monev.realisasi_anggaran_set(sub_kegiatan=sub1, triwulan=2, jumlah=4_000_000)
    monev.realisasi_anggaran_set(sub_kegiatan=sub2, triwulan=1, jumlah=2_000_000)
    return iku, sub1, sub2


def test_tw2_shows_tw1_and_tw2_with_monev_data_capaian(plan):
    iku, sub1, sub2 = report_tw1_tw2(plan)
    doc = dokumen(rencana_aksi=plan, triwulan=2)
    kinerja, evaluasi, anggaran = tables(doc)
    (row,) = kinerja.baris
    # No, sasaran, indikator, satuan, target tahun, (target, realisasi) TW I–IV, capaian, rumus, predikat.
    assert nilai(row)[:5] == ["1", "Meningkatnya partisipasi politik masyarakat", "Persentase partisipasi pemilih",
                              "Persen", D(80)]
    assert nilai(row)[5:13] == [D(10), D(10), D(20), D("8.5"), D(20), None, D(30), None]
    item = monev_data(rencana_aksi=plan, triwulan=2).indikator[0]
    assert item.capaian.nilai == D("61.67")  # 18,5 ÷ 30
    capaian, rumus, predikat = row.sel[13:]
    assert capaian.nilai == item.capaian.nilai and capaian.format == "persen"
    assert rumus.nilai == item.capaian.rumus == "Σ realisasi TW I–II ÷ Σ target TW I–II × 100 = 18,5 ÷ 30 × 100"
    assert predikat.nilai == "Rendah" and item.predikat == Predikat.RENDAH
    assert predikat.isi_latar == LATAR_PREDIKAT_DOKUMEN[Predikat.RENDAH].lstrip("#") == "f0bd9c"
    assert row.sel[6].desimal == 0 and row.sel[8].desimal == 1  # "10" and "8,5": the decimals each needs

    (ev,) = evaluasi.baris
    assert nilai(ev) == ["1", "Persentase partisipasi pemilih", "Sosialisasi berjalan", "Anggaran terlambat",
                         "Percepat pencairan", "Tambah sosialisasi",
                         "TW I: Rapat koordinasi dengan KPU — Terbuka"]

    program, kegiatan, s1, s2 = anggaran.baris
    assert nilai(s1) == ["", "Sub kegiatan uji 1", 10_000_000, 1_000_000, 4_000_000, None, None, 5_000_000,
                         D("50.00")]
    assert nilai(s2) == ["", "Sub kegiatan uji 2", 10_000_000, 2_000_000, None, None, None, 2_000_000,
                         D("20.00")]
    assert nilai(kegiatan) == ["8.01.03.2.01", "Perumusan Kebijakan Teknis Bidang Politik", 20_000_000,
                               3_000_000, 4_000_000, None, None, 7_000_000, D("35.00")]
    assert nilai(program)[0] == "8.01.03" and nilai(program)[-1] == D("35.00")
    assert all(isinstance(c.nilai, int) for c in s1.sel[2:8] if c.nilai is not None)

    (ttd,) = [b for b in doc.bagian[0].blok if isinstance(b, blok.TandaTangan)]
    assert ttd.penandatangan[0].jabatan.startswith("Kepala")
    assert doc.bagian[0].orientasi == "lanskap" and doc.draf
    assert "Triwulan II Tahun 2024" in texts(doc) and "Data contoh" not in texts(doc)


def test_tw1_does_not_show_tw2(plan):
    report_tw1_tw2(plan)
    (row,) = tables(dokumen(rencana_aksi=plan, triwulan=1))[0].baris
    assert nilai(row)[5:13] == [D(10), D(10), D(20), None, D(20), None, D(30), None]
    assert row.sel[13].nilai == D("100.00") and row.sel[15].nilai == "Sangat Tinggi"
    assert row.sel[15].isi_latar == "8cbf9b"


def _luminance(hex_rgb: str) -> float:
    channels = [int(hex_rgb.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


@pytest.mark.parametrize("band", list(Predikat))
def test_predikat_cells_are_readable_black_on_their_fill(band):
    # The document's text is black; WCAG AA asks 4.5:1 for normal text (the full band colours gave ~4.1:1).
    contrast = (_luminance(LATAR_PREDIKAT_DOKUMEN[band]) + 0.05) / 0.05
    assert contrast >= 4.5, (band, LATAR_PREDIKAT_DOKUMEN[band], round(contrast, 2))
    assert len(set(LATAR_PREDIKAT_DOKUMEN.values())) == len(Predikat)  # every band its own fill


def test_tindak_lanjut_status_given_later(plan):
    iku, *_ = report_tw1_tw2(plan)
    tl = iku.tindak_lanjut.get(triwulan=1)
    monev.tindak_lanjut_status_set(tindak_lanjut=tl, triwulan=2, status="selesai", catatan="Rapat 5 April")
    ev = tables(dokumen(rencana_aksi=plan, triwulan=2))[1].baris[0]
    assert ev.sel[6].nilai == "TW I: Rapat koordinasi dengan KPU — Selesai (Rapat 5 April)"


def test_blank_form_without_realisasi(plan):
    doc = dokumen(rencana_aksi=plan, triwulan=3)
    kinerja, evaluasi, anggaran = tables(doc)
    (row,) = kinerja.baris
    assert len(row.sel) == 16  # the same table as a filled form
    assert nilai(row)[5:] == [D(10), None, D(20), None, D(20), None, D(30), None, None, None, None]
    assert all(c.nilai is None for c in evaluasi.baris[0].sel[2:])
    for r in anggaran.baris:
        assert nilai(r)[3:] == [None] * 6
    assert [r.sel[2].nilai for r in anggaran.baris] == [20_000_000, 20_000_000, 10_000_000, 10_000_000]
    assert "formulir kosong" in texts(doc)


def test_demo_data_is_marked(plan):
    iku = Indikator.objects.get(rencana_aksi=plan)
    monev.realisasi_indikator_set(indikator=iku, triwulan=1, nilai=D(9), catatan="Data contoh (demo)")
    assert "Data contoh" in texts(dokumen(rencana_aksi=plan, triwulan=1))


@pytest.mark.parametrize("triwulan", [None, 0, 5])
def test_triwulan_is_required(plan, triwulan):
    with pytest.raises(ValueError, match="Triwulan harus 1–4"):
        dokumen(rencana_aksi=plan, triwulan=triwulan)


@pytest.mark.parametrize("n_sub", [2, 20])
def test_constant_number_of_queries(world, n_sub, django_assert_max_num_queries):
    plan = make_plan(world.other_pd, tahun=2024, n_sub_kegiatan=n_sub, aksi_per_sub=3)
    monev.jendela_buka(pemda=world.pemda, tahun=2024, triwulan=1)
    for sub in SubKegiatan.objects.filter(rencana_aksi=plan):
        monev.realisasi_anggaran_set(sub_kegiatan=sub, triwulan=1, jumlah=1_000)
    plan = RencanaAksi.objects.get(pk=plan.pk)
    with django_assert_max_num_queries(21):  # the plan with its PD, monev_data's 18, the open notes (2)
        doc = dokumen(rencana_aksi=plan, triwulan=1)
    assert len(tables(doc)[2].baris) == 2 + n_sub


def test_open_evaluator_notes_are_printed_with_their_replies_and_resolved_ones_are_not(world, plan):
    iku = Indikator.objects.get(rencana_aksi=plan)
    on_realisasi = catatan.catatan_buat(baris=iku, triwulan=2, teks="Realisasi TW II belum didukung bukti.",
                                        by=world.eve)
    catatan.catatan_balas(catatan=on_realisasi, teks="Bukti menyusul minggu ini.", by=world.alice)
    on_row = catatan.catatan_buat(baris=iku, teks="Formulasi indikator perlu diperjelas.", by=world.eve)
    catatan.catatan_selesaikan(catatan=on_row, by=world.eve)
    catatan.catatan_buat(baris=iku, triwulan=1, teks="Catatan untuk TW I saja.", by=world.eve)

    *_, notes = tables(dokumen(rencana_aksi=plan, triwulan=2))
    assert notes.judul.startswith("Tabel 4")
    (row,) = notes.baris  # the resolved thread and the TW I note are not in the TW II report
    assert "Realisasi TW II belum didukung bukti." in row.sel[2].nilai
    assert "Bukti menyusul minggu ini." in row.sel[3].nilai
    assert iku.nama in row.sel[1].nilai


def test_without_open_notes_there_is_no_notes_table(plan):
    assert len(tables(dokumen(rencana_aksi=plan, triwulan=2))) == 3
