"""What every page's menu needs to know about the user, answered without a query."""

from __future__ import annotations

from .rules import pd_scope


def navigasi(request) -> dict[str, bool]:
    # `perms.perencanaan.add_rencanaaksi` would answer the same, but a "no" falls through to Django's model
    # backend, which loads the user's permissions with two queries on every page.
    return {"may_import": pd_scope(request.user) is not None}
