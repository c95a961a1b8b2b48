"""Admin for users: the custom User with its role and scope (Pemda, Perangkat Daerah, bidang, Pejabat)."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from renaksi.organisasi.admin import PemdaScopedAdmin

from .models import Peran, User

NEEDS_PD = {Peran.PERENCANA, Peran.KEPALA_BIDANG, Peran.KEPALA_PD}


def check_scope(cleaned: dict) -> dict:
    """Role and scope must fit together: a PD of the Pemda, a bidang and a Pejabat of the PD."""
    peran, pemda, pd = cleaned.get("peran"), cleaned.get("pemda"), cleaned.get("perangkat_daerah")
    bidang, pejabat = cleaned.get("bidang"), cleaned.get("pejabat")
    errors: dict[str, str] = {}
    if pd is not None:
        if pemda is None:
            cleaned["pemda"] = pemda = pd.pemda
        elif pd.pemda_id != pemda.pk:
            errors["perangkat_daerah"] = _("Perangkat daerah ini bukan bagian dari pemda yang dipilih.")
    if bidang is not None and (pd is None or bidang.perangkat_daerah_id != pd.pk):
        errors["bidang"] = _("Bidang harus bidang dari perangkat daerah pengguna.")
    if pejabat is not None and (pd is None or pejabat.perangkat_daerah_id != pd.pk):
        errors["pejabat"] = _("Pejabat harus pejabat dari perangkat daerah pengguna.")
    if peran in NEEDS_PD and pd is None:
        errors.setdefault("perangkat_daerah", _("Peran ini memerlukan perangkat daerah."))
    if peran == Peran.KEPALA_BIDANG and bidang is None:
        errors.setdefault("bidang", _("Kepala bidang memerlukan bidang."))
    if peran in (Peran.ADMIN_PEMDA, Peran.EVALUATOR) and pemda is None:
        errors["pemda"] = _("Peran ini memerlukan pemda.")
    if errors:
        raise ValidationError(errors)
    return cleaned


class UserScopeChangeForm(UserChangeForm):
    def clean(self):
        return check_scope(super().clean())


class UserScopeCreationForm(AdminUserCreationForm):
    def clean(self):
        return check_scope(super().clean())


SCOPE = (_("Peran dan lingkup"), {"fields": ("peran", "pemda", "perangkat_daerah", "bidang", "pejabat")})


@admin.register(User)
class UserAdmin(PemdaScopedAdmin, DjangoUserAdmin):
    pemda_lookup = "pemda_id"
    form = UserScopeChangeForm
    add_form = UserScopeCreationForm
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Data pribadi"), {"fields": ("first_name", "last_name", "email")}),
        SCOPE,
        (_("Hak akses"), {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions"),
                          "classes": ("collapse",)}),
        (_("Tanggal penting"), {"fields": ("last_login", "date_joined"), "classes": ("collapse",)}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("username", "usable_password", "password1", "password2")}),
        SCOPE,
    )
    list_display = ("username", "get_full_name", "peran", "pemda", "perangkat_daerah", "bidang", "is_active",
                    "is_staff")
    list_filter = ("peran", "pemda", "is_active", "is_staff")
    list_select_related = ("pemda", "perangkat_daerah", "bidang")
    search_fields = ("username", "first_name", "last_name", "email")
    autocomplete_fields = ("pemda", "perangkat_daerah", "bidang", "pejabat")

    @admin.display(description=_("nama"))
    def get_full_name(self, obj: User) -> str:
        return obj.get_full_name()

    def get_form(self, request, obj=None, **kwargs):
        # Only a superuser hands out superuser or staff rights and raw permissions.
        form = super().get_form(request, obj, **kwargs)
        if not request.user.is_superuser:
            for name in ("is_superuser", "is_staff", "user_permissions", "groups"):
                if name in form.base_fields:
                    form.base_fields[name].disabled = True
        return form
