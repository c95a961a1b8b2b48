"""The two seed documents (see README.md here): the demo imports them, the tests and the benchmark read them."""

from pathlib import Path

SEEDS_DIR = Path(__file__).resolve().parent
SEED_BANGKA = SEEDS_DIR / "000_39d5d68d180aad9c.txt"
SEED_SAMARINDA = SEEDS_DIR / "003_a1ceddc45d39290c.txt"
