"""Finding a Pemda from what a user typed (`renaksi import --pemda`, `renaksi bundel --pemda`): one answer for every
command, so that "Kabupaten Bangka", "Kab. Bangka", "bangka" and the Pemda's id all mean the same Pemda."""

from __future__ import annotations

from django.utils.translation import gettext as _

from .models import Pemda

JENIS = {"kabupaten": Pemda.Jenis.KABUPATEN, "kab": Pemda.Jenis.KABUPATEN, "kab.": Pemda.Jenis.KABUPATEN,
         "kota": Pemda.Jenis.KOTA, "provinsi": Pemda.Jenis.PROVINSI, "prov": Pemda.Jenis.PROVINSI,
         "prov.": Pemda.Jenis.PROVINSI}


class PemdaTidakDitemukan(LookupError):
    """No Pemda, or more than one, answers to the name; `str()` says so in Indonesian and lists the known ones.
    `jenis` and `nama` are the name as read ("Kabupaten Bangka" → "kabupaten", "Bangka"; `jenis` "" when the name
    did not give one), for a caller that may create the Pemda."""

    def __init__(self, teks: str, jenis: str, nama: str, cocok: list[Pemda]):
        self.jenis, self.nama = jenis, nama
        if cocok:
            pesan = _("Nama '%(teks)s' cocok dengan lebih dari satu Pemda: %(daftar)s. Tulis lengkap dengan "
                      "jenisnya, misalnya '%(contoh)s'.") % {
                "teks": teks, "daftar": ", ".join(map(str, cocok)), "contoh": cocok[0]}
        else:
            semua = ", ".join(map(str, Pemda.objects.order_by("nama", "jenis")))
            pesan = _("Pemda '%(teks)s' tidak ditemukan. Pemda yang ada: %(daftar)s.") % {
                "teks": teks, "daftar": semua or _("belum ada")}
        super().__init__(pesan)


def pemda_baca_nama(teks: str) -> tuple[str, str]:
    """"Kota Samarinda" → ("kota", "Samarinda"); "Kab. Bangka" → ("kabupaten", "Bangka"); "Samarinda" → ("",
    "Samarinda")."""
    first, _sep, rest = teks.strip().partition(" ")
    jenis = JENIS.get(first.casefold())
    return (str(jenis), rest.strip()) if jenis and rest.strip() else ("", teks.strip())


def pemda_cari(*, teks: str) -> Pemda:
    """The one Pemda `teks` names: its id, its name with its jenis ("Kabupaten Bangka", "Kab. Bangka", "kota
    samarinda"), or its name alone when only one Pemda has it. Raises `PemdaTidakDitemukan` otherwise."""
    teks = teks.strip()
    jenis, nama = pemda_baca_nama(teks)
    if teks.isdigit():
        cocok = list(Pemda.objects.filter(pk=int(teks)))
    else:
        cari = Pemda.objects.filter(nama__iexact=nama)
        cocok = list(cari.filter(jenis=jenis) if jenis else cari)
    if len(cocok) == 1:
        return cocok[0]
    raise PemdaTidakDitemukan(teks, jenis, nama, cocok)
