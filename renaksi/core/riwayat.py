"""History of every domain model (django-simple-history), named in Indonesian.

simple-history names a historical model "historical <name>" without translation; the admin shows that name in its
breadcrumbs and in the list of permissions ("historical pejabat"). Here it is "riwayat pejabat".
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.dispatch import receiver
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from simple_history.signals import pre_create_historical_record


class Riwayat(HistoricalRecords):
    def get_meta_options(self, model):
        meta = super().get_meta_options(model)
        meta["verbose_name"] = format_lazy(_("riwayat {}"), model._meta.verbose_name)
        meta["verbose_name_plural"] = format_lazy(_("riwayat {}"), model._meta.verbose_name_plural)
        return meta


# --- Where a change came from ----------------------------------------------------------------------------------

_sumber: ContextVar[str | None] = ContextVar("renaksi_sumber_perubahan", default=None)
ALASAN_MAKS = 100  # simple-history's history_change_reason column


@contextmanager
def sumber_perubahan(teks: str) -> Iterator[None]:
    """Every history row written inside the block names its source ("Impor: rencana-aksi-2024.xlsx") as the
    change reason, unless the row states its own. The history page shows it next to who and when."""
    token = _sumber.set(teks[:ALASAN_MAKS])
    try:
        yield
    finally:
        _sumber.reset(token)


@receiver(pre_create_historical_record)
def _alasan_dari_sumber(sender, history_instance, **kwargs) -> None:
    sumber = _sumber.get()
    if sumber and not getattr(history_instance, "history_change_reason", None):
        history_instance.history_change_reason = sumber
