"""Chart.js configurations as plain data, for `json_script`; `renaksi/dasbor.js` draws them. Numbers are floats
only here, at the edge, for the browser; every chart's numbers are also in a table on the page."""

from __future__ import annotations

from decimal import Decimal

from renaksi.core.predikat import WARNA_PREDIKAT, predikat

ABU = "#8c959f"
WARNA_PROGRES = {"selesai": "#1a7f37", "berjalan": "#0b6fa4", "belum": "#8c959f", "batal": "#6e4c4c"}


def pendek(label: str, n: int = 38) -> str:
    """A chart axis label; the whole name is in the table."""
    return label if len(label) <= n else label[: n - 1].rstrip() + "…"


def _num(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _warna(value: Decimal | None) -> str:
    p = predikat(value)
    return WARNA_PREDIKAT[p] if p else ABU


def batang_capaian(labels: list[str], values: list[Decimal | None], judul: str) -> dict:
    """Horizontal bars of capaian (%) coloured by predikat."""
    return {"type": "bar", "judul": judul, "sumbu": "%", "horizontal": True, "labels": [pendek(x) for x in labels],
            "datasets": [{"label": judul, "data": [_num(v) for v in values],
                          "backgroundColor": [_warna(v) for v in values]}]}


def batang(labels: list[str], values: list[Decimal | None], judul: str, warna: str = "#0b4f6c") -> dict:
    return {"type": "bar", "judul": judul, "sumbu": "%", "horizontal": True, "labels": [pendek(x) for x in labels],
            "datasets": [{"label": judul, "data": [_num(v) for v in values], "backgroundColor": warna}]}


def batang_progres(labels: list[str], counts: list[dict[str, int]], nama: dict[str, str]) -> dict:
    """Stacked bars: months of aksi per status, and months planned but not reported."""
    datasets = [{"label": nama[s], "data": [c.get(s, 0) for c in counts], "backgroundColor": WARNA_PROGRES[s]}
                for s in ("selesai", "berjalan", "belum", "batal")]
    datasets.append({"label": nama["tidak_dilaporkan"], "data": [c.get("tidak_dilaporkan", 0) for c in counts],
                     "backgroundColor": "#d0d7de"})
    return {"type": "bar", "judul": "", "stacked": True, "horizontal": True, "labels": [pendek(x) for x in labels],
            "datasets": datasets}


def sebaran(points: list[tuple[str, Decimal | None, Decimal | None]], judul: str, pace: Decimal) -> dict:
    """Scatter of (label, serapan %, capaian %); points missing a value are left out (they are in the table)."""
    data = [{"x": _num(x), "y": _num(y), "label": label} for label, x, y in points if x is not None and y is not None]
    return {"type": "scatter", "judul": judul, "pace": float(pace), "labels": [],
            "datasets": [{"label": judul, "data": data, "backgroundColor": [_warna(y) for _l, x, y in points
                                                                             if x is not None and y is not None]}]}
