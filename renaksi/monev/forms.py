"""Forms of the monev screens: each validates every field before a service is called."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from renaksi.perencanaan.forms import AngkaField, EditorForm, UangField, jenis_angka_for
from renaksi.perencanaan.models import Indikator

from .models import ProgresAksi, TindakLanjut

_text = {"class": "form-control form-control-sm", "autocomplete": "off"}
_area = {"class": "form-control form-control-sm", "rows": 2}
_select = {"class": "form-select form-select-sm"}
TEKS_MAX = 4000


def _area_field(label) -> forms.CharField:
    return forms.CharField(label=label, required=False, max_length=TEKS_MAX, widget=forms.Textarea(_area))


class IndikatorMonevForm(EditorForm):
    """Realisasi of one indikator for a triwulan, with its evaluasi (faktor, tindak lanjut)."""

    def __init__(self, *args, indikator: Indikator, **kwargs):
        kwargs.setdefault("auto_id", f"ind{indikator.pk}-%s")
        super().__init__(*args, **kwargs)
        # The realisasi sits in its table column, outside the <form> element of the row: tie it to the form.
        self.fields["realisasi"] = AngkaField(
            label=gettext_lazy("Realisasi"), jenis=jenis_angka_for(indikator.satuan),
            kategori=indikator.jenis_target == Indikator.JenisTarget.KATEGORI,
            widget=forms.TextInput(_text | {"inputmode": "decimal", "size": 8, "form": f"f-ind-{indikator.pk}"}))
        self.fields["catatan"] = forms.CharField(label=gettext_lazy("Catatan realisasi"), required=False,
                                                 max_length=TEKS_MAX, widget=forms.TextInput(_text))
        self.fields["faktor_pendorong"] = _area_field(gettext_lazy("Faktor pendorong"))
        self.fields["faktor_penghambat"] = _area_field(gettext_lazy("Faktor penghambat"))
        self.fields["tindak_lanjut"] = _area_field(gettext_lazy("Tindak lanjut triwulan berikutnya"))
        self.fields["tindak_lanjut_renja"] = _area_field(gettext_lazy("Tindak lanjut Renja tahun berikutnya"))


class TindakLanjutStatusForm(EditorForm):
    STATUS = [(s.value, s.label) for s in TindakLanjut.Status if s != TindakLanjut.Status.TERBUKA]

    status = forms.ChoiceField(label=gettext_lazy("Status"), choices=[("", "—"), *STATUS], required=False,
                               widget=forms.Select(_select))
    catatan = forms.CharField(label=gettext_lazy("Catatan"), required=False, max_length=TEKS_MAX,
                              widget=forms.TextInput(_text))


class AnggaranMonevForm(EditorForm):
    jumlah = UangField(label=gettext_lazy("Realisasi anggaran (Rp)"),
                       widget=forms.TextInput(_text | {"inputmode": "numeric", "size": 14}))


class ProgresForm(EditorForm):
    """The progress of one aksi in the three months of a triwulan (`bulan_1` … `bulan_12`, those of the triwulan)."""

    CHOICES = [("", "—"), *ProgresAksi.Status.choices]

    def __init__(self, *args, bulan: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.bulan = bulan
        for b in bulan:
            self.fields[f"bulan_{b}"] = forms.ChoiceField(label=str(b), choices=self.CHOICES, required=False,
                                                          widget=forms.Select(_select))


class BuktiForm(forms.Form):
    berkas = forms.FileField(label=gettext_lazy("Berkas"), required=False)
    url = forms.CharField(label=gettext_lazy("Tautan"), required=False, max_length=1000)


class JendelaForm(forms.Form):
    aksi = forms.ChoiceField(choices=[("buka", "buka"), ("tutup", "tutup")])
    alasan = forms.CharField(label=gettext_lazy("Alasan"), required=False, max_length=TEKS_MAX)
    tanggal_tutup = forms.DateField(label=gettext_lazy("Batas pelaporan"), required=False)
