from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from renaksi.accounts.models import Peran
from renaksi.organisasi.models import PerangkatDaerah

from .readers._ooxml import megabytes

ACCEPTED_EXTENSIONS = (".xlsx", ".docx", ".txt", ".tsv", ".csv")


def _import_scope(user) -> dict | None:
    """The filter of the PDs a user may import a plan into (None: he may not import): an admin pemda's whole
    Pemda, a perencana's own PD, every PD for the superuser."""
    if not user.is_authenticated:
        return None
    if user.is_superuser:
        return {}
    if user.peran == Peran.ADMIN_PEMDA and user.pemda_id:
        return {"pemda_id": user.pemda_id}
    if user.peran == Peran.PERENCANA and user.perangkat_daerah_id:
        return {"pk": user.perangkat_daerah_id}
    return None


def importable_perangkat_daerah(user):
    """The PDs a user may import a plan into (see `_import_scope`)."""
    qs = PerangkatDaerah.objects.select_related("pemda").order_by("nama")
    scope = _import_scope(user)
    return qs.none() if scope is None else qs.filter(**scope)


def may_import(user) -> bool:
    """Whether to offer "Impor dokumen" at all; without a query, since every page's menu asks."""
    return _import_scope(user) is not None


class UploadForm(forms.Form):
    berkas = forms.FileField(
        label=_("Dokumen rencana aksi"),
        help_text=_("XLSX, DOCX, teks (TXT/TSV) atau CSV; paling besar %(max)s.")
        % {"max": megabytes(settings.RENAKSI_IMPORT_MAX_BYTES)},
    )
    perangkat_daerah = forms.ModelChoiceField(
        label=_("Perangkat daerah"), queryset=PerangkatDaerah.objects.none(), empty_label=None,
    )
    tahun = forms.IntegerField(
        label=_("Tahun"), required=False, min_value=2000, max_value=2100,
        help_text=_("Kosongkan untuk memakai tahun yang tertulis di dokumen."),
        widget=forms.NumberInput(attrs={"placeholder": _("dari dokumen")}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["perangkat_daerah"].queryset = importable_perangkat_daerah(user)
        self.fields["perangkat_daerah"].label_from_instance = lambda pd: pd.nama
        self.fields["berkas"].widget.attrs.update({"accept": ",".join(ACCEPTED_EXTENSIONS)})

    def clean_berkas(self):
        berkas = self.cleaned_data["berkas"]
        limit = settings.RENAKSI_IMPORT_MAX_BYTES
        if berkas.size > limit:
            raise forms.ValidationError(
                _("Berkas terlalu besar (%(size)s); paling besar %(max)s."),
                params={"size": megabytes(berkas.size), "max": megabytes(limit)},
            )
        if berkas.size == 0:
            raise forms.ValidationError(_("Berkas kosong."))
        return berkas
