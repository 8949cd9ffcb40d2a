"""The link-health record: dated, keyed by URL, and honest about how long a link has been bad."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from exposure.errors import ExposureError
from exposure.net.health import load_link_health, updated, write_link_health
from exposure.net.linkcheck import LinkResult, Status
from exposure.net.progress import Progress

DAY1 = dt.date(2026, 3, 1)
DAY2 = dt.date(2026, 3, 8)
OPT = "https://a.example.org/optout"
PRIV = "https://a.example.org/privacy"


def result(url: str, status: Status, code: int | None = None) -> LinkResult:
    return LinkResult(url, status, "detail", http_status=code)


def test_a_catalog_never_checked_has_no_health() -> None:
    assert load_link_health(Path("/nonexistent")) == {}


def test_since_stays_while_the_status_stays_and_moves_when_it_changes(tmp_path: Path) -> None:
    urls = {OPT, PRIV}
    first = [result(OPT, Status.CLIENT_ERROR, 404), result(PRIV, Status.OK, 200)]
    write_link_health(tmp_path, updated({}, first, DAY1, urls))
    second = [result(OPT, Status.CLIENT_ERROR, 404), result(PRIV, Status.MOVED, 301)]
    write_link_health(tmp_path, updated(load_link_health(tmp_path), second, DAY2, urls))
    health = load_link_health(tmp_path)
    assert (health[OPT].status, health[OPT].since, health[OPT].checked) == (
        "client_error",
        DAY1,
        DAY2,
    )
    assert (health[PRIV].status, health[PRIV].since) == ("moved", DAY2)


def test_a_partial_run_keeps_other_urls_and_drops_urls_no_longer_in_the_catalog() -> None:
    old = updated({}, [result(OPT, Status.OK), result(PRIV, Status.OK)], DAY1, {OPT, PRIV})
    new = updated(old, [], DAY2, {OPT})
    assert list(new) == [OPT]
    assert new[OPT].checked == DAY1


def test_the_file_is_stable_json_sorted_by_url(tmp_path: Path) -> None:
    health = updated({}, [result(PRIV, Status.OK), result(OPT, Status.OK)], DAY1, {OPT, PRIV})
    path = write_link_health(tmp_path, health)
    text = path.read_text("utf-8")
    assert text.index(OPT) < text.index(PRIV)
    assert '"format": 1' in text
    assert text.endswith("}\n")


@pytest.mark.parametrize("content", ["not json", '{"format": 9, "urls": {}}', '{"urls": 1}'])
def test_a_damaged_record_is_a_clear_error(tmp_path: Path, content: str) -> None:
    (tmp_path / "link-health.json").write_text(content, "utf-8")
    with pytest.raises(ExposureError, match=r"link-health\.json"):
        load_link_health(tmp_path)


def test_the_progress_bar_draws_only_when_asked_and_ends_its_line() -> None:
    shown, hidden = io.StringIO(), io.StringIO()
    for stream, enabled in ((shown, True), (hidden, False)):
        bar = Progress(2, "checking links", stream, enabled=enabled)
        bar.advance()
        bar.advance()
        bar.close()
    assert shown.getvalue().endswith("checking links [" + "#" * 30 + "] 2/2 (100%)\n")
    assert hidden.getvalue() == ""
