"""Admin for the nomenclature (master data) and a read-mostly list of plans.

Plans are made and edited in the editor and by the importer, through the services. Here one can find a plan,
read its history and correct its title page (judul, tempat, tanggal, penandatangan) while it is a draft.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from renaksi.organisasi.admin import PemdaScopedAdmin

from . import services
from .models import Nomenklatur, RencanaAksi


@admin.register(Nomenklatur)
class NomenklaturAdmin(admin.ModelAdmin):
    list_display = ("kode", "nama", "level", "tahun", "induk_kode")
    list_filter = ("tahun", "level")
    search_fields = ("kode", "nama")
    ordering = ("tahun", "kode")
    list_per_page = 100


class RencanaAksiForm(forms.ModelForm):
    class Meta:
        model = RencanaAksi
        fields = ("judul", "tempat", "tanggal", "penandatangan")

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and not self.instance.editable and self.changed_data:
            raise ValidationError(
                _("Rencana aksi ini berstatus '%(status)s' dan tidak dapat diubah."),
                params={"status": self.instance.get_status_display()},
            )
        return cleaned


EDITABLE_FIELDS = ("judul", "tempat", "tanggal", "penandatangan")


@admin.register(RencanaAksi)
class RencanaAksiAdmin(PemdaScopedAdmin, SimpleHistoryAdmin):
    form = RencanaAksiForm
    list_display = ("__str__", "tahun", "versi", "status", "perangkat_daerah", "diubah", "buka_editor")
    list_filter = ("tahun", "status", "perangkat_daerah__pemda", "perangkat_daerah")
    list_select_related = ("perangkat_daerah__pemda",)
    search_fields = ("perangkat_daerah__nama", "perangkat_daerah__singkatan", "judul")
    date_hierarchy = "diubah"
    autocomplete_fields = ("penandatangan",)
    fields = ("perangkat_daerah", "tahun", "versi", "induk", "status", "sumber", *EDITABLE_FIELDS, "dibuat",
              "diubah")

    def get_readonly_fields(self, request, obj=None):
        return [f for f in self.fields if f not in EDITABLE_FIELDS]

    @admin.display(description=_("editor"))
    def buka_editor(self, obj: RencanaAksi) -> str:
        return format_html('<a href="{}">{}</a>', reverse("plan_editor", args=[obj.pk]), _("Buka"))

    def has_add_permission(self, request) -> bool:
        return False  # plans come from the importer or from a new version, through the services

    def has_delete_permission(self, request, obj=None) -> bool:
        return request.user.is_superuser and (obj is None or obj.editable)

    def save_model(self, request, obj, form, change):
        changes = {name: form.cleaned_data[name] for name in form.changed_data if name in EDITABLE_FIELDS}
        services.rencana_aksi_update(rencana_aksi=obj, **changes)
