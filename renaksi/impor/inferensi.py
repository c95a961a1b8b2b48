"""What a document does not say about an indikator, inferred and marked as inferred: polaritas and akumulasi.

- Polaritas is *negatif* (lower is better) when the yearly target is 0, or when the name counts something bad
  ("temuan", "angka kemiskinan", "penduduk miskin", "kasus", "kecelakaan", "stunting" …) — unless the name measures
  what is done about it, before the bad noun ("penanganan kasus", "penurunan angka kemiskinan", "tindak lanjut
  temuan") or after it ("titik rawan kecelakaan yang ditangani", "kasus tertangani", "temuan yang
  ditindaklanjuti"), which is positive; "belum" or "tidak" before that word ("temuan yang belum ditindaklanjuti")
  keeps it negative. Otherwise positive.
- Akumulasi is the type under which the quarterly targets agree with the yearly one (`core.akumulasi`).
A value the document (or the Renaksi template) states is kept; only empty ones are inferred. Each inference keeps
its reason in `alasan_inferensi`, and the import reports a summary and every non-default inference.
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

from django.utils.translation import gettext

from renaksi.core.akumulasi import Akumulasi, infer_akumulasi
from renaksi.impor.dokumen import IndikatorDoc, RencanaAksiDoc

NEGATIVE_WORDS = (
    "temuan", "angka kemiskinan", "kemiskinan", "miskin", "kasus", "pelanggaran", "pengangguran", "angka kematian",
    "kematian", "prevalensi", "kriminalitas", "kecelakaan", "tunggakan", "gangguan keamanan", "stunting",
    "gizi buruk", "putus sekolah", "kumuh",
)
# Words that make the indicator measure the response to a negative noun, not the bad thing itself: a noun of
# handling before it ("penanganan kasus"), a participle before or after it ("kasus yang ditangani"). Matched at
# the start of a word, so "tertanganinya" and "ditindaklanjutinya" count.
HANDLING_WORDS = (
    "penanganan", "ditangani", "tertangani", "penyelesaian", "diselesaikan", "terselesaikan", "tindak lanjut",
    "ditindaklanjuti", "tertindaklanjuti", "pencegahan", "dicegah", "penanggulangan", "ditanggulangi",
    "tertanggulangi", "pengentasan", "dientaskan", "terentaskan", "teratasi", "diatasi", "penurunan", "menurunnya",
    "berkurangnya", "pengurangan",
)
NOT_DONE = re.compile(r"\b(?:belum|tidak|tak)\s+(?:(?:dapat|bisa|berhasil)\s+)?$")


def polaritas_of(nama: str, tahunan: Decimal | None) -> tuple[str, str]:
    """(polaritas, reason) from an indikator's name and yearly target."""
    text = nama.casefold()
    if tahunan is not None and tahunan == 0:
        return "negatif", gettext("target tahunan 0: makin rendah makin baik")
    for word in NEGATIVE_WORDS:
        match = re.search(rf"\b{re.escape(word)}\b", text)
        if not match:
            continue
        found = [(m, h) for h in HANDLING_WORDS for m in re.finditer(rf"\b{re.escape(h)}", text)]
        handling = next((h for m, h in found if not NOT_DONE.search(text[: m.start()])), None)
        if handling:
            return "positif", gettext("nama memuat '%(kata)s' tetapi yang diukur adalah '%(ukur)s'-nya") % {
                "kata": word, "ukur": handling}
        return "negatif", gettext("nama memuat '%(kata)s': makin rendah makin baik") % {"kata": word}
    return "positif", gettext("bawaan: nama tidak memuat kata yang menandai polaritas negatif")


def _value(nilai) -> Decimal | None:
    return None if nilai is None else nilai.angka.nilai


def akumulasi_of(indikator: IndikatorDoc) -> tuple[str, str]:
    """The accumulation type under which the written targets agree (whole numbers compared exactly, see core)."""
    tahunan = _value(indikator.target)
    quarters = [_value(q) for q in indikator.triwulan]
    if all(q is None for q in quarters):
        return str(Akumulasi.KUMULATIF), gettext("tidak ada target triwulan; kumulatif dipakai sebagai bawaan")
    if tahunan is None:
        return str(Akumulasi.KUMULATIF), gettext("target tahunan tidak tertulis; kumulatif dipakai sebagai bawaan")
    return infer_akumulasi(tahunan, quarters)


def infer(doc: RencanaAksiDoc) -> None:
    """Fill polaritas, akumulasi and jenis_target of every indikator that does not state them."""
    counts: Counter[str] = Counter()
    inferred = 0
    for indikator in doc.all_indikator():
        reasons = []
        if not indikator.jenis_target:
            target = indikator.target.angka if indikator.target else None
            indikator.jenis_target = "kategori" if target is not None and target.kategori else "angka"
        if not indikator.polaritas:
            indikator.polaritas, why = polaritas_of(indikator.nama.teks, _value(indikator.target))
            indikator.polaritas_disimpulkan = True
            reasons.append(f"polaritas {indikator.polaritas}: {why}")
            if indikator.polaritas == "negatif" or "tetapi" in why:
                doc.decide(
                    "indikator.polaritas",
                    gettext("Indikator '%(nama_teks)s': polaritas disimpulkan %(polaritas)s (%(why)s).")
                    % {"nama_teks": indikator.nama.teks, "polaritas": indikator.polaritas, "why": why},
                    indikator.nama.place,
                )
        if not indikator.akumulasi:
            indikator.akumulasi, why = akumulasi_of(indikator)
            indikator.akumulasi_disimpulkan = True
            reasons.append(f"akumulasi {Akumulasi(indikator.akumulasi).label.lower()}: {why}")
            counts[indikator.akumulasi] += 1
            if why.startswith("tidak ada jenis"):
                doc.decide("indikator.akumulasi", gettext("Indikator '%(nama_teks)s': %(why)s.")
                                                  % {"nama_teks": indikator.nama.teks, "why": why},
                           indikator.nama.place)
        if reasons:
            inferred += 1
            indikator.alasan_inferensi = "; ".join(filter(None, [indikator.alasan_inferensi, *reasons]))
    if inferred:
        summary = ", ".join(f"{n} {Akumulasi(k).label.lower()}" for k, n in counts.most_common())
        doc.decide("indikator.inferensi", gettext("Polaritas dan jenis akumulasi %(inferred)s indikator "
                                                  "tidak tertulis di dokumen; disimpulkan dari nama dan "
                                                  "targetnya dan ditandai 'disimpulkan' (%(summary)s). "
                                                  "Alasannya tersimpan pada tiap indikator.")
                                          % {"inferred": inferred, "summary": summary})
