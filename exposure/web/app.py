"""The web questionnaire's pages: one factory, :func:`create_app`, used by ``exposure workshop
serve``, the server tests, the browser test and the load benchmark alike.

Addresses carry secrets: participants' pages live under ``/j/<join token>/`` and the
facilitator's under ``/f/<facilitator secret>/``; every other address is 404. Pages are
rendered on the server and work without JavaScript. Answers travel in the request and back in
the page only: to download their papers, the results page posts the answers again (with a
signed receipt), so the server never keeps them.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import anyio
import anyio.to_thread
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from broker_catalog.schema import US_STATES, AnswerKind, Likelihood
from exposure.app import intake
from exposure.limits import MAX_PARTICIPANTS
from exposure.profile.model import UNKNOWN, Answer, Profile
from exposure.web import i18n
from exposure.web.security import Guard, Limits, Nonces, Signer, new_join_token, new_secret
from exposure.web.workers import Workers
from exposure.workshop.session import Tallies, WorkshopError

if TYPE_CHECKING:
    from starlette.types import ASGIApp

    from broker_catalog.catalog import Catalog
    from exposure.engine.result import Audit

HERE = Path(__file__).resolve().parent
TOKEN_FIELD = "form_token"  # noqa: S105 - a field name, not a secret
RECEIPT_FIELD = "receipt"
FORM_FIELDS = frozenset({TOKEN_FIELD, RECEIPT_FIELD})


@dataclass
class Secrets:
    """The two secrets of a running workshop: the join token in participants' address, and
    the facilitator's. New ones each time the server starts."""

    join: str = field(default_factory=new_join_token)
    facilitator: str = field(default_factory=new_secret)

    def join_path(self) -> str:
        return f"/j/{self.join}/"

    def facilitator_path(self) -> str:
        return f"/f/{self.facilitator}/"


@dataclass
class Site:
    intake: intake.Intake
    secrets: Secrets
    signer: Signer
    nonces: Nonces
    env: Environment
    base_url: str = ""
    lang: str = "en"  # the facilitator's

    @property
    def catalog(self) -> Catalog:
        return self.intake.catalog

    cpu: anyio.CapacityLimiter = field(default_factory=lambda: anyio.CapacityLimiter(1))
    workers: Workers | None = None
    outcomes: OrderedDict[tuple[str, tuple[tuple[str, str], ...]], Outcome] = field(
        default_factory=OrderedDict
    )

    async def work(self, lang: str, pairs: list[tuple[str, str]]) -> Outcome:
        """One submission's CPU-bound work: in a worker process when there are some (one per
        core), else here, one at a time. Python threads share one core's worth of interpreter,
        so many at once only add switching (measured: about a third more CPU per submission in
        a burst) and finish everyone later; in turn, the first to submit are served first.

        The same form sent again (a reload, or the next participant answering alike, field
        for field) is answered from memory: the last few hundred outcomes, here in the
        server, whichever worker worked them."""
        key = (lang, tuple(p for p in pairs if p[0] not in FORM_FIELDS))
        found = self.outcomes.get(key)
        if found is not None:
            return found
        outcome = await self._worked(lang, pairs)
        self.outcomes[key] = outcome
        while len(self.outcomes) > intake.REMEMBERED:
            self.outcomes.popitem(last=False)
        return outcome

    async def _worked(self, lang: str, pairs: list[tuple[str, str]]) -> Outcome:
        if self.workers is not None:
            try:
                outcome: Outcome = await self.workers.run(lang, pairs)
                return outcome
            except BrokenProcessPool:  # a worker was killed (out of memory, say): carry on here
                self.workers = None
        return await anyio.to_thread.run_sync(work, self, lang, pairs, limiter=self.cpu)

    def html(self, template: str, lang: str, **context: Any) -> str:
        t = i18n.translator(lang)
        return self.env.get_template(template).render(
            _=t, lang=lang, join=self.secrets.join_path(), **context
        )

    def page(self, template: str, lang: str, status: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(self.html(template, lang, **context), status_code=status)


def create_app(
    workshop: Path,
    catalog: Catalog,
    *,
    secrets: Secrets | None = None,
    limits: Limits | None = None,
    today: dt.date | None = None,
    base_url: str = "",
    on_count: Callable[[Tallies], None] | None = None,
    workers: int = 0,
    lang: str = "en",
) -> ASGIApp:
    """The whole site, guarded. ``base_url`` (scheme, host and port) goes on the poster;
    ``on_count`` hears the tallies whenever participants have been counted; ``workers``
    processes (forked now, see workers.py) work the submissions, or none: this process does.
    ``lang`` is the facilitator's: their page and the poster (participants choose their own)."""
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    site = Site(
        intake=intake.Intake(workshop, catalog, today=today or dt.date.today(), on_count=on_count),
        secrets=secrets or Secrets(),
        signer=Signer.fresh(),
        nonces=Nonces(),
        env=env,
        base_url=base_url,
        lang=lang if i18n.available(lang) else "en",
    )
    participant = [
        Route("/", _endpoint(site, choose), methods=["GET"]),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
        Route("/{lang:str}/", _endpoint(site, questionnaire), methods=["GET", "POST"]),
        Route("/{lang:str}/papers", _endpoint(site, download), methods=["POST"]),
        Route("/{lang:str}/print", _endpoint(site, ask_print), methods=["POST"]),
    ]
    facilitator = [
        Route("/", _endpoint(site, facilitator_page), methods=["GET"]),
        Route("/poster.pdf", _endpoint(site, poster), methods=["GET"]),
        Route("/papers/{code:str}", _endpoint(site, queued_papers), methods=["GET"]),
        Route("/printed", _endpoint(site, printed), methods=["POST"]),
        Route("/close", _endpoint(site, close), methods=["POST"]),
    ]
    app = Starlette(
        routes=[
            Mount(f"/j/{site.secrets.join}", routes=participant),
            Mount(f"/f/{site.secrets.facilitator}", routes=facilitator),
        ],
        exception_handlers={HTTPException: _http_error},
    )
    app.state.site = site
    site.intake.estimate(Profile())  # load and compile the whole catalog before the first phone
    if workers:
        from exposure.web.server import settle

        settle()  # frozen before forking, so the workers share the catalog's pages
        site.workers = Workers(functools.partial(work, site), workers)
    return Guard(app, limits or Limits())


def _http_error(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    text = {404: "Not found.", 405: "Method not allowed."}.get(status, "Cannot do that.")
    return PlainTextResponse(text, status_code=status)


def _endpoint(site: Site, handler: Any) -> Any:
    async def endpoint(request: Request) -> Response:
        response: Response = await handler(site, request)
        return response

    return endpoint


def _lang(request: Request) -> str:
    lang = str(request.path_params.get("lang", "en"))
    if lang not in i18n.LANGUAGES:
        raise HTTPException(404)
    return lang


# Participants -------------------------------------------------------------------------------


async def choose(site: Site, request: Request) -> Response:
    return site.page("choose.html", "en", languages=i18n.LANGUAGES)


async def questionnaire(site: Site, request: Request) -> Response:
    lang = _lang(request)
    if not i18n.available(lang):
        return site.page("unavailable.html", "en", asked=i18n.LANGUAGES[lang])
    tallies = site.intake.tallies()
    if tallies.closed:
        return site.page("closed.html", lang, status=410)
    if site.intake.full(tallies):
        return _full(site, lang)
    if request.method == "GET":
        return _form(site, lang, {}, {})
    fields = (await request.form()).multi_items()
    pairs = [(k, v) for k, v in fields if isinstance(v, str)]
    if len(pairs) != len(fields):
        return _form(site, lang, {}, {"": intake.UNEXPECTED}, status=400)
    given = dict(pairs)
    nonce = site.signer.check("form", given.get(TOKEN_FIELD, ""))
    outcome = await site.work(lang, pairs)
    problems = dict(outcome.problems)
    if nonce is None:
        problems[""] = "expired"
    if problems or outcome.html is None or outcome.counts is None or nonce is None:
        return _form(site, lang, outcome.answers, problems, status=400)
    if site.nonces.first_use(nonce):
        try:
            await run_in_threadpool(site.intake.commit, outcome.counts)
        except intake.Full:
            return _full(site, lang)
        except WorkshopError:
            return site.page("closed.html", lang, status=410)
    # else the same form sent twice (a reload): shown again, counted once
    code, receipt = site.signer.code(nonce), site.signer.issue("receipt", nonce)
    return HTMLResponse(outcome.html.replace(_CODE, code).replace(_RECEIPT, receipt))


@dataclass(frozen=True)
class Outcome:
    """A submission worked out: the results page (with stand-ins for the participant's code
    and receipt) and their own tallies, or the form's problems."""

    html: str | None
    counts: Tallies | None
    answers: dict[str, Answer]
    problems: dict[str, str]


def work(site: Site, lang: str, pairs: list[tuple[str, str]]) -> Outcome:
    """The CPU-heavy part of a submission, which touches no shared state: read the answers,
    estimate, count this participant on their own, render their results page."""
    checked = intake.read_answers(pairs, site.catalog, ignore=FORM_FIELDS)
    if checked.profile is None:
        return Outcome(None, None, checked.answers, checked.problems)
    profile = checked.profile.without_identity()
    result = site.intake.estimate(profile)
    counts, _brokers = site.intake.tally_one(profile, result)
    return Outcome(_results(site, lang, result, profile), counts, checked.answers, {})


def _full(site: Site, lang: str) -> HTMLResponse:
    """The workshop file holds as many participants as it can: say so, and that nothing of
    theirs was counted (503: the service cannot take more, the facilitator can start anew)."""
    return site.page("full.html", lang, status=503)


def _form(
    site: Site,
    lang: str,
    answers: Mapping[str, Answer],
    problems: Mapping[str, str],
    status: int = 200,
) -> HTMLResponse:
    words = i18n.wording(site.catalog, lang)
    t = i18n.translator(lang)
    topics: dict[str, list[dict[str, Any]]] = {}
    for fact in site.catalog.facts:
        answer = answers.get(fact.id, UNKNOWN)
        if fact.kind is AnswerKind.YES_NO:
            choices = [("yes", t("Yes")), ("no", t("No"))]
        elif fact.kind in (AnswerKind.STATE, AnswerKind.STATES):
            choices = [(s, s) for s in sorted(US_STATES)]
        else:
            choices = [(c.value, words.text(c.label)) for c in fact.choices]
        picked = answer if isinstance(answer, list) else [answer]
        topics.setdefault(words.text(fact.topic), []).append(
            {
                "id": fact.id,
                "kind": fact.kind.value,
                "question": words.text(fact.question),
                "why": words.text(fact.why),
                "choices": choices,
                "picked": picked,
                "none": answer == [],
                "problem": _problem(t, problems.get(fact.id)),
            }
        )
    summary = [
        (fid, next(q["question"] for qs in topics.values() for q in qs if q["id"] == fid))
        for fid in problems
        if fid
    ]
    return site.page(
        "form.html",
        lang,
        status=status,
        topics=topics,
        token=site.signer.issue("form"),
        form_problem=_problem(t, problems.get("")),
        summary=summary,
    )


def _problem(t: i18n.Translate, code: str | None) -> str | None:
    if code is None:
        return None
    return {
        intake.NOT_A_CHOICE: t("Choose one of the answers shown."),
        intake.UNKNOWN_AND_ANSWERS: t("Choose “I don't know” or some answers, not both."),
        intake.NONE_AND_ANSWERS: t("Choose “None of these” or some answers, not both."),
        intake.TOO_MANY: t("There are too many answers here."),
        intake.UNEXPECTED: t(
            "The form held something that is not one of its questions, so nothing was counted. "
            "Please check your answers and send them again."
        ),
        "expired": t(
            "This form is too old or did not come from this page, so nothing was counted. "
            "Your answers are still here: please send them again."
        ),
    }.get(code, t("Choose one of the answers shown."))


def _hidden(answers: Mapping[str, Answer]) -> list[tuple[str, str]]:
    """The answers as hidden form fields, so the results page can send them back."""
    pairs: list[tuple[str, str]] = []
    for fact_id, answer in answers.items():
        if answer == UNKNOWN:
            continue
        if isinstance(answer, list):
            pairs += [(fact_id, v) for v in answer] if answer else [(fact_id, intake.NONE)]
        else:
            pairs.append((fact_id, answer))
    return pairs


def _method_label(kind: str, t: i18n.Translate) -> str:
    """How a method reaches the broker, in the page's language (never its code)."""
    labels = {"web_form": t("web form"), "email": t("e-mail"), "postal": t("post")}
    return labels.get(kind, t("phone"))


# Stand-ins for what differs between two participants who answered alike (their code and
# receipt), put in after rendering; no answer value can contain them (the NUL character).
_CODE, _RECEIPT = "\x00code\x00", "\x00receipt\x00"


def _results(site: Site, lang: str, result: Audit, profile: Profile) -> str:
    """The results page, with stand-ins for the participant's code and receipt: identical
    answers give an identical page but for those, so the whole outcome can be remembered
    (:meth:`Site.work`) and shown again to a reload with its own code."""
    w = i18n.wording(site.catalog, lang)
    t = i18n.translator(lang)
    actions = [
        {
            "title": w.title(a),
            "steps": w.steps(a),
            "blocked": a.kind == "no_consumer_route",
            "methods": [
                (_method_label(m.kind, t), m.contact, m.contact.startswith("https://"))
                for m in a.methods
            ],
        }
        for a in result.plan
    ]
    categories = [
        (w.category(c), c.level.value, len(c.brokers))
        for c in result.categories
        if c.level in (Likelihood.LIKELY, Likelihood.POSSIBLE)
    ]
    return site.html(
        "results.html",
        lang,
        headline=w.headline(result),
        based_on=w.based_on(result),
        cannot_know=w.cannot_know(result),
        actions=actions,
        categories=categories,
        code=_CODE,
        hidden=_hidden(profile.facts),
        receipt=_RECEIPT,
    )


async def _receipted(site: Site, request: Request) -> tuple[Profile, str] | None:
    fields = (await request.form()).multi_items()
    pairs = [(k, v) for k, v in fields if isinstance(v, str)]
    if len(pairs) != len(fields):
        return None
    nonce = site.signer.check("receipt", dict(pairs).get(RECEIPT_FIELD, ""))
    if nonce is None or not site.nonces.used(nonce):
        return None
    checked = await run_in_threadpool(intake.read_answers, pairs, site.catalog, ignore=FORM_FIELDS)
    if checked.profile is None:
        return None
    return checked.profile, site.signer.code(nonce)


def _refused(site: Site, lang: str) -> HTMLResponse:
    return site.page("refused.html", lang, status=400)


async def download(site: Site, request: Request) -> Response:
    lang = _lang(request)
    got = await _receipted(site, request)
    if got is None:
        return _refused(site, lang)
    profile, code = got
    words = i18n.wording(site.catalog, lang)
    pdf = await run_in_threadpool(site.intake.papers, profile, words=words, lang=lang)
    return Response(
        pdf,
        media_type="application/pdf",
        headers={"content-disposition": f'attachment; filename="exposure-{code}.pdf"'},
    )


async def ask_print(site: Site, request: Request) -> Response:
    lang = _lang(request)
    got = await _receipted(site, request)
    if got is None:
        return _refused(site, lang)
    if site.intake.tallies().closed:
        return site.page("closed.html", lang, status=410)
    profile, code = got
    words = i18n.wording(site.catalog, lang)
    await run_in_threadpool(site.intake.queue_papers, code, profile, words=words, lang=lang)
    return site.page("queued.html", lang, code=code)


# The facilitator ----------------------------------------------------------------------------


async def facilitator_page(site: Site, request: Request) -> Response:
    auto = request.method == "GET" and request.query_params.get("auto") == "1"
    return _facilitator(site, site.intake.tallies(), site.intake.queue.codes(), (), auto=auto)


def _facilitator(
    site: Site, tallies: Tallies, queue: Sequence[str], kept: Sequence[str], *, auto: bool
) -> Response:
    """The facilitator page, from the tallies and print queue as they stand."""
    return site.page(
        "facilitator.html",
        site.lang,
        name=tallies.name,
        participants=tallies.participants,
        letters=tallies.letters,
        closed=tallies.closed,
        full=site.intake.full(tallies),
        max_participants=f"{MAX_PARTICIPANTS:,}",
        queue=queue,
        here=site.secrets.facilitator_path(),
        token=site.signer.issue("facilitator"),
        kept=kept,
        auto=auto,
    )


def _facilitator_token(site: Site, form: Mapping[str, Any]) -> bool:
    token = form.get(TOKEN_FIELD)
    return isinstance(token, str) and site.signer.check("facilitator", token) is not None


async def queued_papers(site: Site, request: Request) -> Response:
    code = str(request.path_params["code"]).removesuffix(".pdf")
    pdf = site.intake.queue.take(code)
    if pdf is None:
        raise HTTPException(404)
    return Response(
        pdf,
        media_type="application/pdf",
        headers={"content-disposition": f'attachment; filename="exposure-{code}.pdf"'},
    )


async def printed(site: Site, request: Request) -> Response:
    form = await request.form()
    if not _facilitator_token(site, form):
        return site.page("refused.html", site.lang, status=400)
    site.intake.queue.done(str(form.get("code", "")))
    return await facilitator_page(site, request)


async def close(site: Site, request: Request) -> Response:
    form = await request.form()
    if not _facilitator_token(site, form):
        return site.page("refused.html", site.lang, status=400)
    tallies, kept = await run_in_threadpool(site.intake.close)
    return _facilitator(site, tallies, [], kept, auto=False)


async def poster(site: Site, request: Request) -> Response:
    from exposure.web.poster import poster_pdf

    base = site.base_url or f"{request.url.scheme}://{request.url.netloc}"
    pdf = await run_in_threadpool(
        functools.partial(
            poster_pdf, base + site.secrets.join_path(), site.intake.tallies().name, lang=site.lang
        )
    )
    return Response(pdf, media_type="application/pdf")
