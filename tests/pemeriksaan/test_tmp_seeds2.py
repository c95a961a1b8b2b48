import pytest
from renaksi.impor.api import import_path
from renaksi.perencanaan.models import Provenance, Indikator, Target
from tests.conftest import SEED_BANGKA, SEED_SAMARINDA

@pytest.mark.django_db
@pytest.mark.parametrize("seed", [SEED_SAMARINDA, SEED_BANGKA])
def test_tmp(seed):
    plan = import_path(seed).rencana_aksi
    for ind in Indikator.objects.filter(rencana_aksi=plan):
        ts = {t.triwulan: t for t in ind.target.all()}
        print(ind.pk, ind.nama[:60], "|", ind.satuan, "|", ind.akumulasi, ind.akumulasi_disimpulkan, ind.jenis_target, [ (tw, str(t.nilai), t.desimal, t.kategori) for tw, t in sorted(ts.items(), key=lambda x: x[0] or 0)])
        for t in ts.values():
            provs = Provenance.objects.filter(content_type__model="target", object_id=t.pk)
            if provs.count() > 1:
                for p in provs: print("     PROV", p.field, p.teks, p.nilai, p.tempat, p.catatan)
    print(Provenance.objects.filter(rencana_aksi=plan).values_list("content_type__model", "field").distinct())
