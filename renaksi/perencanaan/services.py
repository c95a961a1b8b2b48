"""Every write to a plan goes through here: the editor, the importer and (later) the API call the same functions.

Each function is keyword-only, typed and atomic; it validates the rows it writes (fields, choices, constraints)
and refuses to change a plan that is not editable (submitted, approved or locked).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from renaksi.accounts.models import User
from renaksi.core.angka import banyak_desimal, format_angka, teks_kategori
from renaksi.core.kunci import klaim_versi
from renaksi.core.riwayat import riwayat_hapus_massal
from renaksi.core.services import pesan_terlalu_panjang, save_validated
from renaksi.organisasi.models import Bidang, Pejabat, PerangkatDaerah

from . import narasi, selectors
from .models import (
    NARASI_MAKS,
    Aksi,
    AksiBulan,
    Indikator,
    Kegiatan,
    PerjanjianKinerja,
    PerjanjianKinerjaItem,
    Program,
    Provenance,
    RencanaAksi,
    Renstra,
    Sasaran,
    SubKegiatan,
    Target,
    Tujuan,
)

ALASAN_STATUS = {
    RencanaAksi.Status.DIAJUKAN: _("sudah diajukan kepada kepala perangkat daerah dan menunggu persetujuannya; "
                                   "perubahan hanya mungkin bila dikembalikan."),
    RencanaAksi.Status.DISETUJUI: _("sudah disetujui kepala perangkat daerah; untuk mengubahnya buat perubahan "
                                    "(versi baru) rencana aksi."),
    RencanaAksi.Status.TERKUNCI: _("sudah dikunci oleh admin pemda; untuk mengubahnya buat perubahan (versi baru) "
                                   "rencana aksi."),
}


def alasan_terkunci(rencana_aksi: RencanaAksi) -> str:
    """Why a plan cannot be changed, in one sentence for people ('' when it can): the editor's banner, its 403s,
    the services' refusals and the importer's all say the same."""
    if rencana_aksi.editable:
        return ""
    return str(_("Rencana aksi ini berstatus '%(status)s' dan tidak dapat diubah: %(alasan)s")) % {
        "status": rencana_aksi.get_status_display(),
        "alasan": ALASAN_STATUS.get(rencana_aksi.status, ""),
    }


def ensure_editable(rencana_aksi: RencanaAksi) -> None:
    if not rencana_aksi.editable:
        raise ValidationError(alasan_terkunci(rencana_aksi))


def _next_urutan(queryset: models.QuerySet) -> int:
    return (queryset.aggregate(m=Max("urutan"))["m"] or 0) + 1


# --- Rencana aksi ---------------------------------------------------------------------------------------------


@transaction.atomic
def rencana_aksi_create(
    *,
    perangkat_daerah: PerangkatDaerah,
    tahun: int,
    judul: str = "",
    tempat: str = "",
    tanggal: date | None = None,
    penandatangan: Pejabat | None = None,
    sumber: str = "",
    versi: int = 1,
) -> RencanaAksi:
    ra = RencanaAksi(
        perangkat_daerah=perangkat_daerah, tahun=tahun, versi=versi, judul=judul, tempat=tempat,
        tanggal=tanggal, penandatangan=penandatangan, sumber=sumber,
    )
    return save_validated(ra, validate_constraints=True)


@transaction.atomic
def rencana_aksi_update(*, rencana_aksi: RencanaAksi, **changes: Any) -> RencanaAksi:
    ensure_editable(rencana_aksi)
    allowed = {"judul", "tempat", "tanggal", "penandatangan"}
    if unknown := set(changes) - allowed:
        raise ValueError(f"unknown fields: {unknown}")
    return save_validated(rencana_aksi, **changes)


@transaction.atomic
def rencana_aksi_set_narasi(*, rencana_aksi: RencanaAksi, by, **texts: str | None) -> RencanaAksi:
    """Set the narrative of the RA document (`narasi.NAMA`: kata_pengantar, latar_belakang, …; None = unchanged).

    Changing it is changing the plan's structure: the perencana of the PD or the admin of its Pemda, on a plan that
    is still editable. A text equal to the default (`narasi.bawaan`) is stored empty, so it keeps following the
    plan; an empty text goes back to the default.
    """
    if unknown := set(texts) - set(narasi.NAMA):
        raise ValueError(f"unknown parts: {unknown}")
    if not by.has_perm("perencanaan.change_rencanaaksi", rencana_aksi):
        raise PermissionDenied(_("Narasi dokumen hanya dapat diubah oleh perencana PD atau admin Pemda."))
    ensure_editable(rencana_aksi)
    defaults = narasi.bawaan(selectors.narasi_konteks(rencana_aksi=rencana_aksi))
    changes, errors = {}, {}
    for nama, value in texts.items():
        if value is None:
            continue
        value = narasi.normalkan(value)
        label = str(narasi.BAGIAN[nama][0])
        if len(value) > NARASI_MAKS:
            errors[nama] = [pesan_terlalu_panjang(label, NARASI_MAKS, len(value))]
            continue
        changes[narasi.field_name(nama)] = "" if value == defaults[nama] else value
    if errors:
        raise ValidationError(errors)
    return save_validated(rencana_aksi, **changes)


@transaction.atomic
def rencana_aksi_delete(*, rencana_aksi: RencanaAksi) -> None:
    ensure_editable(rencana_aksi)
    rencana_aksi.delete()


ROW_MODELS = (Sasaran, Indikator, Program, Kegiatan, SubKegiatan, Aksi)  # parents before children
# What a re-import does not take from the document's row onto the row it keeps: its identity, and what only a person
# sets (the Renstra tujuan of a sasaran, the formula of a negative indikator); a note is kept unless the document
# brings one.
_ROW_KEPT = {"id", "kunci", "versi_baris", "rencana_aksi_id", "tujuan_id", "rumus_negatif"}


@transaction.atomic
def rencana_aksi_ganti_isi(*, rencana_aksi: RencanaAksi, dari: RencanaAksi,
                           cocok: dict[type[models.Model], dict[int, int]], by: User | None = None) -> RencanaAksi:
    """Re-import in place: the rows of `dari` (a plan just written from a document) replace those of `rencana_aksi`,
    which keeps its id, state, narrative and everything keyed to it (acknowledgements, reports, notes, history).

    `cocok`: per row model, {row id in `dari`: id of the matched row of `rencana_aksi`} (a child is matched only
    under a matched parent). A matched row is kept — its id, kunci and whatever hangs on it outside the document
    (realisasi, evaluator notes, acknowledgements) — and takes the document's values, targets, schedule, links and
    provenance; an unmatched old row is deleted, an unmatched new row moves in. `dari` is deleted."""
    ensure_editable(rencana_aksi)
    ra = rencana_aksi
    ids = {m: {new: old for new, old in cocok.get(m, {}).items()} for m in ROW_MODELS}
    # Old rows the document no longer has (children first), then what the document restates of the kept ones.
    for model in reversed(ROW_MODELS):
        model.objects.filter(rencana_aksi=ra).exclude(pk__in=ids[model].values()).delete()
    Target.objects.filter(indikator__rencana_aksi=ra).delete()
    AksiBulan.objects.filter(aksi__rencana_aksi=ra).delete()
    for model in (Program, Kegiatan, SubKegiatan):
        model.indikator.through.objects.filter(**{f"{model._meta.model_name}__rencana_aksi": ra}).delete()
    PerjanjianKinerja.objects.filter(rencana_aksi=ra).delete()
    Provenance.objects.filter(rencana_aksi=ra).delete()
    # The kept rows take the document's values (their parents mapped onto kept rows too).
    for model in ROW_MODELS:
        if not ids[model]:
            continue
        new_rows = model.objects.in_bulk(list(ids[model]))
        old_rows = model.objects.in_bulk(list(ids[model].values()))
        fields = [f for f in model._meta.concrete_fields if f.attname not in _ROW_KEPT]
        changed = []
        for new_id, old_id in ids[model].items():
            new, old = new_rows[new_id], old_rows[old_id]
            for f in fields:
                value = getattr(new, f.attname)
                if f.is_relation and f.related_model in ids and value in ids[f.related_model]:
                    value = ids[f.related_model][value]
                elif f.attname == "catatan" and not value:
                    continue
                setattr(old, f.attname, value)
            old.versi_baris += 1  # an edit form opened before the re-import sees a conflict, not a silent overwrite
            changed.append(old)
        bulk_update_with_history(changed, model, [f.attname for f in fields] + ["versi_baris"], batch_size=500,
                                 default_user=by, default_change_reason=f"Impor: {dari.sumber}"[:100])
    # Whatever points at a matched new row now points at the kept one; then the new rows move in.
    _repoint(ids)
    for model in (*ROW_MODELS, PerjanjianKinerja, Provenance):
        model.objects.filter(rencana_aksi=dari).exclude(pk__in=ids.get(model, {})).update(rencana_aksi=ra)
    for model in reversed(ROW_MODELS):
        model.objects.filter(pk__in=list(ids[model])).delete()
    for name in ("judul", "tempat", "tanggal", "penandatangan_id", "sumber", "renstra_id"):
        setattr(ra, name, getattr(dari, name))
    dari.delete()
    return save_validated(ra)


def _repoint(ids: dict[type[models.Model], dict[int, int]]) -> None:
    """Every foreign key (and provenance's generic key) at a matched new row → the kept row."""
    from django.apps import apps
    from django.db.models import Case, IntegerField, Value, When

    for model, mapping in ids.items():
        if not mapping:
            continue
        for other in apps.get_models(include_auto_created=True):
            for f in other._meta.concrete_fields:
                if f.is_relation and f.many_to_one and f.related_model is model and f.db_constraint:
                    other._default_manager.filter(**{f"{f.attname}__in": list(mapping)}).update(**{f.attname: Case(
                        *[When(**{f.attname: new}, then=Value(old)) for new, old in mapping.items()],
                        output_field=IntegerField())})
        ct = ContentType.objects.get_for_model(model)
        Provenance.objects.filter(content_type=ct, object_id__in=list(mapping)).update(object_id=Case(
            *[When(object_id=new, then=Value(old)) for new, old in mapping.items()], output_field=IntegerField()))


# --- Renstra and tujuan --------------------------------------------------------------------------------------


@transaction.atomic
def renstra_get_or_create(*, perangkat_daerah: PerangkatDaerah, tahun_awal: int, tahun_akhir: int) -> Renstra:
    renstra = Renstra.objects.filter(perangkat_daerah=perangkat_daerah, tahun_awal=tahun_awal).first()
    return renstra or save_validated(
        Renstra(perangkat_daerah=perangkat_daerah, tahun_awal=tahun_awal, tahun_akhir=tahun_akhir)
    )


@transaction.atomic
def tujuan_get_or_create(*, renstra: Renstra, uraian: str, nomor: str = "") -> Tujuan:
    tujuan = Tujuan.objects.filter(renstra=renstra, uraian__iexact=uraian.strip()).first()
    if tujuan:
        return tujuan
    urutan = _next_urutan(Tujuan.objects.filter(renstra=renstra))
    return save_validated(Tujuan(renstra=renstra, uraian=uraian.strip(), nomor=nomor, urutan=urutan))


@transaction.atomic
def rencana_aksi_set_renstra(*, rencana_aksi: RencanaAksi, renstra: Renstra | None) -> RencanaAksi:
    ensure_editable(rencana_aksi)
    return save_validated(rencana_aksi, renstra=renstra)


# --- Sasaran, indikator, target -------------------------------------------------------------------------------


@transaction.atomic
def sasaran_create(
    *,
    rencana_aksi: RencanaAksi,
    uraian: str,
    level: str = Sasaran.Level.STRATEGIS,
    parent: Sasaran | None = None,
    nomor: str = "",
    bidang: Bidang | None = None,
    urutan: int | None = None,
) -> Sasaran:
    ensure_editable(rencana_aksi)
    if urutan is None:
        urutan = _next_urutan(Sasaran.objects.filter(rencana_aksi=rencana_aksi))
    sasaran = Sasaran(
        rencana_aksi=rencana_aksi, uraian=uraian.strip(), level=level, parent=parent, nomor=nomor,
        bidang=bidang, urutan=urutan,
    )
    return save_validated(sasaran)


@transaction.atomic
def sasaran_update(*, sasaran: Sasaran, versi_baris: int | None = None, **changes: Any) -> Sasaran:
    ensure_editable(sasaran.rencana_aksi)
    klaim_versi(sasaran, versi_baris, perubahan=changes)
    return save_validated(sasaran, **changes)


@transaction.atomic
def indikator_create(
    *,
    sasaran: Sasaran,
    nama: str,
    satuan: str = "",
    formulasi: str = "",
    polaritas: str = Indikator.Polaritas.POSITIF,
    polaritas_disimpulkan: bool = False,
    akumulasi: str = "kumulatif",
    akumulasi_disimpulkan: bool = False,
    alasan_inferensi: str = "",
    jenis_target: str = Indikator.JenisTarget.ANGKA,
    is_iku: bool = False,
    sumber_data: str = "",
    penanggung_jawab: str = "",
    bidang: Bidang | None = None,
    urutan: int | None = None,
) -> Indikator:
    ensure_editable(sasaran.rencana_aksi)
    if urutan is None:
        urutan = _next_urutan(Indikator.objects.filter(sasaran=sasaran))
    indikator = Indikator(
        rencana_aksi=sasaran.rencana_aksi, sasaran=sasaran, nama=nama.strip(), satuan=satuan.strip(),
        formulasi=formulasi.strip(), polaritas=polaritas, polaritas_disimpulkan=polaritas_disimpulkan,
        akumulasi=akumulasi, akumulasi_disimpulkan=akumulasi_disimpulkan, alasan_inferensi=alasan_inferensi,
        jenis_target=jenis_target, is_iku=is_iku, sumber_data=sumber_data, penanggung_jawab=penanggung_jawab,
        bidang=bidang, urutan=urutan,
    )
    return save_validated(indikator)


@transaction.atomic
def indikator_update(*, indikator: Indikator, versi_baris: int | None = None, **changes: Any) -> Indikator:
    """Change an indicator. Setting polaritas or akumulasi by hand clears its 'disimpulkan' mark.
    `versi_baris`: the version the editor's form was opened with (a stale one raises `Konflik`)."""
    ensure_editable(indikator.rencana_aksi)
    klaim_versi(indikator, versi_baris, perubahan=changes)
    if "polaritas" in changes:
        changes.setdefault("polaritas_disimpulkan", False)
    if "akumulasi" in changes:
        changes.setdefault("akumulasi_disimpulkan", False)
    return save_validated(indikator, **changes)


@transaction.atomic
def target_set(
    *,
    indikator: Indikator,
    tahun: int,
    triwulan: int | None,
    nilai: Decimal | None,
    kategori: str = "",
    teks: str | None = None,
    desimal: int | None = None,
) -> Target:
    """Set the yearly (`triwulan=None`) or a quarterly target. `nilai=None` and no kategori keeps it empty.

    A target set to what it already is (the same value, kategori and decimals written, and the same wording when
    `teks` is given) is left alone: no save, so no history row that records a change nobody made.
    """
    ensure_editable(indikator.rencana_aksi)
    stated_teks = teks
    if desimal is None:
        desimal = banyak_desimal(nilai)
    if teks is None:
        teks = teks_kategori(kategori, format_angka(nilai))
    target = Target.objects.filter(indikator=indikator, tahun=tahun, triwulan=triwulan).first()
    if target is not None and (target.nilai, target.kategori, target.desimal) == (nilai, kategori, desimal) and (
        stated_teks is None or stated_teks == target.teks
    ):
        return target
    target = target or Target(indikator=indikator, tahun=tahun, triwulan=triwulan)
    return save_validated(target, nilai=nilai, kategori=kategori, teks=teks, desimal=desimal)


@transaction.atomic
def target_kunci(*, indikator: Indikator, versi_baris: int | None, tertulis: dict[int | None, str]) -> None:
    """Before the editor's target form sets an indikator's targets (cells of its row): claim the row's version, so
    that two people typing the same row's targets never overwrite each other. `tertulis`: triwulan (None = the
    yearly target) → the value as the user typed it, shown next to the current one in a conflict."""
    ensure_editable(indikator.rencana_aksi)
    if versi_baris is None:
        return
    current = {t.triwulan: t.teks for t in Target.objects.filter(indikator=indikator, tahun=indikator.rencana_aksi.tahun)}
    selisih = [("Target " + (f"TW {tw}" if tw else "tahunan"), teks or "(kosong)", current.get(tw) or "(kosong)")
               for tw, teks in tertulis.items() if (teks or "") != (current.get(tw) or "")]
    klaim_versi(indikator, versi_baris, selisih=selisih,
                riwayat=Target.history.filter(indikator_id=indikator.pk))  # type: ignore[attr-defined]


# --- Budget: program, kegiatan, sub kegiatan ------------------------------------------------------------------


@transaction.atomic
def program_create(
    *,
    rencana_aksi: RencanaAksi,
    nama: str,
    kode: str = "",
    pagu: int | None = None,
    indikator: Iterable[Indikator] = (),
    urutan: int | None = None,
) -> Program:
    ensure_editable(rencana_aksi)
    if urutan is None:
        urutan = _next_urutan(Program.objects.filter(rencana_aksi=rencana_aksi))
    program = save_validated(Program(rencana_aksi=rencana_aksi, nama=nama.strip(), kode=kode, pagu=pagu, urutan=urutan))
    program.indikator.set(list(indikator))
    return program


@transaction.atomic
def kegiatan_create(
    *,
    program: Program,
    nama: str,
    kode: str = "",
    pagu: int | None = None,
    indikator: Iterable[Indikator] = (),
    urutan: int | None = None,
) -> Kegiatan:
    ensure_editable(program.rencana_aksi)
    if urutan is None:
        urutan = _next_urutan(Kegiatan.objects.filter(program=program))
    kegiatan = save_validated(
        Kegiatan(rencana_aksi=program.rencana_aksi, program=program, nama=nama.strip(), kode=kode, pagu=pagu,
                 urutan=urutan)
    )
    kegiatan.indikator.set(list(indikator))
    return kegiatan


@transaction.atomic
def sub_kegiatan_create(
    *,
    kegiatan: Kegiatan,
    nama: str,
    kode: str = "",
    pagu: int | None = None,
    bidang: Bidang | None = None,
    indikator: Iterable[Indikator] = (),
    target_nilai: Decimal | None = None,
    target_satuan: str = "",
    target_teks: str = "",
    urutan: int | None = None,
    catatan: str = "",
) -> SubKegiatan:
    ensure_editable(kegiatan.rencana_aksi)
    if urutan is None:
        urutan = _next_urutan(SubKegiatan.objects.filter(kegiatan=kegiatan))
    sub = save_validated(
        SubKegiatan(
            rencana_aksi=kegiatan.rencana_aksi, kegiatan=kegiatan, nama=nama.strip(), kode=kode, pagu=pagu,
            bidang=bidang, target_nilai=target_nilai, target_satuan=target_satuan, target_teks=target_teks,
            urutan=urutan, catatan=catatan,
        )
    )
    sub.indikator.set(list(indikator))
    return sub


@transaction.atomic
def anggaran_update(*, obj: Program | Kegiatan | SubKegiatan, versi_baris: int | None = None,
                    **changes: Any) -> Program | Kegiatan | SubKegiatan:
    """Change a program, kegiatan or sub kegiatan (name, code, pagu, bidang, target)."""
    ensure_editable(obj.rencana_aksi)
    klaim_versi(obj, versi_baris, perubahan=changes)
    indikator = changes.pop("indikator", None)
    obj = save_validated(obj, **changes)
    if indikator is not None:
        obj.indikator.set(list(indikator))
    return obj


# --- Aksi and its schedule ------------------------------------------------------------------------------------


@transaction.atomic
def aksi_create(
    *,
    sub_kegiatan: SubKegiatan,
    uraian: str,
    nomor: str = "",
    keluaran: str = "",
    target_nilai: Decimal | None = None,
    target_satuan: str = "",
    target_teks: str = "",
    pagu: int | None = None,
    penanggung_jawab: str = "",
    pejabat: Pejabat | None = None,
    bulan: Iterable[int] = (),
    urutan: int | None = None,
    catatan: str = "",
) -> Aksi:
    ensure_editable(sub_kegiatan.rencana_aksi)
    if urutan is None:
        urutan = _next_urutan(Aksi.objects.filter(sub_kegiatan=sub_kegiatan))
    aksi = save_validated(
        Aksi(
            rencana_aksi=sub_kegiatan.rencana_aksi, sub_kegiatan=sub_kegiatan, uraian=uraian.strip(), nomor=nomor,
            keluaran=keluaran.strip(), target_nilai=target_nilai, target_satuan=target_satuan,
            target_teks=target_teks, pagu=pagu, penanggung_jawab=penanggung_jawab, pejabat=pejabat, urutan=urutan,
            catatan=catatan,
        )
    )
    _set_jadwal(aksi, set(bulan))
    return aksi


@transaction.atomic
def aksi_update(*, aksi: Aksi, versi_baris: int | None = None, **changes: Any) -> Aksi:
    ensure_editable(aksi.rencana_aksi)
    klaim_versi(aksi, versi_baris, perubahan=changes)
    bulan = changes.pop("bulan", None)
    aksi = save_validated(aksi, **changes)
    if bulan is not None:
        _set_jadwal(aksi, set(bulan))
    return aksi


def _set_jadwal(aksi: Aksi, bulan: set[int]) -> None:
    if invalid := sorted(b for b in bulan if not 1 <= b <= 12):
        raise ValidationError(f"Bulan harus 1–12, bukan {invalid}.")
    current = set(aksi.jadwal.values_list("bulan", flat=True))
    for b in sorted(current - bulan):
        AksiBulan.objects.filter(aksi=aksi, bulan=b).delete()
    for b in sorted(bulan - current):
        AksiBulan.objects.create(aksi=aksi, bulan=b)


@transaction.atomic
def aksi_toggle_bulan(*, aksi: Aksi, bulan: int, terjadwal: bool | None = None) -> bool:
    """Switch one month of the schedule on or off; returns whether it is now scheduled.

    `terjadwal` is what the user asked for, from the state his page showed (the editor's month buttons send it): the
    write is then idempotent, so two people clicking the same month at once both get what they asked for and neither
    undoes the other. Without it the month is flipped."""
    ensure_editable(aksi.rencana_aksi)
    if not 1 <= bulan <= 12:
        raise ValidationError(f"Bulan harus 1–12, bukan {bulan}.")
    existing = AksiBulan.objects.filter(aksi=aksi, bulan=bulan)
    if terjadwal is None:
        terjadwal = not existing.exists()
    if not terjadwal:
        existing.delete()
        return False
    AksiBulan.objects.get_or_create(aksi=aksi, bulan=bulan)
    return True


# --- Rows in general: order and delete ------------------------------------------------------------------------

PARENT_FIELD = {Sasaran: "parent", Indikator: "sasaran", Program: None, Kegiatan: "program",
                SubKegiatan: "kegiatan", Aksi: "sub_kegiatan"}


def _siblings(obj: models.Model) -> models.QuerySet:
    model = type(obj)
    parent_field = PARENT_FIELD[model]
    qs = model.objects.filter(rencana_aksi_id=obj.rencana_aksi_id)
    if parent_field:
        qs = qs.filter(**{f"{parent_field}_id": getattr(obj, f"{parent_field}_id")})
    return qs.order_by("urutan", "id")


@transaction.atomic
def row_move(*, obj: Sasaran | Indikator | Program | Kegiatan | SubKegiatan | Aksi, offset: int) -> None:
    """Move a row up (`offset=-1`) or down (`+1`) among its siblings, renumbering them 1..n."""
    ensure_editable(obj.rencana_aksi)
    # The siblings are locked while they are renumbered, so two moves at once apply one after the other (on
    # PostgreSQL; SQLite writes one transaction at a time anyway).
    rows = list(_siblings(obj).select_for_update())
    index = next(i for i, r in enumerate(rows) if r.pk == obj.pk)
    new_index = max(0, min(len(rows) - 1, index + offset))
    rows.insert(new_index, rows.pop(index))
    for position, row in enumerate(rows, start=1):
        if row.urutan != position:
            type(row).objects.filter(pk=row.pk).update(urutan=position)


@transaction.atomic
def row_delete(*, obj: Sasaran | Indikator | Program | Kegiatan | SubKegiatan | Aksi) -> None:
    """Delete a row and everything under it; their history records are written in bulk (one insert per table)."""
    ensure_editable(obj.rencana_aksi)
    with riwayat_hapus_massal():
        obj.delete()


# --- Perjanjian kinerja ---------------------------------------------------------------------------------------


@transaction.atomic
def perjanjian_kinerja_create(
    *,
    rencana_aksi: RencanaAksi,
    pihak_pertama: Pejabat | None = None,
    pihak_kedua: Pejabat | None = None,
    pihak_kedua_jabatan: str = "",
    jenis: str = PerjanjianKinerja.Jenis.MURNI,
    tempat: str = "",
    tanggal: date | None = None,
) -> PerjanjianKinerja:
    ensure_editable(rencana_aksi)
    pk = PerjanjianKinerja(
        rencana_aksi=rencana_aksi, tahun=rencana_aksi.tahun, jenis=jenis, pihak_pertama=pihak_pertama,
        pihak_kedua=pihak_kedua, pihak_kedua_jabatan=pihak_kedua_jabatan, tempat=tempat, tanggal=tanggal,
    )
    return save_validated(pk)


@transaction.atomic
def perjanjian_kinerja_item_create(
    *,
    perjanjian_kinerja: PerjanjianKinerja,
    indikator: Indikator | None,
    sasaran: Sasaran | None = None,
    nomor: str = "",
    target_nilai: Decimal | None = None,
    target_kategori: str = "",
    target_teks: str = "",
    urutan: int | None = None,
) -> PerjanjianKinerjaItem:
    ensure_editable(perjanjian_kinerja.rencana_aksi)
    if urutan is None:
        urutan = _next_urutan(perjanjian_kinerja.items.all())
    item = PerjanjianKinerjaItem(
        perjanjian_kinerja=perjanjian_kinerja, indikator=indikator,
        sasaran=sasaran or (indikator.sasaran if indikator else None), nomor=nomor, target_nilai=target_nilai,
        target_kategori=target_kategori, target_teks=target_teks, urutan=urutan,
    )
    return save_validated(item)


# --- Title page and Perjanjian Kinerja: place, date and signatories (the perencana's form) -------------------


def _ensure_may_change_plan(rencana_aksi: RencanaAksi, by: User) -> None:
    """The rights of structure edits: perencana of the PD and admin pemda, on a draft (or returned) plan."""
    if not by.has_perm("perencanaan.change_rencanaaksi", rencana_aksi):
        raise PermissionDenied("Hanya perencana perangkat daerah ini atau admin pemda yang dapat mengubah halaman "
                               "pengesahan dan Perjanjian Kinerja.")
    ensure_editable(rencana_aksi)


def _ensure_pejabat_of_pd(rencana_aksi: RencanaAksi, pejabat: Pejabat | None, field: str, label: str) -> None:
    if pejabat is not None and pejabat.perangkat_daerah_id != rencana_aksi.perangkat_daerah_id:
        raise ValidationError({field: [f"{label} harus pejabat {rencana_aksi.perangkat_daerah.nama}; "
                                       f"'{pejabat.nama}' bukan pejabat perangkat daerah ini."]})


@transaction.atomic
def rencana_aksi_pengesahan_set(
    *,
    rencana_aksi: RencanaAksi,
    tempat: str,
    tanggal: date | None,
    penandatangan: Pejabat | None,
    by: User,
) -> RencanaAksi:
    """The title page's place, date and signatory (an official of the plan's PD) — what the RA document prints
    under its foreword and closing page."""
    _ensure_may_change_plan(rencana_aksi, by)
    _ensure_pejabat_of_pd(rencana_aksi, penandatangan, "penandatangan", "Penandatangan")
    rencana_aksi._history_user = by  # type: ignore[attr-defined]
    return save_validated(rencana_aksi, tempat=tempat.strip(), tanggal=tanggal, penandatangan=penandatangan)


@transaction.atomic
def perjanjian_kinerja_pihak_set(
    *,
    rencana_aksi: RencanaAksi,
    perjanjian_kinerja: PerjanjianKinerja | None,
    pihak_pertama: Pejabat | None,
    pihak_kedua: Pejabat | None,
    pihak_kedua_jabatan: str,
    tempat: str,
    tanggal: date | None,
    by: User,
) -> PerjanjianKinerja:
    """The parties, place and date of a plan's Perjanjian Kinerja. Pihak pertama is an official of the PD;
    pihak kedua an official of the PD or, for the head of the region, only a jabatan ("Wali Kota Samarinda").
    `perjanjian_kinerja=None` (a plan without a PK) creates the plan's PK (murni) with these parties; its lines
    are added as the plan's indicators are agreed (`perjanjian_kinerja_item_create`)."""
    _ensure_may_change_plan(rencana_aksi, by)
    if perjanjian_kinerja is not None and perjanjian_kinerja.rencana_aksi_id != rencana_aksi.pk:
        raise ValidationError("Perjanjian Kinerja ini bukan milik rencana aksi yang diubah.")
    _ensure_pejabat_of_pd(rencana_aksi, pihak_pertama, "pihak_pertama", "Pihak pertama")
    _ensure_pejabat_of_pd(rencana_aksi, pihak_kedua, "pihak_kedua", "Pihak kedua")
    if pihak_pertama is not None and pihak_pertama == pihak_kedua:
        raise ValidationError({"pihak_kedua": ["Pihak kedua tidak boleh pejabat yang sama dengan pihak pertama."]})
    pk = perjanjian_kinerja or PerjanjianKinerja(rencana_aksi=rencana_aksi, tahun=rencana_aksi.tahun,
                                                 jenis=PerjanjianKinerja.Jenis.MURNI)
    pk._history_user = by  # type: ignore[attr-defined]
    try:
        return save_validated(pk, validate_constraints=True, pihak_pertama=pihak_pertama, pihak_kedua=pihak_kedua,
                              pihak_kedua_jabatan=pihak_kedua_jabatan.strip(), tempat=tempat.strip(),
                              tanggal=tanggal)
    except ValidationError as exc:
        if "__all__" in getattr(exc, "error_dict", {}):
            raise ValidationError({"pihak_pertama": [
                f"Rencana aksi ini sudah mempunyai Perjanjian Kinerja {pk.get_jenis_display().lower()} lain dengan "
                f"pihak pertama {pihak_pertama}."]}) from exc
        raise


# --- Provenance -----------------------------------------------------------------------------------------------


def provenance_record(
    *,
    obj: models.Model,
    rencana_aksi: RencanaAksi,
    field: str,
    teks: str,
    dokumen: str,
    nilai: Decimal | int | None = None,
    tabel: str = "",
    baris: int | None = None,
    kolom: str = "",
    catatan: str = "",
) -> Provenance:
    """Remember where a value came from (file, table, line, column) and how it was written."""
    return Provenance.objects.create(
        rencana_aksi=rencana_aksi, content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk,
        field=field, teks=teks, nilai=None if nilai is None else Decimal(nilai), dokumen=dokumen, tabel=tabel,
        baris=baris, kolom=kolom, catatan=catatan,
    )


# --- Versions: perubahan ----------------------------------------------------------------------------------------

# What a copy does not take over from the approved version: its identity, place in the version chain, state, times.
_PLAN_NOT_COPIED = {"id", "versi", "induk", "status", "dibuat", "diubah"}


def _copy_values(row: models.Model, **changes: Any) -> dict[str, Any]:
    """Every stored field of a row (by attname, foreign keys as ids) but its primary key, with `changes`."""
    values = {f.attname: getattr(row, f.attname) for f in row._meta.concrete_fields if not f.primary_key}
    return values | changes


def salin_baris(model: type[models.Model], rows: list, *, by: User | None, reason: str, **remap: Any
                ) -> dict[int, int]:
    """Copy `rows` of `model` with one insert (and one for their history); `remap`: attname → {old id: new id}
    (a missing id becomes None) or a value. Times the database sets itself (`auto_now`) keep the original's: a
    copy is no new entry. Returns {old id: new id}. For a perubahan, here and in the apps above (realisasi)."""
    copies = []
    for row in rows:
        changes = {name: (m.get(getattr(row, name)) if isinstance(m, dict) else m) for name, m in remap.items()}
        copies.append(model(**_copy_values(row, **changes)))
    if not copies:
        return {}
    if hasattr(model, "history"):
        created = bulk_create_with_history(copies, model, batch_size=500, default_user=by,
                                           default_change_reason=reason)
    else:
        created = model.objects.bulk_create(copies, batch_size=500)
    stamped = [f.attname for f in model._meta.concrete_fields if getattr(f, "auto_now", False)
               or getattr(f, "auto_now_add", False)]
    if stamped:
        for row, new in zip(rows, created, strict=True):
            for name in stamped:
                setattr(new, name, getattr(row, name))
        model.objects.bulk_update(created, stamped, batch_size=500)
    return {row.pk: new.pk for row, new in zip(rows, created, strict=True)}


def rencana_aksi_versi_terbaru(rencana_aksi: RencanaAksi) -> RencanaAksi:
    """The newest version of the plan's PD and year (the plan itself when none is newer)."""
    return (RencanaAksi.objects.filter(perangkat_daerah_id=rencana_aksi.perangkat_daerah_id,
                                       tahun=rencana_aksi.tahun).order_by("-versi").first() or rencana_aksi)


def perubahan_ditolak(rencana_aksi: RencanaAksi, by: User) -> str:
    """Why `by` may not make a perubahan of this plan ('' when he may): the one answer for the service and the
    editor's button."""
    if not by.has_perm("perencanaan.perubahan_rencanaaksi", rencana_aksi):
        return "Hanya perencana perangkat daerah ini atau admin pemda yang dapat membuat perubahan rencana aksi."
    if rencana_aksi.status not in RencanaAksi.PUBLISHED:
        return (f"Perubahan hanya dapat dibuat dari rencana aksi yang sudah disetujui atau dikunci; versi ini "
                f"berstatus '{rencana_aksi.get_status_display()}'.")
    newest = rencana_aksi_versi_terbaru(rencana_aksi)
    if newest.versi > rencana_aksi.versi:
        return (f"Sudah ada versi yang lebih baru ({newest.label_versi}); perubahan dibuat dari versi terbaru.")
    return ""


@transaction.atomic
def rencana_aksi_buat_perubahan(*, rencana_aksi: RencanaAksi, by: User) -> RencanaAksi:
    """Copy an approved (or locked) plan into version n+1, a draft whose `induk` is the approved one.

    Every row comes along with its `kunci` (its identity across versions): sasaran, indikator and their targets,
    program, kegiatan, sub kegiatan and their links to indikator, aksi and their schedule, the Perjanjian Kinerja
    and its lines, and where the values came from (provenance). The apps above copy what they keep about the rows
    (`signals.perubahan_dibuat`: realisasi, acknowledgements). Refused (PermissionDenied / ValidationError, nothing
    written) for who may not change the plan, a plan that is not approved, or one that has a newer version.
    Rows are written with one insert per table (and one for their history), whatever the size of the plan.
    """
    from .signals import perubahan_dibuat

    lama = RencanaAksi.objects.select_for_update().select_related("perangkat_daerah").get(pk=rencana_aksi.pk)
    if reason := perubahan_ditolak(lama, by):
        if not by.has_perm("perencanaan.perubahan_rencanaaksi", lama):
            raise PermissionDenied(reason)
        raise ValidationError(reason)
    baru = RencanaAksi(**_copy_values(lama, versi=lama.versi + 1, induk_id=lama.pk,
                                      status=RencanaAksi.Status.DRAFT))
    baru._history_user = by  # type: ignore[attr-defined]
    baru._change_reason = f"Perubahan dari {lama.label_versi}"  # type: ignore[attr-defined]
    baru = save_validated(baru, validate_constraints=True)
    copy = {"by": by, "reason": f"Disalin dari {lama.label_versi} (id {lama.pk})"}
    of_plan = {"rencana_aksi_id": lama.pk}
    to_plan = {"rencana_aksi_id": baru.pk}
    peta: dict[str, dict[int, int]] = {"sasaran": {}}

    # Sasaran: parents before children, a level at a time.
    remaining = list(Sasaran.objects.filter(**of_plan).order_by("urutan", "id"))
    known = {s.pk for s in remaining}
    while remaining:
        level = [s for s in remaining if s.parent_id in peta["sasaran"] or s.parent_id not in known] or remaining
        peta["sasaran"] |= salin_baris(Sasaran, level, parent_id=dict(peta["sasaran"]), **to_plan, **copy)
        remaining = [s for s in remaining if s.pk not in peta["sasaran"]]

    def rows(model: type[models.Model], **where: Any) -> list:
        return list(model.objects.filter(**(where or of_plan)).order_by("id"))

    peta["indikator"] = salin_baris(Indikator, rows(Indikator), sasaran_id=peta["sasaran"], **to_plan, **copy)
    peta["target"] = salin_baris(Target, rows(Target, indikator__rencana_aksi_id=lama.pk),
                                 indikator_id=peta["indikator"], **copy)
    peta["program"] = salin_baris(Program, rows(Program), **to_plan, **copy)
    peta["kegiatan"] = salin_baris(Kegiatan, rows(Kegiatan), program_id=peta["program"], **to_plan, **copy)
    peta["subkegiatan"] = salin_baris(SubKegiatan, rows(SubKegiatan), kegiatan_id=peta["kegiatan"], **to_plan,
                                      **copy)
    peta["aksi"] = salin_baris(Aksi, rows(Aksi), sub_kegiatan_id=peta["subkegiatan"], **to_plan, **copy)
    salin_baris(AksiBulan, rows(AksiBulan, aksi__rencana_aksi_id=lama.pk), aksi_id=peta["aksi"], **copy)
    for model, owner, kind in ((Program, "program_id", "program"), (Kegiatan, "kegiatan_id", "kegiatan"),
                               (SubKegiatan, "subkegiatan_id", "subkegiatan")):
        through = model.indikator.through
        links = through.objects.filter(**{f"{kind}__rencana_aksi_id": lama.pk}).order_by("id")
        through.objects.bulk_create([
            through(**{owner: peta[kind][getattr(link, owner)], "indikator_id": peta["indikator"][link.indikator_id]})
            for link in links])
    peta["perjanjiankinerja"] = salin_baris(PerjanjianKinerja, rows(PerjanjianKinerja), **to_plan, **copy)
    peta["perjanjiankinerjaitem"] = salin_baris(
        PerjanjianKinerjaItem, rows(PerjanjianKinerjaItem, perjanjian_kinerja__rencana_aksi_id=lama.pk),
        perjanjian_kinerja_id=peta["perjanjiankinerja"], sasaran_id=peta["sasaran"], indikator_id=peta["indikator"],
        **copy)
    by_model = {ContentType.objects.get_for_model(RencanaAksi).pk: {lama.pk: baru.pk}}
    for kind, model in (("sasaran", Sasaran), ("indikator", Indikator), ("target", Target), ("program", Program),
                        ("kegiatan", Kegiatan), ("subkegiatan", SubKegiatan), ("aksi", Aksi),
                        ("perjanjiankinerja", PerjanjianKinerja), ("perjanjiankinerjaitem", PerjanjianKinerjaItem)):
        by_model[ContentType.objects.get_for_model(model).pk] = peta[kind]
    provenance = []
    for p in Provenance.objects.filter(**of_plan).order_by("id"):
        ids = by_model.get(p.content_type_id)
        provenance.append(Provenance(**_copy_values(
            p, rencana_aksi_id=baru.pk,
            object_id=ids.get(p.object_id, p.object_id) if ids is not None else p.object_id)))
    Provenance.objects.bulk_create(provenance, batch_size=500)
    perubahan_dibuat.send(sender=RencanaAksi, lama=lama, baru=baru, peta=peta, by=by)
    return baru
