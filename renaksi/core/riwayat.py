"""History of every domain model (django-simple-history), named in Indonesian.

simple-history names a historical model "historical <name>" without translation; the admin shows that name in its
breadcrumbs and in the list of permissions ("historical pejabat"). Here it is "riwayat pejabat".
"""

from __future__ import annotations

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Riwayat(HistoricalRecords):
    def get_meta_options(self, model):
        meta = super().get_meta_options(model)
        meta["verbose_name"] = format_lazy(_("riwayat {}"), model._meta.verbose_name)
        meta["verbose_name_plural"] = format_lazy(_("riwayat {}"), model._meta.verbose_name_plural)
        return meta
