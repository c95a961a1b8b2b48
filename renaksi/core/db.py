"""Telling a busy database from a broken one.

A write that could not get the database in time — SQLite's "database is locked" after its busy timeout, or on
PostgreSQL a deadlock, a serialization failure or a lock that was not available — is nobody's mistake: nothing was
saved, and the same request a moment later succeeds. Such errors are answered "sedang sibuk, coba lagi"
(`renaksi.core.middleware`), never as a server error or as a fault in the user's input.
"""

from __future__ import annotations

from django.db import OperationalError
from django.utils.translation import gettext as _

# SQLSTATE of PostgreSQL errors that mean "try again": serialization_failure, deadlock_detected, lock_not_available.
RETRYABLE_SQLSTATE = {"40001", "40P01", "55P03"}
SQLITE_LOCKED = ("database is locked", "database table is locked", "database schema is locked")


def database_busy(exc: BaseException) -> bool:
    """Whether `exc` says the database was busy (worth retrying), not that a value or the schema is wrong."""
    if not isinstance(exc, OperationalError):
        return False
    if any(text in str(exc).lower() for text in SQLITE_LOCKED):
        return True
    return getattr(exc.__cause__, "sqlstate", None) in RETRYABLE_SQLSTATE


def pesan_sibuk() -> str:
    return _("Server sedang sibuk menyimpan perubahan lain. Tidak ada yang tersimpan dari permintaan Anda; "
             "coba lagi sebentar lagi.")
