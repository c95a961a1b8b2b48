"""The checker rules, one module per subject. Importing this package registers them all (in this order).

django-rules' autodiscovery also imports this package (as `<app>.rules`): the permission used to acknowledge a
finding is registered here too, from `renaksi.pemeriksaan.permissions`.
"""

from .. import permissions  # noqa: F401
from . import aksi, pagu, pk, realisasi, target, teks  # noqa: F401

__all__ = ["aksi", "pagu", "pk", "realisasi", "target", "teks"]
