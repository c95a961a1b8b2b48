"""PDFs the tests write themselves: HTML printed with WeasyPrint (the same engine as the documents Renaksi prints).

`seed_to_pdf` prints a seed's text copy the way `seed_to_docx` writes it as Word: lines with TABs become rows of a
bordered table (consecutive ones one table), the other lines paragraphs. `html_pdf` prints any HTML body with the
usual A4 page, page numbers at the foot of every page.
"""

from __future__ import annotations

import html
from pathlib import Path

from tests.factories import seed_lines

STYLE = """
@page { size: A4 %(orientation)s; margin: 1.5cm 1.2cm; @bottom-center { content: counter(page); font-size: 8pt } }
body { font-family: "DejaVu Sans", sans-serif; font-size: %(size)s }
table { border-collapse: collapse; width: 100%%; margin: 4pt 0 }
td, th { border: 0.6pt solid #000; padding: 1.5pt 2pt; vertical-align: top }
p { margin: 0 0 3pt 0 }
"""


def html_pdf(body: str, *, landscape: bool = False, size: str = "9pt", css: str = "") -> bytes:
    import weasyprint

    style = STYLE % {"orientation": "landscape" if landscape else "portrait", "size": size} + css
    return weasyprint.HTML(string=f"<html><head><meta charset='utf-8'><style>{style}</style></head>"
                                  f"<body>{body}</body></html>").write_pdf()


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def table_html(rows: list[list[str]], *, head: int = 0) -> str:
    width = max(len(r) for r in rows)
    out = ["<table>"]
    if head:
        out.append("<thead>")
    for i, cells in enumerate(rows):
        if head and i == head:
            out.append("</thead><tbody>")
        tag = "th" if i < head else "td"
        out.append("<tr>" + "".join(f"<{tag}>{esc(c)}</{tag}>" for c in cells + [""] * (width - len(cells)))
                   + "</tr>")
    out.append("</tbody></table>" if head else "</table>")
    return "".join(out)


def seed_to_pdf(path: Path) -> bytes:
    lines = seed_lines(path)
    body: list[str] = []
    i = 0
    while i < len(lines):
        if "\t" not in lines[i]:
            body.append(f"<p>{esc(lines[i]) if lines[i].strip() else '&#160;'}</p>")
            i += 1
            continue
        block = []
        while i < len(lines) and "\t" in lines[i]:
            block.append(lines[i].split("\t"))
            i += 1
        body.append(table_html(block))
    return html_pdf("\n".join(body), landscape=True, size="7pt")
