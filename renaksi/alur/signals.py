"""Signals of the workflow for the apps above it (which alur may not import).

`rencana_aksi_berpindah` is sent inside a plan's transition (`services._jalankan`), once the plan's new state and
its `Transisi` are saved: the apps above act on a state (laporan: an approved plan's document is made ready,
decision 0017). A receiver that raises undoes the transition; work that takes long belongs in a background job
queued there. Arguments: `rencana_aksi` (RencanaAksi) and `transisi` (Transisi: `langkah`, `dari`, `ke`, `oleh`).
Triwulan report transitions send nothing.
"""

from django.dispatch import Signal

rencana_aksi_berpindah = Signal()
