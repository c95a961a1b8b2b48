"""What the import-format tests share: seeds rewritten as XLSX / DOCX, a plan with every field filled, and a
canonical dump of a plan to compare two plans field by field."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from pathlib import Path
from typing import Any

from docx import Document
from openpyxl import Workbook

from renaksi.organisasi import services as org
from renaksi.organisasi.models import Bidang, Pejabat, PerangkatDaerah
from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import (
    Aksi,
    Indikator,
    Kegiatan,
    PerjanjianKinerja,
    Program,
    RencanaAksi,
    Sasaran,
    SubKegiatan,
    Target,
)

# --- Seeds in other formats --------------------------------------------------------------------------------------


def seed_lines(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").split("\n")
    return lines[:-1] if lines and lines[-1] == "" else lines


def seed_to_xlsx(path: Path) -> bytes:
    """Every line of the text copy in its own row, its TAB cells in columns, every value as text."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Rencana Aksi"
    for r, line in enumerate(seed_lines(path), start=1):
        for c, text in enumerate(line.split("\t"), start=1):
            if text:
                cell = ws.cell(row=r, column=c, value=text)
                cell.data_type = "s"  # never a formula, even for a cell starting with "="
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def seed_to_docx(path: Path) -> bytes:
    """Lines with TABs become rows of a table (consecutive ones one table), other lines become paragraphs."""
    document = Document()
    lines = seed_lines(path)
    i = 0
    while i < len(lines):
        if "\t" not in lines[i]:
            document.add_paragraph(lines[i])
            i += 1
            continue
        block = []
        while i < len(lines) and "\t" in lines[i]:
            block.append(lines[i].split("\t"))
            i += 1
        table = document.add_table(rows=len(block), cols=max(len(r) for r in block))
        for r, cells in enumerate(block):
            row_cells = table.rows[r].cells
            for c, text in enumerate(cells):
                if text:
                    row_cells[c].text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- A plan with every field -------------------------------------------------------------------------------------


def make_rich_plan(pd: PerangkatDaerah, tahun: int = 2024) -> RencanaAksi:
    """Every field of every row filled, the awkward values included: decimals written with trailing zeros, a
    category target, a percentage wording, an empty quarter, "-" as a target, pagu 0 and pagu None, an aksi without
    schedule, an acting (Plt.) official, a PK with both parties."""
    politik = org.bidang_get_or_create(perangkat_daerah=pd, nama="Bidang Politik Dalam Negeri", urutan=1)
    sekretariat = org.bidang_get_or_create(perangkat_daerah=pd, nama="Sekretariat, Umum; Keuangan", urutan=3)
    kepala = org.pejabat_create(perangkat_daerah=pd, nama="SUCIPTO, S.Pd, M.Si.", jabatan="Kepala Badan",
                                nip="19670319 199702 1 003", pangkat="Pembina Utama Muda", golongan="IV/c",
                                status=Pejabat.Status.PLT)
    org.perangkat_daerah_set_kepala(perangkat_daerah=pd, pejabat=kepala)
    kabid = org.pejabat_create(perangkat_daerah=pd, bidang=politik, nama="Hj. SRI REPELITA, S.Sos, M.Si",
                               jabatan="Kepala Bidang Politik Dalam Negeri", nip="196901272001122001",
                               pangkat="Pembina", golongan="IV/a")
    org.bidang_set_kepala(bidang=politik, pejabat=kabid)
    walikota = org.pejabat_create(perangkat_daerah=pd, nama="Dr. H. ANDI HARUN", jabatan="Wali Kota")
    plan = svc.rencana_aksi_create(perangkat_daerah=pd, tahun=tahun, judul="Rencana Aksi Kaya", tempat="Samarinda",
                                   tanggal=dt.date(tahun, 1, 2), penandatangan=kepala)
    s1 = svc.sasaran_create(rencana_aksi=plan, uraian="Meningkatnya kualitas perencanaan", nomor="6.1",
                            bidang=sekretariat)
    ipa = svc.indikator_create(sasaran=s1, nama="Indeks Profesionalitas ASN", satuan="Persen",
                               formulasi="Nilai IP ASN dibagi 100", akumulasi="kumulatif", akumulasi_disimpulkan=True,
                               alasan_inferensi="target triwulan cocok dengan jenis kumulatif", is_iku=True,
                               sumber_data="BKPSDM", penanggung_jawab="Sekretaris", bidang=sekretariat)
    svc.indikator_update(indikator=ipa, catatan="dibulatkan dua desimal")
    svc.target_set(indikator=ipa, tahun=tahun, triwulan=None, nilai=Decimal("64.78"))
    for tw in (1, 2, 3, 4):
        svc.target_set(indikator=ipa, tahun=tahun, triwulan=tw, nilai=Decimal("16.20"))
    akip = svc.indikator_create(sasaran=s1, nama="Hasil Evaluasi AKIP", satuan="Kategori/Nilai",
                                jenis_target=Indikator.JenisTarget.KATEGORI, polaritas="positif",
                                polaritas_disimpulkan=True, akumulasi="tetap")
    svc.target_set(indikator=akip, tahun=tahun, triwulan=None, nilai=Decimal("67.34"), kategori="B")
    svc.target_set(indikator=akip, tahun=tahun, triwulan=4, nilai=Decimal("67.34"), kategori="B",
                   teks="B (67,34)")
    s2 = svc.sasaran_create(rencana_aksi=plan, uraian="Terlaksananya pengelolaan keuangan",
                            level=Sasaran.Level.PROGRAM, parent=s1, nomor="6.2")
    temuan = svc.indikator_create(sasaran=s2, nama="Persentase temuan keuangan", satuan="Persen",
                                  polaritas="negatif", akumulasi="nilai_akhir")
    svc.target_set(indikator=temuan, tahun=tahun, triwulan=None, nilai=Decimal("0"), teks="0%")
    svc.target_set(indikator=temuan, tahun=tahun, triwulan=1, nilai=Decimal("29.17"), teks="29,17%")
    svc.target_set(indikator=temuan, tahun=tahun, triwulan=2, nilai=Decimal("1500"), teks="1.500")
    svc.target_set(indikator=temuan, tahun=tahun, triwulan=3, nilai=None, teks="-")
    svc.target_set(indikator=temuan, tahun=tahun, triwulan=4, nilai=Decimal("1.500"))
    svc.sasaran_create(rencana_aksi=plan, uraian="Sasaran tanpa indikator", level=Sasaran.Level.KEGIATAN,
                       parent=s2)
    program = svc.program_create(rencana_aksi=plan, nama="Program Penunjang Urusan Pemerintahan Daerah",
                                 kode="8.01.01", pagu=2_720_900_248, indikator=[ipa, akip])
    kegiatan = svc.kegiatan_create(program=program, nama="Administrasi Keuangan", kode="8.01.01.2.02",
                                   pagu=None, indikator=[temuan])
    sub = svc.sub_kegiatan_create(kegiatan=kegiatan, nama="Penyediaan Gaji dan Tunjangan ASN",
                                  kode="8.01.01.2.02.0001", pagu=1_800_807_540, bidang=sekretariat,
                                  indikator=[temuan], target_nilai=Decimal("1200"), target_satuan="Orang",
                                  target_teks="1200 Orang")
    svc.anggaran_update(obj=sub, catatan="sesuai DPA")
    kosong = svc.sub_kegiatan_create(kegiatan=kegiatan, nama="Sub kegiatan berpagu nol", pagu=0)
    svc.aksi_create(sub_kegiatan=sub, uraian="Rapat Interen", nomor="1", keluaran="Notulen",
                    target_nilai=Decimal("12.5"), target_satuan="laporan", target_teks="12,5 laporan",
                    pagu=5_000_000, penanggung_jawab="Kepala Bidang Politik Dalam Negeri", pejabat=kabid,
                    bulan=range(1, 13))
    aksi = svc.aksi_create(sub_kegiatan=sub, uraian="Penyusunan laporan; koreksi, revisi", nomor="7")
    svc.aksi_update(aksi=aksi, catatan="nomor 4–6 tidak ada di dokumen")
    svc.aksi_create(sub_kegiatan=kosong, uraian="Aksi di sub kegiatan berpagu nol", bulan=[12], pejabat=kepala)
    pk = svc.perjanjian_kinerja_create(rencana_aksi=plan, pihak_pertama=kepala, pihak_kedua=walikota,
                                       pihak_kedua_jabatan="Wali Kota Samarinda", tempat="Samarinda",
                                       tanggal=dt.date(tahun, 1, 15))
    svc.perjanjian_kinerja_item_create(perjanjian_kinerja=pk, indikator=ipa, nomor="1",
                                       target_nilai=Decimal("64.78"), target_teks="64,78")
    svc.perjanjian_kinerja_item_create(perjanjian_kinerja=pk, indikator=akip, nomor="2",
                                       target_nilai=Decimal("67.34"), target_kategori="B", target_teks="B (67,34)")
    return plan


# --- Canonical dump ----------------------------------------------------------------------------------------------


def _d(value: Decimal | None) -> str | None:
    return None if value is None else format(value.normalize(), "f")


def _ordered(qs) -> list:
    return sorted(qs, key=lambda r: (r.urutan, r.pk))


def _pejabat_key(p: Pejabat | None) -> tuple | None:
    return None if p is None else (p.nama, p.nip)


def dump_plan(plan: RencanaAksi) -> dict[str, Any]:
    """Everything a plan says, without database ids, file names or row order numbers: two plans that say the same
    thing give equal dumps. Children are listed in their order; references point at list positions."""
    sasaran = _ordered(Sasaran.objects.filter(rencana_aksi=plan))
    s_index = {s.pk: i for i, s in enumerate(sasaran)}
    indikator_index: dict[int, tuple[int, int]] = {}
    out_sasaran = []
    for si, s in enumerate(sasaran):
        items = []
        for ii, ind in enumerate(_ordered(Indikator.objects.filter(sasaran=s).select_related("bidang"))):
            indikator_index[ind.pk] = (si, ii)
            targets = {
                f"{t.tahun}/{t.triwulan or 'tahun'}": (_d(t.nilai), t.desimal, t.kategori, t.teks)
                for t in Target.objects.filter(indikator=ind)
                if t.nilai is not None or t.kategori or t.teks  # an empty target row and none say the same
            }
            items.append({
                "nama": ind.nama, "satuan": ind.satuan, "formulasi": ind.formulasi, "polaritas": ind.polaritas,
                "polaritas_disimpulkan": ind.polaritas_disimpulkan, "akumulasi": ind.akumulasi,
                "akumulasi_disimpulkan": ind.akumulasi_disimpulkan, "alasan_inferensi": ind.alasan_inferensi,
                "jenis_target": ind.jenis_target, "is_iku": ind.is_iku, "sumber_data": ind.sumber_data,
                "penanggung_jawab": ind.penanggung_jawab, "bidang": ind.bidang.nama if ind.bidang else "",
                "catatan": ind.catatan, "target": targets,
            })
        out_sasaran.append({
            "level": s.level, "nomor": s.nomor, "uraian": s.uraian, "parent": s_index.get(s.parent_id),
            "bidang": s.bidang.nama if s.bidang_id else "", "indikator": items,
        })

    def refs(obj) -> list:
        return sorted(indikator_index[i.pk] for i in obj.indikator.all())

    program = []
    for p in _ordered(Program.objects.filter(rencana_aksi=plan)):
        kegiatan = []
        for k in _ordered(Kegiatan.objects.filter(program=p)):
            subs = []
            for sk in _ordered(SubKegiatan.objects.filter(kegiatan=k).select_related("bidang")):
                aksi = [{
                    "nomor": a.nomor, "uraian": a.uraian, "keluaran": a.keluaran,
                    "target": (_d(a.target_nilai), a.target_satuan, a.target_teks), "pagu": a.pagu,
                    "penanggung_jawab": a.penanggung_jawab, "pejabat": _pejabat_key(a.pejabat),
                    "catatan": a.catatan, "bulan": sorted(a.jadwal.values_list("bulan", flat=True)),
                } for a in _ordered(Aksi.objects.filter(sub_kegiatan=sk).select_related("pejabat"))]
                subs.append({
                    "kode": sk.kode, "nama": sk.nama, "pagu": sk.pagu, "bidang": sk.bidang.nama if sk.bidang else "",
                    "indikator": refs(sk), "target": (_d(sk.target_nilai), sk.target_satuan, sk.target_teks),
                    "catatan": sk.catatan, "aksi": aksi,
                })
            kegiatan.append({"kode": k.kode, "nama": k.nama, "pagu": k.pagu, "indikator": refs(k),
                             "sub_kegiatan": subs})
        program.append({"kode": p.kode, "nama": p.nama, "pagu": p.pagu, "indikator": refs(p),
                        "kegiatan": kegiatan})

    pk = []
    for p in PerjanjianKinerja.objects.filter(rencana_aksi=plan).select_related(
            "pihak_pertama", "pihak_kedua").order_by("pk"):
        pk.append({
            "tahun": p.tahun, "jenis": p.jenis, "pihak_pertama": _pejabat_key(p.pihak_pertama),
            "pihak_kedua": _pejabat_key(p.pihak_kedua), "pihak_kedua_jabatan": p.pihak_kedua_jabatan,
            "tempat": p.tempat, "tanggal": p.tanggal,
            "items": [{
                "nomor": i.nomor, "sasaran": s_index.get(i.sasaran_id), "indikator": indikator_index.get(i.indikator_id),
                "target": (_d(i.target_nilai), i.target_kategori, i.target_teks),
            } for i in p.items.order_by("urutan", "pk")],
        })

    pd = plan.perangkat_daerah
    heads = set(Bidang.objects.filter(perangkat_daerah=pd).values_list("kepala_id", flat=True))
    pejabat = sorted(
        {
            "nama": p.nama, "nip": p.nip, "pangkat": p.pangkat, "golongan": p.golongan, "jabatan": p.jabatan,
            "status": p.status, "bidang": p.bidang.nama if p.bidang else "", "kepala_bidang": p.pk in heads,
            "kepala_pd": p.pk == pd.kepala_id,
        }.items()
        for p in Pejabat.objects.filter(perangkat_daerah=pd).select_related("bidang")
    )
    return {
        "rencana_aksi": {"tahun": plan.tahun, "judul": plan.judul, "tempat": plan.tempat, "tanggal": plan.tanggal,
                         "penandatangan": _pejabat_key(plan.penandatangan)},
        "sasaran": out_sasaran, "program": program, "pk": pk, "pejabat": [dict(p) for p in pejabat],
    }


def diff_dumps(a: Any, b: Any, path: str = "") -> list[str]:
    """The paths where two dumps differ, for a readable assertion message."""
    if isinstance(a, dict) and isinstance(b, dict):
        out = []
        for key in sorted(set(a) | set(b), key=str):
            out += diff_dumps(a.get(key, "<tidak ada>"), b.get(key, "<tidak ada>"), f"{path}.{key}")
        return out
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return [f"{path}: {len(a)} vs {len(b)} item"] + [
                d for i, (x, y) in enumerate(zip(a, b, strict=False)) for d in diff_dumps(x, y, f"{path}[{i}]")][:5]
        return [d for i, (x, y) in enumerate(zip(a, b, strict=True)) for d in diff_dumps(x, y, f"{path}[{i}]")]
    return [] if a == b else [f"{path}: {a!r} != {b!r}"]
