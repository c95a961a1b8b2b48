"""Whether the user's role writes evaluator notes, for the editor's per-row button — answered without a query.

`perms.riwayat.add_catatan` says the same (rules.py), but a "no" falls through to Django's model backend, which
loads the user's permissions with two queries on every page."""

from __future__ import annotations

from .rules import can_add_catatan


def catatan(request) -> dict[str, bool]:
    return {"may_write_catatan": bool(can_add_catatan.test(request.user, None))}
