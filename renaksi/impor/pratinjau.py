"""What the web import needs between "upload" and "Impor": the upload kept on the server, and the preview.

- `stage_upload` keeps the uploaded bytes in the default storage under ``impor/<random>`` (MEDIA_ROOT/impor on
  disk) and remembers them in the user's session by a random token; the confirmation reads these bytes again, never
  a second upload. A token from another session is unknown (404).
- A long PDF is read by a background job (`renaksi.impor.tugas`): it keeps what it read next to the upload
  (``<upload>.baca``, a pickle signed with the SECRET_KEY, `simpan_baca`); the preview and the confirmation load it
  (`muat_baca`) instead of reading the PDF again. A file whose signature does not match is refused, never unpickled.
  One written by another version of the code (`sidik_bentuk`) is treated as gone: the person uploads again.
- `baca` reads the staged bytes (a monev workbook, or a plan document with the user's choice of kind per table,
  `Unggahan.jenis`, `pilih_jenis`); a plan document whose monev tables hold realisasi for a plan that exists is
  read as that realisasi.
- `build_preview` imports the document for real inside a transaction that is always rolled back, so the preview
  shows the plan exactly as it would be stored (tree, counts, pagu), the checker's findings on it, and what would
  change in the plan it replaces (`renaksi.perencanaan.diff`, in the same transaction). Nothing of it stays in the
  database.
Everything the templates get is plain data (dicts, lists, numbers), built before the rollback.
"""

from __future__ import annotations

import functools
import hashlib
import pickle
import secrets
import time
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.http import Http404
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext

from renaksi.core.angka import banyak_desimal, format_angka
from renaksi.core.bulan import singkat_bulan
from renaksi.impor import bagian
from renaksi.impor.grid import ImporGagal, Place
from renaksi.organisasi.models import PerangkatDaerah
from renaksi.pekerjaan.models import Pekerjaan
from renaksi.pekerjaan.services import pekerjaan_hapus_hasil
from renaksi.pemeriksaan import api as pemeriksaan
from renaksi.perencanaan.models import RencanaAksi, Target
from renaksi.perencanaan.selectors import plan_data, target_label
from renaksi.perencanaan.services import alasan_terkunci

SESSION_KEY = "impor_unggahan"
STORAGE_DIR = "impor"
MAX_STAGED_PER_SESSION = 3
STAGED_TTL_SECONDS = 24 * 3600
BACA = ".baca"  # what a background job read from the upload `<name>` is kept in `<name>.baca`
_BACA_SALT = "renaksi.impor.baca"


@dataclass
class Unggahan:
    token: str
    nama_berkas: str
    storage_name: str
    perangkat_daerah_id: int
    tahun: int | None
    user_id: int
    ukuran: int
    dibuat: float
    existing_id: int | None = None  # the plan the preview said would be replaced
    pekerjaan_id: int | None = None  # the background job reading it (a long PDF), when there is one
    # The user's choice of kind per table: {table key ("#3", its place in the document): kind}.
    jenis: dict[str, str] = field(default_factory=dict)

    def as_session(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _staged(request) -> dict[str, dict[str, Any]]:
    return request.session.get(SESSION_KEY, {})


def stage_upload(request, *, data: bytes, nama_berkas: str, perangkat_daerah: PerangkatDaerah,
                 tahun: int | None) -> Unggahan:
    token = secrets.token_urlsafe(18)
    storage_name = default_storage.save(f"{STORAGE_DIR}/{token}.bin", ContentFile(data))
    unggahan = Unggahan(token=token, nama_berkas=nama_berkas, storage_name=storage_name,
                        perangkat_daerah_id=perangkat_daerah.pk, tahun=tahun, user_id=request.user.pk,
                        ukuran=len(data), dibuat=time.time())
    purge_stale_uploads()
    staged = _staged(request)
    # Keep a few per session: older uploads of the same person are dropped with their files.
    for old_token, meta in sorted(staged.items(), key=lambda kv: kv[1]["dibuat"])[: max(0, len(staged) - 2)]:
        _delete_files(meta["storage_name"])
        del staged[old_token]
    staged[token] = unggahan.as_session()
    request.session[SESSION_KEY] = staged
    return unggahan


def get_staged(request, token: str) -> Unggahan:
    meta = _staged(request).get(token)
    if meta is None or meta.get("user_id") != request.user.pk:
        raise Http404
    from renaksi.impor.klasifikasi import is_kunci

    unggahan = Unggahan(**meta)
    # A choice kept by title (before tables were keyed by place) is dropped: the importer's choice stands again.
    unggahan.jenis = {k: v for k, v in unggahan.jenis.items() if is_kunci(k)}
    if time.time() - unggahan.dibuat > STAGED_TTL_SECONDS or not default_storage.exists(unggahan.storage_name):
        discard(request, unggahan)
        raise Http404
    return unggahan


def remember_existing(request, unggahan: Unggahan, existing: RencanaAksi | None) -> None:
    _remember(request, unggahan, existing_id=existing.pk if existing else None)


def remember_pekerjaan(request, unggahan: Unggahan, pekerjaan_id: int) -> None:
    unggahan.pekerjaan_id = pekerjaan_id
    _remember(request, unggahan, pekerjaan_id=pekerjaan_id)


def _remember(request, unggahan: Unggahan, **fields: Any) -> None:
    staged = _staged(request)
    if unggahan.token in staged:
        staged[unggahan.token].update(fields)
        request.session[SESSION_KEY] = staged


def pilih_jenis(request, unggahan: Unggahan, *, tabel: str, jenis: str) -> None:
    """The user picks the kind of one table (`tabel` its key, "#3"; `jenis` a kind's NAMA; "" gives the choice back
    to the importer)."""
    staged = _staged(request)
    if unggahan.token not in staged:
        raise Http404
    chosen = dict(unggahan.jenis)
    if jenis:
        chosen[tabel] = jenis
    else:
        chosen.pop(tabel, None)
    staged[unggahan.token]["jenis"] = unggahan.jenis = chosen
    request.session[SESSION_KEY] = staged


def baca(data: bytes, nama_berkas: str, jenis: dict[str, str] | None = None, *,
         perangkat_daerah: PerangkatDaerah | None = None, tahun: int | None = None):
    """A monev workbook (`realisasi.ParsedRealisasi`) or a plan document (`api.ParsedDocument`, its tables read as
    `jenis` names them). A plan document whose monev tables hold realisasi is that realisasi
    (`realisasi.dalam_dokumen`) when the PD already has a plan for the year: it goes into that plan."""
    from renaksi.impor import api, realisasi  # the importer core; imported late so that URLs load without it

    monev = realisasi.parse_realisasi(data, nama_berkas)
    if monev is not None:
        return monev
    return arahkan(api.parse_document(data, nama_berkas, jenis), perangkat_daerah=perangkat_daerah, tahun=tahun)


def arahkan(parsed, *, perangkat_daerah: PerangkatDaerah | None, tahun: int | None):
    """The plan document as read, or the realisasi its monev tables hold when the PD already has a plan for the
    year (`realisasi.dalam_dokumen`): also for what a background job read."""
    from renaksi.impor import realisasi

    dalam = realisasi.dalam_dokumen(parsed)
    if dalam is not None and perangkat_daerah is not None and existing_plan(
            perangkat_daerah, document_year(parsed, tahun)) is not None:
        return dalam
    return parsed


def read_staged(unggahan: Unggahan) -> bytes:
    with default_storage.open(unggahan.storage_name, "rb") as handle:
        return handle.read()


def _tanda(isi: bytes) -> bytes:
    return salted_hmac(_BACA_SALT, isi, algorithm="sha256").hexdigest().encode()


@functools.cache
def sidik_bentuk() -> bytes:
    """A fingerprint of the code whose classes a read document is pickled as (the importer and `renaksi.core`),
    taken once per process: a `.baca` written by other code is not loaded, however its classes changed."""
    root = Path(__file__).resolve().parents[1]
    h = hashlib.sha256()
    for paket in ("impor", "core"):
        for berkas in sorted(p for p in (root / paket).rglob("*.py") if "migrations" not in p.parts):
            h.update(str(berkas.relative_to(root)).encode() + b"\0" + berkas.read_bytes())
    return h.hexdigest()[:16].encode()


def simpan_baca(storage_name: str, parsed: Any) -> None:
    """Keeps what was read from the upload `storage_name` next to it, signed, after the fingerprint of the code that
    read it: `<sidik_bentuk>\\n<signature>\\n<pickle>`."""
    isi = pickle.dumps(parsed, protocol=pickle.HIGHEST_PROTOCOL)
    _delete_file(storage_name + BACA)  # a retried job writes it again under the same name
    default_storage.save(storage_name + BACA, ContentFile(sidik_bentuk() + b"\n" + _tanda(isi) + b"\n" + isi))


def muat_baca(unggahan: Unggahan) -> Any:
    """What the background job read from the upload; `ImporGagal` when it is gone, was changed, or was written by
    another version of Renaksi (its classes may have changed shape: treated as gone, never unpickled half-way)."""
    place = Place(unggahan.nama_berkas)
    try:
        with default_storage.open(unggahan.storage_name + BACA, "rb") as handle:
            sidik, _sep, sisa = handle.read().partition(b"\n")
    except (FileNotFoundError, OSError) as exc:
        raise ImporGagal(gettext("hasil baca berkas ini sudah tidak ada (kedaluwarsa atau dibatalkan). Unggah "
                                 "berkasnya lagi."), place) from exc
    usang = ImporGagal(gettext("hasil baca berkas ini dibuat oleh versi Renaksi sebelumnya dan tidak dapat dipakai "
                               "lagi. Unggah berkasnya lagi."), place)
    if sidik != sidik_bentuk():
        raise usang
    tanda, _sep, isi = sisa.partition(b"\n")
    if not constant_time_compare(tanda, _tanda(isi)):
        raise ImporGagal(gettext("hasil baca berkas ini telah diubah di luar Renaksi (tanda tangannya tidak cocok) "
                                 "sehingga ditolak. Unggah berkasnya lagi."), place)
    try:
        return pickle.loads(isi)  # signed by us with the SECRET_KEY: checked just above
    except (AttributeError, ImportError, TypeError, ValueError, EOFError, pickle.UnpicklingError) as exc:
        raise usang from exc  # a class outside the fingerprint that changed


def baca_ada(storage_name: str) -> bool:
    return default_storage.exists(storage_name + BACA)


def discard(request, unggahan: Unggahan) -> None:
    """The upload is done with (imported, cancelled, refused): its files go, and its read job's "Lanjutkan" too."""
    _delete_files(unggahan.storage_name)
    if unggahan.pekerjaan_id is not None:
        pekerjaan = Pekerjaan.objects.filter(pk=unggahan.pekerjaan_id, hasil_dihapus=False).first()
        if pekerjaan is not None:
            pekerjaan_hapus_hasil(pekerjaan=pekerjaan)
    staged = _staged(request)
    staged.pop(unggahan.token, None)
    request.session[SESSION_KEY] = staged


def purge_stale_uploads(max_age_seconds: int = STAGED_TTL_SECONDS) -> int:
    """Delete staged uploads nobody confirmed or cancelled (older than a day); returns how many."""
    try:
        _dirs, files = default_storage.listdir(STORAGE_DIR)
    except (FileNotFoundError, NotADirectoryError):
        return 0
    removed = 0
    limit = time.time() - max_age_seconds
    for name in files:
        path = f"{STORAGE_DIR}/{name}"
        try:
            if default_storage.get_modified_time(path).timestamp() < limit:
                default_storage.delete(path)
                removed += 1
        except (OSError, NotImplementedError):
            continue
    return removed


def _delete_files(storage_name: str) -> None:
    """An upload and what a background job read from it."""
    _delete_file(storage_name)
    _delete_file(storage_name + BACA)


def _delete_file(name: str) -> None:
    try:
        default_storage.delete(name)
    except OSError:  # already gone: nothing to clean
        pass


# --- The preview ------------------------------------------------------------------------------------------------


@dataclass
class Pratinjau:
    nama_berkas: str
    tahun: int | None
    perangkat_daerah: str
    hasil: dict[str, Any]  # ImportResult.as_json() of the dry run
    sasaran: list[dict[str, Any]] = field(default_factory=list)
    program: list[dict[str, Any]] = field(default_factory=list)
    temuan: list[dict[str, Any]] | None = None  # None: not checked (the import failed before)
    ringkasan_temuan: dict[str, int] = field(default_factory=dict)
    existing: RencanaAksi | None = None
    perubahan: Any = None  # renaksi.perencanaan.diff.PlanDiff against the plan it replaces
    penghalang: str = ""  # why the import cannot be confirmed (a locked plan, no right to replace it)
    # Every number of the document accounted for (`renaksi.impor.cakupan.Ringkasan.as_json`).
    cakupan: dict[str, Any] = field(default_factory=dict)
    # A document holding only part of the chain (`renaksi.impor.bagian`): what it holds, and how many of the
    # checker's findings were about the parts it never held (not shown).
    bagian: str = ""
    temuan_tidak_berlaku: int = 0
    # Every table with the kind that read it (`TabelDoc.as_json`), and the kinds the user may pick instead.
    tabel: list[dict[str, Any]] = field(default_factory=list)
    pilihan_jenis: list[tuple[str, str]] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        return self.hasil.get("counts", {})

    @property
    def pagu(self) -> dict[str, int]:
        return self.hasil.get("pagu", {})

    @property
    def pagu_program_tertulis(self) -> bool:
        """Does the document state any program pagu? (Samarinda's states pagu from the kegiatan level down.)"""
        return any(p["pagu"] is not None for p in self.program)

    @property
    def tabel_dapat_dipilih(self) -> bool:
        return any(t["dapat_dipilih"] for t in self.tabel)

    @property
    def tabel_tetap(self) -> list[str]:
        """Why the kind of some tables cannot be picked, each reason once."""
        return list(dict.fromkeys(t["tetap"] for t in self.tabel if t["tetap"]))

    @property
    def decisions(self) -> list[dict[str, Any]]:
        return self.hasil.get("decisions", [])

    @property
    def warnings(self) -> list[dict[str, Any]]:
        return self.hasil.get("warnings", [])


class _Rollback(Exception):
    pass


def existing_plan(perangkat_daerah: PerangkatDaerah, tahun: int | None) -> RencanaAksi | None:
    if tahun is None:
        return None
    return (RencanaAksi.objects.filter(perangkat_daerah=perangkat_daerah, tahun=tahun)
            .select_related("perangkat_daerah").order_by("-versi").first())


def document_year(parsed, tahun: int | None) -> int | None:
    """The year the import will use: the one the user chose, else the one the document states."""
    if tahun:
        return tahun
    return parsed.dokumen.tahun


def build_preview(parsed, *, user, nama_berkas: str, perangkat_daerah: PerangkatDaerah,
                  tahun: int | None) -> Pratinjau:
    """Import inside a transaction that is rolled back; describe what would be stored. Raises ImporGagal."""
    # The importer core, imported late so that URLs load without it.
    from renaksi.impor import api, klasifikasi
    from renaksi.perencanaan import diff

    year = document_year(parsed, tahun)
    existing = existing_plan(perangkat_daerah, year)
    preview = Pratinjau(nama_berkas=nama_berkas, tahun=year, perangkat_daerah=perangkat_daerah.nama, hasil={},
                        cakupan=parsed.cakupan.realisasi_tidak_disimpan().as_json(), existing=existing,
                        tabel=[t.as_json() for t in parsed.dokumen.tabel], pilihan_jenis=klasifikasi.pilihan_jenis())
    if existing is not None:
        if not user.has_perm("perencanaan.import_rencanaaksi", existing):
            preview.penghalang = gettext("Anda tidak berhak mengganti rencana aksi yang sudah ada untuk tahun ini.")
        elif not existing.editable:
            preview.penghalang = gettext("Rencana aksi %(tahun)s yang sudah ada tidak dapat diganti. %(alasan)s") % {
                "tahun": existing.tahun, "alasan": alasan_terkunci(existing)}
    before = diff.snapshot(existing) if existing else None

    def describe(plan: RencanaAksi) -> None:
        preview.tahun = plan.tahun
        tree = _tree(plan)
        preview.sasaran, preview.program = tree["sasaran"], tree["program"]
        if before is not None:
            preview.perubahan = diff.compare(before, diff.snapshot(plan))
        preview.temuan, preview.ringkasan_temuan, preview.temuan_tidak_berlaku = _findings(plan, parsed.dokumen)
        preview.bagian = bagian.kalimat(parsed.dokumen)

    try:
        if preview.penghalang:
            # The import cannot be confirmed, but the person still sees what the document holds: written beside
            # the plan it cannot replace, and rolled back.
            result, _ = api.check_document(parsed, describe, tahun=tahun, perangkat_daerah=perangkat_daerah)
            preview.hasil = result.as_json()
        else:
            with transaction.atomic():
                # Not api's dry_run: the plan must still be in the database to be shown and checked.
                result = api.import_document(parsed, user=user, tahun=tahun, perangkat_daerah=perangkat_daerah,
                                             replace=existing, dry_run=False)
                assert result.rencana_aksi is not None  # written, to be rolled back below
                preview.hasil = result.as_json()
                describe(result.rencana_aksi)
                raise _Rollback
    except _Rollback:
        pass
    except ValidationError as exc:
        raise ImporGagal(gettext("dokumen tidak dapat disimpan: %(galat)s")
                         % {"galat": "; ".join(exc.messages)}) from exc
    except api.ImporDitolak as exc:
        preview.penghalang = preview.penghalang or exc.message
    if preview.hasil:
        preview.hasil["dry_run"] = True
    return preview


def _findings(plan: RencanaAksi, doc) -> tuple[list[dict[str, Any]], dict[str, int], int]:
    """The checker's findings on the would-be plan, less those about a part of the chain the document never held."""
    every = pemeriksaan.sort_findings(pemeriksaan.check_plan(plan))
    findings = [f for f in every if bagian.relevan(doc, f.rule)]
    rows = [{
        "severity": str(f.severity),
        "severity_label": f.severity.label,
        "rule": f.rule,
        "message": f.message,
        "objek": pemeriksaan.place(f),
        "tempat": "; ".join(s.describe() for s in f.location.sources),
    } for f in findings]
    return rows, pemeriksaan.summary(findings), len(every) - len(findings)


# --- A plan as plain data: the tree for the preview -------------------------------------------------------------


def _target_text(target: Target | None) -> str:
    """A target in Indonesian form whatever the source wrote: "36.00" → "36,00", "43.48%" → "43,48%" (the
    decimals as written); a text without a number ("-") as written."""
    if target is None:
        return ""
    text = target_label(target)
    if not text:
        return target.teks
    return f"{text}%" if target.teks.rstrip().endswith("%") and target.nilai is not None else text


def _keluaran_text(nilai: Decimal | None, satuan: str, teks: str) -> str:
    """An output target ("207,440.00 orang") in Indonesian form ("207.440 orang"); as written when not a number."""
    if nilai is None:
        return teks
    return " ".join(p for p in (format_angka(nilai, banyak_desimal(nilai, tanpa_nol=True)), satuan) if p)


def _tree(plan: RencanaAksi) -> dict[str, Any]:
    """The plan's tree as nested dicts (sasaran → indikator → targets; program → kegiatan → sub → aksi)."""
    data = plan_data(rencana_aksi=plan)

    def indikator(sasaran_id: int) -> list[dict[str, Any]]:
        return [{
            "nama": ind.nama, "satuan": ind.satuan, "iku": ind.is_iku,
            "tahunan": _target_text(data.target(ind.pk)),
            "triwulan": [_target_text(t) for t in data.triwulan_targets(ind.pk)],
            "akumulasi": ind.get_akumulasi_display(), "akumulasi_disimpulkan": ind.akumulasi_disimpulkan,
        } for ind in data.indikator_of(sasaran_id)]

    parents = {s.pk: s.parent_id for s in data.sasaran}

    def depth(pk: int) -> int:
        d, seen = 0, set()
        while (parent := parents.get(pk)) and pk not in seen:
            seen.add(pk)
            pk, d = parent, d + 1
        return d

    sasaran = [{"level": s.get_level_display(), "nomor": s.nomor, "uraian": s.uraian, "depth": depth(s.pk),
                "indikator": indikator(s.pk)} for s in data.sasaran]

    def aksi(sub_id: int) -> list[dict[str, Any]]:
        return [{"nomor": a.nomor, "uraian": a.uraian, "bulan": [singkat_bulan(b) for b in sorted(data.bulan_of(a.pk))],
                 "keluaran": a.keluaran,
                 "target": _keluaran_text(a.target_nilai, a.target_satuan, a.target_teks), "pagu": a.pagu, "pj": a.penanggung_jawab}
                for a in data.aksi_of(sub_id)]

    def subs(kegiatan_id: int) -> list[dict[str, Any]]:
        return [{"kode": s.kode, "nama": s.nama, "pagu": s.pagu,
                 "target": _keluaran_text(s.target_nilai, s.target_satuan, s.target_teks),
                 "bidang": data.bidang_by_id[s.bidang_id].nama if s.bidang_id in data.bidang_by_id else "",
                 "aksi": aksi(s.pk)} for s in data.sub_kegiatan_of(kegiatan_id)]

    program = [{"kode": p.kode, "nama": p.nama, "pagu": p.pagu,
                "kegiatan": [{"kode": k.kode, "nama": k.nama, "pagu": k.pagu, "sub_kegiatan": subs(k.pk)}
                             for k in data.kegiatan_of(p.pk)]}
               for p in data.program]
    return {"sasaran": sasaran, "program": program}
