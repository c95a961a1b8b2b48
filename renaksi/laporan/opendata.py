"""Open data of an approved plan: the whole chain as JSON (with a JSON Schema in docs/), a CSV bundle and DCAT-AP.

Three files, one reading: `monev_data` (which reads the plan through `plan_data`, the one plan reader) gives the
plan and its realisasi; every format is written from the same tables (`_tabel`), so an id in the JSON is the id
in the CSV bundle and the row order is the document's. What is published and why is in docs/opendata/README.md.

Choices the files keep (the schema and the data package descriptor say the same):
- ids are the database ids: stable for as long as the plan exists, and the join keys of the CSV bundle;
- money is whole rupiah (an integer); targets, realisasi, capaian and serapan are exact decimals written as JSON
  numbers with the digits stored (`29.17`, never `29.170000000000002`; read them with `parse_float=Decimal` to keep
  them exact) and, for targets, the text as written in the document (`"29,17%"`) beside them;
- a value the plan does not state is `null` (JSON) or an empty cell (CSV), never 0;
- only a plan in `RencanaAksi.PUBLISHED` (disetujui, terkunci) is published: a draft is not public information.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.urls import reverse
from django.utils.text import slugify

from renaksi.core.anggaran import serapan
from renaksi.core.capaian import Kategori, hitung_capaian
from renaksi.core.predikat import predikat
from renaksi.monev.selectors import TRIWULAN, MonevData, capaian_input, monev_data
from renaksi.perencanaan.models import RencanaAksi, Target, Tujuan

from .blok import Berkas

FORMATS = ("json", "csv", "jsonld")
VERSI_SKEMA = "1.0"
SKEMA = "rencana-aksi.schema.json"  # docs/opendata/, published beside the data
SKEMA_ID = f"urn:renaksi:opendata:rencana-aksi:{VERSI_SKEMA}"  # the schema's "$id"
LISENSI = "https://creativecommons.org/licenses/by/4.0/"  # CC-BY-4.0: see docs/opendata/README.md, "Lisensi"
LISENSI_NAMA = "CC-BY-4.0"
MEDIA = {"json": "application/json", "csv": "application/zip", "jsonld": "application/ld+json"}
EKSTENSI = {"json": "json", "csv": "zip", "jsonld": "jsonld"}


class OpenDataError(ValueError):
    """A request for open data that cannot be answered; the message is Indonesian and says why."""


class RencanaAksiBelumDisetujui(OpenDataError):
    """Open data is published for approved plans only."""


def berkas(*, rencana_aksi: RencanaAksi, format: str, base_url: str = "") -> Berkas:
    """The open data of an approved plan as a file: "json" (the whole chain), "csv" (a ZIP of one CSV per level
    with a Frictionless `datapackage.json`) or "jsonld" (DCAT-AP metadata naming the JSON and CSV downloads).

    `base_url` ("https://renaksi.example.go.id") makes the download links of the JSON-LD absolute; without it they
    are site-relative paths, which a JSON-LD reader resolves against the address the file was fetched from.
    Raises `RencanaAksiBelumDisetujui` for a plan that is not approved, `OpenDataError` for an unknown format."""
    if format not in FORMATS:
        raise OpenDataError(f"Format data terbuka tidak dikenal: {format!r}. Pilih salah satu: {', '.join(FORMATS)}.")
    plan = (RencanaAksi.objects.select_related("perangkat_daerah__pemda", "renstra")
            .get(pk=rencana_aksi.pk))
    if plan.status not in RencanaAksi.PUBLISHED:
        raise RencanaAksiBelumDisetujui(
            f"Data terbuka hanya diterbitkan untuk rencana aksi yang sudah disetujui; {plan} (id {plan.pk}) "
            f"berstatus {plan.get_status_display()}.")
    nama = nama_berkas(plan)
    if format == "jsonld":
        return Berkas(f"{nama}.jsonld", MEDIA["jsonld"], _dump(dcat(plan, base_url=base_url)))
    tabel = _tabel(plan)
    if format == "json":
        return Berkas(f"{nama}.json", MEDIA["json"], _dump(_json(plan, tabel)))
    return Berkas(f"{nama}-csv.zip", MEDIA["csv"], _zip(plan, tabel))


def nama_berkas(plan: RencanaAksi) -> str:
    pd = plan.perangkat_daerah
    versi = "" if plan.versi == 1 else f"-perubahan-{plan.versi - 1}"
    return slugify(f"data-rencana-aksi {pd.singkatan or pd.nama} {pd.pemda.nama} {plan.tahun}") + versi


def url_unduh(plan: RencanaAksi, format: str) -> str:
    """The download address of one open-data format of a plan (site-relative)."""
    return reverse("laporan_unduh", kwargs={"pk": plan.pk, "laporan": "opendata", "format": format})


# --- Values: one way to write each kind, shared by JSON and CSV ---------------------------------------------------


def desimal(value: Decimal | None) -> Decimal | None:
    """A stored decimal without the trailing zeros of its column (29.170000 → 29.17), never in exponent form."""
    if value is None:
        return None
    text = format(value.normalize(), "f")
    return Decimal(text)


def desimal_tertulis(value: Decimal | None, places: int) -> Decimal | None:
    """A stored target with the decimals it was written with (16.200000, 2 places → 16.20), when that is exact."""
    value = desimal(value)
    if value is None or places <= 0:
        return value
    shown = value.quantize(Decimal(1).scaleb(-places))
    return shown if shown == value else value


def _target(t: Target | None) -> dict[str, Any] | None:
    if t is None or (t.kosong and not t.teks):
        return None
    return {"nilai": desimal_tertulis(t.nilai, t.desimal), "kategori": t.kategori, "teks": t.teks,
            "desimal": t.desimal}


def _isian(value) -> tuple[Decimal | None, str]:
    """A realisasi as (number, category code); a category with a score gives the score as the number."""
    if isinstance(value, Kategori):
        return desimal(value.skor), value.kode
    return desimal(value), ""


# --- The tables: every format is written from these ---------------------------------------------------------------


@dataclass(frozen=True)
class Kolom:
    nama: str
    jenis: str  # Frictionless field type: integer, number, string, boolean, date
    keterangan: str
    wajib: bool = False


@dataclass(frozen=True)
class Tabel:
    nama: str  # the CSV file without .csv, and the data package resource name
    keterangan: str
    kolom: tuple[Kolom, ...]
    baris: list[dict[str, Any]]
    kunci: tuple[str, ...] = ("id",)
    rujukan: tuple[tuple[str, str], ...] = ()  # (column, table it points at by id)


def _k(nama: str, jenis: str, keterangan: str, wajib: bool = False) -> Kolom:
    return Kolom(nama, jenis, keterangan, wajib)


ID = _k("id", "integer", "id basis data (stabil, kunci penghubung antarberkas)", True)
PAGU = _k("pagu", "integer", "pagu anggaran dalam rupiah; kosong bila dokumen tidak menyebutnya")


def _tabel(plan: RencanaAksi) -> dict[str, Tabel]:
    """Every table of the open data, in the plan's document order."""
    data: MonevData = monev_data(rencana_aksi=plan, triwulan=4)
    p = data.plan
    named = ({b.kepala_id for b in p.bidang} | {a.pejabat_id for a in p.aksi} | {plan.penandatangan_id}
             | {k.pihak_pertama_id for k in p.perjanjian_kinerja} | {k.pihak_kedua_id for k in p.perjanjian_kinerja})
    tujuan = list(Tujuan.objects.filter(renstra_id=plan.renstra_id).order_by("urutan", "id")) if plan.renstra_id else []
    out: list[Tabel] = []

    out.append(Tabel("bidang", "Bidang perangkat daerah.", (
        ID, _k("nama", "string", "nama bidang", True), _k("singkatan", "string", "singkatan"),
        _k("kepala_id", "integer", "pejabat kepala bidang (pejabat.id)")),
        [{"id": b.pk, "nama": b.nama, "singkatan": b.singkatan, "kepala_id": b.kepala_id} for b in p.bidang],
        rujukan=(("kepala_id", "pejabat"),)))
    out.append(Tabel("pejabat", "Pejabat yang disebut rencana aksi (penandatangan, kepala bidang, pihak PK, "
                     "penanggung jawab aksi).", (
        ID, _k("nama", "string", "nama dan gelar", True), _k("nip", "string", "NIP (18 angka, tanpa spasi)"),
        _k("jabatan", "string", "jabatan"), _k("pangkat", "string", "pangkat"), _k("golongan", "string", "golongan"),
        _k("status", "string", "definitif, plt atau plh"), _k("bidang_id", "integer", "bidang (bidang.id)")),
        [{"id": o.pk, "nama": o.nama, "nip": o.nip, "jabatan": o.jabatan, "pangkat": o.pangkat,
          "golongan": o.golongan, "status": o.status,
          "bidang_id": o.bidang_id if o.bidang_id in p.bidang_by_id else None}
         for o in sorted(p.pejabat_by_id.values(), key=lambda o: (o.nama, o.pk)) if o.pk in named],
        rujukan=(("bidang_id", "bidang"),)))
    out.append(Tabel("tujuan", "Tujuan Renstra yang menjadi induk sasaran (kosong bila rencana aksi tidak terkait Renstra).", (
        ID, _k("nomor", "string", "nomor tujuan"), _k("uraian", "string", "uraian tujuan", True)),
        [{"id": t.pk, "nomor": t.nomor, "uraian": t.uraian} for t in tujuan]))
    out.append(Tabel("sasaran", "Sasaran (strategis, program, kegiatan, sub kegiatan), berjenjang lewat parent_id.", (
        ID, _k("parent_id", "integer", "sasaran induk (sasaran.id)"),
        _k("level", "string", "strategis, program, kegiatan atau sub_kegiatan", True),
        _k("nomor", "string", "nomor dalam dokumen"), _k("uraian", "string", "uraian sasaran"),
        _k("tujuan_id", "integer", "tujuan Renstra (tujuan.id)"), _k("bidang_id", "integer", "bidang (bidang.id)")),
        [{"id": s.pk, "parent_id": s.parent_id if s.parent_id in p.sasaran_by_id else None, "level": s.level,
          "nomor": s.nomor, "uraian": s.uraian,
          "tujuan_id": s.tujuan_id if any(t.pk == s.tujuan_id for t in tujuan) else None,
          "bidang_id": s.bidang_id} for s in p.sasaran],
        rujukan=(("parent_id", "sasaran"), ("tujuan_id", "tujuan"), ("bidang_id", "bidang"))))
    out.append(Tabel("indikator", "Indikator kinerja per sasaran.", (
        ID, _k("sasaran_id", "integer", "sasaran (sasaran.id)", True), _k("nama", "string", "indikator", True),
        _k("satuan", "string", "satuan"), _k("formulasi", "string", "formulasi / cara menghitung"),
        _k("polaritas", "string", "positif (makin tinggi makin baik) atau negatif"),
        _k("rumus_negatif", "string", "rumus capaian bila polaritas negatif: selisih atau rasio"),
        _k("akumulasi", "string", "cara menjumlah target/realisasi antartriwulan"),
        _k("jenis_target", "string", "angka atau kategori"), _k("iku", "boolean", "Indikator Kinerja Utama"),
        _k("sumber_data", "string", "sumber data"), _k("penanggung_jawab", "string", "penanggung jawab"),
        _k("bidang_id", "integer", "bidang (bidang.id)")),
        [{"id": i.pk, "sasaran_id": i.sasaran_id, "nama": i.nama, "satuan": i.satuan, "formulasi": i.formulasi,
          "polaritas": i.polaritas, "rumus_negatif": i.rumus_negatif, "akumulasi": i.akumulasi,
          "jenis_target": i.jenis_target, "iku": i.is_iku, "sumber_data": i.sumber_data,
          "penanggung_jawab": i.penanggung_jawab, "bidang_id": i.bidang_id} for i in p.indikator_by_sasaran_order()],
        rujukan=(("sasaran_id", "sasaran"), ("bidang_id", "bidang"))))
    target_rows = []
    for i in p.indikator_by_sasaran_order():
        for tw in (None, *TRIWULAN):
            t = _target(p.target(i.pk, tw))
            if t is not None:
                target_rows.append({"indikator_id": i.pk, "tahun": plan.tahun, "triwulan": tw, **t})
    out.append(Tabel("target", "Target indikator tahun rencana: tahunan (triwulan kosong) dan per triwulan.", (
        _k("indikator_id", "integer", "indikator (indikator.id)", True), _k("tahun", "integer", "tahun", True),
        _k("triwulan", "integer", "1–4; kosong untuk target tahunan"),
        _k("nilai", "number", "target sebagai angka (titik desimal)"),
        _k("kategori", "string", "kode kategori (B, BB, WTP …) untuk target kategori"),
        _k("teks", "string", "target seperti tertulis dalam dokumen"),
        _k("desimal", "integer", "banyak angka desimal yang tertulis")),
        target_rows, kunci=("indikator_id", "tahun", "triwulan"), rujukan=(("indikator_id", "indikator"),)))
    out.append(Tabel("pk", "Perjanjian Kinerja rencana aksi.", (
        ID, _k("tahun", "integer", "tahun", True), _k("jenis", "string", "murni atau perubahan", True),
        _k("pihak_pertama_id", "integer", "pihak pertama (pejabat.id)"),
        _k("pihak_kedua_id", "integer", "pihak kedua (pejabat.id)"),
        _k("pihak_kedua_jabatan", "string", "jabatan pihak kedua seperti tertulis"),
        _k("tempat", "string", "tempat penandatanganan"), _k("tanggal", "date", "tanggal penandatanganan")),
        [{"id": k.id, "tahun": k.tahun, "jenis": k.jenis, "pihak_pertama_id": k.pihak_pertama_id,
          "pihak_kedua_id": k.pihak_kedua_id, "pihak_kedua_jabatan": k.pihak_kedua_jabatan, "tempat": k.tempat,
          "tanggal": k.tanggal} for k in p.perjanjian_kinerja],
        rujukan=(("pihak_pertama_id", "pejabat"), ("pihak_kedua_id", "pejabat"))))
    out.append(Tabel("pk_butir", "Butir Perjanjian Kinerja: sasaran, indikator dan target PK.", (
        ID, _k("pk_id", "integer", "perjanjian kinerja (pk.id)", True), _k("nomor", "string", "nomor"),
        _k("sasaran_id", "integer", "sasaran (sasaran.id)"), _k("indikator_id", "integer", "indikator (indikator.id)"),
        _k("target_nilai", "number", "target PK sebagai angka"), _k("target_kategori", "string", "kode kategori"),
        _k("target_teks", "string", "target PK seperti tertulis")),
        [{"id": b.id, "pk_id": k.id, "nomor": b.nomor,
          "sasaran_id": b.sasaran_id if b.sasaran_id in p.sasaran_by_id else None,
          "indikator_id": b.indikator_id if b.indikator_id in p.indikator_by_id else None,
          "target_nilai": desimal(b.target_nilai), "target_kategori": b.target_kategori,
          "target_teks": b.target_teks} for k in p.perjanjian_kinerja for b in k.items],
        rujukan=(("pk_id", "pk"), ("sasaran_id", "sasaran"), ("indikator_id", "indikator"))))

    def anggaran(nama: str, keterangan: str, rows: Iterable, induk: tuple[str, str] | None,
                 extra: tuple[Kolom, ...] = (), values: Callable[[Any], dict] = lambda r: {}) -> None:
        kolom = (ID, *((_k(induk[0], "integer", f"{induk[1]} ({induk[1]}.id)", True),) if induk else ()),
                 _k("kode", "string", "kode nomenklatur Kepmendagri"), _k("nama", "string", "nama", True), PAGU, *extra)
        out.append(Tabel(nama, keterangan, kolom, [
            {"id": r.pk, **({induk[0]: getattr(r, induk[0])} if induk else {}), "kode": r.kode, "nama": r.nama,
             "pagu": r.pagu, **values(r)} for r in rows], rujukan=((induk[0], induk[1]),) if induk else ()))

    anggaran("program", "Program dengan pagu.", p.program, None)
    anggaran("kegiatan", "Kegiatan per program, dengan pagu.", p.kegiatan_by_program_order(), ("program_id", "program"))
    anggaran("sub_kegiatan", "Sub kegiatan per kegiatan, dengan pagu dan target keluaran.",
             p.sub_kegiatan_by_kegiatan_order(), ("kegiatan_id", "kegiatan"),
             (_k("bidang_id", "integer", "bidang pelaksana (bidang.id)"),
              _k("target_nilai", "number", "target keluaran sebagai angka"),
              _k("target_satuan", "string", "satuan target keluaran"),
              _k("target_teks", "string", "target keluaran seperti tertulis")),
             lambda s: {"bidang_id": s.bidang_id, "target_nilai": desimal(s.target_nilai),
                        "target_satuan": s.target_satuan, "target_teks": s.target_teks})
    out[-1] = _with_rujukan(out[-1], ("bidang_id", "bidang"))
    for level, owners in (("program", p.program), ("kegiatan", p.kegiatan_by_program_order()),
                          ("sub_kegiatan", p.sub_kegiatan_by_kegiatan_order())):
        out.append(Tabel(f"{level}_indikator", f"Indikator yang ditunjang setiap {level.replace('_', ' ')}.", (
            _k(f"{level}_id", "integer", f"{level} ({level}.id)", True),
            _k("indikator_id", "integer", "indikator (indikator.id)", True)),
            [{f"{level}_id": o.pk, "indikator_id": i} for o in owners for i in p.indikator_ids_of(level, o.pk)
             if i in p.indikator_by_id],
            kunci=(f"{level}_id", "indikator_id"), rujukan=((f"{level}_id", level), ("indikator_id", "indikator"))))
    aksi = [a for s in p.sub_kegiatan_by_kegiatan_order() for a in p.aksi_of(s.pk)]
    out.append(Tabel("aksi", "Aksi per sub kegiatan: keluaran, target, pagu dan penanggung jawab.", (
        ID, _k("sub_kegiatan_id", "integer", "sub kegiatan (sub_kegiatan.id)", True), _k("nomor", "string", "nomor"),
        _k("uraian", "string", "aksi", True), _k("keluaran", "string", "output / keluaran"),
        _k("target_nilai", "number", "target sebagai angka"), _k("target_satuan", "string", "satuan target"),
        _k("target_teks", "string", "target seperti tertulis"), PAGU,
        _k("penanggung_jawab", "string", "penanggung jawab (jabatan) seperti tertulis"),
        _k("pejabat_id", "integer", "pejabat penanggung jawab (pejabat.id)")),
        [{"id": a.pk, "sub_kegiatan_id": a.sub_kegiatan_id, "nomor": a.nomor, "uraian": a.uraian,
          "keluaran": a.keluaran, "target_nilai": desimal(a.target_nilai), "target_satuan": a.target_satuan,
          "target_teks": a.target_teks, "pagu": a.pagu, "penanggung_jawab": a.penanggung_jawab,
          "pejabat_id": a.pejabat_id} for a in aksi],
        rujukan=(("sub_kegiatan_id", "sub_kegiatan"), ("pejabat_id", "pejabat"))))
    out.append(Tabel("aksi_jadwal", "Bulan pelaksanaan setiap aksi (1 = Januari … 12 = Desember).", (
        _k("aksi_id", "integer", "aksi (aksi.id)", True), _k("bulan", "integer", "bulan 1–12", True)),
        [{"aksi_id": a.pk, "bulan": b} for a in aksi for b in sorted(p.bulan_of(a.pk))],
        kunci=("aksi_id", "bulan"), rujukan=(("aksi_id", "aksi"),)))
    out.append(Tabel("realisasi", "Realisasi kinerja per indikator dan triwulan, dengan capaian sampai triwulan itu.", (
        _k("indikator_id", "integer", "indikator (indikator.id)", True), _k("triwulan", "integer", "1–4", True),
        _k("nilai", "number", "realisasi sebagai angka (skor untuk kategori berskor)"),
        _k("kategori", "string", "kode kategori realisasi"),
        _k("capaian", "number", "capaian sampai triwulan ini, persen (2 desimal)"),
        _k("rumus", "string", "rumus capaian dengan angka yang dipakai"),
        _k("predikat", "string", "predikat capaian (Permendagri 86/2017)")),
        _realisasi(data), kunci=("indikator_id", "triwulan"), rujukan=(("indikator_id", "indikator"),)))
    out.append(Tabel("realisasi_anggaran", "Realisasi anggaran (belanja) per sub kegiatan dan triwulan.", (
        _k("sub_kegiatan_id", "integer", "sub kegiatan (sub_kegiatan.id)", True),
        _k("triwulan", "integer", "1–4", True), _k("jumlah", "integer", "belanja dalam triwulan, rupiah", True),
        _k("serapan", "number", "serapan anggaran sampai triwulan ini, persen")),
        [{"sub_kegiatan_id": s.sub_kegiatan.pk, "triwulan": tw, "jumlah": s.realisasi_anggaran[tw - 1],
          "serapan": serapan(realisasi=s.realisasi_anggaran, pagu=s.pagu, triwulan=tw)}
         for s in data.sub_kegiatan for tw in TRIWULAN if s.realisasi_anggaran[tw - 1] is not None],
        kunci=("sub_kegiatan_id", "triwulan"), rujukan=(("sub_kegiatan_id", "sub_kegiatan"),)))
    return {t.nama: t for t in out}


def _with_rujukan(tabel: Tabel, rujukan: tuple[str, str]) -> Tabel:
    return Tabel(tabel.nama, tabel.keterangan, tabel.kolom, tabel.baris, tabel.kunci, (*tabel.rujukan, rujukan))


def _realisasi(data: MonevData) -> list[dict[str, Any]]:
    """One row per stored realisasi; capaian and predikat up to that triwulan, as the monev form computes them."""
    rows = []
    for item in data.indikator:
        for tw in TRIWULAN:
            row = item.realisasi[tw - 1]
            if row is None:
                continue
            capaian = hitung_capaian(**capaian_input(
                indikator=item.indikator, target=data.plan.triwulan_targets(item.indikator.pk),
                target_tahun=data.plan.target(item.indikator.pk), realisasi=item.realisasi, triwulan=tw))
            nilai, kategori = desimal(row.nilai), row.kategori
            band = predikat(capaian.nilai)
            rows.append({"indikator_id": item.indikator.pk, "triwulan": tw, "nilai": nilai, "kategori": kategori,
                         "capaian": capaian.nilai, "rumus": capaian.rumus,
                         "predikat": band.value if band else None})
    return rows


# --- JSON --------------------------------------------------------------------------------------------------------


def _json(plan: RencanaAksi, tabel: dict[str, Tabel]) -> dict[str, Any]:
    """The whole chain: flat lists joined by id (the CSV tables), with the small per-row lists nested."""
    pd, pemda = plan.perangkat_daerah, plan.perangkat_daerah.pemda

    def rows(nama: str) -> list[dict[str, Any]]:
        return tabel[nama].baris

    def by(nama: str, key: str) -> dict[Any, list[dict[str, Any]]]:
        grouped: dict[Any, list[dict[str, Any]]] = {}
        for r in rows(nama):
            grouped.setdefault(r[key], []).append(r)
        return grouped

    targets = by("target", "indikator_id")
    butir = by("pk_butir", "pk_id")
    jadwal = by("aksi_jadwal", "aksi_id")
    realisasi = by("realisasi", "indikator_id")
    anggaran = by("realisasi_anggaran", "sub_kegiatan_id")

    def links(level: str) -> dict[int, list[int]]:
        return {k: [r["indikator_id"] for r in v] for k, v in by(f"{level}_indikator", f"{level}_id").items()}

    def target_of(indikator_id: int) -> dict[str, Any]:
        own = {r["triwulan"]: {k: r[k] for k in ("nilai", "kategori", "teks", "desimal")}
               for r in targets.get(indikator_id, [])}
        return {"tahunan": own.get(None), "triwulan": [own.get(tw) for tw in TRIWULAN]}

    def without(row: dict[str, Any], *keys: str) -> dict[str, Any]:
        return {k: v for k, v in row.items() if k not in keys}

    link = {level: links(level) for level in ("program", "kegiatan", "sub_kegiatan")}
    return {
        "versi_skema": VERSI_SKEMA,
        "lisensi": LISENSI_NAMA,
        "pemda": {"id": pemda.pk, "jenis": pemda.jenis, "nama": pemda.nama, "nama_lengkap": str(pemda)},
        "perangkat_daerah": {"id": pd.pk, "nama": pd.nama, "singkatan": pd.singkatan, "kode_urusan": pd.kode_urusan},
        "rencana_aksi": {
            "id": plan.pk, "tahun": plan.tahun, "versi": plan.versi, "label_versi": plan.label_versi,
            "induk_id": plan.induk_id, "status": plan.status, "judul": plan.judul or str(plan),
            "tempat": plan.tempat, "tanggal": plan.tanggal, "penandatangan_id": plan.penandatangan_id,
            "diubah": plan.diubah,
        },
        "renstra": None if plan.renstra is None else {
            "id": plan.renstra.pk, "tahun_awal": plan.renstra.tahun_awal, "tahun_akhir": plan.renstra.tahun_akhir,
            "tujuan": rows("tujuan")},
        "bidang": rows("bidang"),
        "pejabat": rows("pejabat"),
        "sasaran": rows("sasaran"),
        "indikator": [{**r, "target": target_of(r["id"]),
                       "realisasi": [without(x, "indikator_id") for x in realisasi.get(r["id"], [])]}
                      for r in rows("indikator")],
        "perjanjian_kinerja": [{**r, "butir": [without(b, "pk_id") for b in butir.get(r["id"], [])]}
                               for r in rows("pk")],
        "program": [{**r, "indikator_ids": link["program"].get(r["id"], [])} for r in rows("program")],
        "kegiatan": [{**r, "indikator_ids": link["kegiatan"].get(r["id"], [])} for r in rows("kegiatan")],
        "sub_kegiatan": [{**r, "indikator_ids": link["sub_kegiatan"].get(r["id"], []),
                          "realisasi_anggaran": [without(x, "sub_kegiatan_id") for x in anggaran.get(r["id"], [])]}
                         for r in rows("sub_kegiatan")],
        "aksi": [{**r, "bulan": [j["bulan"] for j in jadwal.get(r["id"], [])]} for r in rows("aksi")],
        "total_pagu": {"program": _sum(rows("program")), "kegiatan": _sum(rows("kegiatan")),
                       "sub_kegiatan": _sum(rows("sub_kegiatan")), "aksi": _sum(rows("aksi"))},
    }


def _sum(rows: list[dict[str, Any]]) -> int | None:
    present = [r["pagu"] for r in rows if r["pagu"] is not None]
    return sum(present) if present else None


def _dump(value: Any) -> bytes:
    """JSON, UTF-8, indented, with each Decimal written with exactly its digits (json.dumps would need floats)."""
    out: list[str] = []
    _write(value, out, 0)
    out.append("\n")
    return "".join(out).encode("utf-8")


def _write(value: Any, out: list[str], depth: int) -> None:
    pad, inner = "  " * depth, "  " * (depth + 1)
    if isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        out.append("{\n")
        for n, (key, item) in enumerate(value.items()):
            out.append(f"{inner}{json.dumps(str(key), ensure_ascii=False)}: ")
            _write(item, out, depth + 1)
            out.append(",\n" if n < len(value) - 1 else "\n")
        out.append(pad + "}")
    elif isinstance(value, list | tuple):
        if not value:
            out.append("[]")
            return
        if all(isinstance(v, int | Decimal | str | None) and not isinstance(v, bool) for v in value) and len(value) < 13:
            out.append("[" + ", ".join(_scalar(v) for v in value) + "]")
            return
        out.append("[\n")
        for n, item in enumerate(value):
            out.append(inner)
            _write(item, out, depth + 1)
            out.append(",\n" if n < len(value) - 1 else "\n")
        out.append(pad + "]")
    else:
        out.append(_scalar(value))


def _scalar(value: Any) -> str:
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"bukan angka terhingga: {value}")
        return format(value, "f")
    if isinstance(value, datetime | date):
        return json.dumps(value.isoformat())
    return json.dumps(value, ensure_ascii=False)


# --- CSV bundle ----------------------------------------------------------------------------------------------------


def _cell(value: Any) -> str:
    """A CSV cell: empty for None, dot decimals without grouping, true/false, ISO dates."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def _csv(tabel: Tabel) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([k.nama for k in tabel.kolom])
    for row in tabel.baris:
        writer.writerow([_cell(row.get(k.nama)) for k in tabel.kolom])
    return buffer.getvalue().encode("utf-8")


def datapackage(plan: RencanaAksi, tabel: dict[str, Tabel]) -> dict[str, Any]:
    """The Frictionless Data Package descriptor of the CSV bundle (https://specs.frictionlessdata.io/)."""
    pd = plan.perangkat_daerah
    return {
        "profile": "tabular-data-package",
        "name": nama_berkas(plan),
        "title": f"Rencana Aksi {pd.nama} {pd.pemda} Tahun {plan.tahun} ({plan.label_versi})",
        "version": VERSI_SKEMA,
        "licenses": [{"name": LISENSI_NAMA, "path": LISENSI, "title": "Creative Commons Attribution 4.0"}],
        "contributors": [{"title": f"{pd.nama} {pd.pemda}", "role": "publisher"}],
        "created": plan.diubah.isoformat(),
        "resources": [{
            "name": t.nama.replace("_", "-"),
            "path": f"{t.nama}.csv",
            "profile": "tabular-data-resource",
            "description": t.keterangan,
            "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "header": True},
            "schema": {
                "fields": [{"name": k.nama, "type": k.jenis, "description": k.keterangan,
                            **({"constraints": {"required": True}} if k.wajib else {}),
                            **({"trueValues": ["true"], "falseValues": ["false"]} if k.jenis == "boolean" else {}),
                            **({"decimalChar": ".", "groupChar": ""} if k.jenis == "number" else {})}
                           for k in t.kolom],
                # A primary key's columns must all be filled: target.csv's yearly rows leave `triwulan` empty.
                **({"primaryKey": list(t.kunci)} if all(k.wajib for k in t.kolom if k.nama in t.kunci) else {}),
                "missingValues": [""],
                "foreignKeys": [{"fields": kolom, "reference": {"resource": ref.replace("_", "-"), "fields": "id"}}
                                for kolom, ref in t.rujukan],
            },
        } for t in tabel.values()],
    }


README = """Data terbuka Rencana Aksi — {judul}

Berkas-berkas CSV ini (UTF-8, pemisah koma, titik sebagai tanda desimal, tanpa pemisah ribuan) memuat seluruh
rantai rencana aksi yang sudah disetujui: sasaran, indikator dan targetnya, Perjanjian Kinerja, program / kegiatan /
sub kegiatan dengan pagu (rupiah, bilangan bulat), aksi dengan jadwal bulanan, dan realisasi bila sudah dilaporkan.
Setiap baris punya `id` (id basis data, stabil); kolom `*_id` menunjuk `id` di berkas lain. Sel kosong berarti
dokumen tidak menyebut nilainya (bukan nol). Uraian lengkap setiap kolom ada di datapackage.json (Frictionless Data
Package); data yang sama dalam satu berkas JSON dijelaskan oleh skema rencana-aksi.schema.json.

Lisensi: {lisensi} ({lisensi_url}). Sebutkan sumbernya: {penerbit}.

Berkas:
{berkas}
"""


def _zip(plan: RencanaAksi, tabel: dict[str, Tabel]) -> bytes:
    pd = plan.perangkat_daerah
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        stamp = (plan.diubah.year, plan.diubah.month, plan.diubah.day, 0, 0, 0)  # same data, same bytes
        for t in tabel.values():
            z.writestr(zipfile.ZipInfo(f"{t.nama}.csv", stamp), _csv(t), zipfile.ZIP_DEFLATED)
        z.writestr(zipfile.ZipInfo("datapackage.json", stamp), _dump(datapackage(plan, tabel)), zipfile.ZIP_DEFLATED)
        readme = README.format(
            judul=f"{pd.nama} {pd.pemda}, tahun {plan.tahun} ({plan.label_versi})", lisensi=LISENSI_NAMA,
            lisensi_url=LISENSI, penerbit=f"{pd.nama} {pd.pemda}",
            berkas="\n".join(f"- {t.nama}.csv ({len(t.baris)} baris): {t.keterangan}" for t in tabel.values()))
        z.writestr(zipfile.ZipInfo("README.txt", stamp), readme.encode("utf-8"), zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


# --- DCAT-AP --------------------------------------------------------------------------------------------------------

KONTEKS = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
}
IANA = "http://www.iana.org/assignments/media-types/"


def dcat(plan: RencanaAksi, *, base_url: str = "") -> dict[str, Any]:
    """DCAT-AP metadata of the plan's open data: a dcat:Dataset with its JSON and CSV distributions."""
    pd, pemda = plan.perangkat_daerah, plan.perangkat_daerah.pemda
    base = base_url.rstrip("/")
    penerbit = f"{pd.nama} {pemda}"
    judul = f"Rencana Aksi {penerbit} Tahun {plan.tahun}"
    if plan.versi > 1:
        judul += f" ({plan.label_versi})"

    def teks(value: str) -> dict[str, str]:
        return {"@value": value, "@language": "id"}

    def tanggal(value: date) -> dict[str, str]:
        return {"@value": value.isoformat(), "@type": "xsd:date"}

    distribusi = []
    for fmt, nama, jenis in (("json", "JSON: seluruh rantai rencana aksi", "JSON"),
                             ("csv", "CSV: satu berkas per tingkat (ZIP, dengan datapackage.json)", "ZIP")):
        url = base + url_unduh(plan, fmt)
        distribusi.append({
            "@id": f"{url}#distribusi", "@type": "dcat:Distribution",
            "dct:title": teks(nama),
            "dcat:accessURL": {"@id": url}, "dcat:downloadURL": {"@id": url},
            "dcat:mediaType": {"@id": IANA + MEDIA[fmt]},
            "dct:format": {"@id": f"http://publications.europa.eu/resource/authority/file-type/{jenis}"},
            "dct:license": {"@id": LISENSI},
            **({"dct:conformsTo": {"@id": SKEMA_ID}} if fmt == "json" else {}),
        })
    return {
        "@context": KONTEKS,
        "@id": base + url_unduh(plan, "jsonld"),
        "@type": "dcat:Dataset",
        "dct:identifier": f"renaksi:rencana-aksi:{plan.pk}",
        "dct:title": teks(judul),
        "dct:description": teks(
            f"Rencana aksi {penerbit} tahun {plan.tahun} yang sudah disetujui: sasaran, indikator kinerja dan "
            "target (tahunan dan per triwulan), Perjanjian Kinerja, program, kegiatan dan sub kegiatan dengan pagu, "
            "aksi dengan jadwal bulanan, serta realisasi dan capaian per triwulan bila sudah dilaporkan."),
        "dct:publisher": {"@type": "foaf:Organization", "foaf:name": penerbit},
        "dct:issued": tanggal(plan.tanggal or plan.dibuat.date()),
        "dct:modified": {"@value": plan.diubah.isoformat(), "@type": "xsd:dateTime"},
        "dct:spatial": {"@type": "dct:Location", "rdfs:label": teks(str(pemda))},
        "dct:temporal": {"@type": "dct:PeriodOfTime", "dcat:startDate": tanggal(date(plan.tahun, 1, 1)),
                         "dcat:endDate": tanggal(date(plan.tahun, 12, 31))},
        "dcat:keyword": [teks(k) for k in ("rencana aksi", "SAKIP", "perjanjian kinerja", "indikator kinerja",
                                           "anggaran", pd.singkatan or pd.nama, str(pemda), str(plan.tahun))],
        "dct:language": {"@id": "http://publications.europa.eu/resource/authority/language/IND"},
        "dct:license": {"@id": LISENSI},
        "dcat:distribution": distribusi,
    }
