"""The RA document as data: what each table holds, where cells merge, and who signs."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

from renaksi.laporan.builders import Nilai, rencana_aksi_dokumen
from renaksi.laporan.templatetags.dokumen import format_tanggal
from renaksi.organisasi.models import Pemda
from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import Sasaran
from tests.factories import make_pd, make_plan


def tampil(values: list[Nilai]) -> list[str]:
    return [v.tampil for v in values]


def test_make_plan_document_tables(world):
    doc = rencana_aksi_dokumen(rencana_aksi=world.plan)

    assert doc.sampul.pemda == "Kota Contoh"
    assert doc.sampul.perangkat_daerah == "Badan Kesatuan Bangsa dan Politik"
    assert doc.tahun == 2024 and not doc.sampul.terbit

    [iku] = doc.tabel_iku
    assert iku.indikator == "Persentase partisipasi pemilih"
    assert iku.target.tampil == "80" and iku.target.nilai == Decimal(80)

    assert doc.tabel_pk == []

    rows = doc.tabel_anggaran
    # The program's own row holds its pagu (so the document states it); the total adds the kegiatan only.
    assert [r.jenis for r in rows] == ["program", "kegiatan", "sub_kegiatan", "sub_kegiatan"]
    assert [r.nomor for r in rows] == ["1", "", "", ""]
    assert [r.nomor_rowspan for r in rows] == [4, 0, 0, 0]
    assert [r.program_rowspan for r in rows] == [4, 0, 0, 0]
    assert [r.sasaran_rowspan for r in rows] == [4, 0, 0, 0]
    assert [r.urutan for r in rows] == [0, 0, 1, 2]
    assert rows[1].kode == "8.01.03.2.01" and rows[0].program_kode == "8.01.03"
    assert [r.pagu for r in rows] == [20_000_000, 20_000_000, 10_000_000, 10_000_000]
    assert [r.dijumlah for r in rows] == [False, True, False, False]
    assert doc.total_pagu == 20_000_000 and isinstance(doc.total_pagu, int)

    [target] = doc.tabel_target
    assert target.tahunan.tampil == "80"
    assert tampil(target.triwulan) == ["10", "20", "20", "30"]

    assert doc.matriks == []


def test_make_plan_document_bidang_sections(world):
    doc = rencana_aksi_dokumen(rencana_aksi=world.plan)

    assert [b.nama for b in doc.bidang] == ["Bidang Politik Dalam Negeri", "Bidang Ideologi dan Wawasan Kebangsaan"]
    politik, ideologi = doc.bidang
    assert [r.indikator for r in politik.indikator] == ["Persentase partisipasi pemilih"]
    assert tampil(politik.indikator[0].triwulan) == ["10", "20", "20", "30"]

    [tabel] = politik.tabel_aksi
    assert tabel.sub_kegiatan == "Sub kegiatan uji 1"
    assert tabel.program == "Program Peningkatan Peran Partai Politik"
    assert tabel.target.tampil == "12 laporan" and tabel.pagu == 10_000_000
    assert tabel.rowspan == 2
    first, second = tabel.aksi
    assert first.jadwal == (True, True, True) + (False,) * 9
    assert second.jadwal == (True, True, False, True) + (False,) * 8
    assert first.keluaran == "Laporan"

    signer = politik.penandatangan
    assert signer.nama == "MUNAWAROH, S.Sos., M.M."
    assert signer.nip == "196903251991032004"
    assert signer.nip_tampil == "19690325 199103 2 004"
    assert signer.pangkat_golongan == "Pembina (IV/a)"
    assert signer.jabatan == "Kepala Bidang Politik Dalam Negeri"
    assert not signer.pelaksana
    assert signer.tempat == "Contoh" and signer.tanggal is None

    # A bidang without a head still gets its signature block, with the jabatan and an empty name.
    assert ideologi.penandatangan.kosong
    assert ideologi.penandatangan.jabatan == "Kepala Bidang Ideologi dan Wawasan Kebangsaan"
    assert [t.sub_kegiatan for t in ideologi.tabel_aksi] == ["Sub kegiatan uji 2"]


def test_two_bidang_plan_with_plt_signer(two_bidang_plan):
    doc = rencana_aksi_dokumen(rencana_aksi=two_bidang_plan.plan)

    [iku] = doc.tabel_iku
    assert iku.formulasi == "Peserta yang paham dibagi peserta x 100%"
    assert iku.target.tampil == "29,17%"

    assert [r.indikator for r in doc.tabel_pk] == ["Persentase masyarakat yang paham ideologi bangsa",
                                                   "Persentase Peserta Pendidikan Politik"]
    assert [r.sasaran_rowspan for r in doc.tabel_pk] == [2, 0]
    assert [r.target.tampil for r in doc.tabel_pk] == ["29,17%", "100%"]

    # Tabel 2.4 follows the PK: the bidang's own indicator is on the bidang page, not here.
    assert [r.indikator for r in doc.tabel_target] == [r.indikator for r in doc.tabel_pk]
    assert tampil(doc.tabel_target[0].triwulan) == ["1,56%", "1,64%", "12,98%", "12,99%"]
    assert tampil(doc.tabel_target[1].triwulan) == ["", "", "", ""]  # empty stays empty

    rows = doc.tabel_anggaran
    assert [r.jenis for r in rows] == ["program", "kegiatan", "sub_kegiatan", "sub_kegiatan",
                                       "program", "kegiatan", "sub_kegiatan"]
    assert [r.nomor for r in rows] == ["1", "", "", "", "2", "", ""]
    assert [r.sasaran_rowspan for r in rows] == [7, 0, 0, 0, 0, 0, 0]
    assert [r.indikator_rowspan for r in rows] == [4, 0, 0, 0, 3, 0, 0]
    assert [r.program_rowspan for r in rows] == [4, 0, 0, 0, 3, 0, 0]
    assert rows[4].target.tampil == "100%"
    assert [r.pagu for r in rows if r.jenis == "program"] == [2_718_270_000, 53_943_679_550]
    # The sub kegiatan of the first kegiatan add up to 2.356.090.000, not 2.718.270.000: shown as stored.
    assert rows[1].pagu == 2_718_270_000 and rows[2].pagu + rows[3].pagu == 2_356_090_000
    assert doc.total_pagu == 2_718_270_000 + 53_943_679_550

    ideologi, politik = doc.bidang
    assert ideologi.nama == "Bidang Ideologi dan Wawasan Kebangsaan"
    assert [r.indikator for r in ideologi.indikator] == ["Presentase Pemahaman Terhadap Ideologi"]
    assert tampil(ideologi.indikator[0].triwulan) == ["25%"] * 4
    koordinasi, paskibraka = ideologi.tabel_aksi
    assert koordinasi.target.tampil == "1200 Orang" and koordinasi.rowspan == 2
    assert [a.nomor for a in koordinasi.aksi] == ["1", "2"]
    assert koordinasi.aksi[1].jadwal == (False, False, True, True) + (False,) * 7 + (True,)
    assert paskibraka.target.tampil == "300 orang" and paskibraka.pagu == 1_850_000_000

    plt = ideologi.penandatangan
    assert plt.jabatan == "Plt. Kabid. Ideologi, Wasbang Dan Karakter Bangsa"
    assert plt.pelaksana
    assert plt.nama == "MIFTAHURRIZQA, SE"
    assert plt.pangkat_golongan == "Pembina (IV/a)"
    assert plt.nip_tampil == "19720710 199803 1 012"
    assert plt.tempat == "Samarinda" and plt.tanggal == date(2024, 1, 2)

    assert politik.penandatangan.nama == "MUNAWAROH, S. Sos. MM" and not politik.penandatangan.pelaksana
    assert [len(t.aksi) for t in politik.tabel_aksi] == [3]

    kepala = doc.penandatangan
    assert kepala.nama == "SUCIPTO, S.Pd, M.Si."
    assert kepala.nip_tampil == "19670319 199702 1 003"
    assert kepala.jabatan == "Kepala Badan Kesatuan Bangsa dan Politik Kota Samarinda"


def test_sub_kegiatan_without_bidang_get_a_section_signed_by_the_head_of_the_pd(world):
    plan = make_plan(world.other_pd)  # a PD without bidang
    doc = rencana_aksi_dokumen(rencana_aksi=plan)
    [section] = doc.bidang
    assert section.nama == ""
    assert [t.sub_kegiatan for t in section.tabel_aksi] == ["Sub kegiatan uji 1", "Sub kegiatan uji 2"]
    assert section.penandatangan.jabatan == "Kepala Dinas Kesehatan" and section.penandatangan.kosong


def test_plan_without_aksi_is_a_matrix(db):
    """The Bangka layout: no aksi, sasaran at four levels, a category target, one indikator funding 2 programs."""
    pd = make_pd(pemda="Bangka", jenis=Pemda.Jenis.KABUPATEN, ibukota="Sungailiat")
    plan = svc.rencana_aksi_create(perangkat_daerah=pd, tahun=2024)
    s1 = svc.sasaran_create(rencana_aksi=plan, nomor="1", uraian="Menurunnya Potensi Konflik Sosial")
    i1 = svc.indikator_create(sasaran=s1, nama="Persentase Potensi Konflik Sosial", satuan="Persen",
                              penanggung_jawab="KEPALA BANKESBANGPOL")
    svc.target_set(indikator=i1, tahun=2024, triwulan=None, nilai=Decimal(80))
    for tw, v in enumerate(["0", "0", "0", "80"], start=1):
        svc.target_set(indikator=i1, tahun=2024, triwulan=tw, nilai=Decimal(v))
    s3 = svc.sasaran_create(rencana_aksi=plan, nomor="3", uraian="Meningkatnya Akuntabilitas Kinerja")
    i3 = svc.indikator_create(sasaran=s3, nama="Hasil Evaluasi AKIP", satuan="Kategori/Nilai")
    svc.target_set(indikator=i3, tahun=2024, triwulan=None, nilai=Decimal("67.34"), kategori="B")
    p1 = svc.program_create(rencana_aksi=plan, nama="Program Penguatan Ideologi Pancasila", pagu=1_030_000,
                            indikator=[i1])
    svc.program_create(rencana_aksi=plan, nama="Program Pembinaan Ketahanan Ekonomi", pagu=165_000_000,
                       indikator=[i1])
    sp = svc.sasaran_create(rencana_aksi=plan, nomor="1", level=Sasaran.Level.PROGRAM,
                            uraian="Meningkatnya Pemahaman Ideologi Pancasila")
    ip = svc.indikator_create(sasaran=sp, nama="Persentase Unsur Masyarakat yang paham", satuan="Persen")
    svc.kegiatan_create(program=p1, nama="Kegiatan Perumusan Kebijakan Teknis Ideologi", pagu=1_030_000,
                        indikator=[ip])

    doc = rencana_aksi_dokumen(rencana_aksi=plan)

    assert doc.bidang == []
    assert [(m.huruf, m.judul, m.kolom) for m in doc.matriks] == [("A", "Sasaran Strategis", ["program"]),
                                                              ("B", "Sasaran Program", ["kegiatan"])]
    a, b = doc.matriks
    assert [r.program for r in a.baris] == ["Program Penguatan Ideologi Pancasila",
                                            "Program Pembinaan Ketahanan Ekonomi", ""]
    assert [r.anggaran for r in a.baris] == [1_030_000, 165_000_000, None]
    assert [r.indikator_rowspan for r in a.baris] == [2, 0, 1]
    assert [r.sasaran_rowspan for r in a.baris] == [2, 0, 1]
    assert a.baris[0].penanggung_jawab == "KEPALA BANKESBANGPOL"
    assert tampil(a.baris[0].triwulan) == ["0", "0", "0", "80"]
    assert a.baris[2].target.tampil == "B (67,34)"
    assert [r.kegiatan for r in b.baris] == ["Kegiatan Perumusan Kebijakan Teknis Ideologi"]
    assert doc.penandatangan.tempat == "Sungailiat" and doc.penandatangan.kosong


def test_builder_reads_a_constant_number_of_queries(world):
    counts = []
    for n in (5, 50):
        plan = make_plan(world.pd, tahun=2030 + n, n_sub_kegiatan=n)
        with CaptureQueriesContext(connection) as ctx:
            doc = rencana_aksi_dokumen(rencana_aksi=plan)
        assert sum(len(t.tabel_aksi) for t in doc.bidang) == n
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1], counts


def test_nilai_shows_what_was_written():
    assert Nilai(nilai=Decimal("16.200000"), desimal=2).tampil == "16,20"
    assert Nilai(nilai=Decimal("207440.00"), desimal=2, satuan="orang").tampil == "207.440,00 orang"
    assert Nilai(nilai=Decimal("67.34"), desimal=2, kategori="B").tampil == "B (67,34)"
    assert Nilai(teks="30 (1 Forum)", nilai=Decimal(30)).tampil == "30 (1 Forum)"
    assert Nilai().tampil == "" and Nilai().kosong


def test_indonesian_dates():
    assert format_tanggal(date(2024, 1, 2)) == "2 Januari 2024"
    assert format_tanggal(date(2023, 12, 31)) == "31 Desember 2023"
    assert format_tanggal(None) == ""


def test_every_document_is_a_draft_until_the_plan_is_approved():
    """One rule (`RencanaAksi.draf`) for the DRAF mark of every document: draft, submitted and returned plans are
    drafts; approved and locked ones are not."""
    from renaksi.perencanaan.models import RencanaAksi

    draf = {status: RencanaAksi(status=status).draf for status in RencanaAksi.Status.values}
    assert draf == {"draft": True, "diajukan": True, "dikembalikan": True, "disetujui": False, "terkunci": False}
