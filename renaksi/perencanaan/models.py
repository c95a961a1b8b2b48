"""The yearly plan of a Perangkat Daerah, as data.

A `RencanaAksi` (PD, tahun, versi) owns its whole tree: sasaran → indikator → target, the Perjanjian Kinerja,
program → kegiatan → sub kegiatan with pagu, and aksi with their monthly schedule. Every row of the tree carries
`rencana_aksi` so that a page or a report loads each table with one query, and permissions resolve without joins.
A later version (perubahan) is a copy of the tree under a new `RencanaAksi` with `versi + 1`.

What a document says is stored as written, mistakes included: a pagu that does not add up is not corrected,
an empty target stays empty (NULL), not zero. Values read from a document keep their place in it (`Provenance`).
"""

from __future__ import annotations

import uuid

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from renaksi.core.akumulasi import Akumulasi
from renaksi.core.capaian import RumusNegatif
from renaksi.core.kunci import versi_field
from renaksi.core.riwayat import Riwayat
from renaksi.organisasi.models import Bidang, Pejabat, PerangkatDaerah

MONEY = {"null": True, "blank": True, "validators": [MinValueValidator(0, "Pagu tidak boleh negatif.")]}
NARASI_MAKS = 10_000  # characters of one narrative field of the RA document (a chapter of a few pages)
TARGET_DECIMAL = {"max_digits": 24, "decimal_places": 6, "null": True, "blank": True}


class Nomenklatur(models.Model):
    """Master list of Kepmendagri codes, versioned by the year it applies to."""

    class Level(models.TextChoices):
        URUSAN = "urusan", _("Bidang urusan")
        PROGRAM = "program", _("Program")
        KEGIATAN = "kegiatan", _("Kegiatan")
        SUB_KEGIATAN = "sub_kegiatan", _("Sub kegiatan")

    tahun = models.PositiveSmallIntegerField(_("berlaku untuk tahun"))
    kode = models.CharField(_("kode"), max_length=40)
    nama = models.CharField(_("nama"), max_length=500)
    level = models.CharField(_("tingkat"), max_length=20, choices=Level.choices)
    induk_kode = models.CharField(_("kode induk"), max_length=40, blank=True)
    sumber = models.CharField(_("dasar hukum"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("nomenklatur")
        verbose_name_plural = _("nomenklatur")
        ordering = ["tahun", "kode"]
        constraints = [models.UniqueConstraint(fields=["tahun", "kode"], name="nomenklatur_unique_tahun_kode")]

    def __str__(self) -> str:
        return f"{self.kode} {self.nama}"


class Renstra(models.Model):
    perangkat_daerah = models.ForeignKey(PerangkatDaerah, on_delete=models.CASCADE, related_name="renstra")
    tahun_awal = models.PositiveSmallIntegerField(_("tahun awal"))
    tahun_akhir = models.PositiveSmallIntegerField(_("tahun akhir"))
    history = Riwayat()

    class Meta:
        verbose_name = _("renstra")
        verbose_name_plural = _("renstra")
        constraints = [
            models.UniqueConstraint(fields=["perangkat_daerah", "tahun_awal"], name="renstra_unique_pd_awal"),
            models.CheckConstraint(condition=Q(tahun_akhir__gte=models.F("tahun_awal")), name="renstra_periode"),
        ]

    def __str__(self) -> str:
        return f"Renstra {self.tahun_awal}–{self.tahun_akhir}"


class Tujuan(models.Model):
    renstra = models.ForeignKey(Renstra, on_delete=models.CASCADE, related_name="tujuan")
    nomor = models.CharField(_("nomor"), max_length=20, blank=True)
    uraian = models.TextField(_("uraian"))
    urutan = models.PositiveIntegerField(default=0)
    history = Riwayat()

    class Meta:
        verbose_name = _("tujuan")
        verbose_name_plural = _("tujuan")
        ordering = ["renstra", "urutan"]

    def __str__(self) -> str:
        return self.uraian


class RencanaAksi(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draf")
        DIAJUKAN = "diajukan", _("Diajukan")
        DIKEMBALIKAN = "dikembalikan", _("Dikembalikan")
        DISETUJUI = "disetujui", _("Disetujui")
        TERKUNCI = "terkunci", _("Terkunci")

    EDITABLE = (Status.DRAFT, Status.DIKEMBALIKAN)
    PUBLISHED = (Status.DISETUJUI, Status.TERKUNCI)

    perangkat_daerah = models.ForeignKey(PerangkatDaerah, on_delete=models.PROTECT, related_name="rencana_aksi")
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    versi = models.PositiveSmallIntegerField(_("versi"), default=1)
    induk = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="perubahan",
        verbose_name=_("versi sebelumnya"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    renstra = models.ForeignKey(Renstra, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    judul = models.CharField(_("judul"), max_length=300, blank=True)
    tempat = models.CharField(_("tempat penetapan"), max_length=100, blank=True)
    tanggal = models.DateField(_("tanggal penetapan"), null=True, blank=True)
    penandatangan = models.ForeignKey(
        Pejabat, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("penandatangan"),
    )
    sumber = models.CharField(_("dokumen sumber"), max_length=255, blank=True)
    # The narrative of the Dokumen Rencana Aksi, edited by the PD; empty = the default text generated from the plan
    # (renaksi.perencanaan.narasi). Longer than a row's TextField may be (TEKS_MAKS): a chapter, not a cell.
    narasi_kata_pengantar = models.CharField(_("kata pengantar"), max_length=NARASI_MAKS, blank=True)
    narasi_latar_belakang = models.CharField(_("latar belakang"), max_length=NARASI_MAKS, blank=True)
    narasi_maksud_tujuan = models.CharField(_("maksud dan tujuan"), max_length=NARASI_MAKS, blank=True)
    narasi_sistematika = models.CharField(_("sistematika penulisan"), max_length=NARASI_MAKS, blank=True)
    narasi_rencana_strategis = models.CharField(_("rencana strategis"), max_length=NARASI_MAKS, blank=True)
    narasi_penutup = models.CharField(_("penutup"), max_length=NARASI_MAKS, blank=True)
    dibuat = models.DateTimeField(auto_now_add=True)
    diubah = models.DateTimeField(auto_now=True)
    history = Riwayat()

    class Meta:
        verbose_name = _("rencana aksi")
        verbose_name_plural = _("rencana aksi")
        ordering = ["-tahun", "perangkat_daerah__nama", "-versi"]
        constraints = [
            models.UniqueConstraint(fields=["perangkat_daerah", "tahun", "versi"], name="ra_unique_pd_tahun_versi"),
            models.CheckConstraint(condition=Q(tahun__gte=2000, tahun__lte=2100), name="ra_tahun_range"),
        ]

    def __str__(self) -> str:
        label = f"Rencana Aksi {self.perangkat_daerah.nama} {self.tahun}"
        return label if self.versi == 1 else f"{label} (perubahan {self.versi - 1})"

    @property
    def editable(self) -> bool:
        return self.status in self.EDITABLE

    @property
    def draf(self) -> bool:
        """Not yet approved (nor locked): every document of the plan is marked DRAF."""
        return self.status not in self.PUBLISHED

    @staticmethod
    def judul_bawaan(perangkat_daerah: PerangkatDaerah, tahun: int) -> str:
        """The title a plan gets when its document states none (the importer's): "Rencana Aksi <PD> <Pemda> Tahun
        <tahun>". The RA document's cover prints a plan's title only when it is another one."""
        return f"Rencana Aksi {perangkat_daerah.nama} {perangkat_daerah.pemda} Tahun {tahun}"

    @property
    def label_versi(self) -> str:
        """'Murni' for the first plan of a year, 'Perubahan 1', 'Perubahan 2' … for its revisions."""
        if self.versi == 1:
            return str(_("Murni"))
        return str(_("Perubahan %(n)d")) % {"n": self.versi - 1}


def kunci_field() -> models.UUIDField:
    """A row's stable identity: the same in every version of a plan (a perubahan copies it), unique within one plan.
    Checker acknowledgements, the diff between two versions and a re-import match rows by it (docs/versi.md)."""
    return models.UUIDField(_("kunci baris"), default=uuid.uuid4, editable=False, db_index=True)


def kunci_unique(model: str) -> models.UniqueConstraint:
    return models.UniqueConstraint(fields=["rencana_aksi", "kunci"], name=f"{model}_unique_kunci")


class PlanRow(models.Model):
    """A row of a plan's tree: knows its plan, its place among its siblings and its identity across versions."""

    rencana_aksi = models.ForeignKey(RencanaAksi, on_delete=models.CASCADE, related_name="+")
    urutan = models.PositiveIntegerField(_("urutan"), default=0)
    kunci = kunci_field()
    versi_baris = versi_field()  # optimistic locking of edit forms (renaksi/core/kunci.py)

    class Meta:
        abstract = True


class Sasaran(PlanRow):
    class Level(models.TextChoices):
        STRATEGIS = "strategis", _("Sasaran strategis")
        PROGRAM = "program", _("Sasaran program")
        KEGIATAN = "kegiatan", _("Sasaran kegiatan")
        SUB_KEGIATAN = "sub_kegiatan", _("Sasaran sub kegiatan")

    level = models.CharField(_("tingkat"), max_length=20, choices=Level.choices, default=Level.STRATEGIS)
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children",
        verbose_name=_("sasaran induk"),
    )
    tujuan = models.ForeignKey(Tujuan, on_delete=models.SET_NULL, null=True, blank=True, related_name="sasaran")
    nomor = models.CharField(_("nomor"), max_length=20, blank=True)
    uraian = models.TextField(_("uraian sasaran"), blank=True)
    bidang = models.ForeignKey(Bidang, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    history = Riwayat()

    class Meta:
        verbose_name = _("sasaran")
        verbose_name_plural = _("sasaran")
        ordering = ["rencana_aksi", "urutan", "id"]
        indexes = [models.Index(fields=["rencana_aksi", "level"])]
        constraints = [kunci_unique("sasaran")]

    def __str__(self) -> str:
        return self.uraian or f"Sasaran {self.nomor}"


class Indikator(PlanRow):
    class Polaritas(models.TextChoices):
        POSITIF = "positif", _("Positif (makin tinggi makin baik)")
        NEGATIF = "negatif", _("Negatif (makin rendah makin baik)")

    class JenisTarget(models.TextChoices):
        ANGKA = "angka", _("Angka")
        KATEGORI = "kategori", _("Kategori")

    sasaran = models.ForeignKey(Sasaran, on_delete=models.CASCADE, related_name="indikator")
    nama = models.TextField(_("indikator"))
    satuan = models.CharField(_("satuan"), max_length=100, blank=True)
    formulasi = models.TextField(_("formulasi"), blank=True)
    polaritas = models.CharField(_("polaritas"), max_length=10, choices=Polaritas.choices, default=Polaritas.POSITIF)
    polaritas_disimpulkan = models.BooleanField(_("polaritas disimpulkan"), default=False)
    # Only for negative polarity: how capaian is computed (renaksi.core.capaian).
    rumus_negatif = models.CharField(
        _("rumus capaian polaritas negatif"), max_length=10, choices=RumusNegatif.choices,
        default=RumusNegatif.SELISIH,
    )
    akumulasi = models.CharField(_("akumulasi"), max_length=20, choices=Akumulasi.choices, default=Akumulasi.KUMULATIF)
    akumulasi_disimpulkan = models.BooleanField(_("akumulasi disimpulkan"), default=False)
    alasan_inferensi = models.TextField(_("alasan inferensi"), blank=True)
    jenis_target = models.CharField(
        _("jenis target"), max_length=10, choices=JenisTarget.choices, default=JenisTarget.ANGKA
    )
    is_iku = models.BooleanField(_("IKU"), default=False)
    sumber_data = models.CharField(_("sumber data"), max_length=255, blank=True)
    penanggung_jawab = models.CharField(_("penanggung jawab"), max_length=255, blank=True)
    bidang = models.ForeignKey(Bidang, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    catatan = models.TextField(_("catatan"), blank=True)
    history = Riwayat()

    class Meta:
        verbose_name = _("indikator")
        verbose_name_plural = _("indikator")
        ordering = ["rencana_aksi", "urutan", "id"]
        constraints = [kunci_unique("indikator")]

    def __str__(self) -> str:
        return self.nama


class Target(models.Model):
    """A yearly target (`triwulan` NULL) or a quarterly one (1–4). Empty stays empty: `nilai` NULL, `teks` ''."""

    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="target")
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    triwulan = models.PositiveSmallIntegerField(
        _("triwulan"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    nilai = models.DecimalField(_("nilai"), **TARGET_DECIMAL)
    desimal = models.PositiveSmallIntegerField(_("jumlah desimal tertulis"), default=0)
    kategori = models.CharField(_("kategori"), max_length=10, blank=True, help_text="B, BB, WTP …")
    teks = models.CharField(_("tertulis"), max_length=255, blank=True)
    history = Riwayat()

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("target")
        ordering = ["indikator", "tahun", "triwulan"]
        constraints = [
            models.UniqueConstraint(
                fields=["indikator", "tahun"], condition=Q(triwulan__isnull=True), name="target_unique_tahunan"
            ),
            models.UniqueConstraint(
                fields=["indikator", "tahun", "triwulan"], condition=Q(triwulan__isnull=False),
                name="target_unique_triwulan",
            ),
            models.CheckConstraint(
                condition=Q(triwulan__isnull=True) | Q(triwulan__gte=1, triwulan__lte=4), name="target_triwulan_1_4"
            ),
        ]

    def __str__(self) -> str:
        when = f"TW {self.triwulan}" if self.triwulan else str(self.tahun)
        return f"{when}: {self.teks or self.nilai}"

    @property
    def kosong(self) -> bool:
        return self.nilai is None and not self.kategori


class PerjanjianKinerja(models.Model):
    class Jenis(models.TextChoices):
        MURNI = "murni", _("Murni")
        PERUBAHAN = "perubahan", _("Perubahan")

    rencana_aksi = models.ForeignKey(RencanaAksi, on_delete=models.CASCADE, related_name="perjanjian_kinerja")
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    jenis = models.CharField(_("jenis"), max_length=10, choices=Jenis.choices, default=Jenis.MURNI)
    pihak_pertama = models.ForeignKey(
        Pejabat, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("pihak pertama")
    )
    pihak_kedua = models.ForeignKey(
        Pejabat, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("pihak kedua")
    )
    pihak_kedua_jabatan = models.CharField(_("jabatan pihak kedua"), max_length=255, blank=True)
    tempat = models.CharField(_("tempat"), max_length=100, blank=True)
    tanggal = models.DateField(_("tanggal"), null=True, blank=True)
    history = Riwayat()

    class Meta:
        verbose_name = _("perjanjian kinerja")
        verbose_name_plural = _("perjanjian kinerja")
        constraints = [
            models.UniqueConstraint(fields=["rencana_aksi", "pihak_pertama", "jenis"], name="pk_unique_pihak_jenis")
        ]

    def __str__(self) -> str:
        return f"Perjanjian Kinerja {self.tahun}"


class PerjanjianKinerjaItem(models.Model):
    """One line of a PK: the sasaran and indikator as the PK states them, and the PK's own target."""

    perjanjian_kinerja = models.ForeignKey(PerjanjianKinerja, on_delete=models.CASCADE, related_name="items")
    urutan = models.PositiveIntegerField(default=0)
    kunci = kunci_field()
    nomor = models.CharField(_("nomor"), max_length=20, blank=True)
    sasaran = models.ForeignKey(Sasaran, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    indikator = models.ForeignKey(Indikator, on_delete=models.SET_NULL, null=True, blank=True, related_name="pk_items")
    target_nilai = models.DecimalField(_("target"), **TARGET_DECIMAL)
    target_kategori = models.CharField(_("kategori"), max_length=10, blank=True)
    target_teks = models.CharField(_("target tertulis"), max_length=255, blank=True)
    history = Riwayat()

    class Meta:
        verbose_name = _("butir perjanjian kinerja")
        verbose_name_plural = _("butir perjanjian kinerja")
        ordering = ["perjanjian_kinerja", "urutan"]

    def __str__(self) -> str:
        return f"{self.nomor} {self.target_teks}".strip()


class AnggaranRow(PlanRow):
    """Program, kegiatan and sub kegiatan share: an optional Kepmendagri code, a name, and a pagu as written."""

    kode = models.CharField(_("kode"), max_length=40, blank=True)
    nama = models.TextField(_("nama"))
    pagu = models.BigIntegerField(_("pagu (Rp)"), **MONEY)

    class Meta(PlanRow.Meta):
        abstract = True

    def __str__(self) -> str:
        return f"{self.kode} {self.nama}".strip()


class Program(AnggaranRow):
    indikator = models.ManyToManyField(Indikator, blank=True, related_name="program")
    history = Riwayat(m2m_fields=[indikator])

    class Meta:
        verbose_name = _("program")
        verbose_name_plural = _("program")
        ordering = ["rencana_aksi", "urutan", "id"]
        constraints = [models.CheckConstraint(condition=Q(pagu__gte=0), name="program_pagu_gte_0"),
                       kunci_unique("program")]


class Kegiatan(AnggaranRow):
    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="kegiatan")
    indikator = models.ManyToManyField(Indikator, blank=True, related_name="kegiatan")
    history = Riwayat(m2m_fields=[indikator])

    class Meta:
        verbose_name = _("kegiatan")
        verbose_name_plural = _("kegiatan")
        ordering = ["rencana_aksi", "urutan", "id"]
        constraints = [models.CheckConstraint(condition=Q(pagu__gte=0), name="kegiatan_pagu_gte_0"),
                       kunci_unique("kegiatan")]


class SubKegiatan(AnggaranRow):
    kegiatan = models.ForeignKey(Kegiatan, on_delete=models.CASCADE, related_name="sub_kegiatan")
    indikator = models.ManyToManyField(Indikator, blank=True, related_name="sub_kegiatan")
    bidang = models.ForeignKey(Bidang, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    # The output the aksi of this sub kegiatan deliver together, as the plan states it ("1200 Orang").
    target_nilai = models.DecimalField(_("target keluaran"), **TARGET_DECIMAL)
    target_satuan = models.CharField(_("satuan target"), max_length=100, blank=True)
    target_teks = models.CharField(_("target tertulis"), max_length=255, blank=True)
    catatan = models.TextField(_("catatan"), blank=True)
    history = Riwayat(m2m_fields=[indikator])

    class Meta:
        verbose_name = _("sub kegiatan")
        verbose_name_plural = _("sub kegiatan")
        ordering = ["rencana_aksi", "urutan", "id"]
        constraints = [models.CheckConstraint(condition=Q(pagu__gte=0), name="subkegiatan_pagu_gte_0"),
                       kunci_unique("subkegiatan")]


class Aksi(PlanRow):
    sub_kegiatan = models.ForeignKey(SubKegiatan, on_delete=models.CASCADE, related_name="aksi")
    nomor = models.CharField(_("nomor"), max_length=20, blank=True)
    uraian = models.TextField(_("aksi"))
    keluaran = models.TextField(_("output / keluaran"), blank=True)
    target_nilai = models.DecimalField(_("target"), **TARGET_DECIMAL)
    target_satuan = models.CharField(_("satuan target"), max_length=100, blank=True)
    target_teks = models.CharField(_("target tertulis"), max_length=255, blank=True)
    pagu = models.BigIntegerField(_("pagu (Rp)"), **MONEY)
    penanggung_jawab = models.CharField(_("penanggung jawab (jabatan)"), max_length=255, blank=True)
    pejabat = models.ForeignKey(
        Pejabat, on_delete=models.SET_NULL, null=True, blank=True, related_name="aksi",
        verbose_name=_("pejabat penanggung jawab"),
    )
    catatan = models.TextField(_("catatan"), blank=True)
    history = Riwayat()

    class Meta:
        verbose_name = _("aksi")
        verbose_name_plural = _("aksi")
        ordering = ["rencana_aksi", "urutan", "id"]
        constraints = [models.CheckConstraint(condition=Q(pagu__gte=0), name="aksi_pagu_gte_0"),
                       kunci_unique("aksi")]

    def __str__(self) -> str:
        return self.uraian


class AksiBulan(models.Model):
    """A month (1 = Januari … 12 = Desember) in which an aksi is scheduled."""

    aksi = models.ForeignKey(Aksi, on_delete=models.CASCADE, related_name="jadwal")
    bulan = models.PositiveSmallIntegerField(_("bulan"), validators=[MinValueValidator(1), MaxValueValidator(12)])
    history = Riwayat()

    class Meta:
        verbose_name = _("jadwal aksi")
        verbose_name_plural = _("jadwal aksi")
        ordering = ["aksi", "bulan"]
        constraints = [
            models.UniqueConstraint(fields=["aksi", "bulan"], name="aksibulan_unique"),
            models.CheckConstraint(condition=Q(bulan__gte=1, bulan__lte=12), name="aksibulan_bulan_1_12"),
        ]

    def __str__(self) -> str:
        return f"{self.aksi_id}: {self.bulan}"


class Provenance(models.Model):
    """Where a stored value came from in a source document, and how it was written there.

    One object can have several: when two tables of a document state the same pagu differently, both are kept
    here and the checker compares them. Nothing in the plan is 'fixed' to agree with one of them silently.
    """

    rencana_aksi = models.ForeignKey(RencanaAksi, on_delete=models.CASCADE, related_name="provenance")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    obj = GenericForeignKey("content_type", "object_id")
    field = models.CharField(max_length=50)
    teks = models.TextField(blank=True)
    nilai = models.DecimalField(**TARGET_DECIMAL)
    dokumen = models.CharField(max_length=255)
    tabel = models.CharField(max_length=255, blank=True)
    baris = models.PositiveIntegerField(null=True, blank=True)
    kolom = models.CharField(max_length=100, blank=True)
    catatan = models.TextField(blank=True)

    class Meta:
        verbose_name = _("asal nilai")
        verbose_name_plural = _("asal nilai")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.field} = {self.teks!r} ({self.tempat})"

    @property
    def tempat(self) -> str:
        parts = [self.dokumen, self.tabel, f"baris {self.baris}" if self.baris else "", self.kolom]
        return ", ".join(p for p in parts if p)
