"""Helpers for rows rendered hundreds of times in one response (an editor or monev section of a large kegiatan):
URLs from one reversal per pattern and text cut as `truncatechars` does, without the per-row cost."""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from html import escape

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.text import Truncator, add_truncation_text, calculate_truncate_chars_length
from django.utils.translation import get_language, gettext, pgettext

_SENTINEL = 2_000_000_000  # ids stand in as 2000000000, 2000000001, …: same length, never a substring of another


def url_baris(name: str, *args: int | str) -> str:
    """`reverse(name, args=args)`, reversing each pattern once: the int arguments are filled into a cached URL."""
    return url_pola(name, *(None if isinstance(a, int) else a for a in args)).format(
        *(a for a in args if isinstance(a, int)))


def url_pola(name: str, *args: str | None) -> str:
    """The URL of `name` as a `str.format` pattern: each None argument is a slot ({0}, {1}, …) for an int."""
    return _pattern(name, args, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)


@lru_cache(maxsize=256)
def _pattern(name: str, fixed: tuple[str | None, ...], _prefix: str, _urlconf: str) -> str:
    slots = [i for i, a in enumerate(fixed) if a is None]
    url = reverse(name, args=[_SENTINEL + slots.index(i) if a is None else a for i, a in enumerate(fixed)])
    url = url.replace("{", "{{").replace("}", "}}")
    for n in range(len(slots)):
        url = url.replace(str(_SENTINEL + n), f"{{{n}}}")
    return url


def slot_catatan(jenis: str, pk: int, *, tw: int | None = None, tulis: bool = False) -> str:
    """The notes slot of a row (`jenis`: "sasaran", "indikator", "program", "kegiatan", "subkegiatan", "aksi"): the
    place the notes panel fills with the row's badge and, for a user who writes evaluator notes (`tulis`), the button
    that opens a new note on the row (of triwulan `tw` when given). Every row of the editor and the monev form has
    one."""
    slot = f'<span id="catatan-{jenis}-{pk}" class="catatan-slot"></span>'
    if not tulis:
        return slot
    url = url_pola("catatan_baris", jenis, None).format(pk) + (f"?tw={tw}" if tw else "")
    label = _tulis_catatan(get_language())
    return (f'{slot}<button type="button" class="btn btn-sm btn-link p-0 catatan-baru" hx-get="{url}" '
            f'hx-target="#catatan-utas" hx-swap="outerHTML" title="{label}" aria-label="{label}">'
            f'<i class="bi bi-chat-left-text"></i></button>')


@lru_cache(maxsize=8)
def _tulis_catatan(_language: str | None) -> str:
    return escape(gettext("Tulis catatan evaluator"))


def potong(teks: str, panjang: int) -> str:
    """`teks|truncatechars:panjang` (normalised to NFC, as Truncator does), without its loop over characters when
    none is a combining one (all below U+0300): then every character counts."""
    teks = unicodedata.normalize("NFC", teks)
    if len(teks) <= panjang:  # combining characters only make the counted length shorter
        return teks
    if max(teks) < "\u0300":
        kept, ellipsis = _potongan(panjang, get_language())
        return add_truncation_text(teks[:kept], ellipsis)
    return Truncator(teks).chars(panjang)


@lru_cache(maxsize=32)
def _potongan(panjang: int, _language: str | None) -> tuple[int, str]:
    """How many characters `potong` keeps and the truncation text, as Truncator translates it (twice per call)."""
    ellipsis = pgettext("String to return when truncating text", "%(truncated_text)s…")
    return calculate_truncate_chars_length(panjang, ellipsis), ellipsis
