"""The importer's codes: registry, the codes the code writes, and the pages in docs/impor hold together."""

import ast
from pathlib import Path

import pytest

from renaksi.impor.kode import KODE, Jenis

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "impor"
OVERVIEWS = {"README.md", "monev.md"}  # how the importer works; how monev workbooks are read
JENIS_OF_CALL = {"decide": Jenis.KEPUTUSAN, "warn": Jenis.PERINGATAN}


def codes_in_code() -> dict[str, set[tuple[str, str]]]:
    """Every code passed to `doc.decide`, `doc.warn` or `Catatan(...)` in renaksi/impor: {code: {(call, where)}}.

    A code must be a literal: one that is computed cannot be checked against the registry, so it fails here.
    """
    found: dict[str, set[tuple[str, str]]] = {}
    for path in sorted((ROOT / "renaksi" / "impor").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if name not in ("decide", "warn", "Catatan") or not node.args:
                continue
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            arg = node.args[0]
            if path.name == "dokumen.py" and isinstance(arg, ast.Name) and arg.id == "kode":
                continue  # Notes.decide / warn themselves
            assert isinstance(arg, ast.Constant) and isinstance(arg.value, str), f"{where}: code is not a literal"
            found.setdefault(arg.value, set()).add((name, where))
    return found


def test_every_code_written_is_registered_with_its_kind():
    used = codes_in_code()
    unregistered = sorted(set(used) - set(KODE))
    assert unregistered == [], f"codes used but not in renaksi/impor/kode.py: {unregistered}"
    wrong_kind = sorted(f"{code} ({where})" for code, calls in used.items() for call, where in calls
                        if call in JENIS_OF_CALL and KODE[code].jenis != JENIS_OF_CALL[call])
    assert wrong_kind == [], f"written as a decision but registered as a warning, or the reverse: {wrong_kind}"


MESSAGE_ARG = {"decide": 1, "warn": 1, "Catatan": 1, "ImporGagal": 0, "fail": 2, "ImporDitolak": 0}


def _literal_text(node: ast.AST) -> bool:
    if isinstance(node, ast.BinOp):
        return _literal_text(node.left) or _literal_text(node.right)
    return isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, str))


def test_every_message_goes_through_gettext():
    """Decisions, warnings and refusals are UI text: gettext with named placeholders, never a bare (f-)string."""
    bare = []
    for path in sorted((ROOT / "renaksi" / "impor").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
                index = MESSAGE_ARG.get(name)
                if index is not None and len(node.args) > index and _literal_text(node.args[index]):
                    bare.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert bare == []


def test_every_registered_code_is_written_somewhere():
    assert sorted(set(KODE) - set(codes_in_code())) == []


def test_every_code_has_a_page_and_every_page_a_code():
    pages = {p.name.removesuffix(".md") for p in DOCS.glob("*.md") if p.name not in OVERVIEWS}
    assert sorted(set(KODE) - pages) == [], "codes without a page in docs/impor"
    assert sorted(pages - set(KODE)) == [], "pages without a code"


def test_the_readme_lists_every_code():
    index = (DOCS / "README.md").read_text()
    assert [k for k in KODE if f"[`{k}`]({k}.md)" not in index] == []


@pytest.mark.parametrize("kode", KODE.values(), ids=lambda k: k.id)
def test_each_page_has_its_title_kind_and_four_parts(kode):
    text = (DOCS / f"{kode.id}.md").read_text()
    assert text.startswith(f"# `{kode.id}` — {kode.judul}\n")
    assert f"**Jenis:** {kode.jenis}" in text
    for heading in ("## Artinya", "## Kapan muncul", "## Contoh", "## Yang perlu dilakukan"):
        assert heading in text, f"{kode.id}.md has no '{heading}'"
    assert str(kode.ringkas) and len(str(kode.ringkas)) > 40
