"""Django admin for master data, users and (read-mostly) plans."""

from html import unescape

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from renaksi.accounts.models import Peran, User
from renaksi.organisasi.models import Pejabat
from renaksi.perencanaan.models import Nomenklatur, RencanaAksi
from tests.factories import submit


@pytest.fixture
def root(client, world):
    user = User.objects.create_superuser("root", "root@example.org", "rahasia-root-123")
    client.force_login(user)
    return client


MODELS = ["organisasi/pemda", "organisasi/perangkatdaerah", "organisasi/bidang", "organisasi/pejabat",
          "perencanaan/nomenklatur", "accounts/user", "perencanaan/rencanaaksi"]


@pytest.mark.parametrize("model", MODELS)
def test_every_list_and_form_opens(root, world, model):
    app, name = model.split("/")
    assert root.get(reverse(f"admin:{app}_{name}_changelist")).status_code == 200
    obj = {"pemda": world.pemda, "perangkatdaerah": world.pd, "bidang": world.bidang_politik,
           "pejabat": Pejabat.objects.first(), "user": world.kabid, "rencanaaksi": world.plan}.get(name)
    if obj is not None:
        assert root.get(reverse(f"admin:{app}_{name}_change", args=[obj.pk])).status_code == 200
    add = root.get(reverse(f"admin:{app}_{name}_add"))
    assert add.status_code == (403 if name == "rencanaaksi" else 200)


def test_nip_is_shown_formatted_and_typed_with_spaces(root, world):
    html = root.get(reverse("admin:organisasi_pejabat_changelist")).content.decode()
    assert "19690325 199103 2 004" in html
    assert "19690325 199103 2 004" in root.get(
        reverse("admin:organisasi_pejabat_changelist") + "?q=19690325+199103").content.decode()
    response = root.post(reverse("admin:organisasi_pejabat_add"), {
        "perangkat_daerah": world.pd.pk, "bidang": "", "nama": "SUCIPTO, S.Pd, M.Si.",
        "nip": "19670319 199702 1 003", "jabatan": "Kepala Badan", "status": "definitif", "pangkat": "Pembina Utama Muda",
        "golongan": "IV/c",
    })
    assert response.status_code == 302
    assert Pejabat.objects.get(nama__startswith="SUCIPTO").nip == "196703191997021003"


def test_an_invalid_nip_is_refused(root, world):
    response = root.post(reverse("admin:organisasi_pejabat_add"), {
        "perangkat_daerah": world.pd.pk, "nama": "X", "nip": "1967 0319", "jabatan": "Staf", "status": "definitif",
    })
    assert response.status_code == 200
    assert "NIP harus 18 angka" in unescape(response.content.decode())
    assert not Pejabat.objects.filter(nama="X").exists()


def test_nomenclature_filters_by_year_and_level(root, db):
    Nomenklatur.objects.create(tahun=2025, kode="8.01.02", nama="Program versi tahun lain", level="program")
    response = root.get(reverse("admin:perencanaan_nomenklatur_changelist") + "?tahun=2024&level=program")
    assert response.status_code == 200
    programs = list(Nomenklatur.objects.filter(tahun=2024, level="program").values_list("kode", flat=True))
    assert len(programs) > 1
    assert sorted(response.context["cl"].queryset.values_list("kode", flat=True)) == sorted(programs)
    html = response.content.decode()
    assert all(kode in html for kode in programs)
    assert "Program versi tahun lain" not in html  # another year
    assert "8.01.02.2.01" not in html  # a kegiatan of the same year


def test_user_form_has_role_and_scope_and_checks_them(root, world):
    html = root.get(reverse("admin:accounts_user_change", args=[world.kabid.pk])).content.decode()
    for field in ("peran", "pemda", "perangkat_daerah", "bidang", "pejabat"):
        assert f'name="{field}"' in html
    response = root.post(reverse("admin:accounts_user_add"), {
        "username": "kabid2", "usable_password": "true", "password1": "rahasia-uji-456", "password2": "rahasia-uji-456",
        "peran": Peran.KEPALA_BIDANG, "pemda": world.pemda.pk, "perangkat_daerah": world.pd.pk,
        "bidang": "", "pejabat": "",
    })
    assert response.status_code == 200
    assert "Kepala bidang memerlukan bidang." in response.content.decode()
    response = root.post(reverse("admin:accounts_user_add"), {
        "username": "kabid2", "usable_password": "true", "password1": "rahasia-uji-456", "password2": "rahasia-uji-456",
        "peran": Peran.KEPALA_BIDANG, "pemda": "", "perangkat_daerah": world.pd.pk,
        "bidang": world.bidang_ideologi.pk, "pejabat": "",
    })
    assert response.status_code == 302
    user = User.objects.get(username="kabid2")
    assert (user.pemda, user.bidang) == (world.pemda, world.bidang_ideologi)  # pemda follows the PD


def test_a_bidang_of_another_pd_is_refused(root, world):
    response = root.post(reverse("admin:accounts_user_add"), {
        "username": "x", "usable_password": "true", "password1": "rahasia-uji-456", "password2": "rahasia-uji-456",
        "peran": Peran.KEPALA_BIDANG, "pemda": world.pemda.pk, "perangkat_daerah": world.other_pd.pk,
        "bidang": world.bidang_politik.pk, "pejabat": "",
    })
    assert response.status_code == 200
    assert "Bidang harus bidang dari perangkat daerah pengguna." in response.content.decode()


def test_plans_are_read_mostly(root, world):
    url = reverse("admin:perencanaan_rencanaaksi_change", args=[world.plan.pk])
    html = root.get(url).content.decode()
    assert 'name="judul"' in html and 'name="status"' not in html and 'name="tahun"' not in html
    assert reverse("plan_editor", args=[world.plan.pk]) in root.get(
        reverse("admin:perencanaan_rencanaaksi_changelist")).content.decode()
    response = root.post(url, {"judul": "Rencana Aksi 2024 (revisi judul)", "tempat": "Samarinda",
                               "tanggal": "2024-01-02", "penandatangan": ""})
    assert response.status_code == 302
    world.plan.refresh_from_db()
    assert (world.plan.judul, world.plan.tempat) == ("Rencana Aksi 2024 (revisi judul)", "Samarinda")


def test_a_submitted_plan_cannot_be_changed_in_the_admin(root, world):
    submit(world.plan)
    response = root.post(reverse("admin:perencanaan_rencanaaksi_change", args=[world.plan.pk]),
                         {"judul": "Baru", "tempat": "", "tanggal": "", "penandatangan": ""})
    assert response.status_code == 200
    assert "tidak dapat diubah" in unescape(response.content.decode())
    world.plan.refresh_from_db()
    assert world.plan.judul != "Baru"
    assert world.plan.status == RencanaAksi.Status.DIAJUKAN


def test_admin_pemda_sees_only_his_pemda(client, world):
    admin = world.admin
    admin.is_staff = True
    admin.save()
    admin.user_permissions.set(Permission.objects.filter(content_type__app_label__in=["organisasi", "perencanaan"]))
    client.force_login(admin)
    html = client.get(reverse("admin:organisasi_perangkatdaerah_changelist")).content.decode()
    assert world.pd.nama in html and world.other_pd.nama in html
    assert client.get(reverse("admin:organisasi_perangkatdaerah_change", args=[world.foreign_pd.pk])).status_code == 302
    plans = client.get(reverse("admin:perencanaan_rencanaaksi_changelist")).content.decode()
    assert f"/rencana-aksi/{world.plan.pk}/" in plans and f"/rencana-aksi/{world.foreign_plan.pk}/" not in plans
