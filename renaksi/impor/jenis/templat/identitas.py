"""Template table Identitas: one item per row (Isian | Nilai): Pemda, Perangkat Daerah, tahun, judul, tempat and
date of signing, penandatangan (a ref to the Pejabat table). An unknown Isian is reported and skipped; a template
version other than Renaksi's is reported."""

from __future__ import annotations

import re

from django.utils.translation import gettext

from renaksi.impor.dokumen import PejabatDoc
from renaksi.perencanaan.templat import IDENTITAS_KEYS, JENIS_PEMDA, TEMPLATE_VERSION

from . import pejabat as pejabat_
from .sel import Templat, norm


def baca(t: Templat, pejabat: dict[str, PejabatDoc]) -> None:
    doc = t.doc
    keys = {norm(k.judul): k for k in IDENTITAS_KEYS}
    for line in t.lines["identitas"]:
        key = keys.get(norm(t.text(line, "Isian")))
        if key is None:
            doc.warn("templat.isian", gettext("isian '%(isian)s' tidak dikenal; "
                                              "diabaikan.")
                                      % {"isian": t.text(line, 'Isian')},
                     t.place(line, "Isian"))
            continue
        raw = t.text(line, "Nilai")
        value = t.teks(line, "Nilai")
        match key.judul:
            case "Templat":
                if raw and raw != TEMPLATE_VERSION:
                    doc.warn(
                        "templat.versi",
                        gettext("versi templat '%(raw)s'; Renaksi memakai '%(TEMPLATE_VERSION)s'.")
                        % {"raw": raw, "TEMPLATE_VERSION": TEMPLATE_VERSION},
                        value.place,
                    )
            case "Jenis Pemda":
                doc.pemda_jenis, _ = t.choice(line, "Nilai", JENIS_PEMDA)
            case "Nama Pemda":
                doc.pemda_nama = raw
            case "Perangkat Daerah":
                doc.perangkat_daerah = value if raw else None
            case "Tahun":
                if raw:
                    match_tahun = re.fullmatch(r"(\d{4})(?:\.0+)?", raw)
                    if not match_tahun or not 2000 <= int(match_tahun[1]) <= 2100:
                        raise t.fail(line, "Nilai", gettext("tahun '%(raw)s' tidak sah (2000–2100).")
                                                    % {"raw": raw})
                    doc.tahun = int(match_tahun[1])
            case "Judul":
                doc.judul = value if raw else None
                doc.judul_tetap = bool(raw)
            case "Tempat penetapan":
                doc.tempat = raw
            case "Tanggal penetapan":
                doc.tanggal = t.tanggal(line, "Nilai")
            case "Penandatangan":
                doc.penandatangan = pejabat_.rujukan(t, line, "Nilai", pejabat)
