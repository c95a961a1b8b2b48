"""The collector is paused for a build and resumed after it, also when builds overlap or one fails, and a collector
that was off stays off (renaksi/core/gcpause.py)."""

from __future__ import annotations

import gc
import threading

import pytest

from renaksi.core.gcpause import gc_paused


@pytest.fixture(autouse=True)
def _collector_on():
    enabled = gc.isenabled()
    gc.enable()
    yield
    if not enabled:
        gc.disable()


def test_paused_inside_and_resumed_after():
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_build_inside_another_resumes_only_at_the_end():
    with gc_paused():
        with gc_paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_resumed_after_a_failed_build():
    @gc_paused()
    def build():
        raise ValueError("gagal")

    with pytest.raises(ValueError):
        build()
    assert gc.isenabled()


def test_overlapping_builds_in_threads_resume_when_the_last_ends():
    first_in, second_done = threading.Event(), threading.Event()

    def first():
        with gc_paused():
            first_in.set()
            second_done.wait(5)
            assert not gc.isenabled()  # the second build ended first: still paused for this one

    thread = threading.Thread(target=first)
    thread.start()
    first_in.wait(5)
    with gc_paused():
        pass
    second_done.set()
    thread.join(5)
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off():
    gc.disable()
    with gc_paused():
        pass
    assert not gc.isenabled()
