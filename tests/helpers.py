"""What tests share besides their data (which `tests/factories.py` builds): persona lists and assertions for the
views, a canonical dump of a plan to compare two plans field by field, table counts, the checker's findings."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.db import transaction
from hypothesis import settings

from renaksi.organisasi.models import Bidang, Pejabat
from renaksi.pemeriksaan import api
from renaksi.pemeriksaan.findings import Finding
from renaksi.perencanaan.models import (
    Aksi,
    Indikator,
    Kegiatan,
    PerjanjianKinerja,
    Program,
    RencanaAksi,
    Sasaran,
    SubKegiatan,
    Target,
)

READ_ONLY = ["kepala", "eve"]
OUTSIDERS = ["charlie", "dave"]


def assert_refused_read_only(response) -> None:
    assert response.status_code == 403
    assert response["HX-Retarget"] == "#editor-alert"


@contextmanager
def plan_unchanged(plan: RencanaAksi) -> Iterator[None]:
    """Asserts that what happens inside leaves the plan exactly as it was (every row and field of `dump_plan`)."""
    before = dump_plan(RencanaAksi.objects.get(pk=plan.pk))
    yield
    differences = diff_dumps(before, dump_plan(RencanaAksi.objects.get(pk=plan.pk)))
    assert not differences, "\n".join(differences)


def assert_login_redirect(response) -> None:
    """An anonymous htmx request sends the whole page to the login form (a plain request gets a 302)."""
    assert response.status_code == 401
    assert response["HX-Redirect"].startswith("/masuk/?next=")


def examples(share: float) -> int:
    """A share of the Hypothesis profile's example count (tests/conftest.py: few locally, many under CI=true), at
    least 2: for property tests whose examples are expensive (a seed import, a plan written to the database)."""
    return max(2, round(settings.default.max_examples * share))


@contextmanager
def rolled_back(django_db_blocker) -> Iterator[None]:
    """For a module- or session-scoped fixture: what is written inside is seen by the tests that run meanwhile (each
    in its own savepoint) and rolled back afterwards, so data that tests only read is written once."""
    with django_db_blocker.unblock(), transaction.atomic():
        try:
            yield
        finally:
            transaction.set_rollback(True)


def table_counts() -> dict[str, int]:
    """Rows in every table of every installed model (history tables included)."""
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def findings(plan: RencanaAksi, rule: str | None = None) -> list[Finding]:
    found = api.check_plan(plan)
    return [f for f in found if rule is None or f.rule == rule]


def one(plan: RencanaAksi, rule: str) -> Finding:
    found = findings(plan, rule)
    assert len(found) == 1, f"expected one {rule}, got {[(f.rule, f.message) for f in found]}"
    return found[0]


def D(value: str) -> Decimal:  # noqa: N802 - reads like a literal
    return Decimal(value)


# --- Canonical dump of a plan ---------------------------------------------------------------------------------------


def _d(value: Decimal | None) -> str | None:
    return None if value is None else format(value.normalize(), "f")


def _ordered(qs) -> list:
    return sorted(qs, key=lambda r: (r.urutan, r.pk))


def _pejabat_key(p: Pejabat | None) -> tuple | None:
    return None if p is None else (p.nama, p.nip)


def dump_plan(plan: RencanaAksi) -> dict[str, Any]:
    """Everything a plan says, without database ids, file names or row order numbers: two plans that say the same
    thing give equal dumps. Children are listed in their order; references point at list positions."""
    sasaran = _ordered(Sasaran.objects.filter(rencana_aksi=plan))
    s_index = {s.pk: i for i, s in enumerate(sasaran)}
    indikator_index: dict[int, tuple[int, int]] = {}
    out_sasaran = []
    for si, s in enumerate(sasaran):
        items = []
        for ii, ind in enumerate(_ordered(Indikator.objects.filter(sasaran=s).select_related("bidang"))):
            indikator_index[ind.pk] = (si, ii)
            targets = {
                f"{t.tahun}/{t.triwulan or 'tahun'}": (_d(t.nilai), t.desimal, t.kategori, t.teks)
                for t in Target.objects.filter(indikator=ind)
                if t.nilai is not None or t.kategori or t.teks  # an empty target row and none say the same
            }
            items.append({
                "nama": ind.nama, "satuan": ind.satuan, "formulasi": ind.formulasi, "polaritas": ind.polaritas,
                "polaritas_disimpulkan": ind.polaritas_disimpulkan, "akumulasi": ind.akumulasi,
                "akumulasi_disimpulkan": ind.akumulasi_disimpulkan, "alasan_inferensi": ind.alasan_inferensi,
                "jenis_target": ind.jenis_target, "is_iku": ind.is_iku, "sumber_data": ind.sumber_data,
                "penanggung_jawab": ind.penanggung_jawab, "bidang": ind.bidang.nama if ind.bidang else "",
                "catatan": ind.catatan, "target": targets,
            })
        out_sasaran.append({
            "level": s.level, "nomor": s.nomor, "uraian": s.uraian, "parent": s_index.get(s.parent_id),
            "bidang": s.bidang.nama if s.bidang_id else "", "indikator": items,
        })

    def refs(obj) -> list:
        return sorted(indikator_index[i.pk] for i in obj.indikator.all())

    program = []
    for p in _ordered(Program.objects.filter(rencana_aksi=plan)):
        kegiatan = []
        for k in _ordered(Kegiatan.objects.filter(program=p)):
            subs = []
            for sk in _ordered(SubKegiatan.objects.filter(kegiatan=k).select_related("bidang")):
                aksi = [{
                    "nomor": a.nomor, "uraian": a.uraian, "keluaran": a.keluaran,
                    "target": (_d(a.target_nilai), a.target_satuan, a.target_teks), "pagu": a.pagu,
                    "penanggung_jawab": a.penanggung_jawab, "pejabat": _pejabat_key(a.pejabat),
                    "catatan": a.catatan, "bulan": sorted(a.jadwal.values_list("bulan", flat=True)),
                } for a in _ordered(Aksi.objects.filter(sub_kegiatan=sk).select_related("pejabat"))]
                subs.append({
                    "kode": sk.kode, "nama": sk.nama, "pagu": sk.pagu, "bidang": sk.bidang.nama if sk.bidang else "",
                    "indikator": refs(sk), "target": (_d(sk.target_nilai), sk.target_satuan, sk.target_teks),
                    "catatan": sk.catatan, "aksi": aksi,
                })
            kegiatan.append({"kode": k.kode, "nama": k.nama, "pagu": k.pagu, "indikator": refs(k),
                             "sub_kegiatan": subs})
        program.append({"kode": p.kode, "nama": p.nama, "pagu": p.pagu, "indikator": refs(p),
                        "kegiatan": kegiatan})

    pk = []
    for p in PerjanjianKinerja.objects.filter(rencana_aksi=plan).select_related(
            "pihak_pertama", "pihak_kedua").order_by("pk"):
        pk.append({
            "tahun": p.tahun, "jenis": p.jenis, "pihak_pertama": _pejabat_key(p.pihak_pertama),
            "pihak_kedua": _pejabat_key(p.pihak_kedua), "pihak_kedua_jabatan": p.pihak_kedua_jabatan,
            "tempat": p.tempat, "tanggal": p.tanggal,
            "items": [{
                "nomor": i.nomor, "sasaran": s_index.get(i.sasaran_id), "indikator": indikator_index.get(i.indikator_id),
                "target": (_d(i.target_nilai), i.target_kategori, i.target_teks),
            } for i in p.items.order_by("urutan", "pk")],
        })

    pd = plan.perangkat_daerah
    heads = set(Bidang.objects.filter(perangkat_daerah=pd).values_list("kepala_id", flat=True))
    pejabat = sorted(
        {
            "nama": p.nama, "nip": p.nip, "pangkat": p.pangkat, "golongan": p.golongan, "jabatan": p.jabatan,
            "status": p.status, "bidang": p.bidang.nama if p.bidang else "", "kepala_bidang": p.pk in heads,
            "kepala_pd": p.pk == pd.kepala_id,
        }.items()
        for p in Pejabat.objects.filter(perangkat_daerah=pd).select_related("bidang")
    )
    return {
        "rencana_aksi": {"tahun": plan.tahun, "judul": plan.judul, "tempat": plan.tempat, "tanggal": plan.tanggal,
                         "penandatangan": _pejabat_key(plan.penandatangan)},
        "sasaran": out_sasaran, "program": program, "pk": pk, "pejabat": [dict(p) for p in pejabat],
    }


def diff_dumps(a: Any, b: Any, path: str = "") -> list[str]:
    """The paths where two dumps differ, for a readable assertion message."""
    if isinstance(a, dict) and isinstance(b, dict):
        out = []
        for key in sorted(set(a) | set(b), key=str):
            out += diff_dumps(a.get(key, "<tidak ada>"), b.get(key, "<tidak ada>"), f"{path}.{key}")
        return out
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return [f"{path}: {len(a)} vs {len(b)} item"] + [
                d for i, (x, y) in enumerate(zip(a, b, strict=False)) for d in diff_dumps(x, y, f"{path}[{i}]")][:5]
        return [d for i, (x, y) in enumerate(zip(a, b, strict=True)) for d in diff_dumps(x, y, f"{path}[{i}]")]
    return [] if a == b else [f"{path}: {a!r} != {b!r}"]
