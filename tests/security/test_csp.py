"""Content Security Policy: the header on every page, and no inline script or style left in our templates."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

TEMPLATES = sorted((Path(__file__).resolve().parents[2] / "renaksi").rglob("templates/**/*.html"))
INLINE = [
    (re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I), "<script> without src"),
    (re.compile(r"<style\b", re.I), "<style>"),
    (re.compile(r"\sstyle\s*=", re.I), "style attribute"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "event handler attribute"),
    (re.compile(r"javascript:", re.I), "javascript: URL"),
]


def test_templates_are_found():
    assert len(TEMPLATES) > 20


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
