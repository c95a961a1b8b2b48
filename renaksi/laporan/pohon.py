"""Pohon kinerja: the cascade sasaran strategis → program → kegiatan → sub kegiatan, derived from the plan and drawn
as SVG (on screen, in the PDF on A3 landscape; XLSX and DOCX get the same tree as an indented table).

Three steps, each a function the tests call:
1. `pohon(data)` builds the tree from `plan_data` (the one plan reader). The roots are the sasaran without a parent
   (the sasaran strategis). A lower sasaran (program, kegiatan, sub kegiatan level) is shown *in* the box of the
   budget row of its level that it is linked to through its indicators: the row linked to one of its indicators
   directly (the classic cascade: the indikator program is the program's), else the parent of a row one level down
   linked to one (the Bangka layout funds a sasaran program with kegiatan). A program hangs under the root of the
   sasaran its indicators (or its attached sasaran, or its kegiatan's) belong to; kegiatan and sub kegiatan hang
   under their own program and kegiatan, so every sub kegiatan is a leaf under its kegiatan. Sasaran that no budget
   row carries are boxes of their own under their parent's box; programs tied to no sasaran gather under a
   "Tanpa sasaran" root. Aksi are not drawn (the tree stops at sub kegiatan).
2. `tata_letak(roots)` lays it out as a tidy tree: leaves side by side, each parent centred over its children,
   every subtree in its own horizontal band (so no two boxes overlap), boxes as tall as their wrapped text.
3. `svg(layout, …)` writes the drawing: presentation attributes only (no style attributes: the page's CSP), every
   text escaped.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

from django.utils.text import slugify
from django.utils.translation import gettext as _

from renaksi.core.angka import format_rupiah
from renaksi.perencanaan.models import Indikator, RencanaAksi, Sasaran, Target
from renaksi.perencanaan.selectors import PlanData, plan_data, target_label

from . import blok

# --- 1. the tree --------------------------------------------------------------------------------------------------

BAWAH = {"program": "kegiatan", "kegiatan": "sub_kegiatan"}  # the budget level below
TINGKAT_ANGGARAN = {Sasaran.Level.PROGRAM: "program", Sasaran.Level.KEGIATAN: "kegiatan",
                    Sasaran.Level.SUB_KEGIATAN: "sub_kegiatan"}


@dataclass
class IndikatorPohon:
    nama: str
    target: str  # as people write it, with its unit: "29,17 %", "B (67,34)", "60 Orang"


@dataclass
class Simpul:
    """One box: a sasaran (root or not carried by a budget row) or a program / kegiatan / sub kegiatan with the
    sasaran it carries, the indicators shown in it (those not already shown by a box above) and its pagu."""

    jenis: str  # "sasaran" | "program" | "kegiatan" | "sub_kegiatan" | "tanpa_sasaran"
    label: str  # "SASARAN STRATEGIS", "PROGRAM", …
    judul: str
    kunci: str  # "sasaran-3", "program-6": unique in the tree, the SVG group's id
    pagu: int | None = None
    sasaran: list[str] = field(default_factory=list)  # the sasaran a budget row carries
    indikator: list[IndikatorPohon] = field(default_factory=list)
    anak: list[Simpul] = field(default_factory=list)

    def semua(self, depth: int = 0):
        """This box and every box under it, depth first, with its depth."""
        yield self, depth
        for child in self.anak:
            yield from child.semua(depth + 1)


def _target_teks(target: Target | None, indikator: Indikator) -> str:
    """The yearly target as the plan wrote it ("29,17%", "B (67,34)"), with the unit when it is not in the text."""
    label = (target.teks.strip() if target is not None else "") or target_label(target)
    if not label:
        return "—"
    satuan = indikator.satuan.strip()
    if target is not None and target.kategori or not satuan or label.endswith("%"):
        return label
    if label.lower().endswith(satuan.lower()):  # "12 dokumen" with satuan "dokumen": the unit is written already
        return label
    return f"{label}%" if satuan.lower() in ("persen", "%") else f"{label} {satuan}"


def pohon(data: PlanData) -> list[Simpul]:
    """The roots of the plan's pohon kinerja (see the module docstring)."""
    ind_by_id = data.indikator_by_id
    sasaran_by_id = data.sasaran_by_id
    by_kind = {"program": data.program_by_id, "kegiatan": data.kegiatan_by_id,
               "sub_kegiatan": data.sub_kegiatan_by_id}

    def parent_row(kind: str, row) -> tuple[str, int] | None:
        if kind == "kegiatan":
            return ("program", row.program_id)
        if kind == "sub_kegiatan":
            return ("kegiatan", row.kegiatan_id)
        return None

    # indikator id → the budget rows of each kind linked to it, in the order of the plan.
    owners: dict[str, dict[int, list[int]]] = {kind: {} for kind in by_kind}
    for kind, rows in by_kind.items():
        for row_id in rows:
            for ind_id in data.indikator_ids_of(kind, row_id):
                owners[kind].setdefault(ind_id, []).append(row_id)

    def root_of(sasaran_id: int | None) -> int | None:
        seen: set[int] = set()
        while sasaran_id is not None and sasaran_id in sasaran_by_id and sasaran_id not in seen:
            seen.add(sasaran_id)
            parent = sasaran_by_id[sasaran_id].parent_id
            if parent is None or parent not in sasaran_by_id:
                return sasaran_id
            sasaran_id = parent
        return None

    # Which budget row carries each lower sasaran.
    carried: dict[tuple[str, int], list[Sasaran]] = {}
    carrier: dict[int, tuple[str, int]] = {}
    roots = data.sasaran_roots()
    root_ids = {s.pk for s in roots}
    for s in data.sasaran:
        kind = TINGKAT_ANGGARAN.get(s.level)
        if s.pk in root_ids or kind is None:
            continue
        ind_ids = [i.pk for i in data.indikator_of(s.pk)]
        found: tuple[str, int] | None = None
        for ind_id in ind_ids:
            if owners[kind].get(ind_id):
                found = (kind, owners[kind][ind_id][0])
                break
        if found is None and kind in BAWAH:
            below = BAWAH[kind]
            for ind_id in ind_ids:
                if owners[below].get(ind_id):
                    found = parent_row(below, by_kind[below][owners[below][ind_id][0]])
                    break
        if found is not None and found[1] in by_kind[found[0]]:
            carried.setdefault(found, []).append(s)
            carrier[s.pk] = found

    def program_root(program) -> int | None:
        """The root sasaran a program serves: through its indicators, its sasaran, its kegiatan's indicators."""
        candidates = [ind_by_id[i].sasaran_id for i in data.indikator_ids_of("program", program.pk) if i in ind_by_id]
        candidates += [s.pk for s in carried.get(("program", program.pk), [])]
        for k in data.kegiatan_of(program.pk):
            candidates += [ind_by_id[i].sasaran_id for i in data.indikator_ids_of("kegiatan", k.pk) if i in ind_by_id]
            candidates += [s.pk for s in carried.get(("kegiatan", k.pk), [])]
        for sasaran_id in candidates:
            root = root_of(sasaran_id)
            if root is not None:
                return root
        return None

    def indikator_list(ind_ids: list[int], shown: set[int]) -> list[IndikatorPohon]:
        result, seen = [], set()
        for ind_id in ind_ids:
            ind = ind_by_id.get(ind_id)
            if ind is None or ind_id in seen or ind.sasaran_id in shown:
                continue
            seen.add(ind_id)
            result.append(IndikatorPohon(ind.nama, _target_teks(data.target(ind_id), ind)))
        return result

    level_label = {Sasaran.Level.STRATEGIS: _("SASARAN STRATEGIS"), Sasaran.Level.PROGRAM: _("SASARAN PROGRAM"),
                   Sasaran.Level.KEGIATAN: _("SASARAN KEGIATAN"),
                   Sasaran.Level.SUB_KEGIATAN: _("SASARAN SUB KEGIATAN")}
    kind_label = {"program": _("PROGRAM"), "kegiatan": _("KEGIATAN"), "sub_kegiatan": _("SUB KEGIATAN")}

    def sasaran_node(s: Sasaran, shown: set[int]) -> Simpul:
        shown = shown | {s.pk}
        node = Simpul(jenis="sasaran", label=str(level_label.get(s.level, _("SASARAN"))),
                      judul=f"{s.nomor} {s.uraian}".strip() or str(s), kunci=f"sasaran-{s.pk}",
                      indikator=indikator_list([i.pk for i in data.indikator_of(s.pk)], set()))
        # Lower sasaran that no budget row carries: boxes of their own under their parent.
        node.anak = [sasaran_node(c, shown) for c in data.sasaran_children(s.pk) if c.pk not in carrier]
        return node

    def budget_node(kind: str, row, shown: set[int]) -> Simpul:
        mine = carried.get((kind, row.pk), [])
        own_shown = shown | {s.pk for s in mine}
        ind_ids = [i.pk for s in mine for i in data.indikator_of(s.pk)] + list(data.indikator_ids_of(kind, row.pk))
        node = Simpul(jenis=kind, label=str(kind_label[kind]), judul=f"{row.kode} {row.nama}".strip(),
                      kunci=f"{kind}-{row.pk}", pagu=row.pagu,
                      sasaran=[f"{s.nomor} {s.uraian}".strip() for s in mine],
                      indikator=indikator_list(ind_ids, shown))
        if kind == "program":
            node.anak = [budget_node("kegiatan", k, own_shown) for k in data.kegiatan_of(row.pk)]
        elif kind == "kegiatan":
            node.anak = [budget_node("sub_kegiatan", sub, own_shown) for sub in data.sub_kegiatan_of(row.pk)]
        # Sasaran below the carried ones that no budget row carries.
        node.anak += [sasaran_node(c, own_shown) for s in mine for c in data.sasaran_children(s.pk)
                      if c.pk not in carrier]
        return node

    programs_of_root: dict[int | None, list] = {}
    for program in data.program:
        programs_of_root.setdefault(program_root(program), []).append(program)

    result = []
    for root in roots:
        node = sasaran_node(root, set())
        node.anak += [budget_node("program", p, {root.pk}) for p in programs_of_root.get(root.pk, [])]
        result.append(node)
    if programs_of_root.get(None):
        result.append(Simpul(jenis="tanpa_sasaran", label=_("TANPA SASARAN"),
                             judul=_("Program yang tidak terhubung ke sasaran"), kunci="tanpa-sasaran",
                             anak=[budget_node("program", p, set()) for p in programs_of_root[None]]))
    return result


# --- 2. the layout ------------------------------------------------------------------------------------------------

LEBAR = 250  # box width (px)
PAD = 8
CELAH_X = 18  # between neighbouring boxes
CELAH_Y = 44  # between levels (the connectors run here)
MARGIN = 16
FONT = 11
BARIS = 14  # line height
LABEL_BARIS = 13
# Characters per line in LEBAR − 2 × PAD at FONT px (DejaVu Sans, the widest of the fonts asked for: ~0.6 em a
# character, ~0.67 em in bold), so that no line runs out of its box.
KARAKTER = 35
KARAKTER_TEBAL = 31
MAKS_JUDUL = 4  # lines of a title
MAKS_SASARAN = 2
MAKS_INDIKATOR = 4
MAKS_BARIS_INDIKATOR = 3


@dataclass(frozen=True)
class Baris:
    teks: str
    kelas: str  # "label" | "judul" | "pagu" | "sasaran" | "indikator" | "lagi"


@dataclass
class Kotak:
    simpul: Simpul
    kedalaman: int
    x: float = 0
    y: float = 0
    lebar: float = LEBAR
    tinggi: float = 0
    baris: list[Baris] = field(default_factory=list)
    anak: list[Kotak] = field(default_factory=list)
    pita: float = 0  # the width of the band this subtree takes

    @property
    def tengah(self) -> float:
        return self.x + self.lebar / 2


@dataclass
class TataLetak:
    kotak: list[Kotak]  # every box, depth first
    akar: list[Kotak]
    lebar: float
    tinggi: float


def _wrap(text: str, max_lines: int, width: int = KARAKTER) -> list[str]:
    lines = textwrap.wrap(" ".join(text.split()), width=width, break_long_words=True) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        lines[-1] = (last[: width - 1].rstrip() if len(last) >= width else last) + "…"
    return lines


def baris_kotak(simpul: Simpul) -> list[Baris]:
    """The text lines of a box, wrapped and limited (the whole text is in the table and the page's titles)."""
    lines = [Baris(simpul.label, "label")]
    lines += [Baris(t, "judul") for t in _wrap(simpul.judul, MAKS_JUDUL, KARAKTER_TEBAL)]
    if simpul.pagu is not None:
        lines.append(Baris(_("Pagu: Rp%(pagu)s") % {"pagu": format_rupiah(simpul.pagu)}, "pagu"))
    for uraian in simpul.sasaran[:MAKS_SASARAN]:
        lines += [Baris(t, "sasaran") for t in _wrap(_("Sasaran: %(s)s") % {"s": uraian}, 3)]
    if len(simpul.sasaran) > MAKS_SASARAN:
        lines.append(Baris(_("+%(n)s sasaran lainnya") % {"n": len(simpul.sasaran) - MAKS_SASARAN}, "lagi"))
    for ind in simpul.indikator[:MAKS_INDIKATOR]:
        lines += [Baris(t, "indikator") for t in _wrap(f"• {ind.nama}: {ind.target}", MAKS_BARIS_INDIKATOR)]
    if len(simpul.indikator) > MAKS_INDIKATOR:
        lines.append(Baris(_("+%(n)s indikator lainnya") % {"n": len(simpul.indikator) - MAKS_INDIKATOR}, "lagi"))
    return lines


def tata_letak(roots: list[Simpul]) -> TataLetak:
    """A tidy top-down tree: each subtree gets a band as wide as its box or its children's bands side by side;
    children are centred in their parent's band, a parent over its first and last child."""
    every: list[Kotak] = []

    def make(simpul: Simpul, depth: int) -> Kotak:
        box = Kotak(simpul, depth, baris=baris_kotak(simpul))
        box.tinggi = 2 * PAD + sum(LABEL_BARIS if b.kelas == "label" else BARIS for b in box.baris)
        every.append(box)
        box.anak = [make(c, depth + 1) for c in simpul.anak]
        span = sum(c.pita for c in box.anak) + CELAH_X * max(0, len(box.anak) - 1)
        box.pita = max(LEBAR, span)
        return box

    akar = [make(r, 0) for r in roots]
    depth_height: dict[int, float] = {}
    for box in every:
        depth_height[box.kedalaman] = max(depth_height.get(box.kedalaman, 0), box.tinggi)
    row_y: dict[int, float] = {}
    y = MARGIN
    for depth in sorted(depth_height):
        row_y[depth] = y
        y += depth_height[depth] + CELAH_Y

    def place(box: Kotak, left: float) -> None:
        box.y = row_y[box.kedalaman]
        if box.anak:
            span = sum(c.pita for c in box.anak) + CELAH_X * (len(box.anak) - 1)
            x = left + (box.pita - span) / 2
            for child in box.anak:
                place(child, x)
                x += child.pita + CELAH_X
            centre = (box.anak[0].tengah + box.anak[-1].tengah) / 2
        else:
            centre = left + box.pita / 2
        box.x = centre - box.lebar / 2

    x = MARGIN
    for root in akar:
        place(root, x)
        x += root.pita + CELAH_X * 2
    width = max(x - CELAH_X * 2 + MARGIN, 2 * MARGIN + LEBAR)
    height = (y - CELAH_Y + MARGIN) if every else 2 * MARGIN + 40
    return TataLetak(kotak=every, akar=akar, lebar=width, tinggi=height)


# --- 3. the drawing -----------------------------------------------------------------------------------------------

# Fill, stroke and text colour per kind of box (presentation attributes, so the SVG looks the same everywhere).
WARNA = {
    "sasaran": ("#0b4f6c", "#0b4f6c", "#ffffff"),
    "tanpa_sasaran": ("#6e7781", "#6e7781", "#ffffff"),
    "program": ("#dbeafe", "#1d4ed8", "#0f172a"),
    "kegiatan": ("#dcfce7", "#15803d", "#0f172a"),
    "sub_kegiatan": ("#fef9c3", "#a16207", "#0f172a"),
}
GARIS = "#8c959f"


def _f(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def svg(layout: TataLetak, *, judul: str) -> str:
    """The tree as a standalone SVG document (UTF-8 text); every text escaped, no style attributes."""
    w, h = layout.lebar, layout.tinggi
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="pohon-kinerja" width="{_f(w)}" height="{_f(h)}" '
           f'viewBox="0 0 {_f(w)} {_f(h)}" role="img" aria-labelledby="pohon-judul" '
           f'font-family="DejaVu Sans, Arial, Helvetica, sans-serif" font-size="{FONT}">',
           f'<title id="pohon-judul">{escape(judul)}</title>',
           f'<rect class="latar" x="0" y="0" width="{_f(w)}" height="{_f(h)}" fill="#ffffff"/>',
           f'<g class="garis" fill="none" stroke="{GARIS}" stroke-width="1.2">']
    for box in layout.kotak:
        if not box.anak:
            continue
        x0, y0 = box.tengah, box.y + box.tinggi
        mid = y0 + CELAH_Y / 2
        for child in box.anak:
            out.append(f'<path d="M{_f(x0)} {_f(y0)}V{_f(mid)}H{_f(child.tengah)}V{_f(child.y)}"/>')
    out.append("</g>")
    if not layout.kotak:
        out.append(f'<text x="{MARGIN}" y="{MARGIN + 20}" fill="#57606a">'
                   f'{escape(_("Rencana aksi ini belum mempunyai sasaran."))}</text>')
    for box in layout.kotak:
        fill, stroke, ink = WARNA.get(box.simpul.jenis, WARNA["program"])
        out.append(f'<g class="simpul simpul-{box.simpul.jenis}" id={quoteattr("pohon-" + box.simpul.kunci)}>')
        out.append(f'<title>{escape(box.simpul.judul)}</title>')
        out.append(f'<rect x="{_f(box.x)}" y="{_f(box.y)}" width="{_f(box.lebar)}" height="{_f(box.tinggi)}" '
                   f'rx="5" fill="{fill}" stroke="{stroke}" stroke-width="1.2"/>')
        out.append(f'<text fill="{ink}">')
        y = box.y + PAD
        for line in box.baris:
            step = LABEL_BARIS if line.kelas == "label" else BARIS
            y += step
            attrs = {"label": ' font-size="9" font-weight="bold" letter-spacing="0.5" opacity="0.85"',
                     "judul": ' font-weight="bold"', "pagu": ' font-weight="bold"',
                     "sasaran": ' font-style="italic"', "lagi": ' opacity="0.75" font-style="italic"'
                     }.get(line.kelas, "")
            out.append(f'<tspan class="{line.kelas}" x="{_f(box.x + PAD)}" y="{_f(y - 3)}"{attrs}>'
                       f'{escape(line.teks)}</tspan>')
        out.append("</text></g>")
    out.append("</svg>")
    return "\n".join(out)


# --- the document and its table -----------------------------------------------------------------------------------


def tabel(roots: list[Simpul]) -> blok.Tabel:
    """The same tree as an indented table (what XLSX and DOCX show instead of the drawing)."""
    kepala = [[blok.Sel(t, tebal=True, rata="tengah") for t in
               (_("Tingkat"), _("Uraian"), _("Indikator"), _("Target"), _("Pagu (Rp)"))]]
    rows = []
    for root in roots:
        for node, depth in root.semua():
            judul = node.judul + "".join(f"\n{_('Sasaran')}: {s}" for s in node.sasaran)
            rows.append(blok.Baris([
                blok.Sel(node.label.title()),
                blok.Sel("\u00a0" * 4 * depth + judul, tebal=depth == 0),
                blok.Sel("\n".join(i.nama for i in node.indikator) or None),
                blok.Sel("\n".join(i.target for i in node.indikator) or None),
                blok.Sel(node.pagu, format="rupiah"),
            ]))
    return blok.Tabel(kepala=kepala, baris=rows, lebar=[12, 40, 30, 10, 12], judul=_("Pohon Kinerja"))


@dataclass
class Pohon:
    """What the page and the document show: the tree, its layout and the drawing."""

    plan: RencanaAksi  # with its perangkat daerah and pemda loaded
    akar: list[Simpul]
    tata_letak: TataLetak
    svg: str
    judul: str


def pohon_kinerja(*, rencana_aksi: RencanaAksi) -> Pohon:
    """Read the plan (plan_data: a constant number of queries), build, lay out and draw its pohon kinerja."""
    plan = rencana_aksi
    if not RencanaAksi.perangkat_daerah.is_cached(plan):
        plan = RencanaAksi.objects.select_related("perangkat_daerah__pemda").get(pk=plan.pk)
    data = plan_data(rencana_aksi=plan)
    roots = pohon(data)
    layout = tata_letak(roots)
    pd = plan.perangkat_daerah
    judul = _("Pohon Kinerja %(pd)s %(pemda)s Tahun %(tahun)s") % {"pd": pd.nama, "pemda": pd.pemda,
                                                                   "tahun": plan.tahun}
    return Pohon(plan=plan, akar=roots, tata_letak=layout, svg=svg(layout, judul=judul), judul=judul)


def dokumen(*, rencana_aksi: RencanaAksi, triwulan: int | None = None) -> blok.Dokumen:
    """The pohon kinerja on one A3 landscape section: the drawing, and the table for formats that cannot draw."""
    p = pohon_kinerja(rencana_aksi=rencana_aksi)
    plan = p.plan
    pd = plan.perangkat_daerah
    n_sub = sum(1 for r in p.akar for node, _d in r.semua() if node.jenis == "sub_kegiatan")
    alt = _("Pohon kinerja: %(akar)s sasaran di puncak, turun ke program, kegiatan dan %(sub)s sub kegiatan "
            "dengan indikator, target dan pagunya.") % {"akar": len(p.akar), "sub": n_sub}
    gambar = blok.Gambar(svg=p.svg, alt=alt, cadangan=tabel(p.akar))
    return blok.Dokumen(
        judul=p.judul, nama_berkas=slugify(f"pohon-kinerja-{pd.singkatan or pd.nama}-{plan.tahun}"),
        bagian=[blok.Bagian([blok.Judul(p.judul.upper(), 1), gambar], orientasi="lanskap", ukuran="A3")],
        draf=plan.draf, pembuat=pd.nama, subjek=_("Pohon kinerja"),
        kata_kunci=["pohon kinerja", "cascading", str(plan.tahun)],
    )
