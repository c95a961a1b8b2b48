"""nomenklatur_search: the code picker's <option>s from the nomenclature of the plan's year."""

from django.urls import reverse

from renaksi.perencanaan.models import Nomenklatur
from tests.helpers import assert_login_redirect


def search(client, **params):
    return client.get(reverse("nomenklatur_search"), params)


def test_codes_of_a_level_by_code_prefix(login, db):
    Nomenklatur.objects.get_or_create(tahun=2024, kode="8.01.02", defaults={
        "nama": "PROGRAM PENGUATAN IDEOLOGI PANCASILA DAN KARAKTER KEBANGSAAN", "level": "program"})
    response = search(login("alice"), tahun=2024, level="program", q="8.01.02")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<option value="8.01.02">PROGRAM PENGUATAN IDEOLOGI PANCASILA' in html
    assert "8.01.02.2.01" not in html  # a kegiatan, not a program


def test_by_words_of_the_name_and_from_the_input_itself(login, db):
    Nomenklatur.objects.get_or_create(tahun=2024, kode="8.01.01.2.01.0001", defaults={
        "nama": "Penyusunan Dokumen Perencanaan Perangkat Daerah", "level": "sub_kegiatan"})
    # The kode input sends its own value as `kode`.
    html = search(login("alice"), tahun=2024, level="sub_kegiatan", kode="dokumen perencanaan").content.decode()
    assert 'value="8.01.01.2.01.0001"' in html


def test_only_the_plans_year(login, db):
    Nomenklatur.objects.create(tahun=2031, kode="9.99.99", nama="Program masa depan", level="program")
    assert "9.99.99" not in search(login("alice"), tahun=2024, q="9.99").content.decode()
    assert "9.99.99" in search(login("alice"), tahun=2031, q="9.99").content.decode()


def test_bad_parameters_give_an_empty_list(login, db):
    assert search(login("alice"), tahun="dua ribu", q="8").content.decode().strip() == ""
    assert search(login("alice"), tahun=2024, level="bogus", q="zzzz-tidak-ada").content.decode().strip() == ""


def test_login_required(login, db):
    assert_login_redirect(search(login(None), tahun=2024))
