"""Writes of the impor app (the plan itself is written through `renaksi.perencanaan.services`)."""

from __future__ import annotations

from django.db import transaction

from renaksi.core.services import save_validated
from renaksi.perencanaan.models import RencanaAksi

from .models import Impor


@transaction.atomic
def impor_record(
    *,
    filename: str,
    sha256: str,
    size: int,
    format: str,
    layout: str,
    rencana_aksi: RencanaAksi | None,
    summary: dict,
    user=None,
) -> Impor:
    return save_validated(Impor(
        filename=filename[:255], sha256=sha256, size=size, format=format, layout=layout, rencana_aksi=rencana_aksi,
        summary=summary, user=user if getattr(user, "is_authenticated", False) else None,
    ))
