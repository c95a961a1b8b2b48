"""The checker rules (aturan), one module per subject. Importing this package registers them all (in this order).

Not to be confused with `renaksi.pemeriksaan.rules`: that module holds the permission (django-rules), as
`rules.py` does in every app.
"""

from . import aksi, pagu, pk, realisasi, target, teks  # noqa: F401

__all__ = ["aksi", "pagu", "pk", "realisasi", "target", "teks"]
