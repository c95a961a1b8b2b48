"""Findings name their rule by its Indonesian title, not by its id (issue 18, "details a user tripped on"): in the
editor's findings panel, in the RA document's printed appendix and in the import preview; the id only points at the
rule's page in docs/pemeriksaan/."""

import re

import pytest
from django.template import Context, Template
from django.urls import reverse

from renaksi.pemeriksaan.registry import all_rules
from renaksi.pemeriksaan.templatetags.pemeriksaan import PENYEBAB, judul_aturan
from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import SubKegiatan

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
TITLE = "Jumlah pagu tidak sama dengan pagu induknya"  # pagu.rollup_mismatch


def _break_budget(plan):
    sub = SubKegiatan.objects.filter(rencana_aksi=plan).order_by("urutan", "id").first()
    svc.anggaran_update(obj=sub, pagu=12_000_000)


def _visible_text(html: str) -> str:
    """What a reader sees: the HTML without its tags and attributes."""
    return re.sub(r"<[^>]+>", " ", html)


def test_every_rule_has_a_title_and_a_docs_page(settings):
    from pathlib import Path

    docs = Path(settings.BASE_DIR) / "docs" / "pemeriksaan"
    for rule in all_rules():
        assert judul_aturan(rule.id) == str(rule.title) and str(rule.title) != rule.id
        assert (docs / f"{rule.id}.md").exists(), rule.id


def test_findings_panel_shows_the_title_and_keeps_the_id_for_the_docs_link(client, world):
    _break_budget(world.plan)
    client.force_login(world.alice)
    html = client.get(reverse("plan_findings", args=[world.plan.pk]), **HTMX).content.decode()
    text = _visible_text(html)
    assert TITLE in text
    assert "pagu.rollup_mismatch" not in text
    assert "docs/pemeriksaan/pagu.rollup_mismatch.md" in html  # the link to the rule's explanation


def test_cause_codes_are_words():
    template = Template("{% load pemeriksaan %}{% nilai_temuan_kunci 'cause' 'selisih_anak' %}|"
                        "{% nilai_temuan_kunci 'expected' 1500000 %}")
    assert template.render(Context()) == "selisih rincian di tingkat bawah|1.500.000"
    assert all("_" not in words for words in PENYEBAB.values())


def test_every_cause_code_the_rules_write_has_words():
    from pathlib import Path

    import renaksi.pemeriksaan.aturan as aturan

    source = "".join(p.read_text() for p in Path(aturan.__file__).parent.glob("*.py"))
    codes = set(re.findall(r'"cause": "([a-z_]+)"', source)) | set(re.findall(r'return "([a-z_]+)"\n', source))
    codes |= set(re.findall(r'^    "([a-z_]+)": _\(" ', source, re.M))  # CAUSE_TEXT keys
    assert codes and codes <= set(PENYEBAB), codes - set(PENYEBAB)
