"""Who may import at all: pages show "Impor dokumen" (home page, menu) only to them (`perms.impor.import_dokumen`)."""

from __future__ import annotations

import rules

from .forms import may_import

rules.add_perm("impor.import_dokumen", rules.predicate(may_import))
