"""Small helpers the services of every app share."""

from __future__ import annotations

from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import models

M = TypeVar("M", bound=models.Model)


def save_validated(obj: M, *, validate_constraints: bool = False, **changes: Any) -> M:
    """Apply changes, validate the row's fields (types, lengths, choices, validators) and save it.

    Foreign keys set from instances are not looked up again, and unique/check constraints are left to the database
    unless asked for: every constraint also exists as a field validator or is handled by the calling service, and
    validating them here cost a query each — an import of a real plan made thousands of them.
    """
    for field, value in changes.items():
        setattr(obj, field, value)
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
