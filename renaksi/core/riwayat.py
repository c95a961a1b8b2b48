"""History of every domain model (django-simple-history), named in Indonesian.

simple-history names a historical model "historical <name>" without translation; the admin shows that name in its
breadcrumbs and in the list of permissions ("historical pejabat"). Here it is "riwayat pejabat".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import models
from django.dispatch import receiver
from django.utils import timezone
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

    def post_delete(self, instance, using=None, **kwargs):
        """Inside `riwayat_hapus_massal()` the "-" record is kept for one insert per table at the end of the block
        instead of being written at once (simple-history writes one row per deleted row)."""
        tertunda = _tertunda.get()
        if tertunda is None or self.cascade_delete_history or not getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
            return super().post_delete(instance, using=using, **kwargs)
        # What simple-history's create_historical_record builds, without saving it. Its m2m records are left
        # out: the through rows are deleted before the row itself, so simple-history would record none either.
        history_date = getattr(instance, "_history_date", timezone.now())
        history_user = self.get_history_user(instance)
        reason = self.get_change_reason_for_object(instance, "-", using)
        manager = getattr(instance, self.manager_name)
        attrs = {field.attname: getattr(instance, field.attname) for field in self.fields_included(instance)}
        if getattr(manager.model, "history_relation", None) is not None:
            attrs["history_relation"] = instance
        record = manager.model(history_date=history_date, history_type="-", history_user=history_user,
                               history_change_reason=reason, **attrs)
        pre_create_historical_record.send(sender=manager.model, instance=instance, history_date=history_date,
                                          history_user=history_user, history_change_reason=reason,
                                          history_instance=record, using=using)
        tertunda.append(record)


_tertunda: ContextVar[list[models.Model] | None] = ContextVar("renaksi_riwayat_tertunda", default=None)


@contextmanager
def riwayat_hapus_massal() -> Iterator[None]:
    """The history records of the rows deleted inside the block are written with one insert per history table
    when it ends (a program with 45 aksi: a handful of queries instead of one per deleted row). Use it inside a
    transaction: the records are written only when the block ends without an error."""
    tertunda: list[models.Model] = []
    token = _tertunda.set(tertunda)
    try:
        yield
    finally:
        _tertunda.reset(token)
    per_tabel: dict[type[models.Model], list[models.Model]] = defaultdict(list)
    for record in tertunda:
        per_tabel[type(record)].append(record)
    for model, records in per_tabel.items():
        model._default_manager.bulk_create(records, batch_size=500)


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
