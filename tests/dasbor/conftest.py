import pytest

from renaksi.monev import services as monev


@pytest.fixture
def opened(world):
    for tw in (1, 2):
        monev.jendela_buka(pemda=world.pemda, tahun=2024, triwulan=tw)
