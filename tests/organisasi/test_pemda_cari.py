"""`pemda_cari`: the Pemda a user means by the name he types, the same for `renaksi import --pemda` and `renaksi
bundel --pemda`; when none (or several) answer, the message lists the Pemda there are."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from renaksi.organisasi import services as org
from renaksi.organisasi.models import Pemda
from renaksi.organisasi.selectors import PemdaTidakDitemukan, pemda_cari
from renaksi.pekerjaan.models import Pekerjaan
from tests.factories import make_pd, make_plan
from tests.impor.test_cli import MINIMAL, write

pytestmark = pytest.mark.django_db

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def bangka():
    org.pemda_get_or_create(jenis=Pemda.Jenis.KOTA, nama="Samarinda")
    return org.pemda_get_or_create(jenis=Pemda.Jenis.KABUPATEN, nama="Bangka")


@pytest.mark.parametrize("teks", ["Kabupaten Bangka", "kabupaten bangka", "Kab. Bangka", "Bangka", " BANGKA "])
def test_every_spelling_of_a_pemda_finds_it(bangka, teks):
    assert pemda_cari(teks=teks) == bangka
    assert pemda_cari(teks=str(bangka.pk)) == bangka


def test_an_unknown_or_ambiguous_name_lists_the_pemda_there_are(bangka):
    with pytest.raises(PemdaTidakDitemukan) as exc:
        pemda_cari(teks="Kota Bangka")  # the name exists, not as a kota
    assert str(exc.value) == ("Pemda 'Kota Bangka' tidak ditemukan. Pemda yang ada: Kabupaten Bangka, "
                              "Kota Samarinda.")
    assert (exc.value.jenis, exc.value.nama) == ("kota", "Bangka")
    org.pemda_get_or_create(jenis=Pemda.Jenis.KOTA, nama="Bangka")
    with pytest.raises(PemdaTidakDitemukan, match="'Bangka' cocok dengan lebih dari satu Pemda: Kabupaten Bangka, "
                                                  "Kota Bangka. Tulis lengkap dengan jenisnya"):
        pemda_cari(teks="Bangka")


def test_bundel_takes_the_name_import_takes(bangka):
    make_plan(make_pd(pemda="Bangka", jenis=Pemda.Jenis.KABUPATEN))
    with override_settings(TASKS=DB_TASKS):
        call_command("bundel", "--pemda", "Kabupaten Bangka", stdout=io.StringIO())
    assert Pekerjaan.objects.get().pemda == bangka
    with pytest.raises(CommandError, match="Pemda 'Atlantis' tidak ditemukan. Pemda yang ada: Kabupaten Bangka"):
        call_command("bundel", "--pemda", "Atlantis")


@pytest.mark.parametrize("teks", ["Kabupaten Bangka", "Bangka"])
def test_import_takes_the_name_bundel_takes(bangka, tmp_path, teks):
    out = io.StringIO()
    call_command("import", write(tmp_path, "diskominfo.txt", MINIMAL), "--pemda", teks, "--json", stdout=out)
    assert '"pemda": "Kabupaten Bangka"' in out.getvalue()
    assert Pemda.objects.count() == 2  # none made


def test_import_of_an_unknown_pemda_without_its_jenis_says_which_exist(bangka, tmp_path):
    # The title names "Kota Contoh", not "Atlantis": Renaksi cannot tell a kota from a kabupaten.
    with pytest.raises(CommandError, match="Pemda 'Atlantis' tidak ditemukan. Pemda yang ada: Kabupaten Bangka, "
                                           "Kota Samarinda. Untuk Pemda baru, tulis lengkap dengan jenisnya"):
        call_command("import", write(tmp_path, "diskominfo.txt", MINIMAL), "--pemda", "Atlantis")
