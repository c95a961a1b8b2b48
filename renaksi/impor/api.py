"""The importer's public face, for the web page, the CLI (`import`, `periksa`), the demo and the bench.

    parsed = parse_document(data, "rencana-aksi.txt")      # bytes → grid → layout → neutral structure
    parsed.dokumen.counts(), parsed.decisions, parsed.warnings   # the preview
    result = import_document(parsed, perangkat_daerah=pd)   # one transaction; dry_run=True rolls it back
    result.as_json()                                        # {rencana_aksi, counts, pagu, decisions, warnings, dry_run}
    diff = compare_with_plan(parsed, existing_plan)         # what a re-import would change (shown before --replace)
    result, found = check_document(parsed, check_plan)      # the plan as it would be stored, checked, rolled back

`ImporGagal` (from `renaksi.impor.grid`) means the document cannot be read or stored; its message is Indonesian and
names the place. `ImporDitolak` means the document is fine but the import is refused (a plan exists for that PD and
year, or the plan to replace is no longer editable). In both cases nothing has been written.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from django.conf import settings
from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext

from renaksi.core.angka import format_angka
from renaksi.impor import layouts
from renaksi.impor.cakupan import Ringkasan, hitung
from renaksi.impor.dokumen import RencanaAksiDoc, TabelDoc
from renaksi.impor.grid import Catatan, ImporGagal, Place
from renaksi.impor.inferensi import infer
from renaksi.impor.penjaga import saring_nama
from renaksi.impor.readers import read_grid
from renaksi.impor.satuan import dari_target
from renaksi.impor.services import impor_record
from renaksi.impor.writer import ImporDitolak, RencanaAksiSudahAda, Writer, _call, resolve_tujuan
from renaksi.organisasi.models import Pemda, PerangkatDaerah
from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import Aksi, Indikator, Kegiatan, Program, RencanaAksi, Sasaran, SubKegiatan

# The exceptions a caller reports to the user as "this document cannot be imported" (CLI exit status 2).
READ_ERRORS = ("ImporGagal", "ImporDitolak")

__all__ = [
    "ImportResult", "ImporDitolak", "ImporGagal", "ParsedDocument", "RencanaAksiSudahAda", "check_document",
    "compare_with_plan", "import_document", "import_path", "parse_document",
]

T = TypeVar("T")

COUNT_MODELS = {"sasaran": Sasaran, "indikator": Indikator, "program": Program, "kegiatan": Kegiatan,
                "sub_kegiatan": SubKegiatan, "aksi": Aksi}
PAGU_MODELS = {"program": Program, "kegiatan": Kegiatan, "sub_kegiatan": SubKegiatan}


@dataclass
class ParsedDocument:
    """A document read into the neutral structure, with what identifies its source file."""

    dokumen: RencanaAksiDoc
    filename: str
    format: str
    layout: str
    sha256: str
    size: int
    # Every number of the document accounted for: placed, recognised and left out, or listed as unplaced.
    cakupan: Ringkasan = field(default_factory=Ringkasan)

    @property
    def doc(self) -> RencanaAksiDoc:
        return self.dokumen

    @property
    def tahun(self) -> int | None:
        """The year the document's title states."""
        return self.dokumen.tahun

    @property
    def decisions(self) -> list[Catatan]:
        return self.dokumen.decisions

    @property
    def warnings(self) -> list[Catatan]:
        return self.dokumen.warnings

    def preview_json(self) -> dict:
        """What the document holds, before anything is written (for the upload page's preview)."""
        doc = self.dokumen
        return {
            "berkas": {"nama": self.filename, "format": self.format, "layout": self.layout, "sha256": self.sha256,
                       "ukuran": self.size},
            "perangkat_daerah": doc.perangkat_daerah.teks if doc.perangkat_daerah else "",
            "pemda": f"{doc.pemda_jenis.capitalize()} {doc.pemda_nama}".strip(),
            "tahun": doc.tahun,
            "counts": doc.counts(),
            "pagu": doc.pagu_totals(),
            "decisions": [c.as_json() for c in doc.decisions],
            "warnings": [c.as_json() for c in doc.warnings],
            "cakupan": self.cakupan.as_json(),
            "tabel": [t.as_json() for t in doc.tabel],
        }


@dataclass
class ImportResult:
    rencana_aksi_id: int | None
    tahun: int
    perangkat_daerah: str
    pemda: str
    counts: dict[str, int]
    pagu: dict[str, int]
    decisions: list[Catatan] = field(default_factory=list)
    warnings: list[Catatan] = field(default_factory=list)
    dry_run: bool = False
    impor_id: int | None = None
    cakupan: Ringkasan | None = None
    tabel: list[TabelDoc] = field(default_factory=list)  # every table with the kind that read it

    @property
    def rencana_aksi(self) -> RencanaAksi | None:
        """The stored plan (None after a dry run, whose plan was rolled back)."""
        if self.dry_run or self.rencana_aksi_id is None:
            return None
        return RencanaAksi.objects.filter(pk=self.rencana_aksi_id).first()

    def as_json(self) -> dict:
        return {
            "rencana_aksi": {"id": self.rencana_aksi_id, "tahun": self.tahun,
                             "perangkat_daerah": self.perangkat_daerah, "pemda": self.pemda},
            "counts": dict(self.counts),
            "pagu": dict(self.pagu),
            "decisions": [c.as_json() for c in self.decisions],
            "warnings": [c.as_json() for c in self.warnings],
            "dry_run": self.dry_run,
            **({"cakupan": self.cakupan.as_json()} if self.cakupan is not None else {}),
            "tabel": [t.as_json() for t in self.tabel],
        }


def parse_document(data: bytes, filename: str, jenis: dict[str, str] | None = None) -> ParsedDocument:
    """Read a document (any supported format and layout) into the neutral structure; nothing is written.

    `jenis` names the kind of some tables, {table title: kind} (`renaksi.impor.klasifikasi`), overriding the
    classifier's choice."""
    limit = settings.RENAKSI_IMPORT_MAX_BYTES
    if len(data) > limit:
        raise ImporGagal(gettext("berkas terlalu besar (%(size)s byte); paling besar %(max)s byte.")
                         % {"size": format_angka(len(data)), "max": format_angka(limit)}, Place(filename))
    grid = read_grid(data, filename)
    doc = layouts.read(grid, jenis)
    saring_nama(doc)
    dari_target(doc)
    infer(doc)
    cakupan = hitung(grid, doc)
    for tabel in doc.tabel:
        tabel.baris_ditempatkan = len(tabel.baris & cakupan.baris_terisi)
    return ParsedDocument(dokumen=doc, filename=filename, format=grid.format, layout=doc.layout,
                          sha256=hashlib.sha256(data).hexdigest(), size=len(data), cakupan=cakupan)


def import_document(
    parsed: ParsedDocument,
    *,
    user=None,
    tahun: int | None = None,
    pemda: Pemda | str | None = None,
    perangkat_daerah: PerangkatDaerah | str | None = None,
    replace: RencanaAksi | bool | None = None,
    dry_run: bool = False,
) -> ImportResult:
    """Write a parsed document as a new draft plan, in one transaction.

    `tahun`, `pemda` and `perangkat_daerah` override what the document's title says. A plan that already exists for
    the PD and year is refused (`RencanaAksiSudahAda`) unless it is passed as `replace` (or `replace=True`: the
    existing plan of that PD and year, if any): that plan is then updated in place in the same transaction — it keeps
    its id, rows the diff matches keep theirs (`svc.rencana_aksi_ganti_isi`, docs/versi.md). With `dry_run`
    everything is rolled back, but the result still carries the counts and sums computed inside.
    """
    return _import(parsed, user=user, tahun=tahun, pemda=pemda, perangkat_daerah=perangkat_daerah, replace=replace,
                   dry_run=dry_run)


def check_document(
    parsed: ParsedDocument,
    check: Callable[[RencanaAksi], T],
    *,
    tahun: int | None = None,
    pemda: Pemda | str | None = None,
    perangkat_daerah: PerangkatDaerah | str | None = None,
) -> tuple[ImportResult, T]:
    """Write a parsed document as a plan, call `check(plan)` on it, and roll everything back.

    This is how a document is checked before it is kept (`renaksi periksa PATH`): the plan is written exactly as an
    import would write it, so the checker sees what would be stored. A plan that already exists for the PD and year
    is not in the way: the document is written beside it (as the next version) and the existing plan is left
    untouched. `check` receives the plan freshly loaded, inside the transaction; what it returns is returned with the
    import result (a dry run: nothing is kept). `ImporGagal` and `ImporDitolak` as for `import_document`.
    """
    checked: list[T] = []

    def run(ra: RencanaAksi) -> None:
        checked.append(check(RencanaAksi.objects.select_related("perangkat_daerah", "perangkat_daerah__pemda")
                             .get(pk=ra.pk)))

    result = _import(parsed, tahun=tahun, pemda=pemda, perangkat_daerah=perangkat_daerah, dry_run=True,
                     beside_existing=True, on_done=run)
    return result, checked[0]


def _import(parsed: ParsedDocument, *, user=None, tahun=None, pemda=None, perangkat_daerah=None, replace=None,
            dry_run=False, on_done: Callable[[RencanaAksi], None] | None = None,
            beside_existing: bool = False) -> ImportResult:
    doc = parsed.dokumen
    with transaction.atomic():
        tujuan = resolve_tujuan(doc, pemda=pemda, perangkat_daerah=perangkat_daerah, tahun=tahun)
        pd = tujuan.perangkat_daerah
        existing = RencanaAksi.objects.filter(perangkat_daerah=pd, tahun=tujuan.tahun)
        versi = 1
        in_place: RencanaAksi | None = None
        if replace is True:
            replace = existing.order_by("-versi").first()
        elif replace is False:
            replace = None
        if replace is not None:
            replace = RencanaAksi.objects.select_for_update().get(pk=replace.pk)
            if not replace.editable:
                raise ImporDitolak(gettext("Rencana aksi yang akan diganti (id %(pk)s) tidak dapat diganti. "
                                           "%(alasan)s")
                                   % {"pk": replace.pk, "alasan": svc.alasan_terkunci(replace)})
            if replace.perangkat_daerah_id == pd.pk and replace.tahun == tujuan.tahun:
                in_place = replace  # written beside it, then moved into it: the plan keeps its id
                beside_existing = True
            else:
                _call(Place(doc.dokumen), svc.rencana_aksi_delete, rencana_aksi=replace)
        if beside_existing:
            versi = max([r.versi for r in existing] + [0]) + 1
        elif existing.filter(versi=versi).exists() or (replace is None and existing.exists()):
            raise RencanaAksiSudahAda(existing.latest("versi"))
        writer = Writer(doc, tujuan, versi=versi)
        ra = writer.write()
        if doc.realisasi:
            writer.warnings.append(Catatan(
                "monev.tanpa_rencana",
                gettext("Dokumen memuat realisasi %(n)s indikator; realisasi hanya diimpor ke rencana aksi yang "
                        "sudah ada, dan rencana ini dibuat dari dokumen ini, sehingga realisasinya tidak disimpan. "
                        "Impor dokumen yang sama sekali lagi untuk menyimpan realisasinya.") % {"n": len(doc.realisasi)},
                doc.realisasi[0].place))
        if in_place is not None:
            ra = _move_into(ra, in_place, Place(doc.dokumen), user)
        result = ImportResult(
            rencana_aksi_id=ra.pk, tahun=ra.tahun, perangkat_daerah=pd.nama, pemda=str(pd.pemda),
            counts=_counts(ra, len({p.pk for p in writer.pejabat.values()})), pagu=_pagu(ra),
            decisions=[*tujuan.notes, *doc.decisions], warnings=[*doc.warnings, *writer.warnings], dry_run=dry_run,
            cakupan=parsed.cakupan.realisasi_tidak_disimpan(), tabel=doc.tabel,
        )
        if on_done is not None:
            on_done(ra)
        if dry_run:
            transaction.set_rollback(True)
        else:
            result.impor_id = impor_record(
                filename=parsed.filename, sha256=parsed.sha256, size=parsed.size, format=parsed.format,
                layout=parsed.layout, rencana_aksi=ra, summary=result.as_json(), user=user,
            ).pk
    return result


def _move_into(written: RencanaAksi, target: RencanaAksi, place: Place, user) -> RencanaAksi:
    """The rows of a plan just written from a document replace those of `target`, which keeps its id; rows the diff
    matches (place and name, as the import preview shows them) are kept: their ids, kunci and what hangs on them."""
    from renaksi.perencanaan.diff import LEVELS, snapshot

    before, after = snapshot(target), snapshot(written)
    models = {"sasaran": Sasaran, "indikator": Indikator, "program": Program, "kegiatan": Kegiatan,
              "sub_kegiatan": SubKegiatan, "aksi": Aksi}
    cocok = {models[level]: {after[level][key].urutan[1]: before[level][key].urutan[1]
                             for key in after[level].keys() & before[level].keys()} for level in LEVELS}
    return _call(place, svc.rencana_aksi_ganti_isi, rencana_aksi=target, dari=written, cocok=cocok,
                 by=user)


def _counts(ra: RencanaAksi, pejabat: int) -> dict[str, int]:
    counts = {key: model._default_manager.filter(rencana_aksi=ra).count()
              for key, model in COUNT_MODELS.items()}
    counts["pejabat"] = pejabat
    return counts


def _pagu(ra: RencanaAksi) -> dict[str, int]:
    return {key: int(model._default_manager.filter(rencana_aksi=ra).aggregate(s=Sum("pagu"))["s"] or 0)
            for key, model in PAGU_MODELS.items()}


def compare_with_plan(parsed: ParsedDocument, rencana_aksi: RencanaAksi, **kw):
    """What importing `parsed` in place of `rencana_aksi` would change (see `renaksi.perencanaan.diff`: rows matched
    by place and name, as a document's rows have no kunci); writes nothing."""
    from renaksi.perencanaan.diff import compare, snapshot

    before = snapshot(rencana_aksi)
    after: dict = {}
    kw.setdefault("perangkat_daerah", rencana_aksi.perangkat_daerah)
    kw.setdefault("tahun", rencana_aksi.tahun)
    _import(parsed, dry_run=True, beside_existing=True, on_done=lambda ra: after.update(snapshot(ra)), **kw)
    return compare(before, after)


def import_path(path: str | Path, **kw) -> ImportResult:
    """Read a file and import it (for the bench and scripts); keyword arguments as for `import_document`."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImporGagal(gettext("berkas tidak dapat dibuka: %(galat)s.")
                         % {"galat": exc.strerror or exc}, Place(path.name)) from exc
    return import_document(parse_document(data, path.name), **kw)
