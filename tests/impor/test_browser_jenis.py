"""The preview of a document that holds only part of the chain, in a real browser (Debian's Chromium)."""

from __future__ import annotations

import pytest

from tests.conftest import ARTIFACTS

from .conftest import browser_upload
from .test_jenis import RENJA

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_renja_list_preview_says_what_it_holds(live_server, world, page):
    browser_upload(page, live_server, nama="renja.docx", data=RENJA,
                   mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    assert "hanya memuat program / kegiatan / sub kegiatan, pagu" in page.inner_text("#impor-bagian")
    page.screenshot(path=str(ARTIFACTS / "impor-pratinjau-renja.png"), full_page=True)
