"""Python's cyclic garbage collector paused while one large document is built (docs/performance.md, "Garbage
collection").

Building the RA document of a 1,000-aksi plan, as its page or as XLSX, makes some hundreds of thousands of objects
that live until the document is done: the plan's rows, the document's rows and cells, XlsxWriter's cells. The
collector runs every 700 new objects, and every so often walks every object in the process; in the middle of such a
build that cost 100–150 ms of a 0.5 s XLSX, and 160 ms of a 60–80 ms page when it fell there. The documents themselves are freed by reference counting as soon as they are done
(`xlsx.render` leaves no reference cycle behind), so the collector has nothing to find in them: it is paused for the
build and resumes afterwards.

It is paused where the document is built, not in a server's or worker's start-up, so that it applies the same in a
request (gunicorn), a background job (`renaksi db_worker`), `renaksi export` and `make bench`:

- `laporan.views.ra_document` (the page: reading the plan, building the document and rendering the template),
- `laporan.ra.dokumen` (the RA document for every format) and `laporan.xlsx.render` (any document as XLSX),
- `dasbor.views.dasbor_pemda` (every PD's plan of the year summarised: ~35 young collections per request at 40 PDs,
  and a full one every two or three requests; decision 0022).

Not around a PDF: WeasyPrint takes a minute on a large plan and makes cyclic garbage as it goes.

The pause is counted: threads of one worker building documents at the same time, or a build inside another,
resume the collector only when the last one ends, and a collector that was off stays off.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_active = 0  # builds running with the collector paused
_resume = False  # whether the collector was on when the first of them started


@contextmanager
def gc_paused() -> Iterator[None]:
    """Run the block (or, as a decorator, the function) with the cyclic garbage collector paused."""
    global _active, _resume
    with _lock:
        if _active == 0:
            _resume = gc.isenabled()
            gc.disable()
        _active += 1
    try:
        yield
    finally:
        with _lock:
            _active -= 1
            if _active == 0 and _resume:
                gc.enable()
