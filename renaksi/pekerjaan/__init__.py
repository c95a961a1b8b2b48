"""Background jobs: the record of a long piece of work (a large document, a Pemda bundle, a synthetic Pemda) that
runs in a worker, never inside a request; its progress, its result file and, when it failed, why (decision 0008).

The work itself lives in the app that owns it (laporan/tugas.py, sintetis/tugas.py): each registers a runner for its
kind (`registry.daftarkan`), and starts a job with `services.pekerjaan_mulai(jenis=..., ...)`. One Django task
(`tugas.jalankan`) runs every kind in the worker: it marks the job running, calls the runner with a progress callback,
keeps the file it returns in the default storage and records success or the Indonesian reason of the failure.

It also keeps the ready copies of documents (`models.Salinan`, decision 0017): files found by the hash of their
content, which laporan reads before it makes a document and writes after; the same sweep deletes unused ones.
"""
