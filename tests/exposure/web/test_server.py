"""The web questionnaire against the real uvicorn on 127.0.0.1: every route, the secrets in
the addresses, forged and cross-site forms, limits, hostile submissions, and what is (not)
kept on disk."""

from __future__ import annotations

import html as html_lib
import io
import json
import re
import socket
import tempfile
from pathlib import Path

import httpx
import pypdf
import pytest

from broker_catalog.catalog import Catalog
from exposure.cli.main import main
from exposure.limits import MAX_PARTICIPANTS
from exposure.profile.model import Profile
from exposure.web.security import CSP, Limits
from exposure.workshop import session
from tests.exposure.web.support import ANSWERS, TODAY, Live, field, hidden, live_server, serving

CANARY = "Qzxv-Canary-Answer-7731"


def pdf_text(data: bytes) -> str:
    return "\n".join(p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(data)).pages)


# Routes ---------------------------------------------------------------------------------


def test_every_participant_page_answers_with_strict_headers(live: Live) -> None:
    pages = {
        live.join: "English",
        f"{live.join}en/": "Why we ask",
        f"{live.join}es/": "Por qué preguntamos",
        f"{live.join}static/app.css": "font-family",
        live.facilitator: "participants counted",
    }
    for url, expected in pages.items():
        response = live.client.get(url)
        assert response.status_code == 200, url
        assert expected in response.text, url
        assert response.headers["content-security-policy"] == CSP
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["cache-control"] == "no-store"
        assert "server" not in response.headers
        assert "set-cookie" not in response.headers
    css = live.client.get(f"{live.join}static/app.css")
    assert css.headers["content-type"].startswith("text/css")


def test_pages_load_nothing_from_elsewhere(live: Live) -> None:
    for url in (live.join, f"{live.join}en/", live.facilitator):
        html = live.client.get(url).text
        assert not re.search(r'(src|href)="(https?:)?//', html), url
        assert "<script" not in html


def test_the_questionnaire_asks_every_life_fact_and_nothing_identifying(
    live: Live, catalog: Catalog
) -> None:
    html = live.client.get(f"{live.join}en/").text
    names = set(re.findall(r'name="([^"]+)"', html)) - {"form_token", "referrer", "viewport"}
    assert names == {f.id for f in catalog.facts}
    assert html.count("Why we ask") == len(catalog.facts)
    assert html.count("I don&#39;t know") >= len(catalog.facts)
    for control in ('type="text"', "<textarea", 'type="email"', 'type="tel"', 'type="number"'):
        assert control not in html


def test_ticking_a_state_needs_no_unticking_first(live: Live) -> None:
    """Many-answer questions start with no box ticked (which means "I don't know"), so a
    person who ticks one answer is not told to untick "I don't know" as well."""
    form = live.client.get(f"{live.join}en/").text
    assert not re.search(r'type="checkbox"[^>]*checked', form)
    page = live.post(f"{live.join}en/", [("form_token", field(form, "form_token")),
                                         ("past_states", "TX")])  # fmt: skip
    assert page.status_code == 200


def test_spanish_pages_results_and_papers(live: Live, catalog: Catalog) -> None:
    from exposure.catalog_language import catalog_text

    es = catalog_text(catalog, "es")
    form = live.client.get(f"{live.join}es/")
    assert '<html lang="es">' in form.text
    assert html_lib.escape(es(catalog.fact_by_id["state"].question)) in form.text
    assert "No sé" in form.text
    token = field(form.text, "form_token")
    page = live.post(f"{live.join}es/", [("form_token", token), *ANSWERS])
    assert page.status_code == 200
    assert "Sus resultados" in page.text
    assert "Cómo darse de baja" in page.text
    papers = live.post(
        f"{live.join}es/papers", hidden(page.text, f"{live.secrets.join_path()}es/papers")
    )
    text = pdf_text(papers.content)
    assert "Su probable exposición" in text  # the report in Spanish
    assert "Qué pide esta carta" in text  # a Spanish companion sheet for each letter
    assert "____" in text  # the letters, in English, with blank identity lines
    assert live.participants() == 1


def test_a_language_without_its_compiled_catalog_falls_back_plainly(
    live: Live, monkeypatch: pytest.MonkeyPatch
) -> None:
    from exposure.web import i18n

    monkeypatch.setattr(i18n, "available", lambda lang: lang == "en")
    page = live.client.get(f"{live.join}es/")
    assert page.status_code == 200
    assert "El español aún no está disponible" in page.text
    assert f'href="{live.secrets.join_path()}en/"' in page.text
    assert live.client.get(f"{live.join}fr/").status_code == 404


def test_the_poster_holds_the_address(live: Live) -> None:
    poster = live.client.get(f"{live.facilitator}poster.pdf")
    assert poster.status_code == 200
    assert poster.headers["content-type"] == "application/pdf"
    reader = pypdf.PdfReader(io.BytesIO(poster.content))
    assert len(reader.pages) == 1
    text = pdf_text(poster.content)
    assert live.secrets.join in text.replace("\n", "")
    assert "Library" in text


# Secrets --------------------------------------------------------------------------------


def test_without_the_join_token_or_the_secret_everything_is_404(live: Live) -> None:
    s = live.secrets
    for path in (
        "/",
        "/j/",
        "/j/wrong/",
        f"/j/{s.join}x/",
        f"/j/{s.join[:-1]}/en/",
        f"/j/{s.facilitator}/",  # the facilitator's secret does not open participants' pages
        f"/f/{s.join}/",  # nor the join token the facilitator's
        "/f/wrong/",
        f"/f/{s.join}/poster.pdf",
        "/static/app.css",
        "/favicon.ico",
    ):
        response = live.client.get(live.base + path)
        assert response.status_code == 404, path
        assert s.join not in response.text
        assert s.facilitator not in response.text
    assert live.client.post(live.base + "/j/wrong/en/", content=b"").status_code == 404


def test_each_server_start_has_new_secrets(tmp_path: Path, catalog: Catalog) -> None:
    with live_server(tmp_path, catalog) as one:
        first = (one.secrets.join, one.secrets.facilitator)
    with live_server(tmp_path, catalog) as two:
        assert two.secrets.join not in first
        assert two.secrets.facilitator not in first
        assert re.fullmatch(r"([a-z2-9]{4}-){3}[a-z2-9]{4}", two.secrets.join)
        assert len(two.secrets.facilitator) >= 20


# Submissions ------------------------------------------------------------------------------


def test_a_submission_shows_the_estimate_and_counts_once(live: Live) -> None:
    token = live.token()
    first = live.post(f"{live.join}en/", [("form_token", token), *ANSWERS])
    assert first.status_code == 200
    assert "Your results" in first.text
    assert "How to get out" in first.text
    code = re.search(r'<p class="code">([A-Z0-9-]+)</p>', first.text)
    assert code
    assert re.fullmatch(r"[A-Z0-9]{3}-[A-Z0-9]{3}", code.group(1))
    assert live.participants() == 1
    again = live.post(f"{live.join}en/", [("form_token", token), *ANSWERS])  # a reload
    assert again.status_code == 200
    assert code.group(1) in again.text
    assert live.participants() == 1


def test_submissions_arriving_together_are_worked_one_at_a_time(
    live: Live, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A burst is served in turn, not by many threads fighting over one interpreter: the
    estimate and page of one submission are done before the next starts."""
    import threading
    import time
    from concurrent.futures import ThreadPoolExecutor

    from exposure.web import app as web_app

    running, most = [0], [0]
    lock = threading.Lock()
    real = web_app.work

    def watched(*args: object) -> web_app.Outcome:
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.05)  # long enough for the others to arrive meanwhile
        try:
            return real(*args)  # type: ignore[arg-type]
        finally:
            with lock:
                running[0] -= 1

    monkeypatch.setattr(web_app, "work", watched)
    tokens = [live.token() for _ in range(6)]
    with ThreadPoolExecutor(6) as phones:
        pages = list(
            phones.map(
                lambda t: live.post(f"{live.join}en/", [("form_token", t), *ANSWERS]), tokens
            )
        )
    assert [p.status_code for p in pages] == [200] * 6
    assert live.participants() == 6
    assert most[0] == 1


def test_the_same_answers_again_are_answered_from_memory(
    live: Live, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reload, or the next participant answering alike field for field, is not worked out
    again; each participant still counts once, with their own code."""
    from exposure.web import app as web_app

    calls: list[int] = []
    real = web_app.work

    def counted(*args: object) -> web_app.Outcome:
        calls.append(1)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(web_app, "work", counted)
    one, two = live.submit(), live.submit()
    assert (one.status_code, two.status_code) == (200, 200)
    assert len(calls) == 1
    assert live.participants() == 2
    code = re.compile(r'<p class="code">([^<]+)</p>')
    assert code.findall(one.text) != code.findall(two.text)


def test_results_use_the_reports_wording(live: Live, catalog: Catalog) -> None:
    from exposure.engine import audit
    from exposure.render.wording import Wording

    page = live.submit().text
    profile = Profile(facts={"state": "CA", "past_states": ["TX", "NV"],
                             "housing": "renter_own_lease", "utility_electric": "yes",
                             "utility_gas": "no", "credit_history": []})  # fmt: skip
    result = audit(profile, catalog, today=TODAY)
    w = Wording(catalog)
    import html as html_lib

    text = html_lib.unescape(page)
    assert w.headline(result) in text
    for action in result.plan:
        assert w.title(action) in text


def test_the_same_answers_count_as_workshop_add_counts(
    live: Live, tmp_path: Path, catalog: Catalog
) -> None:
    live.submit()
    other = tmp_path / "cli.json"
    session.start(other, name="Library", threshold=5, today=TODAY)
    profile = tmp_path / "p.toml"
    profile.write_text(
        'format = "exposure-profile"\nversion = 1\n[facts]\nstate = "CA"\n'
        'past_states = ["TX", "NV"]\nhousing = "renter_own_lease"\nutility_electric = "yes"\n'
        'utility_gas = "no"\ncredit_history = []\n'
    )
    assert main(["workshop", "add", str(other), "--profile", str(profile),
                 "--out", str(tmp_path / "out")]) == 0  # fmt: skip
    web, cli = session.load(live.workshop), session.load(other)
    assert web.participants == cli.participants == 1
    assert web.categories == cli.categories
    assert web.brokers == cli.brokers
    assert (web.no_route, web.letters) == (cli.no_route, cli.letters)


@pytest.mark.parametrize(
    ("pairs", "marked"),
    [
        ([("state", "ZZ")], "state"),
        ([("utility_electric", "maybe")], "utility_electric"),
        ([("housing", "owner"), ("housing", "renter_own_lease")], "housing"),
        ([("past_states", "TX"), ("past_states", "unknown")], "past_states"),
        ([("credit_history", "none"), ("credit_history", "card")], "credit_history"),
        ([("past_states", "<script>alert(1)</script>")], "past_states"),
    ],
)
def test_a_bad_answer_brings_the_form_back_marked(
    live: Live, pairs: list[tuple[str, str]], marked: str
) -> None:
    response = live.post(f"{live.join}en/", [("form_token", live.token()), *pairs])
    assert response.status_code == 400
    assert f'id="err-{marked}"' in response.text
    assert f'href="#q-{marked}"' in response.text  # the summary links to it
    assert "<script>alert" not in response.text
    assert "Traceback" not in response.text
    assert live.participants() == 0


@pytest.mark.parametrize(
    "body",
    [
        b"name=Ana&state=CA",  # a field that is not a question
        b"email=a%40example.org",
        b"phone=5551234567",
        b"state=CA&state=TX",
        b"%ff%fe=%00%01",  # not UTF-8
        b"state=%zz",  # broken escapes
        b"=&&&==",
        b"state=" + b"A" * 5000,
        b"past_states=TX&" * 200,
        json.dumps({"state": "CA"}).encode(),
    ],
)
def test_hostile_submissions_are_refused_without_a_traceback(live: Live, body: bytes) -> None:
    token = f"form_token={live.token()}&".encode()
    response = live.client.post(f"{live.join}en/", content=token + body, headers={
        "content-type": "application/x-www-form-urlencoded"})  # fmt: skip
    assert response.status_code in (400, 413)
    assert "Traceback" not in response.text
    assert live.participants() == 0


def test_a_file_upload_is_refused(live: Live) -> None:
    response = live.client.post(
        f"{live.join}en/",
        data={"form_token": live.token()},
        files={"state": ("x.txt", b"CA", "text/plain")},
    )
    assert response.status_code == 400
    assert live.participants() == 0


# Forged forms -------------------------------------------------------------------------------


def test_a_form_without_a_genuine_token_counts_nothing(live: Live) -> None:
    genuine = live.token()
    nonce, issued, mac = genuine.split(".")
    for token in ("", "x", f"{nonce}.{issued}.{'A' * len(mac)}", f"other.{issued}.{mac}",
                  f"{nonce}.{int(issued) - 7 * 3600}.{mac}"):  # fmt: skip
        response = live.post(f"{live.join}en/", [("form_token", token), *ANSWERS])
        assert response.status_code == 400
        assert "did not come from this page" in response.text
    assert live.participants() == 0


def test_a_token_from_another_server_does_not_work(tmp_path: Path, catalog: Catalog) -> None:
    with live_server(tmp_path / "a", catalog) as one:
        foreign = one.token()
    with live_server(tmp_path / "b", catalog) as two:
        response = two.post(f"{two.join}en/", [("form_token", foreign), *ANSWERS])
        assert response.status_code == 400
        assert two.participants() == 0


def test_forms_posted_from_another_site_are_refused(live: Live) -> None:
    pairs = [("form_token", live.token()), *ANSWERS]
    url = f"{live.join}en/"
    assert live.post(url, pairs, origin="https://evil.example.org").status_code == 403
    assert live.post(url, pairs, origin="null").status_code == 403
    assert live.post(url, pairs, **{"sec-fetch-site": "cross-site"}).status_code == 403
    assert live.post(url, pairs, **{"sec-fetch-site": "same-site"}).status_code == 403
    assert live.participants() == 0
    ok = live.post(url, pairs, origin=live.base, **{"sec-fetch-site": "same-origin"})
    assert ok.status_code == 200
    assert live.participants() == 1


def test_the_facilitators_actions_need_their_token(live: Live) -> None:
    assert live.post(f"{live.facilitator}close", []).status_code == 400
    participant_token = live.token()  # a participant's form token is not the facilitator's
    assert live.post(f"{live.facilitator}close", [("form_token", participant_token)]).status_code \
        == 400  # fmt: skip
    assert session.load(live.workshop).closed is None


def test_papers_need_a_genuine_receipt(live: Live) -> None:
    page = live.submit().text
    action = f"{live.secrets.join_path()}en/papers"
    pairs = hidden(page, action)
    forged = [(k, "x.1.y" if k == "receipt" else v) for k, v in pairs]
    assert live.post(f"{live.join}en/papers", forged).status_code == 400
    unsent = live.token()  # signed, but for a form that was never submitted
    fake = [(k, unsent if k == "receipt" else v) for k, v in pairs]
    assert live.post(f"{live.join}en/papers", fake).status_code == 400


# Limits ---------------------------------------------------------------------------------


def test_a_large_body_is_refused(live: Live) -> None:
    big = b"state=CA&" + b"x" * (20 * 1024)
    response = live.client.post(f"{live.join}en/", content=big, headers={
        "content-type": "application/x-www-form-urlencoded"})  # fmt: skip
    assert response.status_code == 413

    def chunks() -> object:
        for _ in range(40):
            yield b"x" * 1024

    streamed = live.client.post(f"{live.join}en/", content=chunks(), headers={  # type: ignore[arg-type]
        "content-type": "application/x-www-form-urlencoded"})  # fmt: skip
    assert streamed.status_code == 413
    assert live.participants() == 0


def test_too_many_requests_from_one_address_wait(tmp_path: Path, catalog: Catalog) -> None:
    with live_server(tmp_path, catalog, limits=Limits(per_minute=5)) as small:
        codes = [small.client.get(small.join).status_code for _ in range(7)]
    assert codes[:5] == [200] * 5
    assert codes[5:] == [429, 429]


def test_other_methods_are_refused(live: Live) -> None:
    for method in ("PUT", "DELETE", "PATCH", "OPTIONS"):
        assert live.client.request(method, f"{live.join}en/").status_code == 405


# Papers, the print queue and closing ----------------------------------------------------------


def test_papers_download_as_one_pdf_with_blank_identity_lines(live: Live) -> None:
    page = live.submit().text
    code = re.search(r'<p class="code">([A-Z0-9-]+)</p>', page)
    assert code
    response = live.post(
        f"{live.join}en/papers", hidden(page, f"{live.secrets.join_path()}en/papers")
    )
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert f"exposure-{code.group(1)}.pdf" in response.headers["content-disposition"]
    text = pdf_text(response.content)
    assert "Your likely data-broker exposure" in text
    assert "The five steps that matter most" in text
    assert "Appendix: the full detail" not in text, "a participant takes home the summary"
    assert "____" in text  # the blanks to fill in by hand
    assert live.participants() == 1  # downloading counts nothing


def test_the_print_queue_and_closing(live: Live) -> None:
    page = live.submit().text
    code = re.search(r'<p class="code">([A-Z0-9-]+)</p>', page)
    assert code
    action = f"{live.secrets.join_path()}en/print"
    queued = live.post(f"{live.join}en/print", hidden(page, action))
    assert queued.status_code == 200
    assert code.group(1) in queued.text
    facilitator = live.client.get(live.facilitator).text
    assert code.group(1) in facilitator
    assert "<strong>1</strong> participants counted" in facilitator
    papers = live.client.get(f"{live.facilitator}papers/{code.group(1)}.pdf")
    assert papers.status_code == 200
    assert papers.content.startswith(b"%PDF")
    assert live.client.get(f"{live.join}../f/x/papers/{code.group(1)}.pdf").status_code == 404
    token = field(facilitator, "form_token")
    done = live.post(f"{live.facilitator}printed", [("form_token", token), ("code", code.group(1))])
    assert done.status_code == 200
    assert code.group(1) not in done.text
    assert live.client.get(f"{live.facilitator}papers/{code.group(1)}.pdf").status_code == 404

    closed = live.post(f"{live.facilitator}close", [("form_token", token)])
    assert closed.status_code == 200
    assert "the number of participants" in closed.text  # what the file kept
    assert session.load(live.workshop).closed == TODAY.isoformat()
    assert live.client.get(f"{live.join}en/").status_code == 410
    late = live.post(f"{live.join}en/", [("form_token", "x.1.y"), *ANSWERS])
    assert late.status_code == 410
    assert live.participants() == 1


def test_a_full_workshop_says_so_to_participants_and_the_facilitator(live: Live) -> None:
    """When the workshop file holds as many participants as it can, a participant is told the
    workshop is full and to ask the facilitator (not that it is closed), in their language;
    nothing of theirs is counted; the facilitator page says so too."""
    token = live.token()  # a participant who opened the form before the last place went
    tallies = session.load(live.workshop)
    tallies.participants = MAX_PARTICIPANTS
    session.save(live.workshop, tallies)

    sent = live.post(f"{live.join}en/", [("form_token", token), *ANSWERS])
    assert sent.status_code == 503
    assert "This workshop is full" in sent.text
    assert "ask the facilitator" in sent.text
    assert "closed" not in sent.text
    page = live.client.get(f"{live.join}es/")
    assert page.status_code == 503
    assert "Este taller está lleno" in page.text
    assert "hable con la persona que organiza el taller" in page.text
    assert live.participants() == MAX_PARTICIPANTS
    facilitator = live.client.get(live.facilitator).text
    assert "This workshop is full" in facilitator


# Nothing kept ---------------------------------------------------------------------------------


def snapshot(*roots: Path) -> dict[str, int]:
    return {
        str(p): p.stat().st_size for root in roots for p in sorted(root.rglob("*")) if p.is_file()
    }


def test_nothing_but_the_workshop_file_is_written_and_it_holds_only_tallies(
    tmp_path: Path,
    catalog: Catalog,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
) -> None:
    home, work, temp = tmp_path / "home", tmp_path / "work", tmp_path / "tmp"
    for folder in (home, work, temp):
        folder.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.chdir(work)
    session.start(work / "workshop.json", name="Library", threshold=5, today=TODAY)
    before = snapshot(home, work, temp)
    with live_server(work, catalog) as live:
        # a canary in every place a participant could type: refused, and never written
        for pairs in ([("state", CANARY)], [("name", CANARY)], [(CANARY, "yes")],
                      [("past_states", CANARY), ("housing", "owner")]):  # fmt: skip
            assert live.post(f"{live.join}en/", [("form_token", live.token()), *pairs]
                             ).status_code == 400  # fmt: skip
        for _ in range(3):
            page = live.submit().text
            papers = hidden(page, f"{live.secrets.join_path()}en/papers")
            assert live.post(f"{live.join}en/papers", papers).status_code == 200
            printing = hidden(page, f"{live.secrets.join_path()}en/print")
            assert live.post(f"{live.join}en/print", printing).status_code == 200
        token = field(live.client.get(live.facilitator).text, "form_token")
        assert live.post(f"{live.facilitator}close", [("form_token", token)]).status_code == 200
    after = snapshot(home, work, temp)
    assert set(after) == set(before) == {str(work / "workshop.json")}
    raw = (work / "workshop.json").read_text()
    assert CANARY not in raw
    data = json.loads(raw)
    kept = "format version name started closed threshold participants categories brokers"
    assert set(data) == {*kept.split(), "no_route", "letters"}
    assert data["participants"] == 3
    assert all(
        isinstance(v, int) for v in (*data["categories"].values(), *data["brokers"].values())
    )
    assert set(data["categories"]) <= {c.id for c in catalog.categories}
    assert set(data["brokers"]) <= set(catalog.by_id)
    out, err = capfd.readouterr()
    assert "127.0.0.1" not in out + err  # no request was logged
    assert CANARY not in out + err


# TLS and the command ----------------------------------------------------------------------


def test_tls_serves_with_the_certificate_it_reports(tmp_path: Path, catalog: Catalog) -> None:
    import ssl

    from exposure.web.app import Secrets, create_app
    from exposure.web.server import in_background, self_signed

    workshop = tmp_path / "w.json"
    session.start(workshop, name="Library", threshold=5, today=TODAY)
    secrets = Secrets()
    app = create_app(workshop, catalog, secrets=secrets, today=TODAY)
    with self_signed("127.0.0.1") as cert, in_background(app, certificate=cert) as base:
        assert base.startswith("https://")
        folder = cert.cert.parent
        assert oct(cert.key.stat().st_mode & 0o777) == "0o600"
        context = ssl.create_default_context(cafile=str(cert.cert))
        context.check_hostname = False
        context.verify_flags |= ssl.VERIFY_X509_PARTIAL_CHAIN
        with httpx.Client(verify=context) as client:
            assert client.get(base + secrets.join_path()).status_code == 200
        port = int(base.rsplit(":", 1)[1])
        der = ssl.get_server_certificate(("127.0.0.1", port))
        import hashlib

        seen = hashlib.sha256(ssl.PEM_cert_to_DER_cert(der)).hexdigest()
        assert seen == cert.fingerprint.replace(":", "").lower()
    assert not folder.exists()  # the certificate and key are gone with the server


def test_the_serve_command_prints_the_address_and_stops_cleanly(tmp_path: Path) -> None:
    workshop = tmp_path / "w.json"
    session.start(workshop, name="Library", threshold=5, today=TODAY)
    with serving(workshop, "--poster", str(tmp_path / "poster.pdf")) as server:
        facilitator = re.search(r"(http://127\.0\.0\.1:\d+/f/[\w-]+/)", server.text)
        assert facilitator, server.text
        assert httpx.get(server.join).status_code == 200
        assert httpx.get(facilitator.group(1)).status_code == 200
        assert "this computer only" in server.text
        rest, err = server.stop()
    assert server.proc.returncode == 0, err
    assert "Stopped. 0 participant(s)" in rest
    assert (tmp_path / "poster.pdf").read_bytes().startswith(b"%PDF")


def test_the_serve_command_shows_a_live_count_in_the_terminal(tmp_path: Path) -> None:
    """While serving, the terminal shows the count (participants and letters) and updates it as
    each participant is counted; the line names nobody and no answer."""
    from urllib.parse import urlencode

    from tests.exposure.web.support import FORM

    workshop = tmp_path / "w.json"
    session.start(workshop, name="Library", threshold=5, today=TODAY)
    with serving(workshop) as server:
        assert server.proc.stdout is not None
        text = server.text + server.proc.stdout.readline()
        assert "Counted so far: 0 participants, 0 letters" in text
        with httpx.Client() as client:
            token = field(client.get(f"{server.join}en/").text, "form_token")
            body = urlencode([("form_token", token), *ANSWERS, ("housing", CANARY)])
            refused = client.post(f"{server.join}en/", content=body, headers=FORM)
            assert refused.status_code == 400  # a bad answer is not counted: no new line
            token = field(refused.text, "form_token")
            body = urlencode([("form_token", token), *ANSWERS])
            assert client.post(f"{server.join}en/", content=body, headers=FORM).is_success
        counted = server.proc.stdout.readline()
        letters = json.loads(workshop.read_text())["letters"]
        assert counted.strip() == f"Counted so far: 1 participant, {letters} letters"
        assert letters > 1
        rest, err = server.stop()
    assert server.proc.returncode == 0, err
    assert CANARY not in text + counted + rest + err
    assert "Stopped. 1 participant(s)" in rest


def test_the_serve_command_speaks_the_facilitators_language(tmp_path: Path) -> None:
    workshop = tmp_path / "w.json"
    session.start(workshop, name="Library", threshold=5, today=TODAY)
    with serving(workshop, lang="es") as server:
        facilitator = re.search(r"(http://127\.0\.0\.1:\d+/f/[\w-]+/)", server.text)
        assert facilitator, server.text
        page = httpx.get(facilitator.group(1)).text
        rest, err = server.stop()
    assert "Taller 'Library': abierto para participantes" in server.text
    assert "Página de organización (no la comparta):" in server.text
    assert "Presione Ctrl+C" in server.text
    assert "Cola de impresión" in page
    assert "Servidor detenido. Personas contadas en" in rest
    assert server.proc.returncode == 0, err


def test_the_serve_command_explains_a_busy_port(tmp_path: Path) -> None:
    workshop = tmp_path / "w.json"
    session.start(workshop, name="Library", threshold=5, today=TODAY)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["workshop", "serve", str(workshop), "--port", str(port)]) == 1


def test_a_closed_workshop_is_not_served(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workshop = tmp_path / "w.json"
    session.start(workshop, name="Library", threshold=5, today=TODAY)
    session.close(workshop, TODAY)
    assert main(["workshop", "serve", str(workshop)]) == 1
    assert "closed" in capsys.readouterr().err


def test_the_facilitator_works_in_the_language_the_server_was_started_in(
    tmp_path: Path, catalog: Catalog
) -> None:
    """A Spanish-speaking facilitator (``exposure --lang es workshop serve``) gets their page,
    its refusals and the poster in Spanish; participants still choose their own."""
    with live_server(tmp_path, catalog, lang="es") as live:
        page = live.client.get(live.facilitator)
        refused = live.post(f"{live.facilitator}close", [("form_token", "forged")])
        poster = live.client.get(f"{live.facilitator}poster.pdf")
        english = live.client.get(f"{live.join}en/")
    assert '<html lang="es">' in page.text
    assert "Cola de impresión" in page.text
    assert "Print queue" not in page.text
    assert '<html lang="es">' in refused.text
    assert refused.status_code == 400
    lines = [line.strip() for line in pdf_text(poster.content).splitlines()]
    spanish = lines.index("¿Qué corredores de datos probablemente tienen sus datos?")
    assert lines.index("Which data brokers likely hold your records?") == spanish + 1
    assert '<html lang="en">' in english.text


def test_the_poster_speaks_both_languages_the_facilitators_first() -> None:
    from exposure.web.poster import poster_pdf

    url = "http://127.0.0.1:8765/j/abcd-efgh-jkmn-pqrs/"
    for lang, first, then in [
        ("en", "Or type this address:", "O escriba esta dirección:"),
        ("es", "O escriba esta dirección:", "Or type this address:"),
    ]:
        text = pdf_text(poster_pdf(url, "Library", lang=lang))
        assert f"{first} / {then}" in " ".join(text.split())


def test_the_facilitator_page_refreshes_itself_only_when_asked(live: Live) -> None:
    assert 'http-equiv="refresh"' not in live.client.get(live.facilitator).text
    assert 'http-equiv="refresh"' in live.client.get(f"{live.facilitator}?auto=1").text


def test_settling_before_serving_freezes_the_heap_the_collector_would_walk() -> None:
    """In the serving process (a child here, so the tests' own process is left alone)."""
    import subprocess
    import sys

    code = (
        "import datetime as dt, gc; from broker_catalog import load_catalog;"
        "from exposure.engine import audit; from exposure.profile.model import Profile;"
        "from exposure.web.server import settle; c = load_catalog();"
        "audit(Profile(), c, today=dt.date(2026, 12, 6)); settle();"
        "print(gc.get_freeze_count(), gc.get_count()[0], gc.get_threshold()[0])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    frozen, young, threshold = map(int, out.stdout.split())
    assert frozen > 50_000  # the catalog and all else alive at the start
    assert young < 100
    assert threshold >= 10_000
