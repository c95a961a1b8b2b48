"""Admin for master data: Pemda, Perangkat Daerah, Bidang, Pejabat.

A staff user who is not a superuser (an admin pemda) sees and picks only his Pemda's rows.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import get_fields_from_path
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from renaksi.core.nip import format_nip, normalize_nip

from .models import Bidang, Pejabat, Pemda, PerangkatDaerah


class PemdaScopedAdmin:
    """Limit rows and foreign-key choices to the user's Pemda unless he is a superuser.

    `pemda_lookup` is the path from this admin's model to its Pemda id.
    """

    pemda_lookup = "perangkat_daerah__pemda_id"
    fk_scopes = {
        "organisasi.pemda": "pk",
        "organisasi.perangkatdaerah": "pemda_id",
        "organisasi.bidang": "perangkat_daerah__pemda_id",
        "organisasi.pejabat": "perangkat_daerah__pemda_id",
    }

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        if request.user.is_superuser:
            return qs
        if not request.user.pemda_id:
            return qs.none()
        return qs.filter(**{self.pemda_lookup: request.user.pemda_id})

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        lookup = self.fk_scopes.get(db_field.related_model._meta.label_lower)
        if field is not None and lookup and not request.user.is_superuser:
            field.queryset = field.queryset.filter(**{lookup: request.user.pemda_id})
        return field

    def get_list_filter(self, request):
        # A filter on a relation offers only the values of the rows the user may see, so that the names of
        # another Pemda's offices never appear in the sidebar.
        filters = []
        for entry in super().get_list_filter(request):
            if isinstance(entry, str) and get_fields_from_path(self.model, entry)[-1].is_relation:
                entry = (entry, admin.RelatedOnlyFieldListFilter)
            filters.append(entry)
        return filters

    # django-simple-history's history pages fetch the object by id without the admin's queryset (and fall back
    # to the last historical record when it is missing), so they are scoped here: an object outside the user's
    # Pemda has no history page and cannot be reverted, as if it did not exist.
    def _ensure_in_scope(self, request, object_id) -> None:
        if not request.user.is_superuser and not self.get_queryset(request).filter(pk=object_id).exists():
            raise Http404

    def history_view(self, request, object_id, extra_context=None):
        self._ensure_in_scope(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self._ensure_in_scope(request, object_id)
        return super().history_form_view(request, object_id, version_id, extra_context)


@admin.register(Pemda)
class PemdaAdmin(PemdaScopedAdmin, admin.ModelAdmin):
    pemda_lookup = "pk"
    list_display = ("__str__", "jenis", "nama", "ibukota")
    list_filter = ("jenis",)
    search_fields = ("nama", "ibukota")

    # A Pemda is created or removed by the system administrator; an admin pemda keeps his own Pemda's data.
    def has_add_permission(self, request) -> bool:
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None) -> bool:
        return request.user.is_superuser


class BidangInline(admin.TabularInline):
    model = Bidang
    fields = ("urutan", "nama", "singkatan", "kepala")
    autocomplete_fields = ("kepala",)
    extra = 0


@admin.register(PerangkatDaerah)
class PerangkatDaerahAdmin(PemdaScopedAdmin, SimpleHistoryAdmin):
    pemda_lookup = "pemda_id"
    list_display = ("nama", "singkatan", "kode_urusan", "pemda", "kepala")
    list_filter = ("pemda",)
    list_select_related = ("pemda", "kepala")
    search_fields = ("nama", "singkatan", "kode_urusan")
    autocomplete_fields = ("kepala",)
    inlines = [BidangInline]


@admin.register(Bidang)
class BidangAdmin(PemdaScopedAdmin, SimpleHistoryAdmin):
    list_display = ("nama", "singkatan", "perangkat_daerah", "kepala", "urutan")
    list_filter = ("perangkat_daerah__pemda", "perangkat_daerah")
    list_select_related = ("perangkat_daerah__pemda", "kepala")
    search_fields = ("nama", "singkatan", "perangkat_daerah__nama")
    autocomplete_fields = ("perangkat_daerah", "kepala")


class PejabatForm(forms.ModelForm):
    """The NIP is typed as printed (``19670319 199702 1 003``) and stored as 18 digits."""

    nip = forms.CharField(
        label=_("NIP"), required=False, max_length=30,
        help_text=_("18 angka; boleh ditulis dengan spasi, misalnya 19670319 199702 1 003."),
    )

    class Meta:
        model = Pejabat
        fields = ("perangkat_daerah", "bidang", "nama", "nip", "jabatan", "status", "pangkat", "golongan")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.nip and not self.is_bound:
            self.initial["nip"] = format_nip(self.instance.nip)

    def clean_nip(self) -> str:
        return normalize_nip(self.cleaned_data["nip"])


@admin.register(Pejabat)
class PejabatAdmin(PemdaScopedAdmin, SimpleHistoryAdmin):
    form = PejabatForm
    list_display = ("nama", "nip_tampil", "jabatan", "pangkat_golongan", "status", "perangkat_daerah", "bidang")
    list_filter = ("status", "perangkat_daerah__pemda", "perangkat_daerah")
    list_select_related = ("perangkat_daerah__pemda", "bidang")
    search_fields = ("nama", "nip", "jabatan")
    autocomplete_fields = ("perangkat_daerah", "bidang")
    fieldsets = (
        (None, {"fields": ("perangkat_daerah", "bidang", "nama", "nip")}),
        (_("Jabatan dan pangkat"), {"fields": ("jabatan", "status", "pangkat", "golongan")}),
    )

    @admin.display(description=_("NIP"), ordering="nip")
    def nip_tampil(self, obj: Pejabat) -> str:
        return obj.nip_tampil

    @admin.display(description=_("pangkat (golongan)"))
    def pangkat_golongan(self, obj: Pejabat) -> str:
        return obj.pangkat_golongan

    def get_search_results(self, request, queryset, search_term):
        # A NIP is searched as printed, with its spaces: compare it without them.
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        digits = normalize_nip(search_term)
        if digits.isdigit() and digits != search_term.strip():
            queryset |= self.get_queryset(request).filter(Q(nip__startswith=digits))
        return queryset, may_have_duplicates
