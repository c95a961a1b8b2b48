"""How a finding names the row it is about: the noun once, also when the row's own name starts with it, in the
panel, the CLI and the workflow's list of what blocks a submission alike (`findings.row_label`)."""

import pytest

from renaksi.pemeriksaan import api
from renaksi.pemeriksaan.findings import row_label
from tests.factories import budget, empty_plan, indikator
from tests.helpers import one

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("noun", "name", "code", "label"), [
    ("Indikator", "Persentase partisipasi pemilih", "", "Indikator Persentase partisipasi pemilih"),
    ("Indikator", "Indikator Kinerja Kesbangpol", "", "Indikator Kinerja Kesbangpol"),
    ("Indikator", "INDIKATOR kinerja", "", "INDIKATOR kinerja"),
    ("Indikator", "Indikatornya belum ada", "", "Indikator Indikatornya belum ada"),  # a word, not the noun
    ("Kegiatan", "Perumusan Kebijakan", "8.01.03.2.01", "Kegiatan 8.01.03.2.01 Perumusan Kebijakan"),
    ("Kegiatan", "Kegiatan Perumusan Kebijakan", "8.01.03.2.01", "Kegiatan Perumusan Kebijakan (8.01.03.2.01)"),
    ("Sub kegiatan", "Sub Kegiatan Rapat", "", "Sub Kegiatan Rapat"),
    ("Aksi", "Sosialisasi", "1.", "Aksi 1. Sosialisasi"),
    ("Aksi", "Aksi sosialisasi", "1.", "Aksi sosialisasi (1)"),
    ("Sasaran", "Meningkatnya partisipasi", "", "Sasaran Meningkatnya partisipasi"),
])
def test_row_label_says_the_noun_once(noun, name, code, label):
    assert row_label(noun, name, code) == label


def test_an_indikator_named_indikator_is_not_called_indikator_indikator():
    plan = empty_plan()
    indikator(plan, "35", ["0", "0", "35", "10"], nama="Indikator Kinerja Partisipasi Pemilih")
    f = one(plan, "target.quarterly_mismatch")
    assert f.location.label == "Indikator Kinerja Partisipasi Pemilih"
    assert api.place(f) == "Indikator Kinerja Partisipasi Pemilih"  # the workflow's and the preview's text


def test_every_place_names_the_row_once():
    plan = empty_plan()
    indikator(plan, "35", ["0", "0", "35", "10"], nama="Persentase partisipasi pemilih")
    budget(plan, 200, 100, [100])  # "Program Penguatan Ideologi Pancasila": 200 against its kegiatan's 100
    assert api.place(one(plan, "target.quarterly_mismatch")) == "Indikator Persentase partisipasi pemilih"
    assert api.place(one(plan, "pagu.rollup_mismatch")) == "Program Penguatan Ideologi Pancasila"
