"""Imports between apps go one way: an app may import only the apps below it.

    core ← organisasi ← accounts ← pekerjaan ← perencanaan ← monev ← pemeriksaan ← alur ← riwayat ← sintetis ← impor, laporan, dasbor

Apps on the same line (impor, laporan, dasbor) do not import each other. Every module under renaksi/ is parsed,
imports inside functions included, so a "late import" cannot hide a back-arrow. The package's own top-level
modules (renaksi/urls.py, renaksi/cli.py) wire the apps together and may import any of them.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

LAYERS: tuple[tuple[str, ...], ...] = (
    ("core",),
    ("organisasi",),
    ("accounts",),
    ("pekerjaan",),  # background jobs: records and the worker's task; laporan, impor and sintetis start them
    ("perencanaan",),
    ("monev",),  # monitoring: reads the plan, is checked by pemeriksaan
    ("pemeriksaan",),
    ("alur",),  # the workflow: its submission gate needs the checker
    ("riwayat",),  # history and evaluator notes: reads plans and monev; laporan prints the notes
    ("sintetis",),  # the synthetic Pemda: writes through perencanaan and monev; the demo (impor) uses it
    ("impor", "laporan", "dasbor"),
)
RANK = {app: rank for rank, apps in enumerate(LAYERS) for app in apps}
PACKAGE = Path(__file__).resolve().parents[1] / "renaksi"


def _module_name(path: Path, root: Path) -> list[str]:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    return parts[:-1] if parts[-1] == "__init__" else parts


def _imported_modules(tree: ast.AST, module: list[str], is_package: bool):
    """(line, dotted name) of every import in a module, relative ones resolved."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                package = module if is_package else module[:-1]
                base = package[: len(package) - (node.level - 1)]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            # `from renaksi import impor` names an app through the imported names.
            if name == "renaksi":
                for alias in node.names:
                    yield node.lineno, f"renaksi.{alias.name}"
            else:
                yield node.lineno, name


def back_arrows(path: Path, source: str, root: Path = PACKAGE) -> list[str]:
    """The imports of one module that go against LAYERS, as 'file:line: app → app' lines."""
    module = _module_name(path, root)
    if len(module) < 2:
        return []  # renaksi/__init__.py, urls.py, cli.py: the project's wiring
    app = module[1]
    problems = []
    for line, name in _imported_modules(ast.parse(source, filename=str(path)), module, path.name == "__init__.py"):
        parts = name.split(".")
        if parts[0] != "renaksi" or len(parts) < 2 or parts[1] == app:
            continue
        target = parts[1]
        where = f"{path.relative_to(root.parent)}:{line}"
        if app not in RANK or target not in RANK:
            problems.append(f"{where}: {app} → {target}: place the app in LAYERS (tests/test_architecture.py)")
        elif RANK[target] >= RANK[app]:
            problems.append(f"{where}: {app} imports {name}, but {target} is not below {app}")
    return problems


def test_every_import_between_apps_points_down():
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        problems += back_arrows(path, path.read_text(encoding="utf-8"))
    assert not problems, "Imports against the app order:\n" + "\n".join(problems)


@pytest.mark.parametrize("module, source, expected", [
    ("pemeriksaan/x.py", "from renaksi.impor import api\n",
     "renaksi/pemeriksaan/x.py:1: pemeriksaan imports renaksi.impor, but impor is not below pemeriksaan"),
    ("pemeriksaan/x.py", "def f():\n    from renaksi.impor.api import parse\n",
     "renaksi/pemeriksaan/x.py:2: pemeriksaan imports renaksi.impor.api, but impor is not below pemeriksaan"),
    ("pemeriksaan/x.py", "import renaksi.laporan.builders\n",
     "renaksi/pemeriksaan/x.py:1: pemeriksaan imports renaksi.laporan.builders, but laporan is not below pemeriksaan"),
    ("pemeriksaan/x.py", "from renaksi import impor\n",
     "renaksi/pemeriksaan/x.py:1: pemeriksaan imports renaksi.impor, but impor is not below pemeriksaan"),
    ("pemeriksaan/aturan/x.py", "\n\nfrom ...impor import api\n",
     "renaksi/pemeriksaan/aturan/x.py:3: pemeriksaan imports renaksi.impor, but impor is not below pemeriksaan"),
    ("laporan/x.py", "from renaksi.impor import api\n",
     "renaksi/laporan/x.py:1: laporan imports renaksi.impor, but impor is not below laporan"),
    ("perencanaan/x.py", "from renaksi.sihir import x\n",
     "renaksi/perencanaan/x.py:1: perencanaan → sihir: place the app in LAYERS (tests/test_architecture.py)"),
    ("pemeriksaan/x.py", "from renaksi.monev import x\nfrom ..perencanaan import y\nfrom .aturan import z\n", None),
    ("impor/x.py", "from renaksi.pemeriksaan import api\nfrom renaksi.core.angka import parse_angka\n", None),
])
def test_a_back_arrow_is_named_with_its_file_and_line(module, source, expected):
    problems = back_arrows(PACKAGE / module, source)
    assert problems == ([expected] if expected else [])
