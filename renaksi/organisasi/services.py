from __future__ import annotations

from django.db import transaction

from renaksi.core.nip import normalize_nip
from renaksi.core.services import save_validated

from .models import Bidang, Pejabat, Pemda, PerangkatDaerah


@transaction.atomic
def pemda_get_or_create(*, jenis: str, nama: str, ibukota: str = "") -> Pemda:
    pemda = Pemda.objects.filter(jenis=jenis, nama__iexact=nama.strip()).first()
    if pemda:
        return pemda
    return save_validated(Pemda(jenis=jenis, nama=nama.strip(), ibukota=ibukota or nama.strip()))


@transaction.atomic
def perangkat_daerah_get_or_create(
    *, pemda: Pemda, nama: str, singkatan: str = "", kode_urusan: str = "", alamat: str = ""
) -> PerangkatDaerah:
    pd = PerangkatDaerah.objects.filter(pemda=pemda, nama__iexact=nama.strip()).first()
    if pd:
        return pd
    return save_validated(
        PerangkatDaerah(pemda=pemda, nama=nama.strip(), singkatan=singkatan, kode_urusan=kode_urusan, alamat=alamat)
    )


@transaction.atomic
def bidang_get_or_create(*, perangkat_daerah: PerangkatDaerah, nama: str, singkatan: str = "", urutan: int = 0) -> Bidang:
    bidang = Bidang.objects.filter(perangkat_daerah=perangkat_daerah, nama__iexact=nama.strip()).first()
    if bidang:
        return bidang
    return save_validated(
        Bidang(perangkat_daerah=perangkat_daerah, nama=nama.strip(), singkatan=singkatan, urutan=urutan)
    )


@transaction.atomic
def pejabat_create(
    *,
    perangkat_daerah: PerangkatDaerah,
    nama: str,
    jabatan: str,
    nip: str = "",
    pangkat: str = "",
    golongan: str = "",
    status: str = Pejabat.Status.DEFINITIF,
    bidang: Bidang | None = None,
) -> Pejabat:
    """Create an official; the NIP is validated (18 digits) and stored without spaces."""
    pejabat = Pejabat(
        perangkat_daerah=perangkat_daerah, bidang=bidang, nama=nama.strip(), jabatan=jabatan.strip(),
        nip=normalize_nip(nip), pangkat=pangkat.strip(), golongan=golongan.strip(), status=status,
    )
    return save_validated(pejabat)


@transaction.atomic
def pejabat_get_or_create(*, perangkat_daerah: PerangkatDaerah, nama: str, jabatan: str, **fields) -> Pejabat:
    nip = normalize_nip(fields.get("nip", ""))
    existing = Pejabat.objects.filter(perangkat_daerah=perangkat_daerah)
    found = existing.filter(nip=nip).first() if nip else existing.filter(nama__iexact=nama.strip()).first()
    return found or pejabat_create(perangkat_daerah=perangkat_daerah, nama=nama, jabatan=jabatan, **fields)


@transaction.atomic
def bidang_set_kepala(*, bidang: Bidang, pejabat: Pejabat | None) -> Bidang:
    return save_validated(bidang, kepala=pejabat)


@transaction.atomic
def perangkat_daerah_set_kepala(*, perangkat_daerah: PerangkatDaerah, pejabat: Pejabat | None) -> PerangkatDaerah:
    return save_validated(perangkat_daerah, kepala=pejabat)
