from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from renaksi.organisasi.models import PerangkatDaerah
from renaksi.perencanaan.selectors import importable_perangkat_daerah

from .readers._ooxml import megabytes

ACCEPTED_EXTENSIONS = (".xlsx", ".xls", ".docx", ".pdf", ".txt", ".tsv", ".csv")


class _PerangkatDaerahField(forms.ModelChoiceField):
    def label_from_instance(self, obj: PerangkatDaerah) -> str:
        return obj.nama


class UploadForm(forms.Form):
    berkas = forms.FileField(
        label=_("Dokumen rencana aksi"),
        help_text=_("XLSX, XLS, DOCX, PDF (berteks, bukan pindaian), teks (TXT/TSV) atau CSV; paling besar %(max)s.")
        % {"max": megabytes(settings.RENAKSI_IMPORT_MAX_BYTES)},
    )
    perangkat_daerah = _PerangkatDaerahField(
        label=_("Perangkat daerah"), queryset=PerangkatDaerah.objects.none(), empty_label=None,
    )
    tahun = forms.IntegerField(
        label=_("Tahun"), required=False, min_value=2000, max_value=2100,
        help_text=_("Kosongkan untuk memakai tahun yang tertulis di dokumen."),
        widget=forms.NumberInput(attrs={"placeholder": _("dari dokumen")}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        pd_field = self.fields["perangkat_daerah"]
        assert isinstance(pd_field, forms.ModelChoiceField)
        pd_field.queryset = importable_perangkat_daerah(user)
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
