"""Which part of the performance chain a document holds: a whole plan, or only its IKU, its Perjanjian Kinerja,
its Renja/DPA list of program / kegiatan / sub kegiatan with pagu …

Judged by what was read (not by file names): sasaran and indikator, their targets, the budget tree, pagu, aksi, PK.
The checker's findings about a part the document never held (a missing target in a document with no target at all,
a sub kegiatan without aksi in a budget list) are not findings on this document: `relevan` leaves them out and the
preview says so in one sentence."""

from __future__ import annotations

from django.utils.translation import gettext, gettext_noop

from renaksi.impor.dokumen import KegiatanDoc, ProgramDoc, RencanaAksiDoc, SubKegiatanDoc

PARTS = {
    "indikator": gettext_noop("sasaran dan indikator"),
    "target": gettext_noop("target indikator"),
    "program": gettext_noop("program / kegiatan / sub kegiatan"),
    "pagu": gettext_noop("pagu"),
    "aksi": gettext_noop("aksi dengan jadwal"),
    "pk": gettext_noop("Perjanjian Kinerja"),
}
# checker rules (renaksi.pemeriksaan) that speak about one part: not shown when the document does not hold it
RULES = {
    "target": ("target.",),
    "aksi": ("aksi.", "subkegiatan.without_aksi"),
    "pagu": ("pagu.",),
    "pk": ("pk.",),
}


def held(doc: RencanaAksiDoc) -> list[str]:
    indikator = [i for s in doc.sasaran for i in s.indikator]
    budget: list[ProgramDoc | KegiatanDoc | SubKegiatanDoc] = [*doc.program, *doc.all_kegiatan(),
                                                               *doc.all_sub_kegiatan()]
    found = {
        "indikator": bool(indikator),
        "target": any(i.target is not None or any(i.triwulan) for i in indikator)
        or any(item.target is not None for pk in doc.perjanjian_kinerja for item in pk.items),
        "program": bool(doc.program),
        "pagu": any(x.pagu is not None for x in budget),
        "aksi": any(True for _a in doc.all_aksi()),
        "pk": bool(doc.perjanjian_kinerja),
    }
    return [part for part in PARTS if found[part]]


def missing(doc: RencanaAksiDoc) -> list[str]:
    parts = held(doc)
    return [part for part in PARTS if part not in parts]


def kalimat(doc: RencanaAksiDoc) -> str:
    """One sentence for the preview when the document holds only part of the chain; "" for a whole plan."""
    parts, absent = held(doc), missing(doc)
    if not absent or absent == ["pk"]:
        return ""
    return gettext("Dokumen ini hanya memuat %(ada)s; %(tidak)s tidak ada di dokumen, sehingga pemeriksaan tentang "
                   "bagian itu tidak ditampilkan.") % {
        "ada": ", ".join(gettext(PARTS[p]) for p in parts),
        "tidak": ", ".join(gettext(PARTS[p]) for p in absent),
    }


def relevan(doc: RencanaAksiDoc, rule: str) -> bool:
    """Is a finding of `rule` about something the document holds?"""
    absent = missing(doc)
    return not any(rule.startswith(prefix) for part in absent for prefix in RULES.get(part, ()))
