"""The Samarinda-like plan for the report tests (built in tests/factories.py)."""

import pytest

from tests.factories import TwoBidangPlan, make_two_bidang_plan


@pytest.fixture
def two_bidang_plan(db) -> TwoBidangPlan:
    return make_two_bidang_plan()
