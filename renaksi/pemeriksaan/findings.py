"""What a checker rule reports: a `Finding` with its rule id, severity, message, location and values.

Values are the numbers involved, as numbers (`int` rupiah, `Decimal` targets); they are serialised to JSON as numbers
at the edge (`jsonable`). Two fingerprints make a finding recognisable across runs:
- `fingerprint`: rule + the plan object's `kunci` (its identity across versions of the plan) + the rule's key — *where*
  it is; stable while the plan is edited, and the same in a perubahan (a copy of the plan keeps every row's kunci),
  so an acknowledgement follows into the new version. `legacy_fingerprint` is the form used before rows had a kunci
  (the object's database id), still recognised for acknowledgements written then;
- `values_fingerprint`: the values — *what* it says; an acknowledgement holds only while these stay the same.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from django.utils.translation import gettext_lazy as _

# Plan objects the editor can link to, by the anchor it gives each row (`subkegiatan-12`).
ANCHORED_TYPES = ("sasaran", "indikator", "program", "kegiatan", "subkegiatan", "aksi")



def row_label(noun: str, name: str, code: str = "") -> str:
    """How a finding names a plan row, wherever it is shown: the noun once, its code or number, then its name
    ("Indikator Persentase partisipasi pemilih", "Kegiatan 8.01.03.2.01 Perumusan …"). Documents often write the noun
    into the name ("Indikator Kinerja Utama …", "Kegiatan Perumusan …"): then the name stands alone and the code
    follows it in brackets, so the noun is never said twice."""
    if (name.casefold() + " ").startswith(noun.casefold() + " "):
        return f"{name} ({code.rstrip('.')})" if code else name
    return " ".join(p for p in (noun, code, name) if p)


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def label(self) -> str:
        return str({"error": _("Kesalahan"), "warning": _("Peringatan"), "info": _("Catatan")}[self.value])

    @property
    def rank(self) -> int:
        return ("error", "warning", "info").index(self.value)


@dataclass(frozen=True)
class Source:
    """A place in a source document (from `Provenance`): file, table, line, column, and the text written there."""

    dokumen: str
    tabel: str = ""
    baris: int | None = None
    kolom: str = ""
    teks: str = ""
    field: str = ""

    def describe(self) -> str:
        parts = [self.dokumen, self.tabel, f"baris {self.baris}" if self.baris else "",
                 f"kolom {self.kolom}" if self.kolom else ""]
        return ", ".join(p for p in parts if p)

    def to_json(self) -> dict[str, Any]:
        return {"dokumen": self.dokumen, "tabel": self.tabel, "baris": self.baris, "kolom": self.kolom,
                "teks": self.teks, "field": self.field}


@dataclass(frozen=True)
class Location:
    """A plan object (type as the model name in lower case, id, its label for people: `row_label`) and where it
    came from."""

    object_type: str
    object_id: int
    label: str
    bidang_id: int | None = None
    sources: tuple[Source, ...] = ()
    kunci: str = ""  # the object's identity across versions of the plan; "" for the plan itself

    @property
    def anchor(self) -> str:
        return f"{self.object_type}-{self.object_id}" if self.object_type in ANCHORED_TYPES else ""

    def source_lines(self) -> list[str]:
        """The sources for people: one line per file/table/line, its columns together ("kolom 5, 6, 7")."""
        groups: dict[tuple, list[Source]] = {}
        for source in self.sources:
            groups.setdefault((source.dokumen, source.tabel, source.baris), []).append(source)
        lines = []
        for (dokumen, tabel, baris), members in groups.items():
            parts = [dokumen, tabel, f"baris {baris}" if baris else ""]
            columns = [m.kolom for m in members if m.kolom]
            if columns:
                parts.append("kolom " + ", ".join(c.removeprefix("kolom ") for c in columns))
            line = ", ".join(p for p in parts if p)
            if len(members) == 1 and members[0].teks:
                text = " ".join(members[0].teks.split())
                line += f": “{text[:60]}{'…' if len(text) > 60 else ''}”"
            lines.append(line)
        return lines

    def to_json(self) -> dict[str, Any]:
        return {"type": self.object_type, "id": self.object_id, "label": self.label, "anchor": self.anchor,
                "sources": [s.to_json() for s in self.sources]}


@dataclass(frozen=True)
class Acknowledgement:
    """A person's note that a finding is known and accepted ("sesuai DPA")."""

    catatan: str
    oleh: str
    waktu: datetime
    user_id: int | None = None


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    message: str
    location: Location
    values: dict[str, Any] = field(default_factory=dict)
    key: str = ""
    acknowledgement: Acknowledgement | None = None
    # Acknowledged once, but the values have changed since: shown as open again, with that remark.
    acknowledgement_outdated: Acknowledgement | None = None
    # The rule's key without database ids, when `key` holds one (`t{target id}` → `t{triwulan}`); None: `key` is.
    stable_key: str | None = None

    @property
    def acknowledged(self) -> bool:
        return self.acknowledgement is not None

    @property
    def fingerprint(self) -> str:
        where = f"k{self.location.kunci}" if self.location.kunci else str(self.location.object_id)
        key = self.key if self.stable_key is None else self.stable_key
        raw = f"{self.rule}|{self.location.object_type}|{where}|{key}"
        return hashlib.sha256(raw.encode()).hexdigest()[:32]

    @property
    def legacy_fingerprint(self) -> str:
        """The fingerprint by database id, as acknowledgements written before rows had a kunci store it."""
        raw = f"{self.rule}|{self.location.object_type}|{self.location.object_id}|{self.key}"
        return hashlib.sha256(raw.encode()).hexdigest()[:32]

    @property
    def values_fingerprint(self) -> str:
        raw = json.dumps(jsonable(self.values), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(raw.encode()).hexdigest()[:32]

    def to_json(self) -> dict[str, Any]:
        ack = self.acknowledgement
        return {
            "rule": self.rule,
            "severity": str(self.severity),
            "message": self.message,
            "location": self.location.to_json(),
            "values": jsonable(self.values),
            "fingerprint": self.fingerprint,
            "acknowledged": ack is not None,
            "acknowledgement": None if ack is None else {
                "catatan": ack.catatan, "oleh": ack.oleh, "waktu": ack.waktu.isoformat()},
        }


def jsonable(value: Any) -> Any:
    """Decimals become JSON numbers (int when integral), containers are converted recursively."""
    if isinstance(value, bool) or value is None or isinstance(value, int | str):
        return value
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, float):
        return value
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = [jsonable(v) for v in value]
        return sorted(items, key=str) if isinstance(value, set | frozenset) else items
    return str(value)
