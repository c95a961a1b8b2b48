"""Text helpers the layouts share: clean a cell, compare names that vary in case and spelling, title-case a name.

Documents write the same sub kegiatan as "Sub Kegiatan : 1. Pelaksanaan Koordinasi … Bhineka …" in one table and
"Kegiatan Pelaksanaan Koordinasi … Bineka …" in another. `nama_key` removes what is not part of the name (labels,
numbering, punctuation, case); `kemiripan` compares two keys (difflib ratio, 0–1).
"""

from __future__ import annotations

import difflib
import re

from renaksi.core.nama import _LABEL, _LABEL_WORD, _SPACES, bersih, nama_key, strip_label  # noqa: F401 (re-exported)

_ROW_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,3})*\.?$")
# A Kepmendagri code at the start of a name: x.xx.xx program, x.xx.xx.x.xx kegiatan, x.xx.xx.x.xx.xxxx sub kegiatan
# (urusan and bidang "1", "1.02" as headings); "2.1" is a row number, not a code.
KODE = re.compile(r"^(?P<kode>\d+(?:\.[\dA-Za-z]+)+)\.?(?:\s+(?P<nama>.*))?$", re.S)

SMALL_WORDS = {"dan", "di", "ke", "dari", "serta", "atau", "yang", "untuk", "pada", "bagi", "dengan", "oleh"}
KEEP_UPPER = {"ASN", "SKPD", "OPD", "BMD", "IKU", "PK", "RA", "TW", "DPRD", "UPT", "UPTD", "SAKIP", "LKJIP", "II",
              "III", "IV", "KB", "PNS"}


def is_row_number(text: str) -> bool:
    """"1", "6.1", "2." — the NO column of a table; "5. Pengangkatan …" is not."""
    return bool(_ROW_NUMBER.match(text.strip()))


def nama_anggaran(text: str, level: str) -> str:
    """A kegiatan or sub kegiatan name without its label ("Kegiatan Perumusan …" → "Perumusan …"); a program
    keeps the word "Program", which is part of its name in the nomenclature. A leading code is not part of the name
    (`pisah_kode`). After a label with a colon ("Kegiatan : Kegiatan Penyediaan …", as the RA document prints it)
    the name is kept whole: the label was the colon's."""
    labelled = bool(_LABEL.match(bersih(text)))
    text = pisah_kode(strip_label(text))[1]
    if level in ("kegiatan", "sub_kegiatan") and not labelled:
        text = _LABEL_WORD.sub("", text).strip()
    return text


def pisah_kode(text: str) -> tuple[str, str]:
    """"1.02.01 Program Penunjang …" → ("1.02.01", "Program Penunjang …"): a Kepmendagri code of three parts or
    more glued to the start of a name (the RA document prints a program, kegiatan or sub kegiatan so); a name
    without one → ("", name)."""
    text = bersih(text)
    match = KODE.match(text)
    if match is None or match["nama"] is None or len(match["kode"].split(".")) < 3:
        return "", text
    return match["kode"], bersih(match["nama"])


_IKU = re.compile(r"\s*\(\s*IKU\s*\)$", re.IGNORECASE)


def pisah_iku(text: str) -> tuple[str, bool]:
    """"Indeks kepuasan masyarakat (IKU)" → ("Indeks kepuasan masyarakat", True): the marker an LKjIP (Renaksi's
    own, `renaksi.laporan.lkjip`) writes after an IKU's name is not part of the name; a name without it → (name,
    False)."""
    text = bersih(text)
    match = _IKU.search(text)
    return (text[: match.start()], True) if match and match.start() else (text, False)


def kemiripan(a: str, b: str) -> float:
    """Similarity of two names (0–1) after `nama_key`."""
    ka, kb = nama_key(a), nama_key(b)
    if not ka or not kb:
        return 0.0
    if ka == kb:
        return 1.0
    return difflib.SequenceMatcher(None, ka, kb, autojunk=False).ratio()


def tokens(text: str) -> set[str]:
    return {t for t in nama_key(text).split() if len(t) > 2 and t not in SMALL_WORDS}


def judul_kapital(text: str) -> str:
    """"BADAN KESATUAN BANGSA DAN POLITIK" → "Badan Kesatuan Bangsa dan Politik" (names, not sentences)."""
    words = bersih(text).split(" ")
    out = []
    for i, word in enumerate(words):
        bare = word.strip(",.;:()")
        if bare.upper() in KEEP_UPPER:
            out.append(word.upper())
        elif i > 0 and bare.lower() in SMALL_WORDS:
            out.append(word.lower())
        else:
            out.append("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")))
    return " ".join(out)


def sentence_starts_new(text: str) -> bool:
    """Does a sasaran cell start a statement ("Meningkatnya …", "Terwujudnya …"), not continue one?"""
    first = bersih(text).split(" ", 1)[0] if bersih(text) else ""
    return bool(first) and first[:1].isupper() and first.lower().endswith("nya")
