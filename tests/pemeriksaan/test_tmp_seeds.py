import pytest
from renaksi.impor.api import import_path
from renaksi.pemeriksaan.api import check_plan, sort_findings
from tests.conftest import SEED_BANGKA, SEED_SAMARINDA

@pytest.mark.django_db
@pytest.mark.parametrize("seed", [SEED_BANGKA, SEED_SAMARINDA])
def test_tmp(seed):
    plan = import_path(seed).rencana_aksi
    print("\n=====", plan, plan.sumber)
    for f in sort_findings(check_plan(plan)):
        print(f.severity, f.rule, "|", f.location.label, "|", f.message, "|", f.values, "|", [s.describe() for s in f.location.sources][:3])
