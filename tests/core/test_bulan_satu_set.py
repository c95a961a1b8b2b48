"""One set of month abbreviations everywhere a user sees one (issue 18): the editor's schedule and the RA document
both write Renaksi's own (core/bulan.BULAN_SINGKAT: … Agu … Nov …), never a document's variant (Agt, Nop, Mrt)."""

import re

import pytest
from django.urls import reverse

from renaksi.core.bulan import BULAN_SINGKAT

pytestmark = pytest.mark.django_db

VARIANTS = ("Agt", "Nop", "Mrt", "Peb", "Ags")


def _words(html: str) -> set[str]:
    return set(re.findall(r"\b\w+\b", re.sub(r"<[^>]+>", " ", html)))


@pytest.mark.parametrize("page", ["plan_editor", "ra_document"])
def test_schedule_headers_use_the_one_set(client, world, page):
    client.force_login(world.alice)
    words = _words(client.get(reverse(page, args=[world.plan.pk])).content.decode())
    assert set(BULAN_SINGKAT) <= words, set(BULAN_SINGKAT) - words
    assert not words & set(VARIANTS)


def test_no_other_set_of_abbreviations_where_months_are_written():
    """The readers (impor) know the variants, through core/bulan.nomor_bulan; what shows months writes none."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "renaksi"
    written = re.compile(r"""["'>](Agt|Nop|Mrt|Peb)["'<]""")
    places = [root / "perencanaan", root / "laporan", root / "monev", root / "dasbor", root / "static" / "renaksi",
              root / "templates"]
    offenders = [str(p.relative_to(root)) for place in places for p in place.rglob("*")
                 if p.suffix in {".py", ".html", ".js"} and written.search(p.read_text(encoding="utf-8"))]
    assert offenders == []
