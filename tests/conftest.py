"""Shared fixtures: the test world of personas, the seed documents, and Playwright in Debian's Chromium.

Playwright never downloads a browser here (`playwright install` fails): it launches /usr/bin/chromium. Under
CI=true a missing browser fails the test; elsewhere it is skipped with the reason.
"""

import os
from pathlib import Path

import pytest
from hypothesis import settings

from renaksi.impor.contoh import SEED_BANGKA, SEED_SAMARINDA, SEEDS_DIR
from tests.factories import make_world

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
