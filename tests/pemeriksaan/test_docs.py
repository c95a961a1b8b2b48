"""Every checker rule has its documentation page, and every page a rule (Datasette style: docs that are tested)."""

from pathlib import Path

import pytest

from renaksi.pemeriksaan.api import rules

DOCS = Path(__file__).resolve().parents[2] / "docs" / "pemeriksaan"
NOT_RULES = {"README.md", "contoh-seed.md"}
SEVERITY_WORD = {"error": "kesalahan (error)", "warning": "peringatan (warning)", "info": "catatan (info)"}


def test_every_rule_has_a_page_and_every_page_a_rule():
    registered = {r.id for r in rules()}
    pages = {p.name.removesuffix(".md") for p in DOCS.glob("*.md") if p.name not in NOT_RULES}
    assert registered - pages == set(), f"rules without a page in docs/pemeriksaan: {sorted(registered - pages)}"
    assert pages - registered == set(), f"pages without a rule: {sorted(pages - registered)}"


def test_the_index_lists_every_rule():
    index = (DOCS / "README.md").read_text()
    missing = [r.id for r in rules() if f"[`{r.id}`]({r.id}.md)" not in index]
    assert missing == []


@pytest.mark.parametrize("rule", rules(), ids=lambda r: r.id)
def test_each_page_has_the_four_parts_and_the_rules_severity(rule):
    text = (DOCS / f"{rule.id}.md").read_text()
    assert text.startswith(f"# `{rule.id}` — {rule.title}"), "the title must be the rule's title"
    for heading in ("## Apa yang diperiksa", "## Mengapa penting", "## Contoh", "## Cara memperbaiki", "## Nilai"):
        assert heading in text, f"{rule.id}.md has no '{heading}'"
    assert f"**Tingkat:** {SEVERITY_WORD[str(rule.severity)]}" in text


@pytest.mark.parametrize("rule", rules(), ids=lambda r: r.id)
def test_each_rule_has_a_docstring_and_a_message(rule):
    assert len(rule.doc) > 80
    assert str(rule.message) and str(rule.title)
