"""Re-importing a document into an existing draft updates that plan in place: the plan keeps its id (its links),
matched rows keep their kunci (so acknowledgements follow them), and a failing re-import leaves everything as it
was."""

import pytest

from renaksi.accounts.models import User
from renaksi.impor import api
from renaksi.pemeriksaan import api as checker
from renaksi.pemeriksaan import services as checker_services
from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import (
    Aksi,
    Indikator,
    Kegiatan,
    Program,
    RencanaAksi,
    Sasaran,
    SubKegiatan,
    Target,
)
from renaksi.riwayat import services as catatan
from renaksi.riwayat.models import Catatan
from tests.conftest import SEED_BANGKA
from tests.helpers import table_counts

pytestmark = pytest.mark.django_db


def _kunci(ra: RencanaAksi) -> dict[str, set]:
    """Every row's (id, kunci): a re-import keeps both for the rows it matches."""
    return {m.__name__: set(m.objects.filter(rencana_aksi=ra).values_list("pk", "kunci"))
            for m in (Sasaran, Indikator, Program, Kegiatan, SubKegiatan, Aksi)}


@pytest.fixture
def plan(superuser):
    result = api.import_document(api.parse_document(SEED_BANGKA.read_bytes(), SEED_BANGKA.name))
    return result.rencana_aksi


@pytest.fixture
def superuser():
    return User.objects.create_superuser(username="root", password="x")


def _acknowledge_one(ra: RencanaAksi):
    finding = next(f for f in checker.check_plan(ra) if f.location.kunci)
    by = User.objects.get(username="root")
    checker_services.finding_acknowledge(rencana_aksi=ra, finding=finding, catatan="sesuai DPA", by=by)
    return finding.fingerprint


def _acknowledged(ra: RencanaAksi) -> set[str]:
    return {f.fingerprint for f in checker.check_plan(ra) if f.acknowledged}


def test_reimporting_the_same_document_keeps_the_plan_its_rows_kunci_and_acknowledgements(plan):
    fingerprint = _acknowledge_one(plan)
    svc.rencana_aksi_set_narasi(rencana_aksi=plan, by=User.objects.get(username="root"), penutup="Ditulis tangan.")
    noted = Indikator.objects.filter(rencana_aksi=plan, catatan="").first()
    thread = catatan.catatan_buat(baris=noted, teks="Formulasi perlu diperjelas.", by=User.objects.get(username="root"))
    svc.indikator_update(indikator=noted, catatan="Data dari BPS, bukan dari bidang.")
    kunci = _kunci(plan)
    versi_baris = Indikator.objects.get(pk=noted.pk).versi_baris
    result = api.import_document(api.parse_document(SEED_BANGKA.read_bytes(), SEED_BANGKA.name), replace=True)
    assert result.rencana_aksi_id == plan.pk
    assert RencanaAksi.objects.filter(perangkat_daerah=plan.perangkat_daerah, tahun=plan.tahun).count() == 1
    again = RencanaAksi.objects.get(pk=plan.pk)
    assert _kunci(again) == kunci
    assert fingerprint in _acknowledged(again)
    assert Indikator.objects.get(pk=noted.pk).versi_baris == versi_baris + 1  # an open edit form sees a conflict
    # What the document does not carry is kept: the plan's narrative, a note written by hand on a row.
    assert again.narasi_penutup == "Ditulis tangan."
    assert Indikator.objects.get(pk=noted.pk).catatan == "Data dari BPS, bukan dari bidang."
    # The evaluator's note stays on its row (notes are keyed by the row's id).
    assert Catatan.objects.get(pk=thread.pk).objek_id == noted.pk


def test_a_changed_target_changes_that_row_only(plan):
    fingerprint = _acknowledge_one(plan)
    kunci = _kunci(plan)
    yearly = Target.objects.filter(indikator__rencana_aksi=plan, triwulan__isnull=True).exclude(teks="")
    target = next(t for t in yearly if SEED_BANGKA.read_text().count(t.teks) == 1)
    text = SEED_BANGKA.read_text().replace(target.teks, "987")
    parsed = api.parse_document(text.encode(), SEED_BANGKA.name)
    diff = api.compare_with_plan(parsed, plan)
    assert [(p.jenis, p.tingkat, p.nama) for p in diff.perubahan] == [("diubah", "indikator", target.indikator.nama)]
    result = api.import_document(parsed, replace=True)
    assert result.rencana_aksi_id == plan.pk
    again = RencanaAksi.objects.get(pk=plan.pk)
    assert _kunci(again) == kunci
    changed = Indikator.objects.get(rencana_aksi=again, kunci=target.indikator.kunci)
    assert Target.objects.get(indikator=changed, triwulan__isnull=True).teks == "987"
    assert fingerprint in _acknowledged(again)


def test_a_failing_reimport_leaves_everything_as_it_was(plan, monkeypatch):
    _acknowledge_one(plan)
    before = table_counts()
    kunci = _kunci(plan)

    def broken(**kwargs):
        raise RuntimeError("gagal di tengah")

    monkeypatch.setattr(svc, "rencana_aksi_ganti_isi", broken)
    with pytest.raises(RuntimeError):
        api.import_document(api.parse_document(SEED_BANGKA.read_bytes(), SEED_BANGKA.name), replace=True)
    assert table_counts() == before
    assert _kunci(RencanaAksi.objects.get(pk=plan.pk)) == kunci
