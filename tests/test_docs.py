"""Documentation that is tested: every role and every setting read from the environment has an entry, and the
rules docs/domain.md states match the code."""

import re
from pathlib import Path

from renaksi.accounts.models import Peran
from renaksi.core.akumulasi import Akumulasi
from renaksi.core.angka import parse_angka

ROOT = Path(__file__).resolve().parents[1]


def test_every_role_is_documented():
    text = (ROOT / "docs" / "peran.md").read_text()
    for peran in Peran:
        assert f"`{peran.value}`" in text, f"docs/peran.md has no entry for {peran.value}"


def test_every_environment_setting_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    names = set()
    for path in (ROOT / "config" / "settings").glob("*.py"):
        names |= set(re.findall(r"""(?:environ\.get|env_bool)\(\s*["']([A-Z_]+)["']""", path.read_text()))
    assert names, "no settings found: the pattern no longer matches config/settings"
    missing = sorted(n for n in names if f"`{n}`" not in readme)
    assert not missing, f"README does not document: {missing}"


def test_the_admin_guide_is_linked_and_its_commands_exist():
    from django.core.management import get_commands

    assert "(docs/deploy.md)" in (ROOT / "README.md").read_text()
    guide = (ROOT / "docs" / "deploy.md").read_text()
    used = set(re.findall(r"(?m)(?:^|bin/|`)renaksi ([a-z_]+)", guide))
    assert {"backup", "restore", "migrate", "check"} <= used
    # axes: see the guide; rqworker exists only with REDIS_URL (django-rq installed then)
    missing = sorted(used - set(get_commands()) - {"axes_reset_username", "rqworker"})
    assert not missing, f"docs/deploy.md uses commands that do not exist: {missing}"


def test_every_accumulation_type_is_documented_in_domain_md():
    text = (ROOT / "docs" / "domain.md").read_text()
    for akumulasi in Akumulasi:
        assert f"| `{akumulasi.value}` |" in text, f"docs/domain.md does not explain akumulasi {akumulasi.value}"


def test_every_number_form_in_domain_md_is_read_without_a_guess():
    text = (ROOT / "docs" / "domain.md").read_text()
    section = text.split("## Numbers as they appear in documents")[1].split("\n## ")[0]
    forms = [form for row in re.findall(r"^\| (.+?) \|", section, re.MULTILINE)
             for form in re.findall(r"`([^`]+)`", row)]
    assert len(forms) >= 12, f"the table of number forms was not found: {forms}"
    for form in forms:
        assert parse_angka(form).keputusan == "", f"{form!r} needs a decision"
