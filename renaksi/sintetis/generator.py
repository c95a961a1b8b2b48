"""`renaksi synth`: a synthetic Pemda of N perangkat daerah, written through the services, the same for the same seed.

Every PD gets: its bidang (Sekretariat first) with a head each, a kepala PD, all with valid NIPs
(renaksi.core.nip); one plan for `tahun` whose program / kegiatan / sub kegiatan carry real Kepmendagri codes and
names from the nomenclature table (`perencanaan.Nomenklatur`, the version for `tahun`), in their real tree; sasaran
at three levels (strategis → program → kegiatan, each under its parent); indikator of every kind the domain knows
(positive and negative polarity; kumulatif, nilai akhir, rata-rata, tetap; whole numbers, decimals, AKIP predicates
and BPK opinions) with yearly and quarterly targets that reconcile under the indikator's accumulation; pagu that
roll up exactly (sub kegiatan → kegiatan → program); aksi with output, responsible official and a monthly
schedule; a Perjanjian Kinerja over the IKU; users per role; and, when asked, realisasi up to a triwulan
(windows opened through the monev service).

The plans are meant to be clean: the checker finds no error in them (only warnings such as "capaian without bukti
dukung", which a synthetic plan cannot avoid). No deliberate defects: the seeds carry real ones.

Sizes: a PD is large every `besar_setiap`-th (index 0, 10, 20 …): 20 sasaran, 200 indikator, 1,000 aksi over
every sub kegiatan of the nomenclature; the others are small (about 5 sasaran, 15 indikator, 40–60 aksi).

Determinism: each PD draws from its own `random.Random(f"{seed}:{index}")`, so the same seed gives the same data,
and a PD already generated (its plan for `tahun` exists) is skipped without shifting the others: running twice
adds nothing.

The nomenclature table holds only urusan 8.01 (Kesatuan Bangsa dan Politik) so far: every PD draws its programs
from it, whatever its own urusan (`kode_urusan` of the PD is its real one). When the table grows, PDs draw from
their own urusan (`_nomenklatur_pd`).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils.text import slugify

from renaksi.accounts.models import Peran, User
from renaksi.monev import services as monev
from renaksi.organisasi import services as org
from renaksi.organisasi.models import Bidang, Pejabat, Pemda, PerangkatDaerah
from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import Indikator, Nomenklatur, RencanaAksi, Sasaran
from renaksi.perencanaan.nomenklatur import nomenklatur_tahun_berlaku

from . import data

SANDI_DEMO = "renaksi-demo"
TAHUN = 2024
BESAR_SETIAP = 10
BESAR = {"sasaran": 20, "indikator_per_sasaran": 10, "aksi": 1000}


@dataclass
class Pengguna:
    username: str
    peran: str
    lingkup: str


@dataclass
class Hasil:
    pemda: Pemda
    rencana_aksi: list[RencanaAksi] = field(default_factory=list)
    pengguna: list[Pengguna] = field(default_factory=list)
    dilewati: int = 0


@dataclass
class _Nomen:
    """The nomenclature as a tree: program code → [(kegiatan row, [sub kegiatan rows])]."""

    program: dict[str, Nomenklatur]
    kegiatan: dict[str, list[tuple[Nomenklatur, list[Nomenklatur]]]]


def _load_nomenklatur(tahun: int) -> _Nomen:
    versi = nomenklatur_tahun_berlaku(tahun)
    rows = list(Nomenklatur.objects.filter(tahun=versi).order_by("kode")) if versi else []
    program = {r.kode: r for r in rows if r.level == Nomenklatur.Level.PROGRAM}
    subs: dict[str, list[Nomenklatur]] = {}
    for r in rows:
        if r.level == Nomenklatur.Level.SUB_KEGIATAN:
            subs.setdefault(r.induk_kode, []).append(r)
    kegiatan: dict[str, list[tuple[Nomenklatur, list[Nomenklatur]]]] = {}
    for r in rows:
        if r.level == Nomenklatur.Level.KEGIATAN and subs.get(r.kode) and r.induk_kode in program:
            kegiatan.setdefault(r.induk_kode, []).append((r, subs[r.kode]))
    program = {k: v for k, v in program.items() if k in kegiatan}
    if not program:
        raise ValueError(f"Tabel nomenklatur tahun {tahun} kosong: renaksi synth butuh kode Kepmendagri "
                         f"(jalankan `renaksi migrate`).")
    return _Nomen(program=program, kegiatan=kegiatan)


def _nomenklatur_pd(nomen: _Nomen, kode_urusan: str) -> list[str]:
    """Program codes a PD draws from: its own urusan's when the table has them, else every program of the table."""
    own = [k for k in nomen.program if k.startswith(kode_urusan + ".")]
    return own or list(nomen.program)


# --- people ---------------------------------------------------------------------------------------------------


def nip_acak(rng: random.Random, *, perempuan: bool) -> str:
    """A valid NIP: birth date, appointment (TMT) year-month at 22–30 years of age, sex digit, sequence."""
    lahir = dt.date(1966, 1, 1) + dt.timedelta(days=rng.randint(0, 365 * 24))
    tmt_tahun = min(lahir.year + rng.randint(22, 30), 2019)
    return f"{lahir:%Y%m%d}{tmt_tahun}{rng.randint(1, 12):02d}{2 if perempuan else 1}{rng.randint(1, 60):03d}"


def _pejabat(rng: random.Random, pd: PerangkatDaerah, jabatan: str, bidang: Bidang | None, eselon: int) -> Pejabat:
    perempuan = rng.random() < 0.4
    depan = rng.choice(data.NAMA_DEPAN_P if perempuan else data.NAMA_DEPAN_L)
    nama = f"{depan} {rng.choice(data.NAMA_BELAKANG)}, {rng.choice(data.GELAR)}"
    pangkat, golongan = data.PANGKAT[min(eselon + rng.randint(0, 1), len(data.PANGKAT) - 1)]
    return org.pejabat_create(perangkat_daerah=pd, nama=nama, jabatan=jabatan, nip=nip_acak(rng, perempuan=perempuan),
                              pangkat=pangkat, golongan=golongan, bidang=bidang)


# --- targets --------------------------------------------------------------------------------------------------


@dataclass
class _Target:
    tahunan: Decimal | None
    triwulan: list[Decimal | None]
    kategori_tahunan: str = ""
    kategori: tuple[str, ...] = ("", "", "", "")


def _targets(rng: random.Random, kind: str) -> _Target:
    """Yearly and quarterly targets that reconcile under the indikator kind's accumulation."""
    D = Decimal
    if kind == "persen_naik":  # nilai akhir: the year is the last quarter
        y = rng.randint(70, 95)
        return _Target(D(y), [D(y - 15), D(y - 10), D(y - 5), D(y)])
    if kind == "jumlah":  # kumulatif: the year is the sum
        y = rng.randint(8, 400)
        base = y // 4
        q = [base, base, base, y - 3 * base]
        return _Target(D(y), [D(v) for v in q])
    if kind == "tetap":
        y = rng.randint(75, 90)
        return _Target(D(y), [D(y)] * 4)
    if kind == "rata":  # rata-rata, negative: the year is the mean
        y = rng.randint(5, 15)
        return _Target(D(y), [D(y + 2), D(y - 2), D(y + 1), D(y - 1)])
    if kind == "turun":  # nilai akhir, negative: falls to the year's value
        y = rng.randint(2, 6)
        return _Target(D(y), [D(y + 6), D(y + 4), D(y + 2), D(y)])
    if kind == "desimal":  # nilai akhir with two decimals written
        y = rng.randint(9000, 9900)
        q = [y - 7000, y - 4500, y - 2000, y]
        return _Target(D(y).scaleb(-2), [D(v).scaleb(-2) for v in q])
    if kind == "akip":
        y = rng.choice(("A", "BB", "BB", "B"))
        return _Target(None, [None] * 4, y, ("B", "B", y, y))
    if kind == "opini":
        return _Target(None, [None] * 4, "WTP", ("WTP",) * 4)
    raise ValueError(kind)


# --- the generator --------------------------------------------------------------------------------------------


def _pemda_key(pemda: Pemda) -> str:
    return slugify(pemda.nama).replace("-", "")


def buat_pemda(
    *,
    pd: int,
    seed: int,
    realisasi: int = 0,
    pemda: str = "Sintetis",
    tahun: int = TAHUN,
    besar_setiap: int = BESAR_SETIAP,
    log: Callable[[str], None] = lambda message: None,
) -> Hasil:
    """Generate (or complete) the synthetic Pemda `Kota <pemda>` with `pd` perangkat daerah."""
    if not 1 <= pd <= len(data.PERANGKAT_DAERAH):
        raise ValueError(f"Jumlah perangkat daerah harus 1–{len(data.PERANGKAT_DAERAH)}, bukan {pd}.")
    if not 0 <= realisasi <= 4:
        raise ValueError(f"Realisasi sampai triwulan harus 0–4, bukan {realisasi}.")
    nomen = _load_nomenklatur(tahun)
    sandi = make_password(SANDI_DEMO)  # hashed once: hashing per user would dominate a 40-PD run
    with transaction.atomic():
        obj = org.pemda_get_or_create(jenis=Pemda.Jenis.KOTA, nama=pemda)
        hasil = Hasil(pemda=obj)
        hasil.pengguna += _pengguna_pemda(obj, sandi)
        for tw in range(1, realisasi + 1):
            monev.jendela_buka(pemda=obj, tahun=tahun, triwulan=tw)
    for index, spec in enumerate(data.PERANGKAT_DAERAH[:pd]):
        rng = random.Random(f"{seed}:{index}")
        besar = bool(besar_setiap) and index % besar_setiap == 0
        with transaction.atomic():
            perangkat = org.perangkat_daerah_get_or_create(pemda=obj, nama=spec.nama, singkatan=spec.singkatan,
                                                           kode_urusan=spec.kode_urusan)
            if RencanaAksi.objects.filter(perangkat_daerah=perangkat, tahun=tahun).exists():
                hasil.dilewati += 1
                hasil.pengguna += _pengguna_pd(perangkat, sandi)
                continue
            _organisasi(rng, perangkat, spec)
            plan = _plan(rng, perangkat, spec, nomen, tahun=tahun, besar=besar, seed=seed)
            hasil.pengguna += _pengguna_pd(perangkat, sandi)
            if realisasi:
                _realisasi(rng, plan, realisasi)
            hasil.rencana_aksi.append(plan)
        log(f"{index + 1}/{pd} {spec.nama}{' (besar)' if besar else ''}")
    return hasil


def _organisasi(rng: random.Random, pd: PerangkatDaerah, spec: data.PdSpec) -> None:
    org.perangkat_daerah_set_kepala(perangkat_daerah=pd, pejabat=_pejabat(rng, pd, f"Kepala {pd.nama}", None, 0))
    sekretariat = "Sekretariat" if not spec.nama.startswith("Kecamatan") else "Sekretariat Kecamatan"
    for urutan, nama in enumerate((sekretariat, *spec.bidang), start=1):
        bidang = org.bidang_get_or_create(perangkat_daerah=pd, nama=nama, urutan=urutan)
        jabatan = "Sekretaris" if urutan == 1 else (nama if nama.startswith("Inspektur") else f"Kepala {nama}")
        org.bidang_set_kepala(bidang=bidang, pejabat=_pejabat(rng, pd, jabatan, bidang, 2))


def _plan(rng: random.Random, pd: PerangkatDaerah, spec: data.PdSpec, nomen: _Nomen, *, tahun: int, besar: bool,
          seed: int) -> RencanaAksi:
    pd.refresh_from_db()
    kepala = pd.kepala
    bidang = list(pd.bidang.select_related("kepala").order_by("urutan"))
    plan = svc.rencana_aksi_create(
        perangkat_daerah=pd, tahun=tahun, judul=f"Rencana Aksi {pd.nama} Tahun {tahun}", tempat=pd.pemda.ibukota,
        tanggal=dt.date(tahun, 1, rng.randint(2, 31)), penandatangan=kepala, sumber=f"renaksi synth --seed {seed}",
    )
    topik = spec.topik
    fmt = {"topik": topik, "singkatan": spec.singkatan}

    # Programs, kegiatan and sub kegiatan from the nomenclature, in its tree.
    kode_program = _nomenklatur_pd(nomen, spec.kode_urusan)
    if besar:
        chosen = [(p, nomen.kegiatan[p]) for p in kode_program]
    else:
        penunjang, rest = kode_program[0], kode_program[1:]
        picked = [penunjang] + sorted(rng.sample(rest, min(len(rest), rng.randint(1, 2))))
        chosen = []
        for p in picked:
            keg = nomen.kegiatan[p]
            keg = sorted(rng.sample(keg, min(len(keg), 2)), key=lambda k: k[0].kode)
            chosen.append((p, [(k, sorted(rng.sample(s, min(len(s), rng.randint(2, 3))), key=lambda r: r.kode))
                               for k, s in keg]))

    # Sasaran: strategis → one per program → kegiatan level; indikator under each.
    n_strategis = 4 if besar else 1
    n_kegiatan_sasaran = BESAR["sasaran"] - n_strategis - len(chosen) if besar else len(chosen)
    per_sasaran = BESAR["indikator_per_sasaran"] if besar else 3
    kind_offset = rng.randrange(len(data.INDIKATOR))
    counter = {"indikator": 0}

    def indikator_for(sasaran: Sasaran, iku: bool, b: Bidang | None) -> list[Indikator]:
        made = []
        for _ in range(per_sasaran):
            i = counter["indikator"]
            counter["indikator"] += 1
            nama_t, satuan, polaritas, akumulasi, kind = data.INDIKATOR[(i + kind_offset) % len(data.INDIKATOR)]
            nama = nama_t.format(**fmt)
            if i >= len(data.INDIKATOR):
                nama = f"{nama} ({sasaran.nomor}.{len(made) + 1})"
            kategori = kind in ("akip", "opini")
            ind = svc.indikator_create(
                sasaran=sasaran, nama=nama, satuan=satuan, polaritas=polaritas, akumulasi=akumulasi,
                jenis_target=Indikator.JenisTarget.KATEGORI if kategori else Indikator.JenisTarget.ANGKA,
                is_iku=iku, bidang=b, formulasi=f"{nama} pada akhir periode" if not kategori else "",
                sumber_data=f"Laporan {b.nama if b else pd.nama}", penanggung_jawab=b.kepala.jabatan if b and
                b.kepala else "",
            )
            t = _targets(rng, kind)
            svc.target_set(indikator=ind, tahun=tahun, triwulan=None, nilai=t.tahunan, kategori=t.kategori_tahunan)
            for tw in range(4):
                svc.target_set(indikator=ind, tahun=tahun, triwulan=tw + 1, nilai=t.triwulan[tw],
                               kategori=t.kategori[tw])
            made.append(ind)
        return made

    strategis = []
    iku: list[Indikator] = []
    for s in range(n_strategis):
        sasaran = svc.sasaran_create(rencana_aksi=plan, uraian=data.SASARAN["strategis"][s % 4].format(**fmt),
                                     nomor=str(s + 1))
        strategis.append(sasaran)
        iku += indikator_for(sasaran, True, None)
    program_sasaran: list[tuple[Sasaran, list[Indikator]]] = []
    for p in range(len(chosen)):
        parent = strategis[p % n_strategis]
        b = bidang[1 + p % (len(bidang) - 1)]
        sasaran = svc.sasaran_create(rencana_aksi=plan, uraian=data.SASARAN["program"][p % 4].format(**fmt),
                                     level=Sasaran.Level.PROGRAM, parent=parent, nomor=f"{parent.nomor}.{p + 1}",
                                     bidang=b)
        program_sasaran.append((sasaran, indikator_for(sasaran, False, b)))
    kegiatan_list = [(pi, k) for pi, (_, keg) in enumerate(chosen) for k in keg]
    kegiatan_sasaran: dict[int, list[Indikator]] = {}
    for n in range(min(n_kegiatan_sasaran, len(kegiatan_list))):
        pi, _ = kegiatan_list[n]
        parent = program_sasaran[pi][0]
        sasaran = svc.sasaran_create(rencana_aksi=plan, uraian=data.SASARAN["kegiatan"][n % 4].format(**fmt),
                                     level=Sasaran.Level.KEGIATAN, parent=parent,
                                     nomor=f"{parent.nomor}.{n + 1}", bidang=parent.bidang)
        kegiatan_sasaran[n] = indikator_for(sasaran, False, parent.bidang)
    if besar:  # top up to exactly 200 indikator and 20 sasaran when the nomenclature has fewer kegiatan
        while counter["indikator"] < BESAR["sasaran"] * per_sasaran:
            parent = program_sasaran[len(kegiatan_sasaran) % len(program_sasaran)][0]
            n = len(kegiatan_sasaran)
            sasaran = svc.sasaran_create(rencana_aksi=plan, uraian=data.SASARAN["kegiatan"][n % 4].format(**fmt),
                                         level=Sasaran.Level.KEGIATAN, parent=parent,
                                         nomor=f"{parent.nomor}.{n + 1}", bidang=parent.bidang)
            kegiatan_sasaran[n] = indikator_for(sasaran, False, parent.bidang)

    # Budget tree with pagu that roll up, and aksi.
    all_subs = sum(len(s) for _, keg in chosen for _, s in keg)
    if besar:
        base, extra = divmod(BESAR["aksi"], all_subs)
        aksi_counts = [base + (1 if i < extra else 0) for i in range(all_subs)]
    else:
        aksi_counts = [rng.randint(3, 6) for _ in range(all_subs)]
    sub_index = 0
    for pi, (kode_p, keg) in enumerate(chosen):
        program = svc.program_create(rencana_aksi=plan, nama=nomen.program[kode_p].nama, kode=kode_p, pagu=0,
                                     indikator=program_sasaran[pi][1])
        program_pagu = 0
        for k, subs in keg:
            ki = kegiatan_list.index((pi, (k, subs)))
            kegiatan = svc.kegiatan_create(program=program, nama=k.nama, kode=k.kode, pagu=0,
                                           indikator=kegiatan_sasaran.get(ki, []))
            kegiatan_pagu = 0
            for s in subs:
                b = bidang[0] if kode_p == kode_program[0] else bidang[1 + sub_index % (len(bidang) - 1)]
                pagu = rng.randint(25_000, 950_000) * 1000
                target = rng.randint(1, 24)
                sub = svc.sub_kegiatan_create(kegiatan=kegiatan, nama=s.nama, kode=s.kode, pagu=pagu, bidang=b,
                                              target_nilai=Decimal(target), target_satuan="Dokumen",
                                              target_teks=f"{target} Dokumen")
                kegiatan_pagu += pagu
                for j in range(aksi_counts[sub_index]):
                    uraian_t, keluaran = data.AKSI[(j + sub_index) % len(data.AKSI)]
                    mulai = rng.randint(1, 10)
                    bulan = range(mulai, min(12, mulai + rng.randint(0, 3)) + 1)
                    uraian = uraian_t.format(sub=s.nama[:1].lower() + s.nama[1:])
                    if j >= len(data.AKSI):
                        uraian = f"{uraian} tahap {j // len(data.AKSI) + 1}"
                    svc.aksi_create(sub_kegiatan=sub, uraian=uraian, nomor=str(j + 1), keluaran=keluaran,
                                    penanggung_jawab=b.kepala.jabatan if b.kepala else "", pejabat=b.kepala,
                                    bulan=bulan, urutan=j + 1)
                sub_index += 1
            svc.anggaran_update(obj=kegiatan, pagu=kegiatan_pagu)
            program_pagu += kegiatan_pagu
        svc.anggaran_update(obj=program, pagu=program_pagu)

    # Perjanjian Kinerja over the IKU, with the yearly targets.
    pk = svc.perjanjian_kinerja_create(rencana_aksi=plan, pihak_pertama=kepala,
                                       pihak_kedua_jabatan=f"Wali Kota {pd.pemda.nama}", tempat=pd.pemda.ibukota,
                                       tanggal=plan.tanggal)
    for n, ind in enumerate(iku, start=1):
        t = ind.target.get(triwulan__isnull=True)
        svc.perjanjian_kinerja_item_create(perjanjian_kinerja=pk, indikator=ind, nomor=str(n), target_nilai=t.nilai,
                                           target_kategori=t.kategori, target_teks=t.teks)
    return plan


# --- monitoring -----------------------------------------------------------------------------------------------

FAKTOR = (Decimal("1.00"), Decimal("0.97"), Decimal("1.03"), Decimal("0.95"), Decimal("1.05"), Decimal("0.80"))
KATEGORI_LEBIH_RENDAH = {"A": "BB", "BB": "B", "B": "CC", "WTP": "WDP"}


def _realisasi(rng: random.Random, plan: RencanaAksi, sampai: int) -> None:
    """Realisasi of every indikator, sub kegiatan and scheduled aksi for TW I..`sampai`, through the monev
    services as the system: mostly on track, one in six behind (with an evaluasi and a tindak lanjut)."""
    indikator = list(Indikator.objects.filter(rencana_aksi=plan).prefetch_related("target").order_by("urutan", "id"))
    for tw in range(1, sampai + 1):
        for ind in indikator:
            target = next(t for t in ind.target.all() if t.triwulan == tw)
            faktor = rng.choice(FAKTOR)
            if target.kategori:
                kategori = target.kategori if faktor >= Decimal("0.95") else KATEGORI_LEBIH_RENDAH.get(
                    target.kategori, target.kategori)
                monev.realisasi_indikator_set(indikator=ind, triwulan=tw, nilai=None, kategori=kategori)
            else:
                f = (2 - faktor) if ind.polaritas == Indikator.Polaritas.NEGATIF else faktor
                nilai = (target.nilai * f).quantize(Decimal(1).scaleb(-target.desimal), rounding=ROUND_HALF_UP)
                if ind.satuan == "Persen":
                    nilai = min(nilai, Decimal(100))
                monev.realisasi_indikator_set(indikator=ind, triwulan=tw, nilai=nilai)
            if faktor < Decimal("0.9"):
                monev.evaluasi_set(indikator=ind, triwulan=tw, faktor_penghambat="Jadwal pelaksanaan bergeser",
                                   tindak_lanjut="Percepatan pelaksanaan pada triwulan berikutnya")
    for sub in plan_sub_kegiatan(plan):
        for tw in range(1, sampai + 1):
            monev.realisasi_anggaran_set(sub_kegiatan=sub, triwulan=tw, jumlah=sub.pagu * rng.randint(15, 24) // 100)
    from renaksi.perencanaan.models import Aksi

    for aksi in Aksi.objects.filter(rencana_aksi=plan).prefetch_related("jadwal").order_by("id"):
        for b in aksi.jadwal.all():
            if b.bulan <= 3 * sampai:
                status = "selesai" if rng.random() < 0.85 else rng.choice(("berjalan", "belum"))
                monev.progres_aksi_set(aksi=aksi, bulan=b.bulan, status=status)


def plan_sub_kegiatan(plan: RencanaAksi):
    from renaksi.perencanaan.models import SubKegiatan

    return SubKegiatan.objects.filter(rencana_aksi=plan).order_by("id")


# --- users ----------------------------------------------------------------------------------------------------


def _user(username: str, sandi: str, peran: str, pemda: Pemda, first_name: str, **scope) -> User:
    user = User.objects.filter(username=username).first() or User(username=username)
    user.peran, user.pemda, user.first_name, user.password = peran, pemda, first_name[:150], sandi
    user.perangkat_daerah = scope.get("perangkat_daerah")
    user.bidang = scope.get("bidang")
    user.pejabat = scope.get("pejabat")
    user.save()
    return user


def _pengguna_pemda(pemda: Pemda, sandi: str) -> list[Pengguna]:
    key = _pemda_key(pemda)
    _user(f"{key}.admin", sandi, Peran.ADMIN_PEMDA, pemda, f"Admin {pemda}")
    _user(f"{key}.evaluator", sandi, Peran.EVALUATOR, pemda, f"Evaluator {pemda}")
    return [Pengguna(f"{key}.admin", str(Peran.ADMIN_PEMDA.label), f"semua PD {pemda}"),
            Pengguna(f"{key}.evaluator", str(Peran.EVALUATOR.label), f"semua PD {pemda} (baca saja)")]


def username_pd(pd: PerangkatDaerah, suffix: str) -> str:
    return f"{_pemda_key(pd.pemda)}.{slugify(pd.singkatan or pd.nama)}.{suffix}"


def _pengguna_pd(pd: PerangkatDaerah, sandi: str) -> list[Pengguna]:
    pd.refresh_from_db()
    bidang = pd.bidang.select_related("kepala").order_by("urutan")[1:2].first()
    out = []
    _user(username_pd(pd, "perencana"), sandi, Peran.PERENCANA, pd.pemda, f"Perencana {pd.singkatan}",
          perangkat_daerah=pd)
    out.append(Pengguna(username_pd(pd, "perencana"), str(Peran.PERENCANA.label), pd.nama))
    if bidang is not None:
        _user(username_pd(pd, "kabid"), sandi, Peran.KEPALA_BIDANG, pd.pemda, f"Kepala bidang {pd.singkatan}",
              perangkat_daerah=pd, bidang=bidang, pejabat=bidang.kepala)
        out.append(Pengguna(username_pd(pd, "kabid"), str(Peran.KEPALA_BIDANG.label), bidang.nama))
    _user(username_pd(pd, "kepala"), sandi, Peran.KEPALA_PD, pd.pemda, f"Kepala {pd.singkatan}",
          perangkat_daerah=pd, pejabat=pd.kepala)
    out.append(Pengguna(username_pd(pd, "kepala"), str(Peran.KEPALA_PD.label), pd.nama))
    return out


# --- a dump for comparing two runs ----------------------------------------------------------------------------


def dump(pemda: Pemda) -> list:
    """Everything generated for a Pemda, without database ids or password salts, in a stable order."""
    from renaksi.monev.models import ProgresAksi, RealisasiAnggaran, RealisasiIndikator
    from renaksi.perencanaan.models import Aksi, AksiBulan, Kegiatan, Program, SubKegiatan, Target

    out: list = []
    pds = PerangkatDaerah.objects.filter(pemda=pemda).order_by("nama")
    for pd in pds:
        out.append(("pd", pd.nama, pd.singkatan, pd.kode_urusan, pd.kepala.nip if pd.kepala else None))
        out += [("pejabat", *p) for p in Pejabat.objects.filter(perangkat_daerah=pd).order_by("nip", "nama")
                .values_list("nama", "nip", "jabatan", "pangkat", "golongan", "bidang__nama")]
        for plan in RencanaAksi.objects.filter(perangkat_daerah=pd).order_by("tahun", "versi"):
            f = {"rencana_aksi": plan}
            out.append(("plan", plan.tahun, plan.judul, plan.tanggal, plan.status))
            out += [("sasaran", *r) for r in Sasaran.objects.filter(**f).order_by("urutan", "nomor").values_list(
                "nomor", "level", "uraian", "parent__nomor", "bidang__nama")]
            out += [("indikator", *r) for r in Indikator.objects.filter(**f).order_by("sasaran__urutan", "urutan")
                    .values_list("sasaran__nomor", "nama", "satuan", "polaritas", "akumulasi", "jenis_target",
                                 "is_iku")]
            out += [("target", *r) for r in Target.objects.filter(indikator__rencana_aksi=plan).order_by(
                "indikator__sasaran__urutan", "indikator__urutan", "triwulan").values_list(
                "indikator__nama", "triwulan", "nilai", "kategori", "teks")]
            for model in (Program, Kegiatan, SubKegiatan):
                out += [(model.__name__, *r) for r in model.objects.filter(**f).order_by("kode").values_list(
                    "kode", "nama", "pagu")]
            out += [("aksi", *r) for r in Aksi.objects.filter(**f).order_by("sub_kegiatan__kode", "urutan")
                    .values_list("sub_kegiatan__kode", "nomor", "uraian", "keluaran", "pejabat__nip")]
            out += [("bulan", *r) for r in AksiBulan.objects.filter(aksi__rencana_aksi=plan).order_by(
                "aksi__sub_kegiatan__kode", "aksi__urutan", "bulan").values_list("aksi__uraian", "bulan")]
            out += [("realisasi", *r) for r in RealisasiIndikator.objects.filter(indikator__rencana_aksi=plan)
                    .order_by("indikator__sasaran__urutan", "indikator__urutan", "triwulan").values_list(
                    "indikator__nama", "triwulan", "nilai", "kategori")]
            out += [("anggaran", *r) for r in RealisasiAnggaran.objects.filter(sub_kegiatan__rencana_aksi=plan)
                    .order_by("sub_kegiatan__kode", "triwulan").values_list("sub_kegiatan__kode", "triwulan",
                                                                           "jumlah")]
            out += [("progres", *r) for r in ProgresAksi.objects.filter(aksi__rencana_aksi=plan).order_by(
                "aksi__sub_kegiatan__kode", "aksi__urutan", "bulan").values_list("aksi__uraian", "bulan",
                                                                                  "status")]
    out += sorted(("user", *u) for u in User.objects.filter(pemda=pemda).values_list(
        "username", "peran", "perangkat_daerah__nama", "bidang__nama", "pejabat__nip"))
    return out
