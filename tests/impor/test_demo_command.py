"""`renaksi demo`: creates the demo organisation, one user per role, and two plans; twice is the same as once.

The demo runs once for this module (`first_run`, rolled back afterwards): the tests read what it made.
"""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from renaksi.accounts.models import Peran, User
from renaksi.impor.management.commands import demo
from renaksi.organisasi.models import Bidang, Pejabat, Pemda, PerangkatDaerah
from renaksi.perencanaan.models import RencanaAksi
from tests.conftest import SEEDS_DIR
from tests.helpers import rolled_back

USERNAMES = {f"{pemda}.{role}" for pemda in ("bangka", "samarinda")
             for role in ("admin", "perencana", "kabid.ideologi", "kabid.politik", "kepala", "evaluator")}


def run_demo(seeds_dir) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("demo", seeds=str(seeds_dir), synth_pd=0, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def first_run(django_db_setup, django_db_blocker) -> tuple[str, str]:
    with rolled_back(django_db_blocker):
        yield run_demo(SEEDS_DIR)


def test_demo_twice_creates_everything_once(db, first_run, seeds_dir):
    first_out, _ = first_run
    counts = (Pemda.objects.count(), PerangkatDaerah.objects.count(), Bidang.objects.count(),
              Pejabat.objects.count(), User.objects.count(), RencanaAksi.objects.count())
    second_out, _ = run_demo(seeds_dir)
    assert (Pemda.objects.count(), PerangkatDaerah.objects.count(), Bidang.objects.count(),
            Pejabat.objects.count(), User.objects.count(), RencanaAksi.objects.count()) == counts

    assert set(User.objects.values_list("username", flat=True)) >= USERNAMES
    for username in USERNAMES:
        assert User.objects.filter(username=username).count() == 1
        assert username in first_out and username in second_out
    assert demo.DEMO_PASSWORD in second_out

    assert {str(p) for p in Pemda.objects.all()} == {"Kabupaten Bangka", "Kota Samarinda"}
    assert RencanaAksi.objects.count() == 2
    assert set(RencanaAksi.objects.values_list("status", flat=True)) == {RencanaAksi.Status.DRAFT}
    assert "sudah ada" in second_out


def test_demo_users_have_their_roles_and_scope(db, first_run):
    samarinda = PerangkatDaerah.objects.get(pemda__nama="Samarinda")
    kepala = User.objects.get(username="samarinda.kepala")
    assert kepala.peran == Peran.KEPALA_PD and kepala.perangkat_daerah == samarinda
    assert kepala.pejabat.nip_tampil == "19670319 199702 1 003"
    assert samarinda.kepala.nama == "SUCIPTO, S.Pd, M.Si."
    kabid = User.objects.get(username="samarinda.kabid.ideologi")
    assert kabid.peran == Peran.KEPALA_BIDANG and kabid.bidang.nama == "Bidang Ideologi dan Wawasan Kebangsaan"
    assert kabid.pejabat.status == Pejabat.Status.PLT
    assert kabid.pejabat.jabatan_tanda_tangan == "Plt. Kabid. Ideologi, Wasbang Dan Karakter Bangsa"
    assert User.objects.get(username="samarinda.evaluator").perangkat_daerah is None
    assert User.objects.get(username="bangka.admin").peran == Peran.ADMIN_PEMDA


def test_demo_user_logs_in_and_reads_the_plan(client, db, first_run):
    # Through the login page: the login throttle (django-axes) needs the request that Client.login does not pass.
    login = {"username": "samarinda.perencana", "password": demo.DEMO_PASSWORD}
    assert client.post(reverse("login"), login).status_code == 302
    plan = RencanaAksi.objects.get(perangkat_daerah__pemda__nama="Samarinda")
    assert client.get(reverse("ra_document", args=[plan.pk])).status_code == 200
    login = {"username": "bangka.evaluator", "password": demo.DEMO_PASSWORD}
    assert client.post(reverse("login"), login).status_code == 302
    assert client.get(reverse("ra_document", args=[plan.pk])).status_code == 404


def test_without_seed_documents_the_demo_is_built_from_synth_and_says_so(db, tmp_path):
    """A checkout without the seeds (or --seeds at an empty folder) gets Kota Sintetis instead of an error."""
    for seeds in (tmp_path / "tidak-ada", tmp_path):
        out = StringIO()
        call_command("demo", seeds=str(seeds), synth_pd=2, stdout=out)
        assert f"tidak ditemukan di {seeds}: demo dibangun dari `renaksi synth`" in out.getvalue()
    assert Pemda.objects.filter(nama="Sintetis").count() == 1
    assert RencanaAksi.objects.filter(perangkat_daerah__pemda__nama="Sintetis").count() == 2
    assert User.objects.get(username="sintetis.dinkes.perencana").check_password(demo.DEMO_PASSWORD)


def test_with_importer_both_seeds_are_imported(db, first_run):
    out, err = first_run
    assert out.count("Diimpor:") == 2, (out, err)
    assert "gagal" not in err
    assert RencanaAksi.objects.filter(perangkat_daerah__pemda__nama="Samarinda").count() == 1
    assert RencanaAksi.objects.filter(perangkat_daerah__pemda__nama="Bangka").count() == 1
