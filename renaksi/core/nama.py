"""Names of plan rows compared as a person reads them: the same sub kegiatan written "Sub Kegiatan : 1. Pelaksanaan
Koordinasi …" in one table and "Kegiatan Pelaksanaan Koordinasi …" in another has one `nama_key`. The importer
matches a document's rows by it, and the diff between a plan and a re-imported document (perencanaan.diff) too."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_LABEL = re.compile(r"^\s*(?:sub\s*kegiatan|kegiatan|program)\s*[:;.]\s*", re.I)
_LABEL_WORD = re.compile(r"^\s*(?:sub\s*kegiatan|kegiatan)\s+", re.I)
_NUMBERING = re.compile(r"^\s*(?:\d+(?:\.\d+)*|[a-z])[.)]\s+", re.I)
_PUNCT = re.compile(r"[^\w\s]")


def bersih(text: str | None) -> str:
    """A cell as a person reads it: no markdown bold, no non-breaking or repeated spaces, no outer space."""
    text = (text or "").replace("\u00a0", " ").replace("**", "")
    return _SPACES.sub(" ", text).strip()


def strip_label(text: str) -> str:
    """Remove a leading "Kegiatan :", "Sub Kegiatan :", "1." (repeatedly), keep the name."""
    previous = None
    text = bersih(text)
    while previous != text:
        previous = text
        text = _LABEL.sub("", text)
        text = _NUMBERING.sub("", text)
    return text.strip(" .;:")


def nama_key(text: str) -> str:
    """The key under which two spellings of one name are the same: no labels, numbering, punctuation, case."""
    text = strip_label(text)
    text = _LABEL_WORD.sub("", text)  # "Kegiatan Pelaksanaan …" as one table writes a sub kegiatan
    text = re.sub(r"^\s*program\s+", "", text, flags=re.I)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _PUNCT.sub(" ", text.casefold())
    return _SPACES.sub(" ", text).strip()
