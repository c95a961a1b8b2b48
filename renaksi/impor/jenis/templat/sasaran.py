"""Template table Sasaran & Indikator: one row per indikator with its sasaran; a repeated Ref sasaran adds an
indikator to the sasaran above; Ref induk hangs a sasaran under another (a parent placed after its child is moved
before it, a circle stops the import). Targets as written, polaritas and akumulasi as chosen ("(disimpulkan)" keeps
the mark that Renaksi inferred them)."""

from __future__ import annotations

from django.utils.translation import gettext

from renaksi.impor.dokumen import IndikatorDoc, SasaranDoc
from renaksi.impor.grid import ImporGagal
from renaksi.perencanaan.templat import (
    AKUMULASI,
    JENIS_TARGET,
    POLARITAS,
    SASARAN,
    TARGET_TITLES,
    TERTULIS_SEP,
    TINGKAT_SASARAN,
)

from .sel import Baris, Templat

_INDIKATOR_TITLES = ("Ref indikator", "Indikator", "Satuan", *TARGET_TITLES)  # any of them filled: an indikator


def baca(t: Templat) -> tuple[dict[str, SasaranDoc], dict[str, IndikatorDoc]]:
    """The sasaran with their indikator; returns them by Ref sasaran and Ref indikator, for the other tables."""
    by_ref: dict[str, SasaranDoc] = {}
    parent_ref: dict[int, tuple[str, Baris]] = {}
    indikator_by_ref: dict[str, IndikatorDoc] = {}
    ordered: list[SasaranDoc] = []
    current: SasaranDoc | None = None
    for line in t.lines["sasaran"]:
        ref = t.text(line, "Ref sasaran")
        uraian = t.teks(line, "Sasaran")
        if ref and ref in by_ref:
            current = by_ref[ref]
            if t.text(line, "Nomor") == current.nomor:
                t.disimpan(line, "Nomor")  # the sasaran's number repeated on its next indikator's row
        elif ref or uraian:
            level, _ = t.choice(line, "Tingkat", TINGKAT_SASARAN, "strategis")
            current = SasaranDoc(uraian=uraian, level=level, nomor=t.disimpan(line, "Nomor"),
                                 bidang=t.text(line, "Bidang sasaran"))
            ordered.append(current)
            by_ref[ref or f"#{len(ordered)}"] = current
            if t.text(line, "Ref induk"):
                parent_ref[id(current)] = (t.text(line, "Ref induk"), line)
        elif current is None:
            raise t.fail(line, "Ref sasaran", gettext("baris indikator tanpa sasaran: isi Ref "
                                                      "sasaran."))
        if not any(t.text(line, c) for c in _INDIKATOR_TITLES):
            continue
        ind = _indikator(t, line)
        current.indikator.append(ind)
        ref_ind = t.text(line, "Ref indikator")
        if ref_ind:
            if ref_ind in indikator_by_ref:
                raise t.fail(line, "Ref indikator", gettext("Ref indikator '%(ref_ind)s' dipakai dua "
                                                            "kali.") % {"ref_ind": ref_ind})
            indikator_by_ref[ref_ind] = ind
    for sasaran in ordered:
        if id(sasaran) in parent_ref:
            ref, line = parent_ref[id(sasaran)]
            if ref not in by_ref:
                raise t.fail(line, "Ref induk", gettext("sasaran induk '%(ref)s' tidak ada di tabel "
                                                        "%(SASARAN_nama)s.")
                                                % {"ref": ref, "SASARAN_nama": SASARAN.nama})
            if by_ref[ref] is sasaran:
                raise t.fail(line, "Ref induk", gettext("sasaran tidak dapat menjadi induk dirinya "
                                                        "sendiri."))
            sasaran.parent = by_ref[ref]
    t.doc.sasaran = _parents_first(t, ordered)
    return by_ref, indikator_by_ref


def _parents_first(t: Templat, ordered: list[SasaranDoc]) -> list[SasaranDoc]:
    """Keep the table's order, moving a sasaran after its parent only when the table puts it before."""
    result: list[SasaranDoc] = []
    placed: set[int] = set()

    def place(s: SasaranDoc, trail: tuple[int, ...] = ()) -> None:
        if id(s) in placed:
            return
        if id(s) in trail:
            raise ImporGagal(gettext("sasaran induk melingkar pada '%(uraian_teks)s'.")
                             % {"uraian_teks": s.uraian.teks}, s.uraian.place)
        if s.parent is not None and id(s.parent) not in placed:
            place(s.parent, (*trail, id(s)))
        placed.add(id(s))
        result.append(s)

    for s in ordered:
        place(s)
    if [id(s) for s in result] != [id(s) for s in ordered]:
        t.doc.decide("templat.urutan_sasaran", gettext("sasaran induk dipindah ke atas sasaran "
                                                       "anaknya."))
    return result


def _indikator(t: Templat, line: Baris) -> IndikatorDoc:
    nama = t.teks(line, "Indikator")
    if not nama:
        raise t.fail(line, "Indikator", gettext("nama indikator kosong."))
    tertulis = None
    if t.text(line, "Tertulis di dokumen asal"):
        parts = [p.strip() for p in t.text(line, "Tertulis di dokumen asal").split(TERTULIS_SEP.strip())]
        tertulis = parts if len(parts) == len(TARGET_TITLES) else None
        if tertulis is None:
            t.doc.warn(
                "templat.tertulis",
                gettext("kolom 'Tertulis di dokumen asal' tidak berisi 5 bagian; diabaikan."),
                t.place(line, "Tertulis di dokumen asal"),
            )
    values = [t.target(line, c, tertulis[i] if tertulis else None) if c in line.cols else None
              for i, c in enumerate(TARGET_TITLES)]
    polaritas, polaritas_disimpulkan = t.choice(line, "Polaritas", POLARITAS)
    akumulasi, akumulasi_disimpulkan = t.choice(line, "Akumulasi", AKUMULASI)
    jenis_target, _ = t.choice(line, "Jenis target", JENIS_TARGET)
    catatan = t.teks(line, "Catatan")
    return IndikatorDoc(
        nama=nama, satuan=t.opt_teks(line, "Satuan"), formulasi=t.opt_teks(line, "Formulasi"),
        target=values[0], triwulan=values[1:], is_iku=t.ya(line, "IKU"),
        penanggung_jawab=t.opt_teks(line, "Penanggung jawab"), bidang=t.text(line, "Bidang"),
        keterangan=[catatan] if catatan else [],
        polaritas=polaritas, polaritas_disimpulkan=polaritas_disimpulkan,
        akumulasi=akumulasi, akumulasi_disimpulkan=akumulasi_disimpulkan,
        alasan_inferensi=t.text(line, "Alasan inferensi"), jenis_target=jenis_target,
        sumber_data=t.text(line, "Sumber data"),
    )
