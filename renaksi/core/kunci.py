"""Optimistic locking: two people editing the same row never silently overwrite each other.

Every editable row carries `versi_baris` (1 when created, +1 on every save). An edit form sends the version it was
opened with (a hidden field); the service claims the next version with one conditional UPDATE

    UPDATE … SET versi_baris = n + 1 WHERE id = … AND versi_baris = n

before it saves. The UPDATE locks the row until the transaction ends, so of two writers holding the same `n` one
updates one row and the other — after the first commits — none: he gets `Konflik`, a `ValidationError` whose
messages name who changed the row and when, and for each field his value and the current one, and whose
`versi_sekarang` lets the form be sent again deliberately. `versi_baris=None` (the importer, the CLI, the system)
checks nothing but still moves the version on, so a form opened before an import cannot overwrite it silently.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .angka import banyak_desimal, format_angka, format_rupiah
from .bulan import format_tanggal

KOSONG = "(kosong)"


def format_nilai(field: models.Field | None, value: Any) -> str:
    """A stored value as a person reads it: numbers Indonesian-style, money in rupiah, choices by their label."""
    if value is None or value == "":
        return KOSONG
    if field is not None and getattr(field, "choices", None):
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("Ya") if value else _("Tidak")
    if isinstance(value, Decimal):  # the database pads to 6 decimals: show those the value needs
        return format_angka(value, banyak_desimal(value, tanpa_nol=True))
    if isinstance(value, int) and isinstance(field, models.BigIntegerField):
        return "Rp" + format_rupiah(value)
    if isinstance(value, int):  # a year, a triwulan, a count: as written, no thousand separator
        return str(value)
    if isinstance(value, datetime):
        return f"{format_tanggal(timezone.localtime(value).date())} {timezone.localtime(value):%H.%M}"
    if isinstance(value, date):
        return format_tanggal(value)
    if isinstance(value, list | tuple | set | models.QuerySet):
        items = [str(v) for v in value]
        return ", ".join(items) if items else KOSONG
    return str(value)


class Konflik(ValidationError):
    """The row changed since the form was opened. `messages`: who/when, then 'field: yours … current …' lines."""

    def __init__(self, messages: list[str], *, versi_sekarang: int | None):
        super().__init__(messages, code="konflik")
        self.versi_sekarang = versi_sekarang


def _field(model: type[models.Model], name: str) -> models.Field | None:
    try:
        return model._meta.get_field(name.removesuffix("_id"))  # type: ignore[return-value]
    except Exception:
        return None


def _label(model: type[models.Model], name: str) -> str:
    field = _field(model, name)
    label = str(getattr(field, "verbose_name", "") or name.replace("_", " "))
    return label[:1].upper() + label[1:]


def _current(obj: models.Model, name: str) -> Any:
    field = _field(type(obj), name)
    if field is not None and field.many_to_many:
        return list(getattr(obj, field.name).all())
    if field is not None and field.is_relation:
        return getattr(obj, field.name)
    return getattr(obj, name)


def _pembuat(obj: models.Model, riwayat: models.QuerySet | None = None) -> str:
    history = riwayat if riwayat is not None else getattr(obj, "history", None)
    last = history.select_related("history_user").order_by("-history_date", "-history_id").first() \
        if history is not None else None
    if last is None:
        return _("Baris ini telah diubah pengguna lain sejak formulir Anda dibuka.")
    who = last.history_user.get_full_name() or last.history_user.username if last.history_user else _("sistem")
    return _("Baris ini telah diubah oleh %(who)s pada %(when)s sejak formulir Anda dibuka; perubahan Anda belum "
             "disimpan.") % {"who": who, "when": format_nilai(None, last.history_date)}


def pesan_konflik(obj: models.Model | None, model: type[models.Model], perubahan: dict[str, Any],
                  selisih: Iterable[tuple[str, str, str]] = (), riwayat: models.QuerySet | None = None) -> list[str]:
    """The lines of a conflict: who changed the row and when, then for each field the user's value and the
    current one (only fields where they differ), then what to do."""
    if obj is None:
        return [_("Baris ini telah dihapus pengguna lain sejak formulir Anda dibuka; perubahan Anda tidak disimpan.")]
    lines = [_pembuat(obj, riwayat)]
    rows = list(selisih)
    for name, yours in perubahan.items():
        current = _current(obj, name)
        field = _field(model, name)
        a, b = format_nilai(field, yours), format_nilai(field, current)
        if a != b:
            rows.append((_label(model, name), a, b))
    for label, yours, current in rows:
        lines.append(_("%(label)s — nilai Anda: «%(yours)s»; nilai sekarang: «%(current)s».")
                     % {"label": label, "yours": yours, "current": current})
    lines.append(_("Periksa nilai sekarang; simpan lagi bila perubahan Anda tetap diperlukan."))
    return lines


def klaim_versi(obj: models.Model, versi_baris: int | None, *, perubahan: dict[str, Any] | None = None,
                selisih: Iterable[tuple[str, str, str]] = (), riwayat: models.QuerySet | None = None) -> None:
    """Claim the next version of `obj` (call inside the writing transaction, before saving it).

    `versi_baris`: the version the user's form was opened with; None checks nothing (a system write) but moves the
    version on. A stale version raises `Konflik` with the user's `perubahan` (field → value) next to the current
    values, plus any `selisih` lines (label, yours, current) the caller computed itself. `riwayat`: the history
    records that say who changed it (default: the row's own; the target form: those of the indikator's targets).
    """
    model = type(obj)
    manager = model._base_manager
    if versi_baris is None:
        if obj.pk is not None:
            obj.versi_baris = (obj.versi_baris or 0) + 1  # type: ignore[attr-defined]
        return
    if obj.pk is None:
        return
    if manager.filter(pk=obj.pk, versi_baris=versi_baris).update(versi_baris=versi_baris + 1) == 1:
        obj.versi_baris = versi_baris + 1  # type: ignore[attr-defined]
        return
    fresh = manager.filter(pk=obj.pk).first()
    raise Konflik(pesan_konflik(fresh, model, perubahan or {}, selisih, riwayat),
                  versi_sekarang=getattr(fresh, "versi_baris", None))


def versi_field() -> models.PositiveIntegerField:
    return models.PositiveIntegerField(gettext_lazy("versi baris"), default=1, editable=False)
