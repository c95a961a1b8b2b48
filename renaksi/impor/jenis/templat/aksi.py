"""Template table Aksi: one row per aksi under the sub kegiatan its Ref sub kegiatan names (the Ref anggaran, or the
sub kegiatan's name); months marked in any way but "-", "0", "tidak" … are the months of the aksi."""

from __future__ import annotations

from django.utils.translation import gettext

from renaksi.core.bulan import BULAN_SINGKAT
from renaksi.impor.dokumen import AksiDoc, PejabatDoc, SubKegiatanDoc
from renaksi.perencanaan.templat import ANGGARAN

from . import pejabat as pejabat_
from .sel import Templat, norm

_NOT_SCHEDULED = {"", "-", "0", "tidak", "t", "n", "no"}


def baca(t: Templat, subs: dict[str, SubKegiatanDoc], pejabat: dict[str, PejabatDoc]) -> None:
    by_name = {norm(s.nama.teks): s for s in subs.values()}
    for line in t.lines["aksi"]:
        ref = t.text(line, "Ref sub kegiatan")
        sub = subs.get(ref) or by_name.get(norm(ref))
        if sub is None:
            raise t.fail(line, "Ref sub kegiatan",
                         gettext("sub kegiatan '%(ref)s' tidak ada di tabel %(tabel)s.")
                         % {"ref": ref, "tabel": ANGGARAN.nama} if ref
                         else gettext("Ref sub kegiatan kosong."))
        uraian = t.teks(line, "Uraian aksi")
        if not uraian:
            raise t.fail(line, "Uraian aksi", gettext("uraian aksi kosong."))
        sub.aksi.append(AksiDoc(
            uraian=uraian, nomor=t.disimpan(line, "Nomor"), keluaran=t.opt_teks(line, "Output/keluaran"),
            bulan=[i for i, m in enumerate(BULAN_SINGKAT, start=1) if norm(t.text(line, m)) not in _NOT_SCHEDULED],
            target=t.output_target(line, "Target", "Satuan target", "Target tertulis"),
            pagu=t.uang(line, "Pagu (Rp)"), penanggung_jawab=t.opt_teks(line, "Penanggung jawab"),
            pejabat=pejabat_.rujukan(t, line, "Pejabat PJ", pejabat),
            catatan=t.text(line, "Catatan"),
        ))
