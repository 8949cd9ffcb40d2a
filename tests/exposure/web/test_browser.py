"""What a participant sees: Debian's Chromium, driven by Playwright (pointed at the system
browser, never a downloaded one), at a phone's size. Answer, see the estimate, download the
papers and read them; every page is checked with axe-core for serious accessibility problems.

Skipped with a reason where Chromium is not installed; a failure under CI, which installs it.
"""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdf
import pytest
from playwright.sync_api import ViewportSize

from broker_catalog.catalog import Catalog
from exposure.catalog_language import catalog_text
from exposure.web import i18n
from exposure.workshop import session
from tests.exposure.web.support import Live

CHROMIUM = os.environ.get("EXPOSURE_CHROMIUM", "/usr/bin/chromium")
AXE = Path(__file__).resolve().parent / "fixtures" / "axe" / "axe.min.js"
# Flags for a closed network: without the background-networking ones Chromium stalls.
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE: ViewportSize = {"width": 390, "height": 844}


def _browser_or_skip() -> None:
    if shutil.which(CHROMIUM) is None:
        reason = f"no Chromium at {CHROMIUM} (Debian package chromium)"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"CI must run the browser tests: {reason}")
        pytest.skip(reason)


@pytest.fixture
def phone(tmp_path: Path) -> Iterator[Any]:
    _browser_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch_persistent_context(
            str(tmp_path / "profile"),
            executable_path=CHROMIUM,
            args=FLAGS,
            headless=True,
            viewport=PHONE,
            device_scale_factor=2,
            is_mobile=True,
            has_touch=True,
            accept_downloads=True,
            locale="es-US",
        )
        try:
            yield browser.pages[0] if browser.pages else browser.new_page()
        finally:
            browser.close()


def serious_violations(page: Any) -> list[str]:
    """axe-core's serious and critical findings on the page as it is now."""
    page.evaluate(AXE.read_text(encoding="utf-8"))
    found = page.evaluate(
        """async () => {
            const r = await axe.run(document, {resultTypes: ['violations']});
            return r.violations.map(v => ({id: v.id, impact: v.impact,
                                           where: v.nodes.map(n => n.target.join(' '))}));
        }"""
    )
    return [
        f"{v['id']} ({v['impact']}): {v['where'][:3]}"
        for v in found
        if v["impact"] in ("serious", "critical")
    ]


def test_a_participant_answers_on_a_phone_and_gets_their_papers(
    live: Live, phone: Any, tmp_path: Path, catalog: Catalog
) -> None:
    page = phone
    checked: dict[str, list[str]] = {}
    page.goto(live.join)
    checked["choose"] = serious_violations(page)

    # in Spanish, as many participants will choose
    es = catalog_text(catalog, "es")
    t = i18n.translator("es")
    assert i18n.available("es")
    page.get_by_role("link", name="Español").click()
    assert page.get_by_text(t("Why we ask:")).first.is_visible()
    checked["questions"] = serious_violations(page)

    # a bad answer (a state that does not exist, forced into the list) comes back marked
    page.evaluate("document.querySelector('#f-state').add(new Option('ZZ', 'ZZ', true, true))")
    page.get_by_role("button", name=t("See my results")).click()
    assert page.get_by_text(t("Please look again")).is_visible()
    assert page.locator("#err-state").is_visible()
    checked["questions-with-problems"] = serious_violations(page)

    facts = catalog.fact_by_id
    page.get_by_label(es(facts["state"].question)).select_option("CA")
    page.get_by_role("group", name=es(facts["utility_electric"].question)).get_by_label(
        t("Yes")
    ).check()
    housing = facts["housing"]
    page.get_by_role("group", name=es(housing.question)).get_by_label(
        es(housing.choices[1].label)
    ).check()
    page.get_by_role("button", name=t("See my results")).click()

    assert page.get_by_role("heading", name=t("Your results")).is_visible()
    headline = page.locator(".headline").inner_text()
    assert "probable" in headline
    code = page.locator(".code").inner_text()
    assert len(code) == 7
    assert session.load(live.workshop).participants == 1
    checked["results"] = serious_violations(page)

    with page.expect_download() as download:
        page.get_by_role("button", name=t("Download my report and letters (PDF)")).click()
    target = tmp_path / "papers.pdf"
    download.value.save_as(target)
    reader = pypdf.PdfReader(io.BytesIO(target.read_bytes()))
    text = "\n".join(p.extract_text() or "" for p in reader.pages)
    assert "Su probable exposición" in text  # the report in Spanish
    assert "____" in text  # blank lines for the name and address
    assert "Qué pide esta carta" in text  # a Spanish companion sheet for each letter

    page.get_by_role("button", name=t("Ask for printed copies")).click()
    assert page.get_by_text(code).is_visible()
    checked["queued"] = serious_violations(page)

    page.goto(live.facilitator)
    assert page.get_by_text(code).is_visible()
    checked["facilitator"] = serious_violations(page)
    page.get_by_role("button", name="Close the workshop").click()
    checked["facilitator-closed"] = serious_violations(page)
    page.goto(f"{live.join}en/")
    checked["closed"] = serious_violations(page)

    assert {name: found for name, found in checked.items() if found} == {}
    assert len(checked) == 8


def test_the_questionnaire_fits_a_phone_without_sideways_scrolling(live: Live, phone: Any) -> None:
    phone.goto(f"{live.join}en/")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"]
    # large targets: every answer is at least 44 CSS pixels tall
    heights = phone.evaluate(
        "Array.from(document.querySelectorAll('label.option'))"
        ".filter(e => e.offsetParent !== null).map(e => e.offsetHeight)"
    )
    assert heights
    assert min(heights) >= 44
