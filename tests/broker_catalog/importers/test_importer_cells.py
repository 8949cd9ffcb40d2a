"""Cell values: what the importer accepts, repairs, and refuses (hostile values included)."""

from __future__ import annotations

import pytest

from broker_catalog.importers import addresses, cells, names
from broker_catalog.importers.cells import CellError


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("privacy [at] allantgroup.com", "privacy@allantgroup.com"),
        ("privacy (at) example [dot] org", "privacy@example.org"),
        ("mailto:legal@example.com", "legal@example.com"),
        ("N/A", None),
    ],
)
def test_emails_are_de_obfuscated(raw: str, expected: str | None) -> None:
    assert cells.email(raw) == expected


@pytest.mark.parametrize("raw", ["not an address", "a@b", "<script>@x"])
def test_a_cell_that_is_no_email_is_refused(raw: str) -> None:
    with pytest.raises(CellError, match="e-mail"):
        cells.email(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("example.com", "https://example.com/"),
        ("www.accudata.com", "https://www.accudata.com/"),
        ("http://www.allantgroup.com/", "https://www.allantgroup.com/"),
        ("https://www.lexisnexis.com/en-us", "https://www.lexisnexis.com/en-us"),
        ("HTTPS://Example.COM/Path?q=1", "https://example.com/Path?q=1"),
    ],
)
def test_websites_become_https_urls(raw: str, expected: str) -> None:
    assert cells.https_url(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "https://:risk.lexisnexis.com/",
        "3915 Gay Road East",
        "legal@thedmsgrp.com",
        "javascript:alert(1)",
        "https://user:pw@evil.example/",
        "https://exa mple.com",
        "https://ex\u00e4mple.com/",
        "https://127.0.0.1/",
        "ftp://example.com/",
        "https://localhost/",
    ],
)
def test_anything_without_a_plain_host_stays_unknown(raw: str) -> None:
    with pytest.raises(CellError):
        cells.https_url(raw)


def test_a_cell_listing_several_sites_yields_the_first() -> None:
    raw = "https://www.beenverified.com; https://www.peoplelooker.com"
    assert cells.first_https_url(raw) == "https://www.beenverified.com/"


def test_invisible_and_control_characters_are_dropped() -> None:
    assert cells.one_line("909-206-2964\u202c") == "909-206-2964"
    assert cells.text("a\x00b\u200bc\r\nd") == "abc\nd"


def test_yes_no_answers_and_refusals() -> None:
    assert cells.yes_no(" Yes ") == "yes"
    assert cells.yes_no("No.") == "no"
    assert cells.yes_no("n/a") == "unknown"
    with pytest.raises(CellError, match="Yes or No"):
        cells.yes_no("Sometimes")


def test_counts_and_days() -> None:
    assert cells.count("9,321") == 9321
    assert cells.days("1.5") == 1.5
    for bad in ("12.5", "-1", "lots"):
        with pytest.raises(CellError):
            cells.count(bad)
    with pytest.raises(CellError):
        cells.days("inf")


def test_name_keys_ignore_case_punctuation_spacing_and_legal_forms() -> None:
    assert names.name_key("ACXIOM LLC") == names.name_key("Acxiom, L.L.C.")
    assert names.name_key("Trans Union  LLC") == names.name_key("TransUnion")
    assert names.name_key("The Nielsen Company") == "nielsen"
    assert names.name_key("HealthCare, Inc., a Delaware corporation") == "healthcare"


def test_slugs_are_ascii_hyphenated_and_bounded() -> None:
    assert names.slug("M1 Data & Analytics, LLC") == "m1-data-and-analytics"
    assert names.slug("Société Générale S.A.") == "societe-generale"
    assert names.slug("株式会社").startswith("broker-")
    assert len(names.slug("x" * 300)) <= 80
    assert names.with_suffix("acme", 2) == "acme-2"


def test_trade_names_are_split_out_of_name_and_dba_cells() -> None:
    assert names.split_name("Exponential Interactive, Inc. doing business as VDX.tv") == (
        "Exponential Interactive, Inc.",
        ("VDX.tv",),
    )
    assert names.split_name("BDO GCI, LLC (f.k.a. BDO USA, P.C.)")[0] == "BDO GCI, LLC"
    assert names.split_brands("L2, Inc") == ("L2, Inc",)
    assert names.split_brands("formerly FullContact, Inc.") == ("FullContact, Inc.",)
    assert names.split_brands("Stirista, 123Push,\r\nMedia Source Solutions (MSS)") == (
        "Stirista",
        "123Push",
        "Media Source Solutions (MSS)",
    )


def test_run_together_addresses_are_split_only_where_unambiguous() -> None:
    assert addresses.from_run_together(
        "2655 Warrenville RdSuite 200Downers Grover, IL 60515United States"
    ) == ("2655 Warrenville Rd", "Suite 200", "Downers Grover, IL 60515", "United States")
    # capitals glued to capitals cannot be told apart: kept as one line, not split wrongly
    assert addresses.from_run_together("730 EVERGREEN AVEBOULDER, CO 80304United States") == (
        "730 EVERGREEN AVEBOULDER, CO 80304",
        "United States",
    )
    assert addresses.from_commas("301 East Dave Ward Drive, Conway, AR, 72032 - 7114, USA") == (
        "301 East Dave Ward Drive",
        "Conway, AR 72032-7114",
        "USA",
    )
    assert addresses.from_parts("750 College Road East", "Princeton", "NJ", "8540", "USA")[1] == (
        "Princeton, NJ 08540"
    )
