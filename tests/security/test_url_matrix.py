"""Every URL of the project × every persona: the expected status, never a 500, and no write where it is refused.

The URL patterns are discovered from Django's resolver (the admin included). Each needs an entry in `MATRIX`,
which says how to build its URL (with objects of the persona's own Pemda, of another Pemda and, for plans, of an
approved plan), the request bodies (a valid form: taken from the form page as the superuser sees it, with a field
changed, or given), and who may do what. A pattern without an entry fails `test_every_url_pattern_has_an_entry`:
a new page must say here who may open it.

Personas: anon, admin (admin pemda), alice (perencana), kabid (kepala bidang Politik, whose bidang the own rows
are in), bob (kepala bidang Ideologi), kepala (kepala PD), eve (evaluator), dave (perencana of the other Pemda),
root (superuser). Variants: "own" objects of alice's PD, "foreign" ones of dave's PD, "approved" ones of an
approved plan of alice's PD; "-" when the URL has no object. For monitoring, "own" and "foreign" are in a triwulan
whose reporting window is open (TW II), "closed" are alice's PD's in a triwulan whose window was closed (TW III).

When a write is refused, the database must be unchanged: `fingerprint()` is every table's row count, the latest
history date of each history table and a digest of the rows of the tables without history.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

import lxml.html
import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.db.models import Q
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from renaksi.accounts.models import Peran, User
from renaksi.laporan.templat import render_xlsx
from renaksi.monev import services as monev
from renaksi.monev.models import TindakLanjut
from renaksi.organisasi import services as org
from renaksi.organisasi.models import Bidang, Pejabat
from renaksi.pekerjaan import services as pekerjaan_services
from renaksi.pekerjaan.models import Pekerjaan
from renaksi.pekerjaan.registry import Hasil
from renaksi.pemeriksaan import api as checker
from renaksi.pemeriksaan import services as checker_services
from renaksi.pemeriksaan.models import Pengakuan
from renaksi.perencanaan import services as svc
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
from renaksi.perencanaan.templat import build_template_data
from renaksi.riwayat.services import catatan_buat
from tests.factories import PASSWORD, make_plan, make_world

PERSONAS = ["anon", "admin", "alice", "kabid", "bob", "kepala", "eve", "dave", "root"]
WRITE = "POST"

# Cells (URL key, persona) that fail only because a fix being made in parallel is not merged yet. The coordinator
# empties this set after merging those fixes (strict: a cell that passes already fails the run).
AWAITING_FIX: set[tuple[str, str]] = set()


# --- The world ---------------------------------------------------------------------------------------------------


@dataclass
class Objects:
    """The objects of one variant, by kind (plan, sasaran, …; pemda, pejabat, … for the admin)."""

    by_kind: dict[str, object] = field(default_factory=dict)

    def __getitem__(self, kind: str):
        return self.by_kind[kind]


def _plan_rows(plan: RencanaAksi, bidang: Bidang | None) -> dict[str, object]:
    sub = SubKegiatan.objects.filter(rencana_aksi=plan, bidang=bidang).order_by("urutan", "id").first()
    return {
        "plan": plan,
        "sasaran": Sasaran.objects.filter(rencana_aksi=plan).first(),
        "indikator": Indikator.objects.filter(rencana_aksi=plan).first(),
        "program": Program.objects.filter(rencana_aksi=plan).first(),
        "kegiatan": Kegiatan.objects.filter(rencana_aksi=plan).first(),
        "subkegiatan": sub,
        "aksi": Aksi.objects.filter(sub_kegiatan=sub).order_by("urutan", "id").first(),
    }


def _finding_in(plan: RencanaAksi, aksi: Aksi, rule: str, user: User | None = None) -> str:
    """A finding about `aksi` (without output; numbered out of order), acknowledged by `user` if given.
    Returns its fingerprint."""
    svc.aksi_update(aksi=aksi, **{"aksi.without_output": {"keluaran": ""}, "aksi.numbering": {"nomor": "7"}}[rule])
    (finding,) = [f for f in checker.check_plan(plan) if f.rule == rule]
    if user is not None:
        checker_services.finding_acknowledge(rencana_aksi=plan, finding=finding, catatan="sudah dicek", by=user)
    return finding.fingerprint


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _monev_rows(rows: dict[str, object], pemda) -> tuple[dict[str, object], dict[str, object]]:
    """Monitoring data of a plan: a tindak lanjut written in TW I, a realisasi with a bukti dukung (a file in the
    default storage) in TW II (window open) and in TW III (window closed). Returns the kinds of the open triwulan
    and of the closed one."""
    plan, indikator = rows["plan"], rows["indikator"]
    for tw in (1, 2, 3):
        monev.jendela_buka(pemda=pemda, tahun=plan.tahun, triwulan=tw)
    monev.realisasi_indikator_set(indikator=indikator, triwulan=1, nilai=Decimal("5"))
    monev.evaluasi_set(indikator=indikator, triwulan=1, tindak_lanjut="Perbaikan pendataan")
    tindak_lanjut = TindakLanjut.objects.get(indikator=indikator, triwulan=1)
    bukti = {}
    for tw in (2, 3):
        realisasi = monev.realisasi_indikator_set(indikator=indikator, triwulan=tw, nilai=Decimal("10"))
        bukti[tw] = monev.bukti_dukung_add(realisasi=realisasi, berkas=SimpleUploadedFile(f"bukti{tw}.pdf", PDF))
    monev.jendela_tutup(pemda=pemda, tahun=plan.tahun, triwulan=3)
    return ({"tw": 2, "tindaklanjut": tindak_lanjut, "bukti": bukti[2]},
            {"tw": 3, "tindaklanjut": tindak_lanjut, "bukti": bukti[3]})


def _jobs(owner: User, pemda) -> dict[str, object]:
    """A failed job (to retry) and a finished one with its file (to download) of `owner` over `pemda`."""
    gagal = Pekerjaan.objects.create(jenis="laporan.ekspor", judul="RA PDF", pemilik=owner, pemda=pemda,
                                     parameter={"rencana_aksi": 0, "laporan": "ra", "format": "pdf"})
    pekerjaan_services.pekerjaan_gagal(pekerjaan=gagal, galat="Rencana aksi sudah tidak ada.")
    selesai = Pekerjaan.objects.create(jenis="laporan.bundel_pemda", judul="Bundel", pemilik=owner, pemda=pemda)
    pekerjaan_services.pekerjaan_selesai(pekerjaan=selesai, hasil=Hasil(nama="bundel.zip",
                                                                        content_type="application/zip", isi=b"PK"))
    return {"pekerjaan_gagal": gagal, "pekerjaan_selesai": selesai}


def _axes_records() -> dict[str, object]:
    """A record of each kind django-axes keeps (an attempt, a login, a failure), as a failed and a good login leave."""
    who = {"username": "alice", "ip_address": "10.0.0.9", "user_agent": "pytest", "http_accept": "*/*",
           "path_info": "/masuk/"}
    return {"accessattempt": AccessAttempt.objects.create(**who, get_data="", post_data="", failures_since_start=1),
            "accesslog": AccessLog.objects.create(**who), "accessfailurelog": AccessFailureLog.objects.create(**who)}


@dataclass
class MatrixWorld:
    users: dict[str, User | None]
    variants: dict[str, Objects]
    findings: dict[str, dict[str, str]]
    upload: bytes
    baseline: tuple = ()
    forms: dict[str, dict] = field(default_factory=dict)


def build() -> MatrixWorld:
    world = make_world()
    root = User.objects.create_superuser("root", "root@example.org", PASSWORD)
    # An admin pemda keeps his Pemda's master data in the Django admin (as `renaksi demo` sets him up).
    world.admin.is_staff = True
    world.admin.save()
    world.admin.user_permissions.set(Permission.objects.filter(
        Q(content_type__app_label__in=["organisasi", "accounts"]) | Q(codename="view_nomenklatur")))
    foreign_bidang = org.bidang_get_or_create(perangkat_daerah=world.foreign_pd, nama="Bidang Politik", urutan=1)
    foreign_pejabat = org.pejabat_create(perangkat_daerah=world.foreign_pd, bidang=foreign_bidang,
                                         nama="PEJABAT LAIN", jabatan="Kepala Bidang", nip="19700101 199001 1 001")
    approved = make_plan(world.pd, tahun=2023, bidang=[world.bidang_politik, world.bidang_ideologi])

    own = _plan_rows(world.plan, world.bidang_politik)
    foreign = _plan_rows(world.foreign_plan, None)
    approved_rows = _plan_rows(approved, world.bidang_politik)
    findings = {}
    for name, rows, user in (("own", own, world.alice), ("foreign", foreign, world.dave),
                             ("approved", approved_rows, world.alice)):
        findings[name] = {
            "open": _finding_in(rows["plan"], rows["aksi"], "aksi.without_output"),
            "acknowledged": _finding_in(rows["plan"], rows["aksi"], "aksi.numbering", user),
        }
    RencanaAksi.objects.filter(pk=approved.pk).update(status=RencanaAksi.Status.DISETUJUI)
    monev_own, monev_closed = _monev_rows(own, world.pemda)
    monev_foreign, _closed = _monev_rows(foreign, world.foreign_pd.pemda)
    # An evaluator note on the first indikator (of bidang Politik: kabid's) of each plan.
    notes = {"own": {"catatan": catatan_buat(baris=own["indikator"], teks="Periksa target.", by=world.eve)},
             "foreign": {"catatan": catatan_buat(baris=foreign["indikator"], teks="Periksa target.", by=root)}}

    group = Group.objects.create(name="Operator")
    nomenklatur = Nomenklatur.objects.order_by("pk").first()
    pejabat = Pejabat.objects.get(perangkat_daerah=world.pd, bidang=world.bidang_politik)
    admin_own = {"pemda": world.pemda, "perangkatdaerah": world.pd, "bidang": world.bidang_politik,
                 "pejabat": pejabat, "user": world.kabid, "rencanaaksi": world.plan,
                 "pengakuan": Pengakuan.objects.filter(rencana_aksi=world.plan).first(),
                 "group": group, "nomenklatur": nomenklatur} | _axes_records()
    admin_foreign = {"pemda": world.foreign_pd.pemda, "perangkatdaerah": world.foreign_pd,
                     "bidang": foreign_bidang, "pejabat": foreign_pejabat, "user": world.dave,
                     "rencanaaksi": world.foreign_plan,
                     "pengakuan": Pengakuan.objects.filter(rencana_aksi=world.foreign_plan).first(),
                     "group": group, "nomenklatur": nomenklatur}
    users = {name: getattr(world, name) for name in ("admin", "alice", "kabid", "bob", "kepala", "eve", "dave")}
    users |= {"anon": None, "root": root}
    return MatrixWorld(
        users=users,
        variants={
            "own": Objects(own | {"pd": world.pd} | {f"admin_{k}": v for k, v in admin_own.items()} | monev_own
                           | notes["own"] | _jobs(world.alice, world.pemda)),
            "foreign": Objects(foreign | {"pd": world.foreign_pd} | monev_foreign
                               | {f"admin_{k}": v for k, v in admin_foreign.items()} | notes["foreign"]
                               | _jobs(world.dave, world.foreign_pd.pemda)),
            "closed": Objects(own | {"pd": world.pd} | monev_closed),
            "approved": Objects(approved_rows | {"pd": world.pd}),
            "-": Objects(),
        },
        findings=findings,
        upload=render_xlsx(build_template_data(world.plan)),
    )


@pytest.fixture(scope="module")
def mw(django_db_setup, django_db_blocker):
    """Built once per module inside a transaction that is rolled back at the end; each test runs in a savepoint."""
    with django_db_blocker.unblock(), transaction.atomic():
        world = build()
        world.baseline = fingerprint()
        yield world
        transaction.set_rollback(True)


# --- Fingerprint of the database -----------------------------------------------------------------------------------

SKIP_APPS = {"sessions", "contenttypes", "axes"}
# Tables without history whose rows are compared (not only counted); a login's last_login is not a write.
DIGESTED = {"accounts.user": ["last_login"], "organisasi.pemda": [], "auth.group": []}


def _fingerprint_sql() -> str:
    quote = connection.ops.quote_name
    parts = []
    for model in apps.get_models(include_auto_created=True):
        if model._meta.app_label in SKIP_APPS:
            continue
        table = quote(model._meta.db_table)
        parts.append(f"(SELECT COUNT(*) FROM {table})")
        if any(f.name == "history_date" for f in model._meta.fields):
            parts.append(f"(SELECT MAX(history_date) FROM {table})")
    return "SELECT " + ", ".join(parts)


def fingerprint() -> tuple:
    """Row counts of every table and the latest history date of each history table (one query), and the rows of
    the few tables without history whose rows could change without a count changing."""
    with connection.cursor() as cursor:
        cursor.execute(_fingerprint_sql())
        counts = cursor.fetchone()
    rows = []
    for label, ignored in DIGESTED.items():
        model = apps.get_model(label)
        names = [f.attname for f in model._meta.concrete_fields if f.name not in ignored]
        rows.append(list(model._base_manager.order_by("pk").values_list(*names)))
    return counts, hashlib.sha256(repr(rows).encode()).hexdigest()


def changed_tables(before: tuple, after: tuple) -> list[str]:
    labels = []
    for model in apps.get_models(include_auto_created=True):
        if model._meta.app_label not in SKIP_APPS:
            labels.append(model._meta.label_lower)
            if any(f.name == "history_date" for f in model._meta.fields):
                labels.append(model._meta.label_lower + " (history_date)")
    changed = [label for label, b, a in zip(labels, before[0], after[0], strict=True) if a != b]
    return changed + (["rows of " + ", ".join(DIGESTED)] if before[1] != after[1] else [])


# --- Request bodies ------------------------------------------------------------------------------------------------


def form_body(html: str) -> dict[str, list[str]]:
    """The values a browser would submit from the page's main POST form (or from the controls of an htmx row)."""
    doc = lxml.html.document_fromstring(html)
    forms = [f for f in doc.forms if (f.method or "").upper() == "POST" and f.get("id") != "logout-form"]
    if forms:
        values = max(forms, key=lambda f: len(f.inputs)).form_values()
    else:
        values = lxml.html.document_fromstring(f"<form method='post'>{html}</form>").forms[0].form_values()
    body: dict[str, list[str]] = {}
    for name, value in values:
        body.setdefault(name, []).append(value)
    return body


@dataclass
class Ctx:
    mw: MatrixWorld
    persona: str
    variant: str
    client: Client

    @property
    def objects(self) -> Objects:
        return self.mw.variants[self.variant.split("|")[0]]  # "own|ra.pdf": a variant with a case (downloads)

    def superuser_form(self, url: str, change: dict[str, str] | None = None) -> dict[str, list[str]]:
        """The form as the superuser gets it (read once per URL: every persona posts the same body)."""
        if url not in self.mw.forms:
            client = Client()
            client.force_login(self.mw.users["root"])
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            self.mw.forms[url] = form_body(response.content.decode())
        return self.mw.forms[url] | {name: [value] for name, value in (change or {}).items()}


# --- Expectations --------------------------------------------------------------------------------------------------

OK = {200}
REDIRECT = {302}
DENIED = {403}
HIDDEN = {404}
LOGIN = {302}


@dataclass(frozen=True)
class Expect:
    status: set[int]
    writes: bool = False  # the request may change the database


def _sees_plan(persona: str, variant: str) -> bool:
    if persona == "root" or variant == "approved":
        return persona != "anon"
    if variant == "own":
        return persona in {"admin", "alice", "kabid", "bob", "kepala", "eve"}
    return persona == "dave"


def _edits(persona: str, variant: str, level: str) -> bool:
    if variant == "approved":
        return False
    if persona == "root":
        return True
    editors = {"own": {"admin", "alice"}, "foreign": {"dave"}}[variant]
    if level == "bidang" and variant == "own":
        editors = editors | {"kabid"}
    return persona in editors


def plan_view(ok: set[int] = OK, anon: set[int] = LOGIN):
    def expect(persona: str, variant: str, method: str) -> Expect:
        if method != "GET":
            return Expect({405} if persona != "anon" else anon | {405})
        if persona == "anon":
            return Expect(ok if variant == "approved" and anon != LOGIN else anon)
        return Expect(ok if _sees_plan(persona, variant) else HIDDEN)

    return expect


def plan_write(level: str, ok_get: set[int] = OK, ok_post: set[int] = OK, get: bool = True):
    """A view that changes the plan: `level` "plan" (perencana, admin pemda) or "bidang" (and his kepala bidang)."""

    def expect(persona: str, variant: str, method: str) -> Expect:
        if persona == "anon":
            return Expect(LOGIN)
        if method == "GET" and not get:
            return Expect({405} if _sees_plan(persona, variant) else {404, 405})
        if not _sees_plan(persona, variant):
            return Expect(HIDDEN)
        if not _edits(persona, variant, level):
            return Expect(DENIED)
        return Expect(ok_get if method == "GET" else ok_post, writes=method != "GET")

    return expect


def logged_in(ok: set[int] = OK, post: set[int] | None = None):
    def expect(persona: str, variant: str, method: str) -> Expect:
        if persona == "anon":
            return Expect(LOGIN)
        if method != "GET":
            return Expect(post or {405})
        return Expect(ok)

    return expect


def always(get: set[int], post: set[int], writes: bool = False):
    return lambda persona, variant, method: Expect(get if method == "GET" else post, writes=writes)


# Monitoring (renaksi/monev/rules.py, docs/peran.md): admin pemda and evaluator read every PD of their Pemda, the
# PD's users read their PD; perencana reports every row of his PD, a kepala bidang the rows of his bidang (the own
# rows are kabid's, not bob's); a write in a triwulan whose window is closed is refused (422).
MONEV_READERS = {"own": {"admin", "alice", "kabid", "bob", "kepala", "eve", "root"}, "foreign": {"dave", "root"}}
MONEV_READERS["closed"] = MONEV_READERS["own"]
MONEV_REPORTERS = {"own": {"alice", "kabid", "root"}, "closed": {"alice", "kabid", "root"}, "foreign": {"dave", "root"}}


def monev_view(ok: set[int] = OK):
    def expect(persona: str, variant: str, method: str) -> Expect:
        if persona == "anon":
            return Expect(LOGIN)
        if method != "GET":
            return Expect({405})
        return Expect(ok if persona in MONEV_READERS[variant] else HIDDEN)

    return expect


def monev_write(persona: str, variant: str, method: str) -> Expect:
    if persona == "anon":
        return Expect(LOGIN)
    if method == "GET":
        return Expect({405})
    if persona not in MONEV_READERS[variant]:
        return Expect(HIDDEN)
    if persona not in MONEV_REPORTERS[variant]:
        return Expect(DENIED)
    if variant == "closed":
        return Expect({422})
    return Expect(OK, writes=True)


# Evaluator notes (renaksi/riwayat/rules.py): read by the monev readers; a thread is started by an evaluator or the
# admin pemda; answered, resolved and reopened by them and by the PD (kabid: the notes' indikator is of his bidang).
CATATAN_WRITERS = {"own": {"admin", "eve", "root"}, "foreign": {"root"}}
CATATAN_ANSWERERS = {"own": {"admin", "eve", "alice", "kabid", "kepala", "root"}, "foreign": {"dave", "root"}}


def catatan_expect(writers: dict[str, set[str]], get: bool):
    def expect(persona: str, variant: str, method: str) -> Expect:
        if persona == "anon":
            return Expect(LOGIN | {401})
        if method == "GET":
            if not get:
                return Expect({405})
            return Expect(OK if persona in MONEV_READERS[variant] else HIDDEN)
        if persona not in MONEV_READERS[variant]:
            return Expect(HIDDEN)
        return Expect(OK, writes=True) if persona in writers[variant] else Expect(DENIED)

    return expect


def role_page(roles: set[str], post: set[int] | None = None):
    """A page of the user's own Pemda for the given personas (admin pemda, evaluator); 403 for anyone else.
    `post`: a POST-only view, what the given personas get."""

    def expect(persona: str, variant: str, method: str) -> Expect:
        if persona == "anon":
            return Expect(LOGIN)
        if method == "GET" and post is not None:
            return Expect({405})
        if method != "GET":
            if post is None:
                return Expect({405})
            return Expect(post, writes=True) if persona in roles else Expect(DENIED)
        return Expect(OK if persona in roles else DENIED)

    return expect


# The admin: who holds which model permissions. admin (pemda) has organisasi.* and accounts.* and
# view_nomenklatur; root everything; nobody else is staff.
ADMIN_PERMS = {"organisasi": "all", "accounts": "all", "perencanaan": "view_nomenklatur"}


def _admin_may(model: str, action: str) -> bool:
    app = {"pemda": "organisasi", "perangkatdaerah": "organisasi", "bidang": "organisasi", "pejabat": "organisasi",
           "user": "accounts", "rencanaaksi": "perencanaan", "nomenklatur": "perencanaan",
           "pengakuan": "pemeriksaan", "group": "auth", "accessattempt": "axes", "accesslog": "axes",
           "accessfailurelog": "axes"}[model]
    granted = ADMIN_PERMS.get(app)
    if granted == "all":
        return not (model == "pemda" and action in {"add", "delete"})  # by the superuser only
    return granted == f"{action}_{model}"


# What nobody may do in the admin (plans come from the importer; acknowledgements from the findings panel).
# django-axes' records of logins are written by axes only.
READ_ONLY_IN_ADMIN = {"pengakuan": {"add", "change"}, "rencanaaksi": {"add"}, "accessattempt": {"add"},
                      "accesslog": {"add"}, "accessfailurelog": {"add"}}


def admin_page(model: str, action: str, *, ok_get: set[int] = OK, ok_post: set[int] = REDIRECT,
               foreign_hidden: set[int] = frozenset({302, 403, 404}), post_writes: bool = True,
               list_page: bool = False, scoped: bool = False):
    """An admin page of `model`. `action`: the permission a POST needs (add, change, delete); a GET needs view.
    `post_writes=False`: a page whose POST is no write (the history list); `list_page`: the changelist, whose
    POST is an action (delete_selected) and whose GET needs only the view permission; `scoped`: a history page,
    404 for an object outside the user's Pemda before any permission is looked at."""

    def expect(persona: str, variant: str, method: str) -> Expect:
        if persona not in {"admin", "root"}:
            return Expect(LOGIN)
        if method != "GET" and not post_writes:
            return Expect(expect(persona, variant, "GET").status | {405})
        needed = action if method != "GET" or (action in {"add", "delete"} and not list_page) else "view"
        refused = needed in READ_ONLY_IN_ADMIN.get(model, set()) or not _admin_may(model, needed)
        if scoped and variant == "foreign" and persona == "admin" and refused:
            return Expect(HIDDEN)
        if needed in READ_ONLY_IN_ADMIN.get(model, set()):
            return Expect(DENIED)
        if persona == "root":
            return Expect(ok_get if method == "GET" else ok_post, writes=method != "GET")
        if not _admin_may(model, needed):
            # The changelist answers a POST of an action the user may not use with the list itself.
            return Expect(DENIED | ({200} if action == "delete" and method != "GET" and _admin_may(model, "view")
                                    else set()))
        if variant == "foreign":
            return Expect(set(foreign_hidden))
        return Expect(ok_get if method == "GET" else ok_post, writes=method != "GET")

    return expect


def staff_only(ok_get: set[int] = OK, ok_post: set[int] | None = None, root_only: bool = False):
    def expect(persona: str, variant: str, method: str) -> Expect:
        if persona not in {"admin", "root"}:
            return Expect(LOGIN)
        if root_only and persona == "admin":
            return Expect(HIDDEN)
        return Expect(ok_get if method == "GET" else (ok_post or {405}), writes=method != "GET")

    return expect


# --- The matrix ---------------------------------------------------------------------------------------------------

PLAN_VARIANTS = ("own", "foreign", "approved")
ADMIN_VARIANTS = ("own", "foreign")


@dataclass
class Entry:
    url: Callable[[Ctx], str]
    expect: Callable[[str, str, str], Expect]
    variants: tuple[str, ...] = ("-",)
    methods: tuple[str, ...] = ("GET", WRITE)
    body: Callable[[Ctx], dict] | None = None
    htmx: bool = False
    before: Callable[[Ctx], None] | None = None


def obj(kind: str) -> Callable[[Ctx], int]:
    return lambda c: c.objects[kind].pk


def row_url(path: str, kind: str) -> Callable[[Ctx], str]:
    return lambda c: path.format(obj(kind)(c))


def edit(path: str, kind: str, level: str, change: dict[str, str]) -> Entry:
    """An editor row form: GET shows it, POST saves it. The body is the form as the superuser gets it, with
    `change`; an approved plan's form cannot be opened by anyone, so its body is that of the own plan's row."""
    url = row_url(path, kind)

    def body(c: Ctx) -> dict:
        source = c if c.variant != "approved" else Ctx(mw=c.mw, persona=c.persona, variant="own", client=c.client)
        return source.superuser_form(url(source), change)

    return Entry(url=url, variants=PLAN_VARIANTS, expect=plan_write(level), body=body)


def _stage(c: Ctx) -> str:
    """A staged upload in this persona's session when he may import; else alice's token (another session)."""
    importer = c.persona if c.persona in {"admin", "alice", "root", "dave"} else "alice"
    client = c.client if importer == c.persona else Client()
    if importer != c.persona:
        client.force_login(c.mw.users["alice"])
    pd = c.mw.variants["foreign" if importer == "dave" else "own"]["pd"]
    response = client.post("/impor/", {"berkas": SimpleUploadedFile("rencana.xlsx", c.mw.upload),
                                       "perangkat_daerah": pd.pk, "tahun": "2024"})
    if response.status_code != 302:
        return "tidak-ada-unggahan"
    return response["Location"].rstrip("/").split("/")[-1]


def import_token(suffix: str) -> Callable[[Ctx], str]:
    return lambda c: f"/impor/{_stage(c)}/{suffix}"


def importer(ok_get: set[int], ok_post: set[int], get: bool = True):
    """Import pages: admin pemda and perencana (and the superuser) for the PDs they may import into."""

    def expect(persona: str, variant: str, method: str) -> Expect:
        if persona == "anon":
            return Expect(LOGIN)
        if method == "GET" and not get:
            return Expect({405, 404})
        if persona not in {"admin", "alice", "root", "dave"}:
            return Expect(HIDDEN)
        return Expect(ok_get if method == "GET" else ok_post, writes=method != "GET")

    return expect


def perubahan_expect(persona: str, variant: str, method: str) -> Expect:
    """'Buat perubahan' (POST only): the plan's editors on an approved plan; 422 on a draft (not approved yet)."""
    if persona == "anon":
        return Expect(LOGIN)
    if method == "GET":
        return Expect({405})
    if not _sees_plan(persona, variant):
        return Expect(HIDDEN)
    editors = {"own": {"admin", "alice", "root"}, "foreign": {"dave", "root"},
               "approved": {"admin", "alice", "root"}}[variant]
    if persona not in editors:
        return Expect(DENIED)
    if variant != "approved":
        return Expect({422})
    return Expect(REDIRECT, writes=True)


def upload_expect(persona: str, variant: str, method: str) -> Expect:
    if persona == "anon":
        return Expect(LOGIN)
    mine = {"own": {"admin", "alice", "root"}, "foreign": {"dave", "root"}}[variant]
    if persona not in {"admin", "alice", "root", "dave"}:
        return Expect(DENIED)
    if method == "GET":
        return Expect(OK)
    return Expect(REDIRECT if persona in mine else HIDDEN, writes=True)


def acknowledge_expect(persona: str, variant: str, method: str) -> Expect:
    if method == "GET":
        return Expect(LOGIN if persona == "anon" else {405})
    if persona == "anon":
        return Expect(LOGIN)
    if not _sees_plan(persona, variant):
        return Expect(HIDDEN)
    if not _edits(persona, variant, "bidang"):
        return Expect(DENIED)
    return Expect(REDIRECT, writes=True)


# The workflow (renaksi/alur/rules.py): the perencana of the PD submits; the URL matrix submits ("ajukan") the own
# and the foreign plan (drafts) and the approved one (refused by its state: 422); a triwulan report is submitted on a
# plan that is not approved yet (422 for whoever may submit). Everyone else who sees the plan: 403.
SUBMITTERS = {"own": {"alice", "root"}, "foreign": {"dave", "root"}, "approved": {"alice", "root"},
              "closed": {"alice", "root"}}


def alur_expect(persona: str, variant: str, method: str) -> Expect:
    if persona == "anon":
        return Expect(LOGIN)
    if method == "GET":
        return Expect({405})
    if not _sees_plan(persona, variant):
        return Expect(HIDDEN)
    if persona not in SUBMITTERS[variant]:
        return Expect(DENIED)
    if variant == "approved":
        return Expect({422})
    return Expect(REDIRECT, writes=True)


def alur_laporan_expect(persona: str, variant: str, method: str) -> Expect:
    if persona == "anon":
        return Expect(LOGIN)
    if method == "GET":
        return Expect({405})
    if persona not in MONEV_READERS[variant]:
        return Expect(HIDDEN)
    return Expect({422} if persona in SUBMITTERS[variant] else DENIED)


def admin_url(path: str) -> Callable[[Ctx], str]:
    """`path` with {model} object's pk and {history} its latest history id."""

    def url(c: Ctx) -> str:
        model = re.search(r"/admin/\w+/(\w+)/", path).group(1)
        instance = c.objects[f"admin_{model}"]
        history = getattr(instance, "history", None)
        latest = history.order_by("-history_id").first().history_id if history is not None else 0
        return path.format(pk=instance.pk, history=latest)

    return url


def admin_form(path: str, change: dict[str, str] | None = None) -> Callable[[Ctx], dict]:
    return lambda c: c.superuser_form(admin_url(path)(c), change)


ADMIN_MODELS = {
    # model: (app, variants, change to make in its change form)
    "pemda": ("organisasi", ADMIN_VARIANTS, {"ibukota": "Ibukota baru"}),
    "perangkatdaerah": ("organisasi", ADMIN_VARIANTS, {"singkatan": "BARU"}),
    "bidang": ("organisasi", ADMIN_VARIANTS, {"singkatan": "BARU"}),
    "pejabat": ("organisasi", ADMIN_VARIANTS, {"nama": "NAMA BARU"}),
    "user": ("accounts", ADMIN_VARIANTS, {"first_name": "Baru"}),
    "rencanaaksi": ("perencanaan", ADMIN_VARIANTS, {"judul": "Judul baru"}),
    "pengakuan": ("pemeriksaan", ADMIN_VARIANTS, {}),
    "nomenklatur": ("perencanaan", ("own",), {"nama": "Nama baru"}),
    "group": ("auth", ("own",), {"name": "Operator baru"}),
    "accessattempt": ("axes", ("own",), {}),
    "accesslog": ("axes", ("own",), {}),
    "accessfailurelog": ("axes", ("own",), {}),
}
ADD_BODIES: dict[str, Callable[[Ctx], dict]] = {
    "pemda": lambda c: {"jenis": "kabupaten", "nama": "Baru", "ibukota": ""},
    "perangkatdaerah": lambda c: {"pemda": c.objects["admin_pemda"].pk, "nama": "Dinas Baru", "singkatan": "",
                                  "kode_urusan": "", "kepala": "", "bidang-TOTAL_FORMS": "0",
                                  "bidang-INITIAL_FORMS": "0", "bidang-MIN_NUM_FORMS": "0",
                                  "bidang-MAX_NUM_FORMS": "1000"},
    "bidang": lambda c: {"perangkat_daerah": c.objects["pd"].pk, "nama": "Bidang Baru", "singkatan": "",
                         "kepala": "", "urutan": "9"},
    "pejabat": lambda c: {"perangkat_daerah": c.objects["pd"].pk, "bidang": "", "nama": "PEJABAT BARU",
                          "nip": "", "jabatan": "Staf", "status": "definitif", "pangkat": "", "golongan": ""},
    "user": lambda c: {"username": f"baru_{c.persona}", "usable_password": "true",
                       "password1": "rahasia-uji-456", "password2": "rahasia-uji-456", "peran": Peran.PERENCANA,
                       "pemda": c.objects["pd"].pemda_id, "perangkat_daerah": c.objects["pd"].pk, "bidang": "",
                       "pejabat": ""},
    "nomenklatur": lambda c: {"tahun": "2024", "kode": "9.99", "nama": "Baru", "level": "program",
                              "induk_kode": ""},
    "group": lambda c: {"name": "Grup baru"},
    "rencanaaksi": lambda c: {},
    "pengakuan": lambda c: {},
    "accessattempt": lambda c: {},
    "accesslog": lambda c: {},
    "accessfailurelog": lambda c: {},
}


def _admin_entries() -> dict[str, Entry]:
    entries: dict[str, Entry] = {}
    for model, (app, variants, change) in ADMIN_MODELS.items():
        base = f"/admin/{app}/{model}/"
        key = f"admin:{app}_{model}"
        entries[f"{key}_changelist"] = Entry(
            url=lambda c, base=base: base, variants=variants,
            body=lambda c, model=model: {"action": "delete_selected", "post": "yes",
                                         "_selected_action": [str(c.objects[f"admin_{model}"].pk)]},
            expect=admin_page(model, "delete", ok_post=REDIRECT | OK, foreign_hidden={200, 302}, list_page=True))
        entries[f"{key}_add"] = Entry(
            url=lambda c, base=base: base + "add/", variants=variants if model not in {"group", "nomenklatur",
                                                                                       "pemda"} else ("own",),
            body=ADD_BODIES[model],
            expect=admin_page(model, "add", foreign_hidden={200}))
        entries[f"{key}_change"] = Entry(
            url=admin_url(base + "{pk}/change/"), variants=variants,
            body=admin_form(base + "{pk}/change/", change) if model not in READ_ONLY_IN_ADMIN or model == "rencanaaksi"
            else (lambda c: {}),
            expect=admin_page(model, "change"))
        entries[f"{key}_delete"] = Entry(
            # 200 when the object is protected from deletion (a Pemda with its PDs, a bidang with its kepala).
            url=admin_url(base + "{pk}/delete/"), variants=variants, body=lambda c: {"post": "yes"},
            expect=admin_page(model, "delete", ok_post=REDIRECT | OK))
        entries[f"{key}_history"] = Entry(
            url=admin_url(base + "{pk}/history/"), variants=variants,
            expect=admin_page(model, "change", post_writes=False, scoped=True))
        entries[f"admin/{app}/{model}/<path:object_id>/"] = Entry(
            url=admin_url(base + "{pk}/"), variants=variants, methods=("GET",),
            expect=staff_only(ok_get={301, 302}))
        if model in {"perangkatdaerah", "bidang", "pejabat", "rencanaaksi", "pengakuan"}:
            entries[f"{key}_simple_history"] = Entry(
                url=admin_url(base + "{pk}/history/{history}/"), variants=variants,
                body=admin_form(base + "{pk}/history/{history}/"),
                expect=admin_page(model, "change", foreign_hidden={403, 404}, scoped=True))
    return entries


PLAN = "/rencana-aksi/{}/"
MONEV_VARIANTS = ("own", "closed", "foreign")


def monev_url(path: str, kind: str) -> Callable[[Ctx], str]:
    """`path` with the object of `kind` and the variant's triwulan (open for own and foreign, closed for closed)."""
    return lambda c: path.format(obj(kind)(c), c.objects["tw"])


# Downloads (renaksi/laporan/registry.py): the RA document page's rights; monitoring reports (monev, LKjIP) only
# for monev readers, never anonymous; open data only of an approved plan (400 for another); "ra.json" makes no file.
def _unduh_cases() -> tuple[str, ...]:
    from renaksi.laporan.registry import LAPORAN

    return (*(f"{kode}.{f}" for kode, entry in LAPORAN.items() for f in entry.format), "ra.json")


UNDUH_CASES = _unduh_cases()


def unduh_url(c: Ctx) -> str:
    from renaksi.laporan.registry import LAPORAN

    case = c.variant.split("|")[1]
    entry = LAPORAN.get(case.split(".")[0])
    query = "?triwulan=2&lampiran=temuan" if entry and entry.triwulan == "wajib" else "?lampiran=temuan"
    return f"{PLAN.format(c.objects['plan'].pk)}unduh/{case}{query}"


def unduh_expect(persona: str, variant: str, method: str) -> Expect:
    from renaksi.laporan.registry import LAPORAN

    variant, case = variant.split("|")
    laporan, fmt = case.split(".")
    entry = LAPORAN[laporan]
    monitoring = entry.izin == "monev.view_monev"
    if method != "GET":
        return Expect({405})
    if persona == "anon":
        if variant != "approved" or monitoring:
            return Expect(LOGIN)
    elif not _sees_plan(persona, variant):
        return Expect(HIDDEN)
    elif monitoring and persona not in MONEV_READERS["own" if variant == "approved" else variant]:
        return Expect(HIDDEN)
    if fmt not in entry.format or (entry.hanya_disetujui and variant != "approved"):
        return Expect({400})
    return Expect(OK)


# Background jobs (renaksi/pekerjaan/selectors.py): own = alice's over her Pemda, foreign = dave's over his.
JOB_VARIANTS = ("own", "foreign")
JOB_VIEWERS = {"own": {"alice", "admin"}, "foreign": {"dave"}}


def job_expect(get: set[int], post: set[int]):
    def expect(persona: str, variant: str, method: str) -> Expect:
        if persona == "anon":
            return Expect(LOGIN)
        if (get if method == "GET" else post) == {405}:
            return Expect({405})
        if persona not in JOB_VIEWERS[variant]:
            return Expect(HIDDEN)
        return Expect(get if method == "GET" else post, writes=method != "GET")

    return expect


def unduh_latar_expect(persona: str, variant: str, method: str) -> Expect:
    """Starting a background download: the plan's readers (any plan size), by POST."""
    if persona == "anon":
        return Expect(LOGIN)
    if method == "GET":
        return Expect({405})
    return Expect(REDIRECT, writes=True) if _sees_plan(persona, variant) else Expect(HIDDEN)


MATRIX: dict[str, Entry] = {
    # accounts
    "login": Entry(url=lambda c: "/masuk/",
                   body=lambda c: {"username": "alice" if c.persona in {"anon", "root"} else c.mw.users[c.persona]
                                   .username, "password": PASSWORD},
                   expect=lambda persona, variant, method: Expect(OK if method == "GET" else REDIRECT, writes=True)),
    "logout": Entry(url=lambda c: "/keluar/", body=lambda c: {},
                    expect=always({405}, REDIRECT, writes=True)),
    # perencanaan: pages and htmx rows
    "home": Entry(url=lambda c: "/", expect=logged_in()),
    "plan_editor": Entry(url=row_url(PLAN, "plan"), variants=PLAN_VARIANTS, expect=plan_view()),
    "rencana_aksi_bagian": Entry(url=lambda c: f"/rencana-aksi/{obj('plan')(c)}/bagian/program/{obj('program')(c)}/",
                                 variants=PLAN_VARIANTS, expect=plan_view()),
    "rencana_aksi_cari": Entry(url=row_url(PLAN + "cari/?q=aksi", "plan"), variants=PLAN_VARIANTS,
                               expect=plan_view()),
    "sasaran_row": Entry(url=row_url("/sasaran/{}/", "sasaran"), variants=PLAN_VARIANTS, expect=plan_view()),
    "indikator_row": Entry(url=row_url("/indikator/{}/", "indikator"), variants=PLAN_VARIANTS, expect=plan_view()),
    "program_row": Entry(url=row_url("/program/{}/", "program"), variants=PLAN_VARIANTS, expect=plan_view()),
    "kegiatan_row": Entry(url=row_url("/kegiatan/{}/", "kegiatan"), variants=PLAN_VARIANTS, expect=plan_view()),
    "sub_kegiatan_row": Entry(url=row_url("/sub-kegiatan/{}/", "subkegiatan"), variants=PLAN_VARIANTS,
                              expect=plan_view()),
    "aksi_row": Entry(url=row_url("/aksi/{}/", "aksi"), variants=PLAN_VARIANTS, expect=plan_view()),
    "sasaran_add": Entry(
        url=row_url(PLAN + "sasaran/tambah/", "plan"), variants=PLAN_VARIANTS, expect=plan_write("plan"),
        body=lambda c: {"nomor": "2", "uraian": "Meningkatnya Kinerja dan Pelayanan SKPD", "level": "strategis"}),
    "sasaran_edit": edit("/sasaran/{}/ubah/", "sasaran", "plan", {"uraian": "Sasaran yang diubah"}),
    "indikator_add": Entry(
        url=row_url("/sasaran/{}/indikator/tambah/", "sasaran"), variants=PLAN_VARIANTS, expect=plan_write("plan"),
        body=lambda c: {"nama": "Persentase ormas yang diberdayakan", "satuan": "Persen", "formulasi": "",
                        "polaritas": "positif", "akumulasi": "kumulatif", "jenis_target": "angka", "bidang": ""}),
    # A kepala bidang changes an indikator's targets (target_edit), not the indikator itself (docs/peran.md).
    "indikator_edit": edit("/indikator/{}/ubah/", "indikator", "plan", {"nama": "Indikator yang diubah"}),
    "target_edit": Entry(url=row_url("/indikator/{}/target/", "indikator"), variants=PLAN_VARIANTS,
                         expect=plan_write("bidang"),
                         body=lambda c: {"tahunan": "90", "tw1": "10", "tw2": "20", "tw3": "30", "tw4": "30"}),
    "program_add": Entry(
        url=row_url(PLAN + "program/tambah/", "plan"), variants=PLAN_VARIANTS, expect=plan_write("plan"),
        body=lambda c: {"kode": "X.XX.01", "nama": "Program Penunjang Urusan", "pagu": "", "indikator": []}),
    "program_edit": edit("/program/{}/ubah/", "program", "plan", {"nama": "Program yang diubah"}),
    "kegiatan_add": Entry(
        url=row_url("/program/{}/kegiatan/tambah/", "program"), variants=PLAN_VARIANTS, expect=plan_write("plan"),
        body=lambda c: {"kode": "8.01.03.2.02", "nama": "Kegiatan baru", "pagu": "345.000.000", "indikator": []}),
    "kegiatan_edit": edit("/kegiatan/{}/ubah/", "kegiatan", "plan", {"nama": "Kegiatan yang diubah"}),
    "sub_kegiatan_add": Entry(
        url=row_url("/kegiatan/{}/sub-kegiatan/tambah/", "kegiatan"), variants=PLAN_VARIANTS,
        expect=plan_write("plan"),
        body=lambda c: {"kode": "8.01.03.2.01.0002", "nama": "Pelaksanaan Koordinasi", "pagu": "1.517.874.000",
                        "target": "10000 orang", "bidang": "", "indikator": []}),
    "sub_kegiatan_edit": edit("/sub-kegiatan/{}/ubah/", "subkegiatan", "bidang",
                              {"nama": "Sub kegiatan yang diubah"}),
    "aksi_add": Entry(
        url=row_url("/sub-kegiatan/{}/aksi/tambah/", "subkegiatan"), variants=PLAN_VARIANTS,
        expect=plan_write("bidang"),
        body=lambda c: {"nomor": "3", "uraian": "Pelaksanaan sosialisasi", "bulan": ["4", "5"], "keluaran": "Peserta",
                        "target": "1200 Orang", "pagu": "", "penanggung_jawab": "", "pejabat": ""}),
    "aksi_edit": edit("/aksi/{}/ubah/", "aksi", "bidang", {"uraian": "Aksi yang diubah"}),
    "aksi_toggle_bulan": Entry(url=row_url("/aksi/{}/bulan/6/", "aksi"), variants=PLAN_VARIANTS,
                               expect=plan_write("bidang", get=False), body=lambda c: {}),
    "row_move": Entry(url=row_url("/baris/aksi/{}/pindah/turun/", "aksi"), variants=PLAN_VARIANTS,
                      expect=plan_write("bidang", get=False), body=lambda c: {}),
    "row_delete": Entry(url=row_url("/baris/subkegiatan/{}/hapus/", "subkegiatan"), variants=PLAN_VARIANTS,
                        expect=plan_write("plan", get=False), body=lambda c: {}),
    "pengesahan_edit": Entry(
        url=row_url(PLAN + "pengesahan/", "plan"), variants=PLAN_VARIANTS, expect=plan_write("plan", ok_post=REDIRECT),
        body=lambda c: {"tempat": "Samarinda", "tanggal": "2024-01-02", "penandatangan": "", "pk_pihak_pertama": "",
                        "pk_pihak_kedua": "", "pk_pihak_kedua_jabatan": "Wali Kota Contoh", "pk_tempat": "",
                        "pk_tanggal": ""}),
    "rencana_aksi_perubahan": Entry(url=row_url(PLAN + "perubahan/", "plan"), variants=PLAN_VARIANTS,
                                    expect=perubahan_expect, body=lambda c: {}),
    # Two versions compared; here a plan with itself (same PD and year: "no difference").
    "rencana_aksi_banding": Entry(url=lambda c: f"/rencana-aksi/{c.objects['plan'].pk}/banding/{c.objects['plan'].pk}/",
                                  variants=PLAN_VARIANTS, expect=plan_view()),
    # The narrative of the RA document (kata pengantar, BAB I–III): the plan's structure, so its editors only.
    "plan_narasi": Entry(
        url=row_url(PLAN + "narasi/", "plan"), variants=PLAN_VARIANTS, expect=plan_write("plan", ok_post=REDIRECT),
        body=lambda c: {"kata_pengantar": "Puji syukur atas selesainya dokumen ini.", "latar_belakang": "",
                        "maksud_tujuan": "", "sistematika": "", "rencana_strategis": "", "penutup": ""}),
    "nomenklatur_search": Entry(url=lambda c: "/nomenklatur/?tahun=2024&level=program&q=8.01", methods=("GET",),
                                expect=logged_in()),
    # laporan: a published plan is public
    "ra_document": Entry(url=row_url(PLAN + "dokumen/", "plan"), variants=PLAN_VARIANTS,
                         expect=plan_view(anon=LOGIN | {200})),
    "pohon_kinerja": Entry(url=row_url(PLAN + "pohon-kinerja/", "plan"), variants=PLAN_VARIANTS,
                           expect=plan_view(anon=LOGIN | {200})),
    # every report × format (and a combination that makes none) of each plan variant: "own|monev.pdf"
    "laporan_unduh": Entry(url=unduh_url, variants=tuple(f"{v}|{case}" for v in PLAN_VARIANTS for case in UNDUH_CASES),
                           expect=unduh_expect),
    # impor
    "import_upload": Entry(url=lambda c: "/impor/", variants=("own", "foreign"), expect=upload_expect,
                           body=lambda c: {"berkas": SimpleUploadedFile("rencana.xlsx", c.mw.upload),
                                           "perangkat_daerah": c.objects["pd"].pk, "tahun": "2024"}),
    "import_template_blank": Entry(url=lambda c: "/impor/templat/?format=xlsx", methods=("GET",),
                                   expect=logged_in()),
    "import_preview": Entry(url=import_token(""), methods=("GET",), expect=importer(OK, {405})),
    # The user picks a table's kind in the preview (kept in his session with the upload): the importers only.
    "import_jenis": Entry(url=import_token("jenis/"), body=lambda c: {"tabel": "#1", "jenis": "target"},
                          expect=importer(set(), REDIRECT, get=False)),
    "import_confirm": Entry(url=import_token("konfirmasi/"), body=lambda c: {},
                            expect=importer(set(), REDIRECT, get=False)),
    "import_cancel": Entry(url=import_token("batal/"), body=lambda c: {}, expect=importer(set(), REDIRECT, get=False)),
    "plan_export_template": Entry(url=row_url(PLAN + "ekspor-templat/?format=xlsx", "plan"), variants=PLAN_VARIANTS,
                                  methods=("GET",), expect=plan_view()),
    # pemeriksaan
    "plan_findings": Entry(url=row_url(PLAN + "pemeriksaan/", "plan"), variants=PLAN_VARIANTS, expect=plan_view()),
    "plan_finding_acknowledge": Entry(
        url=row_url(PLAN + "pemeriksaan/akui/", "plan"), variants=PLAN_VARIANTS, expect=acknowledge_expect,
        body=lambda c: {"temuan": c.mw.findings[c.variant]["open"], "catatan": "sesuai DPA"}),
    "plan_finding_unacknowledge": Entry(
        url=row_url(PLAN + "pemeriksaan/batal-akui/", "plan"), variants=PLAN_VARIANTS, expect=acknowledge_expect,
        body=lambda c: {"temuan": c.mw.findings[c.variant]["acknowledged"]}),
    # monev and dasbor
    "monev_start": Entry(url=row_url(PLAN + "monev/", "plan"), variants=("own", "foreign"),
                         expect=monev_view(REDIRECT)),
    "monev_form": Entry(url=lambda c: f"{PLAN.format(c.objects['plan'].pk)}monev/{c.objects['tw']}/",
                        variants=MONEV_VARIANTS, expect=monev_view()),
    "monev_bagian": Entry(url=lambda c: f"{PLAN.format(c.objects['plan'].pk)}monev/{c.objects['tw']}/kegiatan/"
                                        f"{c.objects['kegiatan'].pk}/", variants=MONEV_VARIANTS, expect=monev_view()),
    "monev_indikator": Entry(url=row_url("/monev/indikator/{}/", "indikator"), variants=("own", "foreign"),
                             expect=monev_view()),
    "monev_indikator_save": Entry(
        url=monev_url("/monev/indikator/{}/tw/{}/", "indikator"), variants=MONEV_VARIANTS, expect=monev_write,
        body=lambda c: {"realisasi": "12", "catatan": "dari laporan bulanan", "faktor_pendorong": "",
                        "faktor_penghambat": "", "tindak_lanjut": "", "tindak_lanjut_renja": ""}),
    "monev_bukti_add": Entry(
        url=monev_url("/monev/indikator/{}/tw/{}/bukti/", "indikator"), variants=MONEV_VARIANTS, expect=monev_write,
        body=lambda c: {"berkas": SimpleUploadedFile("laporan.pdf", PDF), "url": ""}),
    "monev_tindak_lanjut_save": Entry(
        url=monev_url("/monev/tindak-lanjut/{}/tw/{}/", "tindaklanjut"), variants=MONEV_VARIANTS,
        expect=monev_write, body=lambda c: {"status": "berjalan", "catatan": "sebagian selesai"}),
    "monev_anggaran_save": Entry(
        url=monev_url("/monev/sub-kegiatan/{}/tw/{}/", "subkegiatan"), variants=MONEV_VARIANTS, expect=monev_write,
        body=lambda c: {"jumlah": "2.500.000"}),
    "monev_progres_save": Entry(
        url=monev_url("/monev/aksi/{}/tw/{}/", "aksi"), variants=MONEV_VARIANTS, expect=monev_write,
        body=lambda c: {f"bulan_{3 * c.objects['tw'] - 2}": "selesai", f"bulan_{3 * c.objects['tw'] - 1}": "berjalan"}),
    "monev_bukti_download": Entry(url=row_url("/monev/bukti/{}/", "bukti"), variants=("own", "foreign"),
                                  expect=monev_view()),
    "monev_bukti_delete": Entry(url=row_url("/monev/bukti/{}/hapus/", "bukti"), variants=MONEV_VARIANTS,
                                expect=monev_write, body=lambda c: {}),
    "monev_jendela": Entry(url=lambda c: "/monev/jendela/?tahun=2024", expect=role_page({"admin"})),
    "monev_jendela_set": Entry(
        url=lambda c: "/monev/jendela/2024/4/", expect=role_page({"admin"}, post=REDIRECT),
        body=lambda c: {"aksi": "buka", "alasan": "", "tanggal_tutup": "2025-01-31"}),
    # pekerjaan: a job is seen by its owner and the admin pemda of its Pemda only (404 for anyone else)
    "pekerjaan_daftar": Entry(url=lambda c: "/pekerjaan/", expect=logged_in()),
    "pekerjaan_detail": Entry(url=row_url("/pekerjaan/{}/", "pekerjaan_gagal"), variants=JOB_VARIANTS,
                              expect=job_expect(get=OK, post={405})),
    "pekerjaan_unduh": Entry(url=row_url("/pekerjaan/{}/unduh/", "pekerjaan_selesai"), variants=JOB_VARIANTS,
                             expect=job_expect(get=OK, post={405})),
    "pekerjaan_ulangi": Entry(url=row_url("/pekerjaan/{}/ulangi/", "pekerjaan_gagal"), variants=JOB_VARIANTS,
                              body=lambda c: {}, expect=job_expect(get={405}, post=REDIRECT)),
    "laporan_unduh_latar": Entry(url=row_url(PLAN + "unduh/ra.pdf/latar/", "plan"), variants=PLAN_VARIANTS,
                                 body=lambda c: {}, expect=unduh_latar_expect),
    "laporan_bundel_pemda": Entry(url=lambda c: "/laporan/bundel-pemda/", body=lambda c: {"format": "pdf"},
                                  expect=role_page({"admin", "eve"}, post=REDIRECT)),
    "dasbor_pemda": Entry(url=lambda c: "/dasbor/?tahun=2024&tw=2", expect=role_page({"admin", "eve"})),
    "dasbor_pd": Entry(url=row_url(PLAN + "dasbor/?tw=2", "plan"), variants=("own", "foreign"), expect=monev_view()),
    "plan_export_monev": Entry(url=row_url(PLAN + "ekspor-monev/?triwulan=2", "plan"), variants=("own", "foreign"),
                               methods=("GET",), expect=monev_view()),
    # alur (the workflow)
    "alur_rencana_aksi": Entry(url=row_url(PLAN + "alur/", "plan"), variants=PLAN_VARIANTS, expect=plan_view()),
    "alur_rencana_aksi_langkah": Entry(url=row_url(PLAN + "alur/ajukan/", "plan"), variants=PLAN_VARIANTS,
                                       expect=alur_expect, body=lambda c: {}),
    "alur_laporan": Entry(url=lambda c: f"{PLAN.format(c.objects['plan'].pk)}monev/{c.objects['tw']}/alur/",
                          variants=MONEV_VARIANTS, expect=monev_view()),
    "alur_laporan_langkah": Entry(
        url=lambda c: f"{PLAN.format(c.objects['plan'].pk)}monev/{c.objects['tw']}/alur/ajukan/",
        variants=MONEV_VARIANTS, expect=alur_laporan_expect, body=lambda c: {}),
    "notifikasi": Entry(url=lambda c: "/notifikasi/", expect=logged_in()),
    "notifikasi_jumlah": Entry(url=lambda c: "/notifikasi/jumlah/", expect=logged_in()),
    # riwayat: history (the plan's readers; realisasi rows only for the monev readers) and evaluator notes
    "riwayat_rencana": Entry(url=row_url(PLAN + "riwayat/", "plan"), variants=PLAN_VARIANTS, expect=plan_view()),
    "riwayat_baris": Entry(url=row_url("/riwayat/indikator/{}/", "indikator"), variants=PLAN_VARIANTS,
                           expect=plan_view()),
    "catatan_panel": Entry(url=row_url(PLAN + "catatan/", "plan"), variants=("own", "foreign"), expect=monev_view()),
    "catatan_baris": Entry(url=row_url("/catatan/baris/indikator/{}/", "indikator"), variants=("own", "foreign"),
                           expect=catatan_expect(CATATAN_WRITERS, get=True), body=lambda c: {"teks": "Catatan baru."}),
    "catatan_balas": Entry(url=row_url("/catatan/{}/balas/", "catatan"), variants=("own", "foreign"),
                           expect=catatan_expect(CATATAN_ANSWERERS, get=False), body=lambda c: {"teks": "Dijawab."}),
    "catatan_status": Entry(url=row_url("/catatan/{}/selesai/", "catatan"), variants=("own", "foreign"),
                            expect=catatan_expect(CATATAN_ANSWERERS, get=False), body=lambda c: {}),
    # the admin site
    "admin:index": Entry(url=lambda c: "/admin/", methods=("GET",), expect=staff_only()),
    "admin:login": Entry(
        url=lambda c: "/admin/login/",
        body=lambda c: {"username": c.mw.users["admin"].username if c.persona == "anon" else
                        c.mw.users[c.persona].username, "password": PASSWORD, "next": "/admin/"},
        expect=lambda persona, variant, method: Expect(
            {200, 302} if method == "GET" else ({302} if persona in {"anon", "admin", "root"} else {200}),
            writes=persona in {"anon", "admin", "root"})),
    "admin:logout": Entry(url=lambda c: "/admin/logout/", body=lambda c: {},
                          expect=staff_only(ok_get={405}, ok_post=REDIRECT)),
    "admin:password_change": Entry(
        url=lambda c: "/admin/password_change/",
        body=lambda c: {"old_password": PASSWORD, "new_password1": "rahasia-baru-789",
                        "new_password2": "rahasia-baru-789"},
        expect=staff_only(ok_post=REDIRECT)),
    "admin:password_change_done": Entry(url=lambda c: "/admin/password_change/done/", methods=("GET",),
                                        expect=staff_only()),
    "admin:autocomplete": Entry(
        url=lambda c: "/admin/autocomplete/?app_label=accounts&model_name=user&field_name=pemda&term=",
        methods=("GET",), expect=staff_only()),
    "admin:jsi18n": Entry(url=lambda c: "/admin/jsi18n/", methods=("GET",), expect=staff_only()),
    "admin:view_on_site": Entry(
        url=lambda c: f"/admin/r/{ContentType.objects.get_for_model(RencanaAksi).pk}/{c.objects['plan'].pk}/",
        variants=("own", "foreign"), methods=("GET",), expect=staff_only(ok_get=HIDDEN)),
    "admin:app_list": Entry(url=lambda c: "/admin/organisasi/", methods=("GET",), expect=staff_only()),
    "admin/(?P<url>.*)$": Entry(url=lambda c: "/admin/tidak-ada/", methods=("GET",),
                                expect=staff_only(ok_get=HIDDEN)),
    "admin:auth_user_password_change": Entry(
        url=admin_url("/admin/accounts/user/{pk}/password/"), variants=ADMIN_VARIANTS,
        body=lambda c: {"password1": "rahasia-baru-789", "password2": "rahasia-baru-789", "usable_password": "true"},
        expect=admin_page("user", "change", foreign_hidden={404})),
} | _admin_entries()


# --- Discovery -------------------------------------------------------------------------------------------------


def url_keys(patterns=None, prefix: str = "", namespace: str = "") -> list[str]:
    """Every URL pattern of the project: its qualified name, or its route when it has none."""
    keys: list[str] = []
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            keys += url_keys(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            keys.append(f"{namespace}{pattern.name}" if pattern.name else prefix + str(pattern.pattern))
    return keys


def test_every_url_pattern_has_an_entry():
    keys = url_keys()
    missing = sorted(set(keys) - set(MATRIX))
    assert not missing, f"URL tanpa baris di MATRIX (tests/security/test_url_matrix.py): {missing}"
    assert not sorted(set(MATRIX) - set(keys)), "MATRIX has entries for URLs that no longer exist"


def _cells():
    for key in sorted(MATRIX):
        for persona in PERSONAS:
            marks = [pytest.mark.xfail(strict=True, reason="awaiting a fix being merged (see AWAITING_FIX)")] \
                if (key, persona) in AWAITING_FIX else []
            yield pytest.param(key, persona, id=f"{key}-{persona}", marks=marks)


def _keep_logged_in(client: Client, user: User | None) -> None:
    """A write that cycled the session key (a password change) made a session that was rolled back: log in again."""
    cookie = client.cookies.get(settings.SESSION_COOKIE_NAME)
    if user is not None and (cookie is None or not Session.objects.filter(session_key=cookie.value).exists()):
        client.force_login(user)


@pytest.mark.parametrize(("key", "persona"), list(_cells()))
def test_url_as_persona(mw, db, key, persona):
    entry = MATRIX[key]
    client = Client()
    if mw.users[persona] is not None:
        client.force_login(mw.users[persona])
    problems = []
    for variant in entry.variants:
        for method in entry.methods:
            ctx = Ctx(mw=mw, persona=persona, variant=variant, client=client)
            expected = entry.expect(persona, variant, method)
            with transaction.atomic():
                url = entry.url(ctx)
                body = entry.body(ctx) if method != "GET" and entry.body else {}
                response = client.get(url) if method == "GET" else client.post(url, body)
                after = fingerprint() if method != "GET" and not expected.writes else None
                transaction.set_rollback(True)
            _keep_logged_in(client, mw.users[persona])
            where = f"{method} {url} [{variant}]"
            if response.status_code not in expected.status:
                problems.append(f"{where}: {response.status_code}, expected {sorted(expected.status)}")
            if after is not None and after != mw.baseline:
                problems.append(f"{where}: refused write changed the database: {changed_tables(mw.baseline, after)}")
    assert not problems, "\n".join(problems)
