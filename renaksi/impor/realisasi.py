"""Realisasi read from monev workbooks into an EXISTING plan (docs/impor/monev.md).

    parsed = parse_realisasi(data, "monev.xlsx")     # None: not a monev workbook (a plan document, say)
    result = import_realisasi(parsed, rencana_aksi=plan, user=user, dry_run=False)
    result.as_json()

The layouts (`renaksi.impor.layouts.monev`) read a workbook into a `RealisasiDoc`: what the workbook says, each
value with its place, nothing matched yet. `import_realisasi` matches every row to the plan (by id, by kode, by
name) and writes through the monev services (`renaksi.monev.services`) in one transaction: the services check the
user's right and the reporting window of every triwulan written, and a refusal anywhere writes nothing.
A row that matches nothing in the plan is a warning with its place, never silently dropped; a value that equals what
is stored is not written again (so a closed triwulan already reported does not block the others).
"""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext

from renaksi.core.akumulasi import Akumulasi
from renaksi.core.angka import Angka
from renaksi.core.capaian import ROMAWI
from renaksi.impor.dokumen import (
    EVALUASI_FIELDS,
    Notes,
    RealisasiAnggaranDoc,
    RealisasiDoc,
    RealisasiIndikatorDoc,
)
from renaksi.impor.grid import Catatan, ImporGagal, Place
from renaksi.impor.layouts import monev as layout
from renaksi.impor.readers import read_grid
from renaksi.impor.services import impor_record
from renaksi.impor.teks import pisah_iku
from renaksi.impor.writer import ImporDitolak
from renaksi.monev import services as monev
from renaksi.monev.models import EvaluasiIndikator, RealisasiAnggaran, RealisasiIndikator
from renaksi.perencanaan.models import Indikator, RencanaAksi, SubKegiatan

FUZZY_RATIO = 0.9  # how alike two names must be to match when they are not equal once normalised


@dataclass
class ParsedRealisasi:
    dokumen: RealisasiDoc
    filename: str
    sha256: str
    size: int

    @property
    def layout(self) -> str:
        return self.dokumen.layout


def parse_realisasi(data: bytes, filename: str) -> ParsedRealisasi | None:
    """Read a monev workbook into a `RealisasiDoc`; None when the file is not one (then it is a plan document).

    Only Office/zip files are looked at: a monev workbook is an XLSX. `ImporGagal` when it is one but cannot be
    read (a realisasi that is not a number in the Renaksi form, say)."""
    if not data.startswith(b"PK\x03\x04"):
        return None
    limit = settings.RENAKSI_IMPORT_MAX_BYTES
    if len(data) > limit:
        return None  # parse_document says it is too large
    grid = read_grid(data, filename)
    if grid.format != "xlsx" or layout.detect(grid) is None:
        return None
    doc = layout.read(grid)
    if doc.layout == layout.EVALUASI_RENJA and not doc.indikator and not doc.sub_kegiatan:
        return None  # a header like the Renja evaluation's, but no row of it: a plan document (a monev table, say)
    return ParsedRealisasi(dokumen=doc, filename=filename, sha256=hashlib.sha256(data).hexdigest(), size=len(data))


def dalam_dokumen(parsed) -> ParsedRealisasi | None:
    """The realisasi a plan document holds in its monev tables (`renaksi.impor.jenis.monev`), as a monev workbook
    would give it, for `import_realisasi` into the matching plan; None when it holds none. `parsed` is an
    `api.ParsedDocument`: the document names its PD and year, matched like a workbook's title (`plan_for`)."""
    doc = parsed.dokumen
    if not doc.realisasi:
        return None
    monev = RealisasiDoc(dokumen=parsed.filename, format=parsed.format, layout="monev_tabel",
                         perangkat_daerah=doc.perangkat_daerah.teks if doc.perangkat_daerah else "",
                         tahun=doc.tahun, indikator=list(doc.realisasi))
    monev.decisions.extend(c for c in doc.decisions if c.kode.startswith(("tabel.", "angka.", "teks.", "csv.")))
    return ParsedRealisasi(dokumen=monev, filename=parsed.filename, sha256=parsed.sha256, size=parsed.size)


# --- matching rows to the plan -----------------------------------------------------------------------------------

_PREFIX = re.compile(r"^(sub\s*kegiatan|kegiatan|program)\s*[:.\-]?\s*", re.I)


def normalise(nama: str) -> str:
    """A name for comparing: lower case, "Program"/"Kegiatan"/"Sub kegiatan" prefix and punctuation dropped."""
    text = " ".join(nama.lower().split())
    text = _PREFIX.sub("", text)
    return " ".join(re.sub(r"[^\w%]+", " ", text).split())


def _by_name(rows, nama: str):
    """(row, exact) of the one row named `nama`; a fuzzy match only when exactly one row is close enough."""
    key = normalise(nama)
    exact = [r for r in rows if normalise(r.nama) == key]
    if len(exact) == 1:
        return exact[0], True
    if exact:
        return exact, True  # ambiguous: the caller says so
    scored = [(difflib.SequenceMatcher(None, key, normalise(r.nama)).ratio(), r) for r in rows]
    close = [r for ratio, r in scored if ratio >= FUZZY_RATIO]
    if len(close) == 1:
        return close[0], False
    return None, False


@dataclass(frozen=True)
class NilaiRealisasi:
    """One value to write: what, which triwulan, the value, and where it was read."""

    jenis: str  # "realisasi_indikator", "realisasi_anggaran", "evaluasi"
    objek: Indikator | SubKegiatan
    triwulan: int
    nilai: Decimal | int | None = None
    kategori: str = ""
    teks: dict[str, str] | None = None  # evaluasi texts
    place: Place | None = None

    def as_json(self) -> dict:
        value: object = self.teks if self.jenis == "evaluasi" else (
            f"{self.kategori} ({self.nilai})" if self.kategori and self.nilai is not None
            else self.kategori or (str(self.nilai) if self.nilai is not None else None))
        return {"jenis": self.jenis, "id": self.objek.pk, "nama": self.objek.nama, "triwulan": self.triwulan,
                "nilai": value, "tempat": self.place.describe() if self.place else ""}


def _check_plan(doc: RealisasiDoc, plan: RencanaAksi) -> None:
    """Refuse a workbook that names another plan, another PD or another year."""
    pd = plan.perangkat_daerah
    if doc.rencana_aksi_id is not None and doc.rencana_aksi_id != plan.pk:
        other = RencanaAksi.objects.select_related("perangkat_daerah").filter(pk=doc.rencana_aksi_id).first()
        if other is not None and other.perangkat_daerah_id != pd.pk:
            raise ImporDitolak(gettext("Formulir monev ini milik rencana aksi perangkat daerah lain (id %(id)s), "
                                       "bukan %(pd)s; tidak ada yang disimpan.")
                               % {"id": doc.rencana_aksi_id, "pd": pd.nama})
        raise ImporDitolak(gettext("Formulir monev ini milik rencana aksi id %(id)s, bukan id %(id_rencana)s "
                                   "(%(rencana)s); tidak ada yang disimpan.")
                           % {"id": doc.rencana_aksi_id, "id_rencana": plan.pk, "rencana": plan})
    if doc.perangkat_daerah:
        stated, own = normalise(doc.perangkat_daerah), normalise(pd.nama)
        if own not in stated and stated not in own:
            raise ImporDitolak(gettext("Dokumen ini menyebut perangkat daerah '%(disebut)s', bukan %(pd)s; "
                                       "tidak ada yang disimpan.") % {"disebut": doc.perangkat_daerah, "pd": pd.nama})
    if doc.pemda and normalise(doc.pemda) != normalise(str(pd.pemda)):
        raise ImporDitolak(gettext("Dokumen ini menyebut %(disebut)s, bukan %(pemda)s; tidak ada yang disimpan.")
                           % {"disebut": doc.pemda, "pemda": pd.pemda})
    if doc.tahun is not None and doc.tahun != plan.tahun:
        raise ImporDitolak(gettext("Dokumen ini untuk tahun %(tahun)s, rencana aksi %(rencana)s untuk tahun "
                                   "%(tahun_rencana)s; tidak ada yang disimpan.")
                           % {"tahun": doc.tahun, "rencana": plan, "tahun_rencana": plan.tahun})


def match(doc: RealisasiDoc, plan: RencanaAksi) -> tuple[list[NilaiRealisasi], list[Catatan], list[Catatan]]:
    """The values to write, and the decisions and warnings of matching (unmatched rows with their places)."""
    notes = Notes()
    values: list[NilaiRealisasi] = []
    indikator = list(Indikator.objects.filter(rencana_aksi=plan).prefetch_related("sub_kegiatan", "kegiatan",
                                                                                 "program"))
    subs = list(SubKegiatan.objects.filter(rencana_aksi=plan))

    for row in doc.indikator:
        ind = _match_indikator(row, indikator, notes)
        if ind is None:
            continue
        realisasi = _per_triwulan(row, ind, notes) if row.sd else row.realisasi
        for tw, angka in enumerate(realisasi, start=1):
            if angka is None or angka.kosong:
                continue
            values.append(NilaiRealisasi("realisasi_indikator", ind, tw, nilai=angka.nilai,
                                         kategori=angka.kategori, place=row.realisasi_place[tw - 1] or row.place))
        if row.evaluasi_triwulan and any(t.teks for t in row.evaluasi.values()):
            values.append(NilaiRealisasi("evaluasi", ind, row.evaluasi_triwulan, place=row.place, teks={k: row.evaluasi[k].teks if k in row.evaluasi else "" for k in EVALUASI_FIELDS}))

    by_kode: dict[str, list[SubKegiatan]] = {}
    for s in subs:
        if s.kode:
            by_kode.setdefault(s.kode.strip(), []).append(s)
    for sub_row in doc.sub_kegiatan:
        sub = _match_sub(sub_row, subs, by_kode, notes)
        if sub is None:
            continue
        for tw, uang in enumerate(sub_row.jumlah, start=1):
            if uang is not None and uang.nilai is not None:
                values.append(NilaiRealisasi("realisasi_anggaran", sub, tw, nilai=uang.nilai,
                                             place=uang.place or sub_row.place))
    return values, notes.decisions, notes.warnings


def _per_triwulan(row: RealisasiIndikatorDoc, ind: Indikator, notes: Notes) -> list[Angka | None]:
    """Realisasi written to date (s.d. TW n): a kumulatif indikator's realisasi is what was achieved *in* each
    triwulan, so the previous value to date is subtracted; any other accumulation is kept as written (the value at
    the end of the triwulan is the value to date)."""
    if ind.akumulasi != Akumulasi.KUMULATIF:
        return row.realisasi
    result: list[Angka | None] = []
    before = Decimal(0)
    for angka in row.realisasi:
        if angka is None or angka.nilai is None or angka.kategori:
            result.append(angka)
            continue
        result.append(Angka(teks=angka.teks, nilai=angka.nilai - before))
        before = angka.nilai
    notes.decide("monev.kinerja_sd", gettext("Realisasi indikator kumulatif '%(indikator)s' ditulis sampai dengan "
                                             "triwulan (s.d.); yang disimpan adalah capaian dalam tiap triwulan "
                                             "(nilai s.d. triwulan itu − nilai s.d. triwulan sebelumnya).")
                 % {"indikator": ind.nama}, row.place)
    return result


def _match_indikator(row: RealisasiIndikatorDoc, rows: list[Indikator], notes: Notes) -> Indikator | None:
    if row.id is not None:
        found = next((i for i in rows if i.pk == row.id), None)
        if found is None:
            notes.warn("monev.tidak_cocok", gettext("Indikator id %(id)s ('%(nama)s') tidak ada di rencana aksi ini; "
                                                    "realisasinya tidak disimpan.")
                       % {"id": row.id, "nama": row.nama.teks}, row.place)
        return found
    found, exact = _by_name(rows, pisah_iku(row.nama.teks)[0])
    if isinstance(found, list):
        induk = normalise(row.induk) if row.induk else ""
        linked = [i for i in found if induk and any(
            normalise(o.nama) == induk for o in [*i.sub_kegiatan.all(), *i.kegiatan.all(), *i.program.all()])]
        if len(linked) == 1:
            notes.decide("monev.nama_ganda_dibedakan",
                         gettext("Indikator '%(nama)s' ada %(jumlah)s kali di rencana aksi; dipakai yang terkait "
                                 "dengan '%(induk)s'.") % {"nama": row.nama.teks, "jumlah": len(found), "induk": row.induk},
                         row.place)
            return linked[0]
        notes.warn("monev.nama_ganda", gettext("Indikator '%(nama)s' ada %(jumlah)s kali di rencana aksi dan tidak "
                                               "dapat dibedakan; realisasinya tidak disimpan.")
                   % {"nama": row.nama.teks, "jumlah": len(found)}, row.place)
        return None
    if found is None:
        notes.warn("monev.tidak_cocok", gettext("Indikator '%(nama)s' tidak ditemukan di rencana aksi; realisasinya "
                                                "tidak disimpan.") % {"nama": row.nama.teks}, row.place)
        return None
    if not exact:
        notes.decide("monev.nama_mirip", gettext("Indikator '%(nama)s' dicocokkan dengan '%(nama_rencana)s' (nama "
                                                 "mirip).") % {"nama": row.nama.teks, "nama_rencana": found.nama},
                     row.place)
    return found


def _match_sub(row: RealisasiAnggaranDoc, subs: list[SubKegiatan], by_kode, notes: Notes) -> SubKegiatan | None:
    if row.id is not None:
        found = next((s for s in subs if s.pk == row.id), None)
        if found is None:
            notes.warn("monev.tidak_cocok", gettext("Sub kegiatan id %(id)s ('%(nama)s') tidak ada di rencana aksi "
                                                    "ini; realisasi anggarannya tidak disimpan.")
                       % {"id": row.id, "nama": row.nama.teks}, row.place)
        return found
    if row.kode and len(by_kode.get(row.kode, [])) == 1:
        found = by_kode[row.kode][0]
        if normalise(found.nama) != normalise(row.nama.teks):
            notes.decide("monev.kode_beda_nama", gettext("Sub kegiatan %(kode)s '%(nama)s' dicocokkan dengan "
                                                         "kodenya; di rencana aksi bernama '%(nama_rencana)s'.")
                         % {"kode": row.kode, "nama": row.nama.teks, "nama_rencana": found.nama}, row.place)
        return found
    found, exact = _by_name(subs, row.nama.teks)
    sub = {"sub": f"{row.kode} '{row.nama.teks}'" if row.kode else f"'{row.nama.teks}'"}
    if isinstance(found, list):
        notes.warn("monev.nama_ganda", gettext("Sub kegiatan %(sub)s ada lebih dari satu kali di rencana aksi; "
                                               "realisasi anggarannya tidak disimpan.") % sub, row.place)
        return None
    if found is None:
        notes.warn("monev.tidak_cocok", gettext("Sub kegiatan %(sub)s tidak ditemukan di rencana aksi; realisasi "
                                                "anggarannya tidak disimpan.") % sub, row.place)
        return None
    if not exact:
        notes.decide("monev.nama_mirip", gettext("Sub kegiatan '%(nama)s' dicocokkan dengan '%(nama_rencana)s' "
                                                 "(nama mirip).") % {"nama": row.nama.teks, "nama_rencana": found.nama},
                     row.place)
    return found


# --- writing -------------------------------------------------------------------------------------------------------


@dataclass
class RealisasiResult:
    rencana_aksi: RencanaAksi
    layout: str
    values: list[NilaiRealisasi]
    written: dict[str, int]
    unchanged: int
    decisions: list[Catatan]
    warnings: list[Catatan]
    dry_run: bool
    impor_id: int | None = None

    def as_json(self) -> dict:
        plan = self.rencana_aksi
        return {
            "rencana_aksi": {"id": plan.pk, "tahun": plan.tahun, "perangkat_daerah": plan.perangkat_daerah.nama},
            "layout": self.layout,
            "disimpan": dict(self.written),
            "tidak_berubah": self.unchanged,
            "nilai": [v.as_json() for v in self.values],
            "decisions": [c.as_json() for c in self.decisions],
            "warnings": [c.as_json() for c in self.warnings],
            "dry_run": self.dry_run,
        }


def _unchanged(value: NilaiRealisasi, stored: dict) -> bool:
    current = stored.get((value.jenis, value.objek.pk, value.triwulan))
    if current is None:
        return False
    if value.jenis == "realisasi_indikator":
        return current.nilai == value.nilai and current.kategori == value.kategori
    if value.jenis == "realisasi_anggaran":
        return current.jumlah == value.nilai
    return all(getattr(current, k) == (value.teks or {}).get(k, "").strip() for k in EVALUASI_FIELDS)


def _stored(plan: RencanaAksi) -> dict:
    stored: dict = {}
    for ri in RealisasiIndikator.objects.filter(indikator__rencana_aksi=plan):
        stored[("realisasi_indikator", ri.indikator_id, ri.triwulan)] = ri
    for ra in RealisasiAnggaran.objects.filter(sub_kegiatan__rencana_aksi=plan):
        stored[("realisasi_anggaran", ra.sub_kegiatan_id, ra.triwulan)] = ra
    for ev in EvaluasiIndikator.objects.filter(indikator__rencana_aksi=plan):
        stored[("evaluasi", ev.indikator_id, ev.triwulan)] = ev
    return stored


def import_realisasi(parsed: ParsedRealisasi, *, rencana_aksi: RencanaAksi, user=None,
                     dry_run: bool = False) -> RealisasiResult:
    """Write the workbook's realisasi into `rencana_aksi`, all or nothing (`dry_run`: everything rolled back).

    `ImporDitolak` when the workbook belongs to another plan, PD or year, when a triwulan to be written is not
    open for reporting, or when `user` may not report a row; nothing is written then."""
    doc = parsed.dokumen
    plan = RencanaAksi.objects.select_related("perangkat_daerah__pemda").get(pk=rencana_aksi.pk)
    _check_plan(doc, plan)
    by = user if getattr(user, "is_authenticated", False) else None
    with transaction.atomic():
        values, decisions, warnings = match(doc, plan)
        stored = _stored(plan)
        written = {"realisasi_indikator": 0, "realisasi_anggaran": 0, "evaluasi": 0}
        unchanged = 0
        for value in values:
            if _unchanged(value, stored):
                unchanged += 1
                continue
            try:
                _write(value, by)
            except (ValidationError, PermissionDenied) as exc:
                text = "; ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
                if value.place:
                    text = gettext("%(galat)s (%(tempat)s)") % {"galat": text, "tempat": value.place.describe()}
                raise ImporDitolak(gettext("%(galat)s. Tidak ada yang disimpan.") % {"galat": text}) from exc
            written[value.jenis] += 1
        result = RealisasiResult(rencana_aksi=plan, layout=doc.layout, values=values, written=written,
                                 unchanged=unchanged, decisions=[*doc.decisions, *decisions],
                                 warnings=[*doc.warnings, *warnings], dry_run=dry_run)
        if dry_run:
            transaction.set_rollback(True)
        else:
            result.impor_id = impor_record(filename=parsed.filename, sha256=parsed.sha256, size=parsed.size,
                                           format=doc.format or "xlsx", layout=doc.layout, rencana_aksi=plan,
                                           summary=result.as_json(), user=user).pk
    return result


def _write(value: NilaiRealisasi, by) -> None:
    objek, nilai = value.objek, value.nilai
    if value.jenis == "realisasi_anggaran":
        assert isinstance(objek, SubKegiatan) and not isinstance(nilai, Decimal)  # whole rupiah
        monev.realisasi_anggaran_set(sub_kegiatan=objek, triwulan=value.triwulan, jumlah=nilai, by=by)
        return
    assert isinstance(objek, Indikator) and not isinstance(nilai, int)  # a value, or an evaluasi
    if value.jenis == "realisasi_indikator":
        monev.realisasi_indikator_set(indikator=objek, triwulan=value.triwulan, nilai=nilai,
                                      kategori=value.kategori, by=by)
    else:
        monev.evaluasi_set(indikator=objek, triwulan=value.triwulan, by=by, **(value.teks or {}))


def plan_for(doc: RealisasiDoc, *, rencana_aksi_id: int | None = None, perangkat_daerah=None,
             tahun: int | None = None) -> RencanaAksi:
    """The plan a workbook goes into: the one asked for, else the one the Renaksi form names, else the latest
    version of the PD's plan of the year (`perangkat_daerah` a PD or its name). Given a PD (the web page's choice),
    a form naming a plan of another PD is refused (`ImporDitolak`)."""
    from renaksi.organisasi.models import PerangkatDaerah

    qs = RencanaAksi.objects.select_related("perangkat_daerah__pemda")
    pk = rencana_aksi_id or doc.rencana_aksi_id
    if pk:
        plan = qs.filter(pk=pk).first()
        if isinstance(perangkat_daerah, PerangkatDaerah) and plan is not None and (
                plan.perangkat_daerah_id != perangkat_daerah.pk):
            # Said without naming that plan: the user may not even know it exists.
            raise ImporDitolak(gettext("Formulir monev ini milik rencana aksi perangkat daerah lain, bukan %(pd)s; "
                                       "tidak ada yang disimpan.") % {"pd": perangkat_daerah.nama})
        if plan is None:
            raise ImporGagal(gettext("rencana aksi id %(id)s tidak ada.") % {"id": pk}, Place(doc.dokumen))
        return plan
    year = tahun or doc.tahun
    pd = perangkat_daerah
    if pd is None and doc.perangkat_daerah:
        pd = doc.perangkat_daerah
    if isinstance(pd, str):
        named = [p for p in PerangkatDaerah.objects.select_related("pemda") if normalise(p.nama) in normalise(pd)]
        if len(named) > 1 and doc.pemda:
            named = [p for p in named if normalise(str(p.pemda)) == normalise(doc.pemda)]
        pd = named[0] if len(named) == 1 else None
    if pd is None or year is None:
        raise ImporGagal(gettext("tidak jelas ke rencana aksi mana realisasi ini diimpor: sebutkan --rencana-aksi ID "
                                 "(atau perangkat daerah dan tahun)."), Place(doc.dokumen))
    plan = qs.filter(perangkat_daerah=pd, tahun=year).order_by("-versi").first()
    if plan is None:
        raise ImporGagal(gettext("%(pd)s belum memiliki rencana aksi tahun %(tahun)s; realisasi hanya dapat diimpor "
                                 "ke rencana aksi yang sudah ada.") % {"pd": pd.nama, "tahun": year},
                         Place(doc.dokumen))
    return plan


def triwulan_label(tw: int) -> str:
    return f"TW {ROMAWI[tw]}"
