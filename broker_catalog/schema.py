"""The catalog's data model: what a broker record may say, and what it must prove.

Every model is frozen so that a loaded catalog can be shared between the engine, the TUI and
the report builders without anyone mutating it. Facts that a person may act on (an opt-out URL,
an address, a government contract) carry ``sources`` (ids of the record's own source list) and a
``verified`` date; the loader checks that every such id resolves. Where something is not known the
value is the literal string ``"unknown"``: an honest gap is better than a plausible guess.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Literal, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from broker_catalog import patterns

UNKNOWN: Literal["unknown"] = "unknown"
Unknown = Literal["unknown"]

_SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_FACT_ID = r"^[a-z][a-z0-9_]*$"
_EMAIL = re.compile(patterns.CATALOG_EMAIL)
_HTTPS = re.compile(r"^https://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?::\d+)?(?:[/?#][^\s]*)?$")
_PARTIAL_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")

Slug = Annotated[str, StringConstraints(pattern=_SLUG, min_length=2, max_length=80)]
FactId = Annotated[str, StringConstraints(pattern=_FACT_ID, max_length=60)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]
StateCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]


def _https_url(value: str) -> str:
    """Only https links: a person at risk must never be sent to a page that can be tampered with."""
    if not _HTTPS.match(value):
        raise ValueError("expected an https:// URL with a host name")
    return value


def _email(value: str) -> str:
    if not _EMAIL.match(value):
        raise ValueError("expected an e-mail address like name@example.org")
    return value


def _not_future(value: dt.date) -> dt.date:
    """A verified date in the future is a typo; refuse it rather than trust it."""
    if value > dt.date.today():
        raise ValueError(f"date {value.isoformat()} is in the future")
    return value


def _partial_date(value: str) -> str:
    """Contract dates are often known only to the year or month: YYYY, YYYY-MM or YYYY-MM-DD."""
    if not _PARTIAL_DATE.match(value):
        raise ValueError("expected YYYY, YYYY-MM or YYYY-MM-DD")
    parts = [int(p) for p in value.split("-")]
    year, month, day = (
        parts[0],
        parts[1] if len(parts) > 1 else 1,
        parts[2] if len(parts) > 2 else 1,
    )
    try:
        _not_future(dt.date(year, month, day))
    except ValueError as exc:
        raise ValueError(str(exc).replace(dt.date(year, month, day).isoformat(), value)) from None
    return value


HttpsUrl = Annotated[str, AfterValidator(_https_url)]
Email = Annotated[str, AfterValidator(_email)]
PastDate = Annotated[dt.date, AfterValidator(_not_future)]
PartialDate = Annotated[str, AfterValidator(_partial_date)]
Tri = Literal["yes", "no", "unknown"]


class Model(BaseModel):
    """Base for every catalog model: frozen, and strict about unknown keys (typos must show)."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class Quality(StrEnum):
    """How far a record can be trusted, best first."""

    TESTED = "tested"  # a maintainer walked the opt-out through end to end
    VERIFIED = "verified"  # every actionable fact checked against a cited source
    IMPORTED = "imported"  # taken from a state registry filing, unreviewed
    SCRAPED = "scraped"  # gathered automatically from the web, unreviewed

    @property
    def rank(self) -> int:
        return {"tested": 3, "verified": 2, "imported": 1, "scraped": 0}[self.value]


class Status(StrEnum):
    ACTIVE = "active"
    DEFUNCT = "defunct"
    MERGED = "merged"


class Likelihood(StrEnum):
    """How likely a broker holds a person's records, best known first when sorted by ``rank``."""

    LIKELY = "likely"
    POSSIBLE = "possible"
    UNLIKELY = "unlikely"
    UNKNOWN = "unknown"

    @property
    def rank(self) -> int:
        return _LIKELIHOOD_RANK[self.value]


_LIKELIHOOD_RANK = {"likely": 3, "possible": 2, "unknown": 1, "unlikely": 0}


class Source(Model):
    """A published document a fact rests on. ``id`` is what facts in the same record cite."""

    id: Slug
    url: HttpsUrl
    title: Text
    publisher: Text
    published: PartialDate | Unknown = UNKNOWN
    accessed: PastDate | None = None


class Sourced(Model):
    """Mixin for facts a person may act on: which sources say so, and when we last checked."""

    sources: tuple[Slug, ...] = Field(min_length=1)
    verified: PastDate


class Trigger(Model):
    """A life fact that puts a person into a holding.

    ``values`` are the answers that trigger it (for yes/no facts, ``["yes"]``). ``gives`` is the
    likelihood when it matches; when the person answered "I don't know" the engine widens the
    result to at most ``possible`` instead of dropping it.
    """

    fact: FactId
    values: tuple[str, ...] = ("yes",)
    gives: Literal["likely", "possible"] = "likely"


class HoldingLaw(Model):
    """Which law governs one holding: the product, not the company.

    A company can run an FCRA consumer reporting business beside an ordinary marketing or
    people-search business; the FCRA's disclosure and freeze reach only the first, and state
    privacy laws exempt FCRA, GLBA, HIPAA and public-record data. Each value is ``"unknown"``
    until a source says otherwise, and any value other than ``"unknown"`` must cite one.
    """

    fcra: Tri = Field(default=UNKNOWN, description="consumer-report data covered by the FCRA")
    glba: Tri = Field(default=UNKNOWN, description="financial data exempt as GLBA data")
    hipaa: Tri = Field(default=UNKNOWN, description="health data exempt as HIPAA data")
    public_record: Tri = Field(
        default=UNKNOWN, description="government public records, exempt from state privacy laws"
    )
    note: Text | None = Field(default=None, description="what the source says, in plain words")
    sources: tuple[Slug, ...] = ()
    verified: PastDate | None = None

    @model_validator(mode="after")
    def _sourced_when_known(self) -> Self:
        names = ("fcra", "glba", "hipaa", "public_record")
        known = [n for n in names if getattr(self, n) != UNKNOWN]
        if known and (not self.sources or self.verified is None):
            raise ValueError(f"{', '.join(known)} stated without 'sources' and 'verified'")
        return self

    @property
    def exempt_from_state_law(self) -> bool:
        """True when a source says this data falls under an exemption of state privacy laws."""
        return "yes" in (self.fcra, self.glba, self.hipaa, self.public_record)


class Holding(Sourced):
    """One data category a broker holds, and how a person ends up in it."""

    category: Slug
    what: Text
    how: Text = Field(description="plain-language account of how records reach this broker")
    triggers: tuple[Trigger, ...] = ()
    baseline: Literal["possible", "unlikely"] = Field(
        default="unlikely",
        description="likelihood when no trigger matches; 'possible' for sweeping collections",
    )
    law: HoldingLaw = Field(
        default=HoldingLaw(), description="the legal regime of this holding (not the company)"
    )


class HoldingRef(Model):
    """One holding of one broker: the broker's id and the holding's category."""

    broker: Slug
    category: Slug


class Flow(Sourced):
    """Data that moved from one broker's holding into another's, and when.

    A flow is recorded in the record of either end (so its sources resolve there). ``facts``
    names the target's triggers that the flow explains: through them the target can never be
    rated above the source for the same person. ``until`` is the date a source says the flow
    ended; ``"unknown"`` means no source says it has ended. Once ended, those triggers no longer
    count (data released before may still circulate, which the reason text can say).
    """

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    source: HoldingRef = Field(alias="from", description="where the data comes from")
    target: HoldingRef = Field(alias="to", description="where it goes")
    facts: tuple[FactId, ...] = Field(
        min_length=1,
        description="the target holding's triggers on these facts exist because of this flow",
    )
    what: Text
    since: PartialDate | Unknown = UNKNOWN
    until: PartialDate | Unknown = UNKNOWN

    @model_validator(mode="after")
    def _dates_in_order(self) -> Self:
        if self.source == self.target:
            raise ValueError("a flow cannot go from a holding to itself")
        if UNKNOWN not in (self.since, self.until) and self.until < self.since:
            raise ValueError(f"'until' {self.until} is before 'since' {self.since}")
        return self


class GovernmentTie(Sourced):
    """A documented link between a broker and a government agency. No tie without a source."""

    agency: Text
    programme: Text | Unknown = UNKNOWN
    amount_usd: Annotated[int, Field(ge=0)] | Unknown = UNKNOWN
    date: PartialDate | Unknown = UNKNOWN
    what: Text
    immigration_enforcement: bool = False


class MethodKind(StrEnum):
    WEB_FORM = "web_form"
    EMAIL = "email"
    POSTAL = "postal"
    PHONE = "phone"


RequestChannel = Literal[
    "delete",
    "opt_out",
    "know",
    "file_disclosure",
    "security_freeze",
    "prescreen_opt_out",
    "dispute",
    "agent",
]
GENERAL_PRIVACY: tuple[RequestChannel, ...] = ("delete", "opt_out", "know")


class OptOutMethod(Sourced):
    """One way to reach the broker. Exactly the field matching ``kind`` is set.

    ``serves`` says which requests this desk takes, so a letter goes to the desk for its kind
    (a file-disclosure request never to the freeze address). A method with no ``covers`` note
    is the broker's general privacy route and serves deletion, opt-out and access requests; a
    method with a ``covers`` note must say what it serves.
    """

    kind: MethodKind
    url: HttpsUrl | None = None
    email: Email | None = None
    address: tuple[Text, ...] | None = None
    phone: Annotated[str, StringConstraints(pattern=patterns.PHONE)] | None = None
    covers: Text | None = Field(
        default=None, description="what this method opts out of, if narrower"
    )
    serves: tuple[RequestChannel, ...] | None = Field(
        default=None,
        description="the request kinds this desk takes; required when 'covers' is set, "
        "otherwise deletion, opt-out and access (the general privacy route)",
    )
    names_person: bool = Field(
        default=False,
        description="the e-mail address is an individual employee's mailbox, not a role address",
    )
    old_filing_only: bool = Field(
        default=False,
        description="the e-mail, postal address or phone comes only from a registry filing older "
        "than the newest registry (kept as history; drafting prefers any other desk)",
    )

    @property
    def requests(self) -> tuple[RequestChannel, ...]:
        """What this desk takes: its ``serves`` list, or the general privacy route."""
        return self.serves if self.serves is not None else GENERAL_PRIVACY

    @model_validator(mode="after")
    def _one_contact(self) -> Self:
        wanted = {
            MethodKind.WEB_FORM: "url",
            MethodKind.EMAIL: "email",
            MethodKind.POSTAL: "address",
            MethodKind.PHONE: "phone",
        }[self.kind]
        given = [n for n in ("url", "email", "address", "phone") if getattr(self, n) is not None]
        if given != [wanted]:
            raise ValueError(f"a {self.kind.value} method needs '{wanted}' and nothing else")
        if self.covers is not None and self.serves is None:
            raise ValueError("a method with a 'covers' note must say what it 'serves'")
        if self.names_person and self.kind is not MethodKind.EMAIL:
            raise ValueError("'names_person' describes e-mail addresses")
        if self.old_filing_only and self.kind is MethodKind.WEB_FORM:
            raise ValueError("'old_filing_only' describes e-mail, postal and phone desks")
        return self


class Verification(StrEnum):
    NONE = "none"
    EMAIL_LINK = "email_link"
    PHONE_CALL = "phone_call"
    CAPTCHA = "captcha"
    ACCOUNT = "account"
    ID_UPLOAD = "id_upload"
    SSN = "ssn"
    NOTARISED = "notarised"
    POSTAL_MAIL = "postal_mail"


class IdentityField(StrEnum):
    """Identity details a letter may carry. A broker record names the minimum it needs."""

    FULL_NAME = "full_name"
    FORMER_NAMES = "former_names"
    POSTAL_ADDRESS = "postal_address"
    PAST_ADDRESSES = "past_addresses"
    EMAIL = "email"
    PHONE = "phone"
    DATE_OF_BIRTH = "date_of_birth"
    SSN = "ssn"
    SSN_LAST4 = "ssn_last4"
    DRIVERS_LICENCE = "drivers_licence"
    PROFILE_URL = "profile_url"
    MOBILE_AD_ID = "mobile_ad_id"
    PHOTO = "photo"
    SIGNATURE = "signature"


class Agents(StrEnum):
    """Whether an authorized agent (a clinic, an advocacy group) may file for the person."""

    YES = "yes"
    WITH_POWER_OF_ATTORNEY = "with_power_of_attorney"
    NO = "no"
    UNKNOWN = "unknown"


class OptOut(Sourced):
    """How a person gets out, or the honest statement that they cannot."""

    available: Literal["yes", "partial", "no", "unknown"]
    methods: tuple[OptOutMethod, ...] = ()
    steps: tuple[Text, ...] = ()
    verification: tuple[Verification, ...] = ()
    minimal_fields: tuple[IdentityField, ...] = ()
    search_first: bool = Field(
        default=False, description="look yourself up first and disclose only what they already show"
    )
    cost_usd: Annotated[int, Field(ge=0)] | Unknown = UNKNOWN
    response_days: Annotated[int, Field(ge=0, le=365)] | Unknown = UNKNOWN
    recheck_days: Annotated[int, Field(ge=1, le=730)] | Unknown = UNKNOWN
    agents: Agents = Agents.UNKNOWN
    cannot_opt_out: Text | Unknown = UNKNOWN
    alternatives: tuple[Text, ...] = Field(
        default=(), description="levers that help when there is no route: FCRA, state law, advocacy"
    )

    @model_validator(mode="after")
    def _methods_match_availability(self) -> Self:
        if self.available in ("yes", "partial") and not self.methods:
            raise ValueError(f"opt-out is '{self.available}' but no method is given")
        if self.available == "no" and self.methods:
            raise ValueError("opt-out is 'no' but methods are given; use 'partial'")
        return self


class RegistryEntry(Model):
    """Membership in a state data broker registry."""

    state: Literal["CA", "VT", "OR", "TX"]
    registry_id: str | Unknown = UNKNOWN
    year: Annotated[int, Field(ge=2019, le=2100)]
    source: Slug


class RequestMetrics(Model):
    """Request counts a broker reported to a registry for one calendar year."""

    year: int
    kind: Literal["delete", "know", "opt_out", "limit", "correct"]
    received: int | Unknown = UNKNOWN
    complied: int | Unknown = UNKNOWN
    denied: int | Unknown = UNKNOWN
    median_days: float | Unknown = UNKNOWN
    source: Slug


class RegistryStatement(Model):
    """A broker's own words in a registry filing, kept because people need to read them.

    Vermont asks what cannot be opted out of and whether an agent may act; California's older
    registry asked how to opt out. These are the broker's claims, quoted as filed.
    """

    state: Literal["CA", "VT", "OR", "TX"]
    topic: Literal[
        "opt_out_method",
        "opt_out_scope",
        "third_party_opt_out",
        "cannot_opt_out",
        "credentialing",
        "minors",
        "additional",
    ]
    text: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20000)]
    source: Slug


class Disclosures(Model):
    """What the broker itself told a registry it collects or sells to."""

    minors: Tri = UNKNOWN
    precise_geolocation: Tri = UNKNOWN
    reproductive_health: Tri = UNKNOWN
    immigration_status: Tri = UNKNOWN
    sells_to_federal_government: Tri = UNKNOWN
    sells_to_law_enforcement: Tri = UNKNOWN


FcraType = Literal["nationwide", "nationwide_specialty", "other", "unknown"]


class Legal(Model):
    registries: tuple[RegistryEntry, ...] = ()
    fcra: Tri = UNKNOWN
    fcra_type: FcraType = Field(
        default="unknown",
        description="for a consumer reporting agency: nationwide (15 U.S.C. § 1681a(p)), "
        "nationwide specialty (§ 1681a(w)) or other; decides the free-disclosure clause",
    )
    fcra_type_sources: tuple[Slug, ...] = ()
    glba: Tri = UNKNOWN
    hipaa: Tri = UNKNOWN
    disclosures: Disclosures = Disclosures()
    metrics: tuple[RequestMetrics, ...] = ()
    statements: tuple[RegistryStatement, ...] = ()


class Contacts(Model):
    """General contacts (from registry filings), as opposed to the opt-out route itself."""

    email: Email | Unknown = UNKNOWN
    phone: str | Unknown = UNKNOWN
    address: tuple[Text, ...] | Unknown = UNKNOWN
    privacy_url: HttpsUrl | Unknown = UNKNOWN
    sources: tuple[Slug, ...] = ()
    email_names_person: bool = Field(
        default=False, description="the e-mail is an individual employee's mailbox"
    )
    email_old_filing_only: bool = Field(
        default=False,
        description="the e-mail comes only from a registry filing older than the newest registry",
    )


class Broker(Model):
    """One data broker: one company, however many storefronts it runs."""

    id: Slug = Field(description="stable slug; never renamed once published")
    name: Text = Field(description="legal name")
    brands: tuple[Text, ...] = Field(default=(), description="storefronts and trade names")
    parent: Slug | None = Field(default=None, description="id of the operating company's record")
    website: HttpsUrl | Unknown = UNKNOWN
    summary: Text | None = None
    status: Status = Status.ACTIVE
    merged_into: Slug | None = None
    quality: Quality
    last_verified: PastDate
    sources: tuple[Source, ...] = Field(min_length=1)
    holdings: tuple[Holding, ...] = ()
    government_ties: tuple[GovernmentTie, ...] = ()
    opt_out: OptOut | None = None
    legal: Legal = Legal()
    contacts: Contacts = Contacts()
    flows: tuple[Flow, ...] = Field(
        default=(), description="data flows into or out of this broker's holdings"
    )

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if (self.status is Status.MERGED) != (self.merged_into is not None):
            raise ValueError("'merged_into' is set exactly when status is 'merged'")
        ids = [s.id for s in self.sources]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"duplicate source ids: {', '.join(dupes)}")
        known = set(ids)
        for where, cited in self._citations():
            missing = [c for c in cited if c not in known]
            if missing:
                raise ValueError(f"{where} cites unknown source id(s): {', '.join(missing)}")
        if self.legal.fcra_type != "unknown" and not self.legal.fcra_type_sources:
            raise ValueError("legal.fcra_type needs 'fcra_type_sources'")
        if self.legal.fcra_type != "unknown" and self.legal.fcra != "yes":
            raise ValueError("legal.fcra_type is set only for a consumer reporting agency")
        if self.quality.rank >= Quality.VERIFIED.rank and self.opt_out is None:
            raise ValueError("a verified record must say how to opt out (or that one cannot)")
        for i, flow in enumerate(self.flows):
            if self.id not in (flow.source.broker, flow.target.broker):
                raise ValueError(f"flows[{i}] must start or end at this broker ('{self.id}')")
        return self

    def _citations(self) -> list[tuple[str, tuple[str, ...]]]:
        cited: list[tuple[str, tuple[str, ...]]] = []
        cited += [(f"holdings[{i}]", h.sources) for i, h in enumerate(self.holdings)]
        cited += [(f"holdings[{i}].law", h.law.sources) for i, h in enumerate(self.holdings)]
        cited += [(f"flows[{i}]", f.sources) for i, f in enumerate(self.flows)]
        cited += [(f"government_ties[{i}]", t.sources) for i, t in enumerate(self.government_ties)]
        if self.opt_out is not None:
            cited.append(("opt_out", self.opt_out.sources))
            cited += [
                (f"opt_out.methods[{i}]", m.sources) for i, m in enumerate(self.opt_out.methods)
            ]
        cited += [
            (f"legal.registries[{i}]", (r.source,)) for i, r in enumerate(self.legal.registries)
        ]
        cited += [(f"legal.metrics[{i}]", (m.source,)) for i, m in enumerate(self.legal.metrics)]
        statements = self.legal.statements
        cited += [(f"legal.statements[{i}]", (s.source,)) for i, s in enumerate(statements)]
        cited.append(("contacts", self.contacts.sources))
        cited.append(("legal.fcra_type_sources", self.legal.fcra_type_sources))
        return cited

    @property
    def categories(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(h.category for h in self.holdings))


DisclosureName = Literal[
    "minors",
    "precise_geolocation",
    "reproductive_health",
    "immigration_status",
    "sells_to_federal_government",
    "sells_to_law_enforcement",
]


class RegistrySignal(Model):
    """How a registry filing points at this category, for brokers not yet researched.

    A broker that told a registry ``disclosure = "yes"`` possibly holds this category's data
    about a person for whom any of ``facts`` is true or not known; never more than possible,
    because a filing says what a broker collects, not whom.
    """

    disclosure: DisclosureName
    facts: tuple[FactId, ...] = Field(min_length=1)


class Category(Model):
    """A kind of data that brokers hold and government buys."""

    id: Slug
    name: Text
    description: Text
    why_it_matters: Text
    order: int
    registry: RegistrySignal | None = Field(
        default=None, description="the registry disclosure that points at this category"
    )


class AnswerKind(StrEnum):
    YES_NO = "yes_no"
    CHOICE = "choice"
    MULTI = "multi"
    STATE = "state"
    STATES = "states"


class Choice(Model):
    value: FactId
    label: Text
    because: Text | None = Field(
        default=None, description="the reason sentence when this choice triggers a holding"
    )


class LifeFact(Model):
    """One question of the questionnaire. No question ever asks for something that identifies."""

    id: FactId
    topic: Text
    question: Text
    why: Text
    kind: AnswerKind
    because: Text | None = Field(
        default=None,
        description="the reason sentence when a 'yes' triggers a holding, e.g. 'You have …'",
    )
    choices: tuple[Choice, ...] = ()

    @model_validator(mode="after")
    def _choices_match_kind(self) -> Self:
        needs = self.kind in (AnswerKind.CHOICE, AnswerKind.MULTI)
        if needs and len(self.choices) < 2:
            raise ValueError(f"a '{self.kind.value}' question needs at least two choices")
        if not needs and self.choices:
            raise ValueError(f"a '{self.kind.value}' question takes no choices")
        return self

    def allowed_values(self) -> frozenset[str]:
        """The answers a trigger may name ("unknown" is an answer, never a trigger value)."""
        if self.kind is AnswerKind.YES_NO:
            return frozenset({"yes", "no"})
        if self.kind in (AnswerKind.STATE, AnswerKind.STATES):
            return US_STATES
        return frozenset(c.value for c in self.choices)


_STATE_CODES = (
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV "
    "NH NJ NM NY NC ND OH OK OR PA PR RI SC SD TN TX UT VT VA WA WV WI WY"
)
US_STATES: frozenset[str] = frozenset(_STATE_CODES.split())


class AlternativeGroup(Model):
    """Brokers of which a person is usually in one, not all: "a renter is screened by one of these".

    A landlord orders one screening report, an employer uses one background-check firm. When a
    life fact points at a whole market, the engine rates each member ``possible`` and the group
    as a whole ``likely``, instead of calling every member likely.
    """

    id: Slug
    name: Text = Field(description="the group as a person would name it")
    explanation: Text = Field(description="why one of these, not all; in plain words")
    facts: tuple[FactId, ...] = Field(
        min_length=1, description="the life facts whose triggers mean 'one of these members'"
    )
    members: tuple[HoldingRef, ...] = Field(min_length=2)
    sources: tuple[Source, ...] = Field(min_length=1)
    verified: PastDate

    @model_validator(mode="after")
    def _distinct_members(self) -> Self:
        brokers = [m.broker for m in self.members]
        dupes = sorted({b for b in brokers if brokers.count(b) > 1})
        if dupes:
            raise ValueError(f"a broker appears twice in the group: {', '.join(dupes)}")
        return self
