"""Content Security Policy: the header on every page, and no inline script or style left in our templates."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2] / "renaksi"
# The PDF templates are read by WeasyPrint only and never served, so the policy does not apply to them (they carry
# their print stylesheet inline); the test below holds that only the PDF formatter renders them.
PDF_TEMPLATES = "laporan/templates/laporan/pdf/"
TEMPLATES = sorted(p for p in ROOT.rglob("templates/**/*.html") if PDF_TEMPLATES not in p.as_posix())
INLINE = [
    (re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I), "<script> without src"),
    (re.compile(r"<style\b", re.I), "<style>"),
    (re.compile(r"\sstyle\s*=", re.I), "style attribute"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "event handler attribute"),
    (re.compile(r"javascript:", re.I), "javascript: URL"),
]


def test_templates_are_found():
    assert len(TEMPLATES) > 20


def test_only_the_pdf_formatter_renders_the_unserved_pdf_templates():
    users = sorted(str(p.relative_to(ROOT)) for p in ROOT.rglob("*.py") if '"laporan/pdf/' in p.read_text("utf-8"))
    assert users == ["laporan/pdf.py"]


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p).split("/renaksi/", 1)[-1])
def test_no_inline_script_or_style(template):
    text = template.read_text(encoding="utf-8")
    found = [f"{label}: {m.group(0)!r}" for pattern, label in INLINE for m in pattern.finditer(text)]
    assert not found, f"{template}: {found}"


def test_pages_carry_a_policy_without_unsafe_inline(client, world):
    client.force_login(world.alice)
    for url in (reverse("login"), reverse("home"), reverse("plan_editor", args=[world.plan.pk])):
        response = client.get(url)
        policy = response.headers["Content-Security-Policy"]
        directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
        assert directives["script-src"] == "'self'", url
        assert directives["style-src"] == "'self'", url
        assert directives["default-src"] == "'self'", url
        assert directives["frame-ancestors"] == "'none'", url
        assert "unsafe" not in policy


def test_htmx_neither_injects_its_indicator_style_nor_settles_style_attributes(client, world):
    client.force_login(world.alice)
    html = client.get(reverse("home")).content.decode()
    assert '"includeIndicatorStyles": false' in html and '"attributesToSettle": ["class", "width", "height"]' in html
