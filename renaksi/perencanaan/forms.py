"""Forms of the plan editor: they only read and validate what a person typed; saving is the services' job.

Numbers are typed the way people write them ("1.030.000", "33,33", "2,718,270,000") and read with
`renaksi.core.angka` in strict mode: an ambiguous "1.500" for a percentage or a count, or text that is not a
number, is refused with an Indonesian message next to the field, and nothing is saved.
"""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from renaksi.core.akumulasi import Akumulasi
from renaksi.core.angka import Angka, AngkaTidakValid, JenisAngka, parse_angka, parse_uang
from renaksi.core.bulan import nama_bulan
from renaksi.core.services import TEKS_MAKS, pesan_terlalu_panjang

from . import narasi
from .models import NARASI_MAKS, Indikator, Sasaran

BULAN = [(m, gettext_lazy(nama_bulan(m))) for m in range(1, 13)]


def nilai_input(nilai: Decimal | None, desimal: int = 0) -> str:
    """A stored number as it goes back into an input: no thousand grouping (so that '1500' is never re-read as
    the ambiguous '1.500'), decimals with a comma, as many as were written."""
    if nilai is None:
        return ""
    value = nilai.quantize(Decimal(1).scaleb(-desimal)) if desimal else nilai.quantize(Decimal(1))
    return format(value, "f").replace(".", ",")


def jenis_angka_for(satuan: str) -> JenisAngka:
    satuan = (satuan or "").strip().lower()
    return JenisAngka.PERSEN if satuan in {"%", "persen", "persentase"} or "persen" in satuan else JenisAngka.UMUM


class UangField(forms.CharField):
    """Pagu in whole rupiah: '1.030.000', '2,718,270,000', 'Rp 5.000.000'. Empty is None, negative is refused."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 40)
        super().__init__(**kwargs)

    def clean(self, value) -> int | None:
        text = super().clean(value)  # the text, its length checked
        try:
            return parse_uang(text, strict=True)
        except AngkaTidakValid as exc:
            raise forms.ValidationError(str(exc), code="angka") from exc


class AngkaField(forms.CharField):
    """A target value: a number, or (when `kategori` is allowed) a category with an optional score."""

    def __init__(self, *, jenis: JenisAngka = JenisAngka.UMUM, kategori: bool = False, satuan: bool = False,
                 **kwargs):
        self.jenis, self.kategori, self.satuan = jenis, kategori, satuan
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 100)
        super().__init__(**kwargs)

    def clean(self, value) -> Angka:
        text = super().clean(value)  # the text, its length checked
        try:
            angka = parse_angka(text, self.jenis, strict=True)
        except AngkaTidakValid as exc:
            raise forms.ValidationError(str(exc), code="angka") from exc
        if angka.kategori and not self.kategori:
            raise forms.ValidationError(
                _("'%(teks)s' adalah kategori, sedangkan indikator ini bertarget angka. "
                  "Ubah jenis target indikator menjadi Kategori bila memang demikian."),
                params={"teks": text}, code="kategori",
            )
        if (angka.satuan or angka.keterangan) and not self.satuan:
            raise forms.ValidationError(
                _("'%(teks)s' berisi teks selain angka. Tulis angkanya saja; satuan diisi di kolom Satuan."),
                params={"teks": text}, code="teks",
            )
        return angka


class EditorForm(forms.Form):
    """A form shown as a table row: invalid fields are marked for Bootstrap, one field gets the focus. Every text
    has a length limit (a long text: `TEKS_MAKS`, as the services check), and the message names the field."""

    # The row's version when the form was opened (optimistic locking, renaksi/core/kunci.py); views pass it to the
    # service, `_save` keeps it out of the data written.
    versi_baris = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if getattr(field, "max_length", None):
                field.error_messages["max_length"] = pesan_terlalu_panjang(
                    str(field.label), "%(limit_value)s", "%(show_value)s")

    def full_clean(self) -> None:
        super().full_clean()
        self._mark_invalid()

    def add_error(self, field, error) -> None:
        super().add_error(field, error)
        self._mark_invalid()

    def _mark_invalid(self) -> None:
        for name in self._errors or {}:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                if "is-invalid" not in attrs.get("class", ""):
                    attrs["class"] = f"{attrs.get('class', '')} is-invalid".strip()
                attrs["aria-invalid"] = "true"

    def set_focus(self, name: str | None = None) -> None:
        """Autofocus the first invalid field, else `name`, else the first field (htmx honours autofocus)."""
        invalid = [n for n in self.fields if self.is_bound and n in self.errors]
        chosen = invalid[0] if invalid else name if name in self.fields else next(iter(self.fields), None)
        if chosen:
            self.fields[chosen].widget.attrs["autofocus"] = True


_text = {"class": "form-control form-control-sm"}
_area = {"class": "form-control form-control-sm", "rows": 2}
_select = {"class": "form-select form-select-sm"}
_check = {"class": "form-check-input"}


class BidangMixin(forms.Form):
    """A `bidang` choice, left out for a kepala bidang: he cannot hand his row to another bidang."""

    bidang = forms.TypedChoiceField(label=gettext_lazy("Bidang"), required=False, coerce=int, empty_value=None,
                                    widget=forms.Select(_select))

    def __init__(self, *args, bidang_choices=(), bidang_editable: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        bidang = self.fields.pop("bidang")  # shown last, after the row's own fields
        if bidang_editable:
            bidang.choices = [("", "—"), *bidang_choices]
            self.fields["bidang"] = bidang


class SasaranForm(EditorForm):
    nomor = forms.CharField(label=gettext_lazy("Nomor"), max_length=20, required=False,
                            widget=forms.TextInput(_text | {"size": 3}))
    uraian = forms.CharField(label=gettext_lazy("Uraian sasaran"), max_length=TEKS_MAKS, widget=forms.Textarea(_area))
    level = forms.ChoiceField(label=gettext_lazy("Tingkat"), choices=Sasaran.Level.choices,
                              widget=forms.Select(_select))


class IndikatorForm(BidangMixin, EditorForm):
    nama = forms.CharField(label=gettext_lazy("Indikator"), max_length=TEKS_MAKS, widget=forms.Textarea(_area))
    satuan = forms.CharField(label=gettext_lazy("Satuan"), max_length=100, required=False,
                             widget=forms.TextInput(_text | {"list": "satuan-umum"}))
    formulasi = forms.CharField(label=gettext_lazy("Formulasi"), max_length=TEKS_MAKS, required=False,
                                widget=forms.Textarea(_area))
    polaritas = forms.ChoiceField(label=gettext_lazy("Polaritas"), choices=Indikator.Polaritas.choices,
                                  widget=forms.Select(_select))
    akumulasi = forms.ChoiceField(label=gettext_lazy("Akumulasi"), choices=Akumulasi.choices,
                                  widget=forms.Select(_select))
    jenis_target = forms.ChoiceField(label=gettext_lazy("Jenis target"), choices=Indikator.JenisTarget.choices,
                                     widget=forms.Select(_select))
    is_iku = forms.BooleanField(label=gettext_lazy("Indikator Kinerja Utama (IKU)"), required=False,
                                widget=forms.CheckboxInput({"class": "form-check-input"}))


class TargetForm(EditorForm):
    """The yearly target and TW I–IV of one indicator, all validated before any is saved."""

    FIELDS = [("tahunan", None), ("tw1", 1), ("tw2", 2), ("tw3", 3), ("tw4", 4)]
    LABELS = {"tahunan": gettext_lazy("Target tahunan"), "tw1": gettext_lazy("Triwulan I"),
              "tw2": gettext_lazy("Triwulan II"), "tw3": gettext_lazy("Triwulan III"),
              "tw4": gettext_lazy("Triwulan IV")}

    def __init__(self, *args, indikator: Indikator, **kwargs):
        super().__init__(*args, **kwargs)
        jenis = jenis_angka_for(indikator.satuan)
        kategori = indikator.jenis_target == Indikator.JenisTarget.KATEGORI
        for name, _tw in self.FIELDS:
            self.fields[name] = AngkaField(
                label=self.LABELS[name], jenis=jenis, kategori=kategori,
                widget=forms.TextInput(_text | {"inputmode": "decimal", "autocomplete": "off", "size": 6}),
            )


class AnggaranForm(EditorForm):
    """Program or kegiatan: code (picked from the nomenclature), name and pagu as written."""

    kode = forms.CharField(label=gettext_lazy("Kode"), max_length=40, required=False,
                           widget=forms.TextInput(_text | {"autocomplete": "off"}))
    nama = forms.CharField(label=gettext_lazy("Nama"), max_length=TEKS_MAKS, widget=forms.Textarea(_area))
    pagu = UangField(label=gettext_lazy("Pagu (Rp)"),
                     widget=forms.TextInput(_text | {"inputmode": "numeric", "autocomplete": "off"}))
    indikator = forms.TypedMultipleChoiceField(label=gettext_lazy("Mendukung indikator"), required=False,
                                               coerce=int, widget=forms.CheckboxSelectMultiple(_check))

    def __init__(self, *args, indikator_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indikator"].choices = list(indikator_choices)


class SubKegiatanForm(BidangMixin, AnggaranForm):
    target = AngkaField(label=gettext_lazy("Target keluaran"), satuan=True,
                        widget=forms.TextInput(_text | {"placeholder": gettext_lazy("mis. 12 laporan")}))


class AksiForm(EditorForm):
    nomor = forms.CharField(label=gettext_lazy("Nomor"), max_length=20, required=False,
                            widget=forms.TextInput(_text | {"size": 2}))
    uraian = forms.CharField(label=gettext_lazy("Aksi"), max_length=TEKS_MAKS, widget=forms.Textarea(_area))
    bulan = forms.TypedMultipleChoiceField(label=gettext_lazy("Jadwal"), choices=BULAN, coerce=int,
                                           required=False, widget=forms.CheckboxSelectMultiple(_check))
    keluaran = forms.CharField(label=gettext_lazy("Output / keluaran"), max_length=TEKS_MAKS, required=False,
                               widget=forms.Textarea(_area))
    target = AngkaField(label=gettext_lazy("Target"), satuan=True,
                        widget=forms.TextInput(_text | {"placeholder": gettext_lazy("mis. 8 laporan")}))
    pagu = UangField(label=gettext_lazy("Pagu (Rp)"),
                     widget=forms.TextInput(_text | {"inputmode": "numeric", "autocomplete": "off"}))
    penanggung_jawab = forms.CharField(label=gettext_lazy("Penanggung jawab (jabatan)"), max_length=255,
                                       required=False, widget=forms.TextInput(_text | {"list": "jabatan-pd"}))
    pejabat = forms.TypedChoiceField(label=gettext_lazy("Pejabat"), required=False, coerce=int, empty_value=None,
                                     widget=forms.Select(_select))

    def __init__(self, *args, pejabat_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pejabat"].choices = [("", "—"), *pejabat_choices]


def target_fields(angka: Angka | None) -> dict:
    """The three target columns of a sub kegiatan or aksi from what was typed ('8 laporan')."""
    if angka is None or angka.kosong:
        return {"target_nilai": None, "target_satuan": "", "target_teks": ""}
    return {"target_nilai": angka.nilai, "target_satuan": angka.satuan, "target_teks": " ".join(angka.teks.split())}


class PengesahanForm(EditorForm):
    """The title page (place, date, signatory) and the Perjanjian Kinerja's parties, place and date.

    Officials are chosen among the PD's (`pejabat_choices`); pihak kedua may instead be only a jabatan, for the head
    of the region who is not an official of the PD ("Wali Kota Samarinda")."""

    tempat = forms.CharField(label=gettext_lazy("Tempat penetapan"), max_length=100, required=False)
    tanggal = forms.DateField(label=gettext_lazy("Tanggal penetapan"), required=False,
                              widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    penandatangan = forms.TypedChoiceField(label=gettext_lazy("Penandatangan"), required=False, coerce=int,
                                           empty_value=None)
    pk_pihak_pertama = forms.TypedChoiceField(label=gettext_lazy("Pihak pertama"), required=False, coerce=int,
                                              empty_value=None)
    pk_pihak_kedua = forms.TypedChoiceField(label=gettext_lazy("Pihak kedua (pejabat perangkat daerah)"),
                                            required=False, coerce=int, empty_value=None)
    pk_pihak_kedua_jabatan = forms.CharField(label=gettext_lazy("Jabatan pihak kedua"), max_length=255,
                                             required=False)
    pk_tempat = forms.CharField(label=gettext_lazy("Tempat penandatanganan PK"), max_length=100, required=False)
    pk_tanggal = forms.DateField(label=gettext_lazy("Tanggal PK"), required=False,
                                 widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))

    def __init__(self, *args, pejabat_choices: list[tuple[int, str]], **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("penandatangan", "pk_pihak_pertama", "pk_pihak_kedua"):
            self.fields[name].choices = [("", "—"), *pejabat_choices]
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "form-select" if isinstance(field, forms.ChoiceField)
                                          else "form-control")

    def clean(self):
        data = super().clean()
        if data.get("pk_pihak_kedua") and data.get("pk_pihak_kedua") == data.get("pk_pihak_pertama"):
            self.add_error("pk_pihak_kedua", _("Pihak kedua tidak boleh pejabat yang sama dengan pihak pertama."))
        return data


class NarasiForm(forms.Form):
    """The narrative of the RA document (perencanaan/narasi.py): one text per part, the default when left empty."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for nama, (label, letak) in narasi.BAGIAN.items():
            field = forms.CharField(label=label, help_text=letak, required=False, max_length=NARASI_MAKS,
                                    strip=False, widget=forms.Textarea(attrs={"rows": 8, "class": "form-control"}))
            field.error_messages["max_length"] = pesan_terlalu_panjang(str(label), "%(limit_value)s",
                                                                       "%(show_value)s")
            self.fields[nama] = field
