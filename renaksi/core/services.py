"""Small helpers the services of every app share."""

from __future__ import annotations

from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

M = TypeVar("M", bound=models.Model)

# The longest text a TextField (an uraian, a formulasi, a catatan …) may hold. The database would take any length:
# this keeps a pasted document, or a forged request of a million characters, out of a plan.
TEKS_MAKS = 2000


def pesan_terlalu_panjang(label: str, limit: int | str, length: int | str) -> str:
    return _("%(label)s paling panjang %(limit)s karakter (sekarang %(length)s).") % {
        "label": label[:1].upper() + label[1:], "limit": limit, "length": length}


def _check_text_lengths(obj: models.Model) -> None:
    errors = {}
    for f in obj._meta.concrete_fields:
        value = getattr(obj, f.attname)
        if isinstance(f, models.TextField) and isinstance(value, str) and len(value) > TEKS_MAKS:
            errors[f.name] = [ValidationError(pesan_terlalu_panjang(str(f.verbose_name), TEKS_MAKS, len(value)),
                                              code="max_length")]
    if errors:
        raise ValidationError(errors)


def save_validated(obj: M, *, validate_constraints: bool = False, **changes: Any) -> M:
    """Apply changes, validate the row's fields (types, lengths — `TEKS_MAKS` for a TextField —, choices,
    validators) and save it.

    Foreign keys set from instances are not looked up again, and unique/check constraints are left to the database
    unless asked for: every constraint also exists as a field validator or is handled by the calling service, and
    validating them here cost a query each — an import of a real plan made thousands of them.
    """
    for field, value in changes.items():
        setattr(obj, field, value)
    _check_text_lengths(obj)
    known_relations = [
        f.name for f in obj._meta.concrete_fields
        if f.is_relation and getattr(obj, f.attname) is not None and f.is_cached(obj)  # type: ignore[attr-defined]
    ]
    obj.full_clean(exclude=known_relations, validate_unique=validate_constraints,
                   validate_constraints=validate_constraints)
    obj.save()
    return obj


def reject(message: str, field: str | None = None) -> None:
    raise ValidationError({field: [message]} if field else message)
