"""Signals of the plan for the apps above it (which perencanaan may not import).

`perubahan_dibuat` is sent inside `rencana_aksi_buat_perubahan`'s transaction once the new version's rows exist:
the apps above copy what they keep about the rows (monev: realisasi; pemeriksaan: acknowledgements). A receiver
that raises undoes the whole perubahan. Arguments: `lama` and `baru` (RencanaAksi), `peta` (kind → {old id: new
id}; kinds: sasaran, indikator, target, program, kegiatan, subkegiatan, aksi, perjanjiankinerja,
perjanjiankinerjaitem) and `by` (the user).
"""

from django.dispatch import Signal

perubahan_dibuat = Signal()
