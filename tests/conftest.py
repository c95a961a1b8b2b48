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
