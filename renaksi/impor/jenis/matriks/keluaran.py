"""An output section (no budget column filled): its indikator are the outputs of the sub kegiatan of the section
before, paired in order when the counts agree, else each with the sub kegiatan whose name is most like its sasaran."""

from __future__ import annotations

from collections.abc import Callable

from django.utils.translation import gettext

from renaksi.impor.teks import kemiripan

from .bagian import Bagian, Butir, Matriks


def pasangkan(m: Matriks, section: Bagian, subs: list[Butir]) -> None:
    indikator = [(s, i) for s in section.sasaran for i in s.indikator]
    if not indikator or not subs:
        return
    if len(indikator) == len(subs):
        pairs = list(zip(indikator, subs, strict=True))
        how = "berurutan, karena jumlah barisnya sama"
    else:
        pairs = []
        for s, i in indikator:
            sub, _score = m.rakit.paling_mirip(subs, _mirip(s.uraian.teks))
            assert sub is not None
            pairs.append(((s, i), sub))
        how = f"menurut kemiripan nama ({len(indikator)} indikator, {len(subs)} sub kegiatan)"
    for (sasaran, ind), sub in pairs:
        assert sub.doc is not None
        sub.doc.indikator.append(ind)
        if sasaran.parent is None:
            sasaran.parent = sub.sasaran
    m.doc.decide(
        "tautan.keluaran",
        gettext("Bagian %(letter)s tidak memuat kolom anggaran: %(n_indikator)s indikatornya dibaca "
                "sebagai indikator keluaran sub kegiatan bagian sebelumnya dan dipasangkan %(how)s.")
        % {"letter": section.letter, "n_indikator": len(indikator), "how": how},
        indikator[0][1].nama.place,
    )


def _mirip(teks: str) -> Callable[[Butir], float]:
    """How like `teks` a sub kegiatan's name is."""
    return lambda sub: kemiripan(teks, sub.nama.teks)
