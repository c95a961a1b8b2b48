"""`renaksi synth`: a synthetic Pemda through the services — deterministic, valid, clean for the checker, with users
per role and realisasi up to the triwulan asked. Small sizes (2–3 PDs, no large PD) keep this module quick."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import transaction
from django.urls import reverse

from renaksi.accounts.models import Peran, User
from renaksi.core.akumulasi import reconciles
from renaksi.core.nip import validate_nip
from renaksi.monev.models import JendelaPelaporan, ProgresAksi, RealisasiAnggaran, RealisasiIndikator
from renaksi.organisasi.models import Pejabat, Pemda, PerangkatDaerah
from renaksi.pemeriksaan.api import check_plan
from renaksi.perencanaan.models import (
    Aksi,
    Indikator,
    Kegiatan,
    Nomenklatur,
    Program,
    RencanaAksi,
    Sasaran,
    SubKegiatan,
)
from renaksi.sintetis.generator import SANDI_DEMO, buat_pemda, dump, username_pd
from tests.helpers import rolled_back


@pytest.fixture(scope="module")
def kota(django_db_setup, django_db_blocker):
    with rolled_back(django_db_blocker):
        yield buat_pemda(pd=3, seed=7, realisasi=2, besar_setiap=0)


def test_same_seed_same_data_other_seed_other_data(db):
    def run(seed: int) -> list:
        with transaction.atomic():
            hasil = buat_pemda(pd=2, seed=seed, realisasi=1, besar_setiap=0)
            out = dump(hasil.pemda)
            transaction.set_rollback(True)
        return out

    first = run(11)
    assert len(first) > 200
    assert run(11) == first
    assert run(12) != first


def test_names_are_real_pd_names_and_every_nip_is_valid(db, kota):
    pds = list(PerangkatDaerah.objects.filter(pemda=kota.pemda).order_by("id").values_list("nama", "kode_urusan"))
    assert pds == [("Dinas Pendidikan", "1.01"), ("Dinas Kesehatan", "1.02"),
                   ("Dinas Pekerjaan Umum dan Penataan Ruang", "1.03")]
    pejabat = Pejabat.objects.filter(perangkat_daerah__pemda=kota.pemda)
    assert pejabat.count() >= 3 * 4
    for p in pejabat:
        validate_nip(p.nip)  # raises on an invalid one
        assert p.nip[14] in "12" and len(p.nip) == 18
    assert all(pd.kepala_id for pd in PerangkatDaerah.objects.filter(pemda=kota.pemda))


def test_every_code_is_in_the_nomenclature_in_its_tree(db, kota):
    nomen = {n.kode: n for n in Nomenklatur.objects.all()}
    f = {"rencana_aksi__perangkat_daerah__pemda": kota.pemda}
    for model, level in ((Program, "program"), (Kegiatan, "kegiatan"), (SubKegiatan, "sub_kegiatan")):
        for row in model.objects.filter(**f):
            assert row.kode in nomen and nomen[row.kode].level == level, row.kode
            assert row.nama == nomen[row.kode].nama
    for k in Kegiatan.objects.filter(**f).select_related("program"):
        assert nomen[k.kode].induk_kode == k.program.kode
    for s in SubKegiatan.objects.filter(**f).select_related("kegiatan"):
        assert nomen[s.kode].induk_kode == s.kegiatan.kode


def test_pagu_roll_up_and_the_checker_finds_no_error(db, kota):
    assert len(kota.rencana_aksi) == 3
    for plan in kota.rencana_aksi:
        for k in Kegiatan.objects.filter(rencana_aksi=plan).prefetch_related("sub_kegiatan"):
            assert k.pagu == sum(s.pagu for s in k.sub_kegiatan.all()) > 0
        for p in Program.objects.filter(rencana_aksi=plan).prefetch_related("kegiatan"):
            assert p.pagu == sum(k.pagu for k in p.kegiatan.all())
        errors = [f for f in check_plan(plan) if str(f.severity) == "error"]
        assert errors == [], [f.message for f in errors]


def test_sasaran_cascade_and_indikator_of_every_kind(db, kota):
    plans = kota.rencana_aksi
    for s in Sasaran.objects.filter(rencana_aksi__in=plans).select_related("parent"):
        expected_parent = {"strategis": None, "program": "strategis", "kegiatan": "program"}[s.level]
        assert (s.parent.level if s.parent else None) == expected_parent
    indikator = Indikator.objects.filter(rencana_aksi__in=plans).prefetch_related("target")
    kinds = {(i.polaritas, i.akumulasi, i.jenis_target) for i in indikator}
    assert {p for p, _, _ in kinds} == {"positif", "negatif"}
    assert {a for _, a, _ in kinds} == {"kumulatif", "nilai_akhir", "rata_rata", "tetap"}
    assert {j for _, _, j in kinds} == {"angka", "kategori"}
    categories = set()
    for i in indikator:
        targets = {t.triwulan: t for t in i.target.all()}
        assert set(targets) == {None, 1, 2, 3, 4}
        if i.jenis_target == "kategori":
            categories.add(targets[None].kategori)
            assert targets[4].kategori == targets[None].kategori
        else:
            assert reconciles(i.akumulasi, targets[None].nilai, [targets[tw].nilai for tw in (1, 2, 3, 4)]), i.nama
    assert "WTP" in categories and categories & {"A", "BB", "B"}
    assert any(t.desimal == 2 for i in indikator for t in i.target.all())  # decimals as written
    aksi = Aksi.objects.filter(rencana_aksi__in=plans).prefetch_related("jadwal")
    assert all(a.jadwal.exists() and a.pejabat_id and a.keluaran for a in aksi)


def test_realisasi_up_to_the_triwulan_through_open_windows(db, kota):
    plans = kota.rencana_aksi
    assert set(JendelaPelaporan.objects.filter(pemda=kota.pemda).values_list("triwulan", flat=True)) == {1, 2}
    n_ind = Indikator.objects.filter(rencana_aksi__in=plans).count()
    assert RealisasiIndikator.objects.filter(indikator__rencana_aksi__in=plans).count() == 2 * n_ind
    assert set(RealisasiAnggaran.objects.filter(sub_kegiatan__rencana_aksi__in=plans)
               .values_list("triwulan", flat=True)) == {1, 2}
    assert max(ProgresAksi.objects.filter(aksi__rencana_aksi__in=plans).values_list("bulan", flat=True)) <= 6
    for sub in SubKegiatan.objects.filter(rencana_aksi__in=plans).prefetch_related("realisasi_anggaran"):
        assert sum(r.jumlah for r in sub.realisasi_anggaran.all()) <= sub.pagu


def test_running_again_adds_nothing(db, kota):
    before = (RencanaAksi.objects.count(), Pejabat.objects.count(), User.objects.count(), Aksi.objects.count())
    out = StringIO()
    call_command("synth", pd=3, seed=7, realisasi=2, besar_setiap=0, stdout=out)
    assert "0 rencana aksi dibuat, 3 sudah ada" in out.getvalue()
    assert (RencanaAksi.objects.count(), Pejabat.objects.count(), User.objects.count(), Aksi.objects.count()) == before


@pytest.mark.parametrize("suffix, peran", [("perencana", Peran.PERENCANA), ("kabid", Peran.KEPALA_BIDANG),
                                           ("kepala", Peran.KEPALA_PD)])
def test_pd_users_log_in_and_see_their_pd_only(client, db, kota, suffix, peran):
    disdik, dinkes = kota.rencana_aksi[0], kota.rencana_aksi[1]
    username = username_pd(disdik.perangkat_daerah, suffix)
    user = User.objects.get(username=username)
    assert user.peran == peran and user.perangkat_daerah == disdik.perangkat_daerah
    # Through the login page: django-axes needs the request that Client.login does not pass.
    assert client.post(reverse("login"), {"username": username, "password": SANDI_DEMO}).status_code == 302
    assert client.get(reverse("plan_editor", args=[disdik.pk])).status_code == 200
    assert client.get(reverse("plan_editor", args=[dinkes.pk])).status_code == 404


@pytest.mark.parametrize("username", ["sintetis.admin", "sintetis.evaluator"])
def test_pemda_users_log_in_and_see_the_pemda_dashboard(client, db, kota, username):
    # Through the login page: django-axes needs the request that Client.login does not pass.
    assert client.post(reverse("login"), {"username": username, "password": SANDI_DEMO}).status_code == 302
    response = client.get(reverse("dasbor_pemda") + "?tahun=2024&tw=2")
    assert response.status_code == 200
    assert len(response.context["d"].pd) == 3


def test_bad_arguments_are_clear_errors(db):
    before = Pemda.objects.count()
    with pytest.raises(CommandError, match="Jumlah perangkat daerah harus 1–46, bukan 0"):
        call_command("synth", pd=0, stdout=StringIO())
    with pytest.raises(CommandError, match="triwulan harus 0–4, bukan 5"):
        call_command("synth", pd=1, realisasi=5, stdout=StringIO())
    assert Pemda.objects.count() == before


def test_plans_are_written_through_the_services(db, kota):
    """A generated plan is an ordinary draft: the services still guard it (no raw rows that bypass them)."""
    plan = kota.rencana_aksi[0]
    assert plan.status == RencanaAksi.Status.DRAFT and plan.sumber == "renaksi synth --seed 7"
    from renaksi.perencanaan import services as svc

    with pytest.raises(ValidationError):
        svc.aksi_toggle_bulan(aksi=Aksi.objects.filter(rencana_aksi=plan).first(), bulan=13)


@pytest.mark.parametrize("n", [2, 20])
def test_pemda_dashboard_query_count_is_the_same_at_2_and_20_pds(client, db, django_assert_max_num_queries, n):
    buat_pemda(pd=n, seed=3, realisasi=1, besar_setiap=0, pemda="Ukur")
    client.force_login(User.objects.get(username="ukur.admin"))
    with django_assert_max_num_queries(16):
        response = client.get(reverse("dasbor_pemda") + "?tahun=2024&tw=1")
    assert len(response.context["d"].pd) == n
