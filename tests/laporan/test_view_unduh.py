"""The download view (`laporan_unduh`) and the download menu: who gets which file, the 400 page for a combination
that makes no file, and the menu on the plan editor, the RA document page and the monev page.

Builders and formatters are faked (tests/laporan/palsu.py): this tests the plumbing, not the documents."""

from __future__ import annotations

import io
import zipfile

import lxml.html
import pytest
from django.template import Context, Template
from django.urls import reverse

from renaksi.laporan import registry
from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import Aksi, RencanaAksi
from tests.laporan.palsu import dibaca, fixture_laporan_palsu, parameter, semua_kombinasi  # noqa: F401

pytestmark = pytest.mark.django_db

READERS = ["alice", "kabid", "bob", "kepala", "eve", "admin"]  # who may read the PD's plan and its monev
OUTSIDERS = ["charlie", "dave"]  # another PD of the Pemda, another Pemda
MONITORING = [k for k, e in registry.LAPORAN.items() if e.izin == "monev.view_monev"]


def url(plan, laporan: str, format: str, query: str = "") -> str:
    return reverse("laporan_unduh", args=[plan.pk, laporan, format]) + query


def publish(plan: RencanaAksi) -> None:
    RencanaAksi.objects.filter(pk=plan.pk).update(status=RencanaAksi.Status.DISETUJUI)
    plan.refresh_from_db()


def assert_login_redirect(response) -> None:
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login") + "?next=")


# --- Rights -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", READERS)
def test_the_pds_people_and_the_evaluator_download_every_document(client, world, laporan_palsu, persona):
    client.force_login(getattr(world, persona))
    for laporan, format in semua_kombinasi():
        if laporan in ("opendata", "templat"):
            continue  # only of an approved plan; the template's own name (below)
        response = client.get(url(world.plan, laporan, format, parameter(laporan)))
        assert response.status_code == 200, (laporan, format, response.status_code)
        tw = "-tw2" if parameter(laporan) else ""
        ext = registry.FORMAT[format].ekstensi
        assert response["Content-Disposition"] == f'attachment; filename="{laporan}-kesbangpol-contoh-2024{tw}.{ext}"'
        assert response["Content-Type"] == registry.FORMAT[format].content_type
        assert dibaca(response.content)["format"] == format


@pytest.mark.parametrize("persona", READERS)
def test_open_data_of_the_approved_plan(client, world, laporan_palsu, persona):
    publish(world.plan)
    client.force_login(getattr(world, persona))
    for format, ext in (("json", "json"), ("csv", "zip"), ("jsonld", "jsonld")):
        response = client.get(url(world.plan, "opendata", format))
        assert response.status_code == 200
        assert response["Content-Disposition"] == f'attachment; filename="opendata-kesbangpol-contoh-2024.{ext}"'
        assert response["Content-Type"] == registry.FORMAT[format].content_type


def test_the_template_of_the_menu_is_the_file_of_its_own_address(client, world):
    """The template is a report of the menu (`unduh/templat.<format>`); its old address gives the same file."""
    Aksi.objects.filter(sub_kegiatan__rencana_aksi=world.plan).update(keluaran="")  # open findings
    client.force_login(world.eve)
    for fmt in ("xlsx", "docx"):
        menu = client.get(url(world.plan, "templat", fmt, "?lampiran=temuan"))
        own = client.get(reverse("plan_export_template", args=[world.plan.pk]), {"format": fmt, "lampiran": "temuan"})
        assert menu.status_code == own.status_code == 200
        assert menu["Content-Disposition"] == own["Content-Disposition"] == (
            f'attachment; filename="templat-kesbangpol-contoh-2024.{fmt}"')
        assert menu["Content-Type"] == own["Content-Type"] == registry.FORMAT[fmt].content_type
        assert _parts(menu.content) == _parts(own.content)


def _parts(isi: bytes) -> dict[str, bytes]:
    """A zip's parts but the time it was written (docProps/core.xml)."""
    with zipfile.ZipFile(io.BytesIO(isi)) as z:
        return {n: z.read(n) for n in z.namelist() if n != "docProps/core.xml"}


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_outsiders_get_404_for_every_report_and_format_of_a_draft(client, world, laporan_palsu, persona):
    client.force_login(getattr(world, persona))
    plan = world.plan  # charlie: another PD of the Pemda; dave: another Pemda
    urls = [url(plan, laporan, format, parameter(laporan) + "&lampiran=temuan" if parameter(laporan)
                else "?lampiran=temuan") for laporan, format in semua_kombinasi()]
    urls += [url(plan, "rpjmd", "pdf"), url(plan, "ra", "json"), url(plan, "monev", "pdf"),
             url(plan, "monev", "pdf", "?triwulan=9"), url(plan, "opendata", "json")]
    for address in urls:
        assert client.get(address).status_code == 404, address
    assert laporan_palsu == []


def test_dave_gets_404_for_the_other_pemdas_plan_and_the_reverse(client, world, laporan_palsu):
    client.force_login(world.alice)
    for laporan, format in semua_kombinasi():
        assert client.get(url(world.foreign_plan, laporan, format, parameter(laporan))).status_code == 404
    client.force_login(world.dave)
    assert client.get(url(world.foreign_plan, "ra", "pdf")).status_code == 200


def test_a_missing_plan_is_404_or_the_login_page(client, world, laporan_palsu):
    missing = reverse("laporan_unduh", args=[999_999, "ra", "pdf"])
    assert_login_redirect(client.get(missing))
    client.force_login(world.eve)
    assert client.get(missing).status_code == 404


def test_anonymous_is_sent_to_log_in_for_every_report_of_a_draft(client, world, laporan_palsu):
    for laporan, format in semua_kombinasi():
        assert_login_redirect(client.get(url(world.plan, laporan, format, parameter(laporan))))
    assert laporan_palsu == []


def test_anyone_downloads_a_published_plans_documents_but_never_its_monitoring(client, world, laporan_palsu):
    publish(world.plan)
    for laporan, format in semua_kombinasi():
        response = client.get(url(world.plan, laporan, format, parameter(laporan)))
        if laporan in MONITORING:
            assert_login_redirect(response)
        else:
            assert response.status_code == 200, (laporan, format)
    assert not any(call[1] in MONITORING for call in laporan_palsu if call[0] == "dokumen")


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_outsiders_read_a_published_plan_but_not_its_monitoring(client, world, laporan_palsu, persona):
    publish(world.plan)
    client.force_login(getattr(world, persona))
    for laporan, format in semua_kombinasi():
        status = client.get(url(world.plan, laporan, format, parameter(laporan))).status_code
        assert status == (404 if laporan in MONITORING else 200), (laporan, format)


def test_only_get(client, world, laporan_palsu):
    client.force_login(world.alice)
    assert client.post(url(world.plan, "ra", "pdf")).status_code == 405
    assert client.head(url(world.plan, "ra", "pdf")).status_code == 405


# --- Combinations that make no file --------------------------------------------------------------------------------


@pytest.mark.parametrize(("laporan", "format", "query", "pesan"), [
    ("rpjmd", "pdf", "", "Laporan 'rpjmd' tidak dikenal"),
    ("ra", "json", "", "Format 'json' tidak tersedia untuk Dokumen Rencana Aksi"),
    ("ra", "exe", "", "Format 'exe' tidak tersedia untuk Dokumen Rencana Aksi"),
    ("opendata", "xlsx", "", "Format 'xlsx' tidak tersedia untuk Data Terbuka"),
    ("monev", "pdf", "", "Monev Triwulan memerlukan triwulan (1, 2, 3 atau 4)"),
    ("monev", "pdf", "?triwulan=", "Monev Triwulan memerlukan triwulan"),
    ("monev", "xlsx", "?triwulan=5", "Triwulan 5 tidak ada; pilih 1, 2, 3 atau 4"),
    ("monev", "docx", "?triwulan=II", "Triwulan 'II' tidak sah; pilih 1, 2, 3 atau 4"),
    ("lkjip", "pdf", "?triwulan=-1", "Triwulan '-1' tidak sah"),
    ("monev", "pdf", "?triwulan=99999999999999999999", "Triwulan 99999999999999999999 tidak ada"),
    ("opendata", "json", "", "Data Terbuka hanya tersedia untuk rencana aksi yang sudah disetujui"),
])
def test_a_wrong_combination_is_a_400_page_that_says_why(client, world, laporan_palsu, laporan, format, query,
                                                         pesan):
    client.force_login(world.eve)
    response = client.get(url(world.plan, laporan, format, query))
    assert response.status_code == 400
    assert "Content-Disposition" not in response
    doc = lxml.html.document_fromstring(response.content)
    assert pesan in doc.get_element_by_id("pesan-unduh").text_content()
    assert doc.xpath("//a[@href=$h]", h=reverse("ra_document", args=[world.plan.pk]))
    assert laporan_palsu == []


def test_options_a_report_does_not_take_are_ignored_on_the_web(client, world, laporan_palsu):
    """The menu sends its triwulan and appendix choice with every button."""
    client.force_login(world.alice)
    response = client.get(url(world.plan, "ra", "pdf", "?triwulan=3"))
    assert response["Content-Disposition"] == 'attachment; filename="ra-kesbangpol-contoh-2024.pdf"'
    publish(world.plan)
    response = client.get(url(world.plan, "opendata", "json", "?triwulan=3&lampiran=temuan"))
    assert response["Content-Disposition"] == 'attachment; filename="opendata-kesbangpol-contoh-2024.json"'


def test_lkjip_up_to_a_triwulan_or_the_whole_year(client, world, laporan_palsu):
    client.force_login(world.kepala)
    assert 'filename="lkjip-kesbangpol-contoh-2024.xlsx"' in client.get(url(world.plan, "lkjip", "xlsx"))[
        "Content-Disposition"]
    assert 'filename="lkjip-kesbangpol-contoh-2024-tw3.xlsx"' in client.get(url(world.plan, "lkjip", "xlsx",
                                                                         "?triwulan=3"))["Content-Disposition"]


def test_the_findings_appendix_on_request(client, world, laporan_palsu):
    aksi = Aksi.objects.filter(rencana_aksi=world.plan).order_by("id").first()
    svc.aksi_update(aksi=aksi, keluaran="")
    client.force_login(world.kabid)
    plain = dibaca(client.get(url(world.plan, "pk", "docx")).content)["dokumen"]
    with_appendix = dibaca(client.get(url(world.plan, "pk", "docx", "?lampiran=temuan")).content)["dokumen"]
    assert len(plain["bagian"]) == 1
    assert len(with_appendix["bagian"]) == 2
    (row,) = with_appendix["bagian"][-1]["blok"][2]["baris"]
    assert row["sel"][2]["nilai"] == "Aksi tanpa keluaran (aksi.without_output)"


# --- The menu -----------------------------------------------------------------------------------------------------


def _menu(html: bytes):
    doc = lxml.html.document_fromstring(html)
    (menu,) = doc.find_class("menu-unduh")
    (form,) = menu.xpath(".//form")
    return form


def _buttons(form) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for li in form.xpath(".//li[@data-laporan]"):
        found[li.get("data-laporan")] = [b.get("formaction") for b in li.xpath(".//button")]
    return found


def test_the_menu_on_the_plan_editor_lists_every_report_and_format(client, world, laporan_palsu):
    client.force_login(world.alice)
    form = _menu(client.get(reverse("plan_editor", args=[world.plan.pk])).content)
    assert form.get("method") == "get"
    buttons = _buttons(form)
    assert list(buttons) == list(registry.LAPORAN)
    for kode, entry in registry.LAPORAN.items():
        expected = [] if entry.hanya_disetujui else [url(world.plan, kode, f) for f in entry.format]
        assert buttons[kode] == expected, kode
    assert "setelah rencana disetujui" in form.xpath(".//li[@data-laporan='opendata']")[0].text_content()
    checkbox = form.xpath(".//input[@name='lampiran']")[0]
    assert checkbox.get("type") == "checkbox" and checkbox.get("value") == "temuan"
    assert checkbox.get("checked") is None  # off by default
    assert form.xpath(".//select[@name='triwulan']/option/@value") == ["1", "2", "3", "4"]


def test_the_menu_on_the_monev_page_preselects_its_triwulan(client, world, laporan_palsu):
    client.force_login(world.kepala)
    form = _menu(client.get(reverse("monev_form", args=[world.plan.pk, 3])).content)
    assert form.xpath(".//select[@name='triwulan']/option[@selected]/@value") == ["3"]
    assert url(world.plan, "monev", "pdf") in _buttons(form)["monev"]


def test_the_menu_on_the_ra_document_of_a_published_plan_for_anyone(client, world, laporan_palsu):
    publish(world.plan)
    form = _menu(client.get(reverse("ra_document", args=[world.plan.pk])).content)
    buttons = _buttons(form)
    assert set(buttons) == set(registry.LAPORAN) - set(MONITORING)  # monitoring is never public
    assert buttons["opendata"] == [url(world.plan, "opendata", f) for f in ("json", "csv", "jsonld")]
    assert not form.xpath(".//select[@name='triwulan']")  # no report of the menu takes one
    client.force_login(world.eve)
    assert set(_buttons(_menu(client.get(reverse("ra_document", args=[world.plan.pk])).content))) == set(
        registry.LAPORAN)


def test_a_button_of_the_menu_downloads_what_it_says(client, world, laporan_palsu):
    """What a browser sends: the button's formaction with the form's fields."""
    client.force_login(world.alice)
    form = _menu(client.get(reverse("monev_form", args=[world.plan.pk, 2])).content)
    fields = dict(form.form_values())
    assert fields == {"triwulan": "2"}  # the unchecked checkbox is not sent
    response = client.get(_buttons(form)["monev"][1], fields | {"lampiran": "temuan"})
    assert response["Content-Disposition"] == 'attachment; filename="monev-kesbangpol-contoh-2024-tw2.xlsx"'
    assert len(dibaca(response.content)["dokumen"]["bagian"]) == 2


def test_the_menu_costs_no_query(world, rf, django_assert_num_queries):
    plan = RencanaAksi.objects.select_related("perangkat_daerah__pemda").get(pk=world.plan.pk)
    user = type(world.alice).objects.get(pk=world.alice.pk)
    template = Template("{% load unduh %}{% menu_unduh plan %}")
    with django_assert_num_queries(0):
        html = template.render(Context({"plan": plan, "user": user}))
    assert url(plan, "ra", "pdf") in html
