"""Shared fixtures: the test world of personas, the seed documents, and Playwright in Debian's Chromium.

Playwright never downloads a browser here (`playwright install` fails): it launches /usr/bin/chromium. Under
CI=true a missing browser fails the test; elsewhere it is skipped with the reason.
"""

import os
import time
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

import pytest
from hypothesis import settings

from renaksi.impor.contoh import SEED_BANGKA, SEED_SAMARINDA, SEEDS_DIR
from tests.factories import make_pd, make_world
from tests.helpers import dump_plan

__all__ = ["SEED_BANGKA", "SEED_SAMARINDA", "SEEDS_DIR"]  # the tests import the seed paths from here

# Property tests try few examples locally and many in CI (CI=true): the suite stays fast where people wait for it,
# and CI searches deep. A test whose examples are expensive asks for a share of it (`tests.helpers.examples`).
settings.register_profile("default", max_examples=30, deadline=None)
settings.register_profile("ci", max_examples=300, deadline=None, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") == "true" else "default")


@pytest.fixture
def world(db):
    return make_world()


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS_DIR


@dataclass(frozen=True)
class ImportedSeed:
    """What a seed's text copy imports to, as plain data: the plan's dump and the plan exported as the template."""

    dump: dict
    templates: dict[str, bytes]


@pytest.fixture(scope="session")
def imported_seed():
    """`imported_seed(SEED_BANGKA)` for tests that compare against a seed's import without changing it: each seed is
    imported once per test run (and xdist worker) into PD "Kesbangpol" of Pemda "Salinan", inside the calling test's
    transaction, kept as plain data and rolled back. The calling test needs database access."""
    from django.db import transaction

    from renaksi.impor import api
    from renaksi.laporan.templat import render_docx, render_xlsx
    from renaksi.perencanaan.templat import build_template_data

    cache: dict[Path, ImportedSeed] = {}

    def get(seed: Path) -> ImportedSeed:
        if seed not in cache:
            with transaction.atomic():
                pd = make_pd("Kesbangpol", pemda="Salinan")
                plan = api.import_document(api.parse_document(seed.read_bytes(), seed.name),
                                           perangkat_daerah=pd).rencana_aksi
                data = build_template_data(plan)
                cache[seed] = ImportedSeed(dump=dump_plan(plan),
                                           templates={"xlsx": render_xlsx(data), "docx": render_docx(data)})
                transaction.set_rollback(True)
        return cache[seed]

    return get


CHROMIUM = Path(os.environ.get("RENAKSI_CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"

# The live server runs in a thread while Playwright's event loop runs in the test: ORM calls from the test are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not CHROMIUM.exists():
        message = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"],
    }


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def page(page):
    """Playwright's page, failing the test when the browser reports a Content Security Policy violation."""
    violations: list[str] = []
    page.on("console", lambda message: violations.append(message.text)
            if message.type == "error" and "Content Security Policy" in message.text else None)
    pending: set = set()
    page.on("request", lambda request: pending.add(request))
    page.on("requestfinished", lambda request: pending.discard(request))
    page.on("requestfailed", lambda request: pending.discard(request))
    yield page
    # The page's requests end before the test's database is flushed: a live-server request still reading while the
    # flush took its locks deadlocked once on PostgreSQL (the flush failed, the test errored). Then the page is left,
    # so that no timer of it (htmx polling) starts another.
    deadline = time.monotonic() + 15
    while pending and time.monotonic() < deadline and not page.is_closed():
        page.wait_for_timeout(50)
    if not page.is_closed():
        page.goto("about:blank")
    assert not violations, f"Pelanggaran Content Security Policy di peramban: {violations}"


def _transactional(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction")) or "live_server" in getattr(item, "fixturenames", ())


@pytest.hookimpl(hookwrapper=True, trylast=True)
def pytest_runtest_teardown(item, nextitem):
    """A transactional test (browser, concurrency, migration) ends with a flush that empties every table, the
    Kepmendagri nomenclature that migration perencanaan 0002 loads included. Load it again, so that the tests after it
    on the same worker find the master data a real database has (which test runs after which depends on xdist)."""
    yield
    if nextitem is None or not _transactional(item):  # after the last test the test database is gone
        return
    from pytest_django.plugin import blocking_manager_key

    with item.config.stash[blocking_manager_key].unblock():
        _reload_nomenklatur()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """With --reuse-db (`make test` outside CI) the kept database is the one the previous run left: if that run ended
    on a transactional test, its flush emptied the nomenclature and the teardown hook above did not reload it."""
    with django_db_blocker.unblock():
        _reload_nomenklatur()


def _reload_nomenklatur() -> None:
    from django.apps import apps

    from renaksi.perencanaan.models import Nomenklatur

    if not Nomenklatur.objects.exists():
        import_module("renaksi.perencanaan.migrations.0002_nomenklatur_data").load(apps, None)
