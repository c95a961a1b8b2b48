"""Writes of evaluator notes: keyword-only, typed, atomic; `by` is the user, checked against `riwayat/rules.py`.

A refusal is a `PermissionDenied` with an Indonesian reason; bad input a `ValidationError` naming the field.
Every write names the user in the history row.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone

from renaksi.accounts.models import User
from renaksi.core.services import save_validated
from renaksi.perencanaan.models import Aksi, Indikator, Kegiatan, Program, RencanaAksi, Sasaran, SubKegiatan

from .models import Catatan

Baris = Sasaran | Indikator | Program | Kegiatan | SubKegiatan | Aksi
JENIS: dict[type[models.Model], str] = {Sasaran: "sasaran", Indikator: "indikator", Program: "program",
                                        Kegiatan: "kegiatan", SubKegiatan: "subkegiatan", Aksi: "aksi"}
MODEL: dict[str, type[models.Model]] = {v: k for k, v in JENIS.items()}


def baris_catatan(catatan: Catatan) -> Baris | None:
    """The row a note is about (None when it was deleted since)."""
    model = MODEL[catatan.jenis]
    qs = model._default_manager.select_related("rencana_aksi__perangkat_daerah")
    if model is Aksi:
        qs = qs.select_related("sub_kegiatan")
    return qs.filter(pk=catatan.objek_id).first()  # type: ignore[return-value]


def _teks(teks: str) -> str:
    teks = teks.strip()
    if not teks:
        raise ValidationError({"teks": ["Tulis isi catatan."]})
    return teks


def _ensure_may_answer(by: User, catatan: Catatan) -> Catatan:
    root = catatan.induk or catatan
    row = baris_catatan(root)
    target = row if row is not None else root.rencana_aksi
    if not by.has_perm("riwayat.view_catatan", target):
        raise PermissionDenied("Catatan ini bukan milik perangkat daerah atau pemda Anda.")
    if not by.has_perm("riwayat.answer_catatan", target):
        raise PermissionDenied("Catatan pada baris ini dijawab oleh perencana, kepala perangkat daerah, kepala bidang "
                               "pemilik baris atau evaluator; peran Anda hanya dapat membacanya.")
    return root


@transaction.atomic
def catatan_buat(*, baris: Baris, teks: str, by: User, triwulan: int | None = None) -> Catatan:
    """Start a thread on a row of a plan (or, with `triwulan`, on an indikator's realisasi of that triwulan).
    Only an evaluator or the admin pemda of the plan's Pemda."""
    plan: RencanaAksi = baris.rencana_aksi
    if not by.has_perm("riwayat.add_catatan", baris):
        raise PermissionDenied("Catatan baru ditulis oleh evaluator (Inspektorat, Bappeda) atau admin pemda dari "
                               "pemda rencana aksi ini; perangkat daerah menjawabnya.")
    if triwulan is not None:
        if not isinstance(baris, Indikator):
            raise ValidationError({"triwulan": ["Catatan monev hanya pada realisasi indikator."]})
        if isinstance(triwulan, bool) or not 1 <= triwulan <= 4:
            raise ValidationError({"triwulan": [f"Triwulan harus 1–4, bukan {triwulan}."]})
    catatan = Catatan(rencana_aksi=plan, jenis=JENIS[type(baris)], objek_id=baris.pk, triwulan=triwulan,
                      teks=_teks(teks), penulis=by)
    catatan._history_user = by  # type: ignore[attr-defined]
    return save_validated(catatan)


@transaction.atomic
def catatan_balas(*, catatan: Catatan, teks: str, by: User) -> Catatan:
    """Reply to a thread (a reply to a reply joins the same thread). A reply to a resolved thread reopens it."""
    root = _ensure_may_answer(by, catatan)
    balasan = Catatan(rencana_aksi_id=root.rencana_aksi_id, jenis=root.jenis, objek_id=root.objek_id,
                      triwulan=root.triwulan, induk=root, teks=_teks(teks), penulis=by)
    balasan._history_user = by  # type: ignore[attr-defined]
    save_validated(balasan)
    if not root.terbuka:
        _status(root, Catatan.Status.TERBUKA, by)
    return balasan


def _status(root: Catatan, status: str, by: User) -> Catatan:
    root._history_user = by  # type: ignore[attr-defined]
    return save_validated(root, status=status, status_oleh=by, status_pada=timezone.now())


@transaction.atomic
def catatan_selesaikan(*, catatan: Catatan, by: User) -> Catatan:
    """Mark a thread resolved ("selesai")."""
    root = _ensure_may_answer(by, catatan)
    if not root.terbuka:
        raise ValidationError("Catatan ini sudah selesai.")
    return _status(root, Catatan.Status.SELESAI, by)


@transaction.atomic
def catatan_buka_kembali(*, catatan: Catatan, by: User) -> Catatan:
    """Reopen a resolved thread."""
    root = _ensure_may_answer(by, catatan)
    if root.terbuka:
        raise ValidationError("Catatan ini masih terbuka.")
    return _status(root, Catatan.Status.TERBUKA, by)
