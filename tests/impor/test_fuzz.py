"""Mutated copies of the seeds (shuffled rows, deleted cells, junk bytes, duplicated or cut lines): the importer
either stores the whole document or nothing, and the only error it raises is its own, with a message."""

from __future__ import annotations

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from renaksi.impor import api
from renaksi.impor.grid import ImporGagal
from renaksi.impor.models import Impor
from renaksi.perencanaan.models import RencanaAksi
from tests.conftest import SEED_BANGKA, SEED_SAMARINDA
from tests.helpers import examples, table_counts

pytestmark = pytest.mark.django_db

SEEDS = {"bangka": SEED_BANGKA, "samarinda": SEED_SAMARINDA}
OPS = ["shuffle", "delete_cell", "junk", "duplicate", "delete_line", "truncate", "swap_cells"]


@st.composite
def mutated_seed(draw) -> tuple[str, bytes]:
    name = draw(st.sampled_from(sorted(SEEDS)))
    lines = SEEDS[name].read_bytes().split(b"\n")
    for op in draw(st.lists(st.sampled_from(OPS), min_size=1, max_size=4)):
        i = draw(st.integers(0, len(lines) - 1))
        if op == "shuffle":
            j = min(len(lines), i + draw(st.integers(2, 30)))
            lines[i:j] = draw(st.permutations(lines[i:j]))
        elif op in ("delete_cell", "swap_cells"):
            cells = lines[i].split(b"\t")
            if len(cells) > 1:
                k = draw(st.integers(0, len(cells) - 2))
                if op == "delete_cell":
                    del cells[k]
                else:
                    cells[k], cells[k + 1] = cells[k + 1], cells[k]
                lines[i] = b"\t".join(cells)
        elif op == "junk":
            junk = draw(st.binary(min_size=1, max_size=16))
            pos = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:pos] + junk + lines[i][pos:]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "delete_line" and len(lines) > 1:
            del lines[i]
        elif op == "truncate":
            lines = lines[: i + 1]
    return name, b"\n".join(lines)


@settings(max_examples=examples(0.15), database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(case=mutated_seed())
def test_mutated_seeds_import_completely_or_not_at_all(db, case):
    name, data = case
    before = table_counts()
    with transaction.atomic():
        try:
            parsed = api.parse_document(data, f"{name}-mutasi.txt")
            result = api.import_document(parsed)
        except (ImporGagal, api.ImporDitolak) as exc:
            assert str(exc).strip()
            assert table_counts() == before  # none of it
        else:
            plan = RencanaAksi.objects.get(pk=result.rencana_aksi_id)  # all of it
            expected = parsed.dokumen.counts()
            assert {k: v for k, v in result.counts.items() if k != "pejabat"} == \
                {k: v for k, v in expected.items() if k != "pejabat"}
            assert result.pagu == parsed.dokumen.pagu_totals()
            assert Impor.objects.filter(rencana_aksi=plan).exists()
        transaction.set_rollback(True)
    assert table_counts() == before
