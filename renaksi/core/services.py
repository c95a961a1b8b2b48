"""Small helpers the services of every app share."""

from __future__ import annotations

from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import models

M = TypeVar("M", bound=models.Model)


def save_validated(obj: M, *, exclude: list[str] | None = None, **changes: Any) -> M:
    """Apply changes, validate the row (fields, choices, constraints) and save it."""
    for field, value in changes.items():
        setattr(obj, field, value)
    obj.full_clean(exclude=exclude)
    obj.save()
    return obj


def reject(message: str, field: str | None = None) -> None:
    raise ValidationError({field: [message]} if field else message)
