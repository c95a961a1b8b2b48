"""NIP, the 18-digit civil-servant number: birth date (8) + appointment year-month (6) + sex (1) + sequence (3).

Printed with or without spaces (``19670319 199702 1 003``); stored without.
"""

from __future__ import annotations

import datetime as dt
import re

from django.core.exceptions import ValidationError


def normalize_nip(value: str) -> str:
    return re.sub(r"[\s.]", "", value or "")


def validate_nip(value: str) -> None:
    nip = normalize_nip(value)
    if not nip:
        return
    if not re.fullmatch(r"\d{18}", nip):
        raise ValidationError("NIP harus 18 angka (boleh ditulis dengan spasi): '%(v)s'.", params={"v": value})
    try:
        dt.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError as exc:
        raise ValidationError("NIP '%(v)s': 8 angka pertama bukan tanggal lahir yang sah.", params={"v": value}) from exc
    if not (1 <= int(nip[12:14]) <= 12):
        raise ValidationError("NIP '%(v)s': bulan pengangkatan (angka 13–14) tidak sah.", params={"v": value})
    if nip[14] not in "12":
        raise ValidationError("NIP '%(v)s': angka ke-15 (jenis kelamin) harus 1 atau 2.", params={"v": value})


def format_nip(nip: str) -> str:
    """``196703191997021003`` → ``19670319 199702 1 003``."""
    nip = normalize_nip(nip)
    if len(nip) != 18:
        return nip
    return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
