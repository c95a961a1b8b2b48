import pytest
from renaksi.impor import api
from renaksi.laporan import pk
from tests.conftest import SEED_SAMARINDA, SEED_BANGKA
from tests.factories import make_pd

@pytest.mark.django_db
@pytest.mark.parametrize("seed", [SEED_SAMARINDA, SEED_BANGKA])
def test_probe(seed):
    pd = make_pd("Kesbangpol", pemda="Salinan")
    plan = api.import_document(api.parse_document(seed.read_bytes(), seed.name), perangkat_daerah=pd).rencana_aksi
    d = pk.perjanjian_kinerja(rencana_aksi=plan)
    print(d.pihak_pertama, d.pihak_kedua, d.tempat, d.tanggal, d.dari_pk, d.total_anggaran)
    for r in d.sasaran: print(r)
    for r in d.program: print(r)
    doc = pk.dokumen(rencana_aksi=plan)
    print(doc.judul, doc.nama_berkas)
