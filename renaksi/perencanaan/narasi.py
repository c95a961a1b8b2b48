"""The narrative of the Dokumen Rencana Aksi: the foreword and the texts of BAB I–III, edited by the PD.

Each text is a field of `RencanaAksi` (`narasi_<nama>`). An empty field means "the default": a text generated from
the plan (PD, Pemda, year, Renstra period, sasaran strategis), written after the one a real plan uses (the Samarinda
seed's KATA PENGANTAR, BAB I and BAB III, renaksi/impor/contoh/003_a1ceddc45d39290c.txt lines 32–110 and 405–411).
The default follows the plan (a renamed PD, a new year) until the PD writes its own text; saving the default
unchanged keeps the field empty (`services.rencana_aksi_set_narasi`).

Texts are plain: a blank line separates paragraphs, a single line break stays a line break.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import RencanaAksi

# name → (label, where it is printed); the order of the document.
BAGIAN: dict[str, tuple[str, str]] = {
    "kata_pengantar": (gettext_lazy("Kata pengantar"), gettext_lazy("sesudah sampul")),
    "latar_belakang": (gettext_lazy("Latar belakang"), gettext_lazy("BAB I, 1.1")),
    "maksud_tujuan": (gettext_lazy("Maksud dan tujuan"), gettext_lazy("BAB I, 1.2")),
    "sistematika": (gettext_lazy("Sistematika penulisan"), gettext_lazy("BAB I, 1.3")),
    "rencana_strategis": (gettext_lazy("Rencana strategis"), gettext_lazy("BAB II, 2.1")),
    "penutup": (gettext_lazy("Penutup"), gettext_lazy("BAB III")),
}
NAMA = tuple(BAGIAN)


def field_name(nama: str) -> str:
    return f"narasi_{nama}"


@dataclass(frozen=True)
class Konteks:
    """What the default texts name: the PD with its Pemda, the year, the Renstra period and the sasaran strategis."""

    perangkat_daerah: str  # "Badan Kesatuan Bangsa dan Politik Kota Samarinda"
    tahun: int
    renstra: str = ""  # "2021-2026", "" when the plan names no Renstra
    sasaran_strategis: Sequence[str] = ()


def konteks(plan: RencanaAksi, sasaran_strategis: Sequence[str] = ()) -> Konteks:
    """The context of a plan: load it with `select_related("perangkat_daerah__pemda", "renstra")`."""
    pd = plan.perangkat_daerah
    renstra = plan.renstra
    return Konteks(
        perangkat_daerah=f"{pd.nama} {pd.pemda}", tahun=plan.tahun,
        renstra=f"{renstra.tahun_awal}-{renstra.tahun_akhir}" if renstra else "",
        sasaran_strategis=tuple(sasaran_strategis),
    )


def bawaan(k: Konteks) -> dict[str, str]:
    """The default text of each part, generated from the plan."""
    v = {"pd": k.perangkat_daerah, "tahun": k.tahun, "renstra": k.renstra}
    renstra = _("Rencana Strategis (Renstra) %(pd)s Tahun %(renstra)s") % v if k.renstra else \
        _("Rencana Strategis (Renstra) %(pd)s") % v
    sasaran = "\n".join(f"{n}. {uraian}" for n, uraian in enumerate(k.sasaran_strategis, start=1))
    rencana_strategis = [
        _("%(renstra)s merupakan perencanaan jangka menengah yang berisi gambaran sasaran atau kondisi hasil yang "
          "akan dicapai dalam kurun waktu lima tahun beserta strategi yang akan dilakukan untuk mencapai sasaran "
          "sesuai dengan tugas, fungsi dan peran yang diamanahkan.") % {"renstra": renstra},
    ]
    if sasaran:
        rencana_strategis.append(_("Sasaran Strategis %(pd)s ditetapkan sebagai berikut:") % v + "\n" + sasaran)
    return {
        "kata_pengantar": "\n\n".join([
            _("Puji syukur ke hadirat Tuhan Yang Maha Esa, karena berkat petunjuk dan karunia-Nya dokumen Rencana "
              "Aksi %(pd)s Tahun %(tahun)s dapat diselesaikan.") % v,
            _("Penyusunan dokumen Rencana Aksi ini sebagai perwujudan Akuntabilitas Kinerja %(pd)s.") % v,
            _("Dokumen Rencana Aksi ini diharapkan dapat memberikan arah serta pedoman dalam pelaksanaan program, "
              "kegiatan dan sub kegiatan."),
            _("Kami menyadari bahwa masih terdapat keterbatasan dan kekurangan dalam penyusunan dokumen Rencana Aksi "
              "ini, sehingga saran dan masukan sangat kami harapkan. Kami sampaikan terima kasih kepada seluruh "
              "pejabat dan staf yang terkait dalam penyusunan dokumen Rencana Aksi ini."),
        ]),
        "latar_belakang": "\n\n".join([
            _("Untuk mewujudkan visi dan misi pembangunan daerah diperlukan pengembangan dan penerapan sistem "
              "pertanggungjawaban yang tepat, jelas dan terukur, sehingga penyelenggaraan pemerintahan dan "
              "pembangunan dapat berlangsung secara efektif, efisien, akuntabel serta bebas dari korupsi, kolusi "
              "dan nepotisme."),
            _("Sesuai Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi "
              "Pemerintah dan Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun "
              "2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas Laporan "
              "Kinerja Instansi Pemerintah, %(pd)s sebagai salah satu Perangkat Daerah memiliki kewajiban untuk "
              "melaksanakan manajemen kinerja (perencanaan, penganggaran, pelaksanaan serta monitoring dan "
              "evaluasi).") % v,
            _("Rencana Aksi menjabarkan target kinerja tahunan ke dalam target triwulan dan jadwal pelaksanaan "
              "kegiatan, sehingga hasil capaian kinerja, faktor penghambat serta faktor pendukung dapat dipantau "
              "secara berkala dan upaya perbaikan dapat dilakukan agar capaian kinerja lebih optimal."),
        ]),
        "maksud_tujuan": "\n".join([
            _("Maksud penyusunan Rencana Aksi adalah tersusunnya rencana pencapaian Perjanjian Kinerja Tahun "
              "%(tahun)s. Tujuan penyusunan Rencana Aksi adalah:") % v,
            _("a. untuk merencanakan pencapaian target kinerja Tahun %(tahun)s secara berkala;") % v,
            _("b. untuk mengendalikan pelaksanaan kegiatan sesuai sasaran strategis dan IKU dalam Perjanjian Kinerja "
              "yang telah ditetapkan;"),
            _("c. untuk memudahkan monitoring dan evaluasi atas capaian kinerja Tahun %(tahun)s;") % v,
            _("d. untuk mewujudkan akuntabilitas pelaksanaan tugas dan fungsi %(pd)s serta sebagai wujud "
              "transparansi dan pertanggungjawaban pelaksanaan kegiatan kepada masyarakat.") % v,
        ]),
        "sistematika": "\n\n".join([
            _("Sistematika penulisan Rencana Aksi %(pd)s Tahun %(tahun)s adalah sebagai berikut:") % v,
            _("Bab I Pendahuluan\nMenyajikan latar belakang, maksud dan tujuan serta sistematika penulisan."),
            _("Bab II Rencana Aksi\nMenyajikan Rencana Strategis, Indikator Kinerja Utama, Perjanjian Kinerja, "
              "program, kegiatan dan sub kegiatan beserta pagu anggarannya, target triwulan dan rencana aksi setiap "
              "bidang."),
            _("Bab III Penutup\nMenyajikan penjelasan singkat mengenai peran penting penyusunan rencana aksi."),
        ]),
        "rencana_strategis": "\n\n".join(rencana_strategis),
        "penutup": "\n\n".join([
            _("Tercapainya rencana program pada dokumen Rencana Aksi %(pd)s Tahun %(tahun)s didukung oleh "
              "kontribusi penuh dari bidang-bidang sesuai tugas dan fungsi masing-masing.") % v,
            _("Rencana Aksi ini digunakan sebagai acuan dalam pelaksanaan program dan kegiatan, dengan memperhatikan "
              "pemantauan dan evaluasi. Dengan dedikasi, kerja keras dan dukungan dari semua bidang, tujuan program "
              "dan kegiatan diharapkan dapat tercapai secara menyeluruh."),
        ]),
    }


def normalkan(teks: str) -> str:
    """A text as stored: Windows line breaks made plain, trailing spaces and outer blank lines removed."""
    lines = [line.rstrip() for line in teks.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n".join(lines).strip()


def teks(plan: RencanaAksi, k: Konteks) -> dict[str, str]:
    """Each part as the document prints it: the PD's own text, else the default."""
    defaults = bawaan(k)
    return {nama: normalkan(getattr(plan, field_name(nama))) or defaults[nama] for nama in NAMA}
