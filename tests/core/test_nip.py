import pytest
from django.core.exceptions import ValidationError

from renaksi.core.nip import format_nip, normalize_nip, validate_nip


@pytest.mark.parametrize("nip", ["19670319 199702 1 003", "196801301994031009", "19690127 200112 2 001"])
def test_seed_nips_are_valid_with_or_without_spaces(nip):
    validate_nip(nip)
    assert len(normalize_nip(nip)) == 18


def test_nip_is_printed_in_its_four_groups():
    assert format_nip("196703191997021003") == "19670319 199702 1 003"


@pytest.mark.parametrize(
    ("nip", "message"),
    [
        ("1967031919970210", "18 angka"),
        ("19671319 199702 1 003", "tanggal lahir"),
        ("19670319 199713 1 003", "bulan pengangkatan"),
        ("19670319 199702 3 003", "jenis kelamin"),
    ],
)
def test_invalid_nips_are_refused_with_the_reason(nip, message):
    with pytest.raises(ValidationError, match=message):
        validate_nip(nip)
