"""Shared fixtures: the test world of personas, the seed documents, and Playwright in Debian's Chromium.

Playwright never downloads a browser here (`playwright install` fails): it launches /usr/bin/chromium. Under
CI=true a missing browser fails the test; elsewhere it is skipped with the reason.
"""

import os
from pathlib import Path

import pytest

from tests.factories import make_world

SEEDS_DIR = Path(os.environ.get("RENAKSI_SEEDS", Path(__file__).resolve().parents[1].parent / "shared" / "seeds"))
SEED_BANGKA = SEEDS_DIR / "000_39d5d68d180aad9c.txt"
SEED_SAMARINDA = SEEDS_DIR / "003_a1ceddc45d39290c.txt"


@pytest.fixture
def world(db):
    return make_world()


@pytest.fixture
def seeds_dir() -> Path:
    if not SEED_BANGKA.exists():
        pytest.fail(f"Seed documents not found in {SEEDS_DIR} (set RENAKSI_SEEDS)")
    return SEEDS_DIR


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
    yield page
    assert not violations, f"Pelanggaran Content Security Policy di peramban: {violations}"
