"""The Django admin as an admin pemda sees it: his Pemda's rows only, on every page the admin has.

Regression tests for the hardening issue: django-simple-history's history pages fetched the object without the
admin's queryset, so an admin pemda could read another Pemda's official and, through the revert form, move
another Pemda's Perangkat Daerah into his own.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.db.models import Q
from django.urls import reverse

from renaksi.organisasi import services as org
from renaksi.organisasi.models import Bidang, Pejabat, Pemda, PerangkatDaerah
from renaksi.pemeriksaan.models import Pengakuan


@pytest.fixture
def admin_pemda(client, world):
    """The admin pemda as the demo makes him: staff, with the organisation, accounts and plan permissions."""
    admin = world.admin
    admin.is_staff = True
    admin.save()
    admin.user_permissions.set(Permission.objects.filter(
        Q(content_type__app_label__in=["organisasi", "accounts", "perencanaan", "pemeriksaan"])))
    client.force_login(admin)
    return client


@pytest.fixture
def foreign(world):
    """Rows of the other Pemda: its PD, a bidang and an official, each with a history of two records."""
    bidang = org.bidang_get_or_create(perangkat_daerah=world.foreign_pd, nama="Bidang Politik Lain", urutan=1)
    pejabat = org.pejabat_create(perangkat_daerah=world.foreign_pd, bidang=bidang, nama="RAHASIA, S.H.",
                                 jabatan="Kepala Bidang Politik", nip="19700101 199503 1 001")
    for obj in (world.foreign_pd, bidang, pejabat):
        obj.save()  # a second historical record, as after an edit
    return {"perangkatdaerah": world.foreign_pd, "bidang": bidang, "pejabat": pejabat}


def _history_urls(name: str, obj) -> tuple[str, str]:
    record = obj.history.order_by("history_id").first()
    return (reverse(f"admin:organisasi_{name}_history", args=[obj.pk]),
            reverse(f"admin:organisasi_{name}_simple_history", args=[obj.pk, record.history_id]))


@pytest.mark.parametrize("name", ["perangkatdaerah", "bidang", "pejabat"])
def test_history_of_another_pemda_is_not_found(admin_pemda, foreign, name):
    history, record = _history_urls(name, foreign[name])
    for url in (history, record):
        response = admin_pemda.get(url)
        assert response.status_code == 404
        assert "RAHASIA" not in response.content.decode()
        assert "19700101" not in response.content.decode()


def test_revert_of_another_pemdas_office_is_refused_and_changes_nothing(admin_pemda, world, foreign):
    pd = world.foreign_pd
    _, record = _history_urls("perangkatdaerah", pd)
    before = (pd.nama, pd.pemda_id, PerangkatDaerah.history.count())
    response = admin_pemda.post(record, {"pemda": world.pemda.pk, "nama": "Dipindahkan", "singkatan": "",
                                         "kode_urusan": "", "kepala": "", "bidang-TOTAL_FORMS": "0",
                                         "bidang-INITIAL_FORMS": "0"})
    assert response.status_code == 404
    pd.refresh_from_db()
    assert (pd.nama, pd.pemda_id, PerangkatDaerah.history.count()) == before
    # …and so Bangka's users still cannot reach the other Pemda's plan.
    admin_pemda.force_login(world.alice)
    assert admin_pemda.get(reverse("plan_editor", args=[world.foreign_plan.pk])).status_code == 404


def test_revert_of_another_pemdas_official_is_refused(admin_pemda, foreign):
    pejabat = foreign["pejabat"]
    _, record = _history_urls("pejabat", pejabat)
    response = admin_pemda.post(record, {"perangkat_daerah": pejabat.perangkat_daerah_id, "nama": "Diganti",
                                         "nip": "", "jabatan": "x", "status": "definitif"})
    assert response.status_code == 404
    assert Pejabat.objects.get(pk=pejabat.pk).nama == "RAHASIA, S.H."


def test_history_of_his_own_rows_still_opens(admin_pemda, world):
    pd = world.pd
    pd.save()
    history, record = _history_urls("perangkatdaerah", pd)
    assert admin_pemda.get(history).status_code == 200
    assert admin_pemda.get(record).status_code == 200


def test_superuser_reads_every_history(client, world, foreign):
    from renaksi.accounts.models import User

    client.force_login(User.objects.create_superuser("root", "root@example.org", "rahasia-root-123"))
    history, _ = _history_urls("pejabat", foreign["pejabat"])
    assert "RAHASIA" in client.get(history).content.decode()


@pytest.mark.parametrize("model", ["organisasi/perangkatdaerah", "organisasi/bidang", "organisasi/pejabat",
                                   "accounts/user", "perencanaan/rencanaaksi"])
def test_list_filters_name_only_his_pemda(admin_pemda, world, foreign, model):
    app, name = model.split("/")
    html = admin_pemda.get(reverse(f"admin:{app}_{name}_changelist")).content.decode()
    assert "Lain" not in html  # the other Pemda (Kabupaten Lain) is not even a filter choice
    assert "Bidang Politik Lain" not in html


def test_admin_pemda_cannot_make_a_user_staff(admin_pemda, world):
    url = reverse("admin:accounts_user_change", args=[world.alice.pk])
    form = admin_pemda.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None and name != "password"}
    data.update({"peran": world.alice.peran, "pemda": world.pemda.pk, "perangkat_daerah": world.pd.pk,
                 "is_active": "on", "is_staff": "on", "is_superuser": "on", "bidang": "", "pejabat": "",
                 "last_login_0": "", "last_login_1": "", "date_joined_0": "2024-01-01",
                 "date_joined_1": "00:00:00"})
    data.pop("groups", None)
    data.pop("user_permissions", None)
    response = admin_pemda.post(url, data)
    assert response.status_code == 302
    world.alice.refresh_from_db()
    assert (world.alice.is_staff, world.alice.is_superuser) == (False, False)


def test_admin_pemda_cannot_add_or_delete_a_pemda(admin_pemda, world):
    assert admin_pemda.get(reverse("admin:organisasi_pemda_add")).status_code == 403
    count = Pemda.objects.count()
    response = admin_pemda.post(reverse("admin:organisasi_pemda_add"), {"jenis": "kota", "nama": "Baru"})
    assert response.status_code == 403
    assert admin_pemda.post(reverse("admin:organisasi_pemda_delete", args=[world.pemda.pk]),
                            {"post": "yes"}).status_code == 403
    assert Pemda.objects.count() == count


def test_acknowledgements_of_another_pemda_are_hidden(admin_pemda, world):
    from django.utils import timezone

    own = Pengakuan.objects.create(rencana_aksi=world.plan, rule="aksi.without_pj", lokasi="aksi:1", nilai="x",
                                   pesan="milik sendiri", catatan="dicatat sendiri", waktu=timezone.now())
    other = Pengakuan.objects.create(rencana_aksi=world.foreign_plan, rule="aksi.without_pj", lokasi="aksi:1",
                                     nilai="x", pesan="milik pemda lain", catatan="catatan pemda lain",
                                     waktu=timezone.now())
    html = admin_pemda.get(reverse("admin:pemeriksaan_pengakuan_changelist")).content.decode()
    assert "dicatat sendiri" in html and "catatan pemda lain" not in html
    assert admin_pemda.get(reverse("admin:pemeriksaan_pengakuan_change", args=[other.pk])).status_code == 302
    assert admin_pemda.get(reverse("admin:pemeriksaan_pengakuan_history", args=[other.pk])).status_code == 404
    assert admin_pemda.get(reverse("admin:pemeriksaan_pengakuan_history", args=[own.pk])).status_code == 200


def test_the_admin_speaks_indonesian(admin_pemda):
    html = admin_pemda.get(reverse("admin:index")).content.decode()
    assert "Administrasi Renaksi" in html and "Administrasi Django" not in html
    assert "Pengguna" in html and "Organisasi" in html
    assert "Accounts" not in html and "ACCOUNTS" not in html


def test_bidang_rows_of_another_pemda_are_not_listed(admin_pemda, foreign):
    html = admin_pemda.get(reverse("admin:organisasi_bidang_changelist")).content.decode()
    assert Bidang.objects.filter(nama="Bidang Politik Lain").exists()
    assert "Bidang Politik Lain" not in html


def test_a_view_only_admin_cannot_revert_through_the_history_form(client, world):
    """simple-history hid the revert button from a view-only user but still saved his POST."""
    from django.utils import timezone

    from renaksi.accounts.models import User

    pengakuan = Pengakuan.objects.create(rencana_aksi=world.plan, rule="aksi.without_pj", lokasi="aksi:1",
                                         nilai="x", pesan="p", catatan="asli", waktu=timezone.now())
    pengakuan.catatan = "diubah"
    pengakuan.save()
    record = pengakuan.history.order_by("history_id").first()
    client.force_login(User.objects.create_superuser("root", "root@example.org", "rahasia-root-123"))
    url = reverse("admin:pemeriksaan_pengakuan_simple_history", args=[pengakuan.pk, record.history_id])
    assert client.post(url, {"catatan": "asli"}).status_code == 403
    assert Pengakuan.objects.get(pk=pengakuan.pk).catatan == "diubah"


def test_history_pages_name_the_model_in_indonesian(admin_pemda, world):
    pd = world.pd
    pd.save()
    record = pd.history.order_by("history_id").first()
    html = admin_pemda.get(reverse("admin:organisasi_perangkatdaerah_simple_history",
                                   args=[pd.pk, record.history_id])).content.decode()
    assert "riwayat perangkat daerah" in html.lower()
    assert "historical perangkat" not in html.lower()
