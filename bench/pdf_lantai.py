"""`python -m bench.pdf_lantai`: WeasyPrint's own floor on this machine, with no Renaksi code (decision 0011).

Lays out and writes documents as simple as a PDF can be, and prints the CPU time of each: plain paragraphs filling the
page count of the RA document of a 1,000-aksi plan (154 pages; the least work per page WeasyPrint does), and a ruled
table of 1,000 rows of 20 short cells (the cells of that plan's aksi table alone: 12 months and eight text columns).
If even these take longer than the goal of 3 s, no change to our templates brings the real document under it.

    python -m bench.pdf_lantai [--pages 154] [--rows 1000]
"""

from __future__ import annotations

import argparse
import time

import weasyprint

CSS = (
    "@page { size: A4 landscape; margin: 1.5cm 1cm; @bottom-right { content: counter(page) } }"
    "table { table-layout: fixed; width: 100%; border-collapse: collapse; font-size: 6.5pt }"
    "td { border: 0.5pt solid black; padding: 1pt }"
)


def paragraphs(pages: int) -> str:
    # about nine paragraphs of 60 words per landscape page
    return "".join(f"<p>Paragraf {i}. " + "kata " * 60 + "</p>" for i in range(pages * 9))


def table(rows: int) -> str:
    body = "".join(
        "<tr>" + "".join(f"<td>{r}.{c}</td>" for c in range(20)) + "</tr>" for r in range(rows)
    )
    return f"<table>{body}</table>"


def measure(name: str, body: str) -> None:
    html = weasyprint.HTML(string=f"<style>{CSS}</style>{body}")
    start = time.process_time()
    document = html.render()
    laid_out = time.process_time()
    document.write_pdf()
    written = time.process_time()
    total = written - start
    print(
        f"{name:<12} {len(document.pages):>5} {laid_out - start:>9.1f}s {written - laid_out:>8.1f}s"
        f" {total:>8.1f}s {len(document.pages) / total:>9.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=154)
    parser.add_argument("--rows", type=int, default=1000)
    args = parser.parse_args()
    print(f"WeasyPrint {weasyprint.__version__}, CPU time, one run each")
    print(f"{'document':<12} {'pages':>5} {'layout':>10} {'write':>9} {'total':>9} {'pages/s':>9}")
    measure("paragraphs", paragraphs(args.pages))
    measure("table 20 col", table(args.rows))


if __name__ == "__main__":
    main()
