"""The action plan: for each broker that likely holds a person's records, the best next step.

The law is chosen per holding, not per company. For a likely broker:

1. ``fcra_disclosure_and_freeze`` for its likely holdings whose ``law.fcra`` is ``"yes"``: state
   privacy laws exempt that data, but the FCRA gives a free file disclosure and a freeze.
2. For its other likely holdings (not FCRA data, or not known to be), the first that applies:
   ``opt_out`` when the broker offers a working consumer opt-out (``available = "yes"``);
   ``state_law_request`` when the person's state has a privacy law in force, the broker can be
   written to, and those holdings are not all exempt (GLBA, HIPAA, public records);
   ``opt_out`` for a partial opt-out; ``no_consumer_route`` otherwise, with the levers that do
   exist (from the catalog record). "In force" is judged on the evaluation date the caller
   passes in; where the state's law is signed but starts later and would then give a
   ``state_law_request``, the action gets a ``law_pending`` step naming the law (and so its
   date).

So a company with a consumer reporting business and a marketing business can get two actions.

A likely alternative group ("a renter is screened by one of these") gives one ``one_of_these``
action naming its members. Where the person's state has a route law (California's DROP), one
action covers every likely broker on that state's registry at once, with the route's link from
the law table; brokers it does not cover are named. When nothing is likely, the plan is one
``answer_questions`` action naming the questions whose answers would change it most.

Ranking (documented in docs/engine.md): ``impact`` = likelihood weight (likely 1, possible 0.5)
x directness (3 when the broker has a documented immigration-enforcement tie, 2 for any other
government tie, 1 otherwise); a collapsed action adds half the impact of each further broker.
``effort`` = the sum of the verification burdens, plus 3 when it costs money. Actions a person
can take come first, then the brokers with no consumer route; within each, actions sort by
``score = 10 * impact - effort``, then by kind and broker id, so the result is deterministic.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from broker_catalog.laws_schema import Law
from broker_catalog.schema import (
    AlternativeGroup,
    Broker,
    Holding,
    Likelihood,
    MethodKind,
    OptOutMethod,
    Verification,
)
from exposure.engine.result import Action, ActionKind, Message, Method

BURDEN = {
    Verification.NONE: 0,
    Verification.EMAIL_LINK: 1,
    Verification.CAPTCHA: 1,
    Verification.PHONE_CALL: 2,
    Verification.ACCOUNT: 2,
    Verification.POSTAL_MAIL: 2,
    Verification.ID_UPLOAD: 3,
    Verification.SSN: 3,
    Verification.NOTARISED: 4,
}


def directness(broker: Broker) -> int:
    if any(t.immigration_enforcement for t in broker.government_ties):
        return 3
    return 2 if broker.government_ties else 1


def impact_of(broker: Broker, likelihood: Likelihood) -> float:
    weight = {Likelihood.LIKELY: 1.0, Likelihood.POSSIBLE: 0.5}.get(likelihood, 0.0)
    return weight * directness(broker)


def _method(m: OptOutMethod) -> Method:
    """The result form of a catalog method, built once per method object (catalog-only)."""
    found = _METHODS.get(id(m))
    if found is not None and found[0] is m:
        return found[1]
    contact = m.url or m.email or m.phone or ", ".join(m.address or ())
    method = Method(kind=m.kind.value, contact=contact, covers=m.covers)
    _METHODS[id(m)] = (m, method)
    return method


# id(method) -> (the method, its result). Holding the method keeps its id from being reused.
_METHODS: dict[int, tuple[OptOutMethod, Method]] = {}


def _writable(broker: Broker) -> bool:
    methods = broker.opt_out.methods if broker.opt_out else ()
    postal_or_email = {MethodKind.POSTAL, MethodKind.EMAIL}
    return any(m.kind in postal_or_email for m in methods) or broker.contacts.email != "unknown"


def _ordinary(broker: Broker, law: Law | None, exempt: bool) -> ActionKind:
    """The route for data that is not FCRA data (or not known to be)."""
    opt = broker.opt_out
    if opt is not None and opt.available == "yes" and opt.methods:
        return "opt_out"
    if law is not None and not exempt and _writable(broker):
        return "state_law_request"
    if opt is not None and opt.available == "partial" and opt.methods:
        return "opt_out"
    return "no_consumer_route"


def action_kinds(
    broker: Broker, holdings: Sequence[Holding], law: Law | None = None
) -> list[tuple[ActionKind, tuple[str, ...]]]:
    """The actions for a broker's likely ``holdings``, each with the categories it is for.

    FCRA rights only for holdings whose law is the FCRA; the ordinary route for the rest. With
    no holdings named (a broker not researched), the ordinary route for the whole company.
    """
    fcra = [h for h in holdings if h.law.fcra == "yes"]
    rest = [h for h in holdings if h.law.fcra != "yes"]
    out: list[tuple[ActionKind, tuple[str, ...]]] = []
    if fcra:
        out.append(("fcra_disclosure_and_freeze", _categories(fcra)))
    if rest or not holdings:
        exempt = bool(rest) and all(h.law.exempt_from_state_law for h in rest)
        out.append((_ordinary(broker, law, exempt), _categories(rest)))
    return out


def _categories(holdings: Sequence[Holding]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(h.category for h in holdings))


def _catalog_steps(broker: Broker, field: str, count: int) -> tuple[Message, ...]:
    """Steps written in the broker's record, by index: the renderer takes their words (and their
    translation) from the record."""
    key = (broker.id, field, count)
    found = _STEPS.get(key)
    if found is None:
        found = _STEPS[key] = tuple(
            Message(code=field, params={"broker": broker.id, "index": n}) for n in range(count)
        )
    return found


# (broker id, field, count) -> the step messages; they name only ids and indexes, so an entry is
# right for any catalog with the same count.
_STEPS: dict[tuple[str, str, int], tuple[Message, ...]] = {}


def _single(
    broker: Broker,
    likelihood: Likelihood,
    law: Law | None,
    kind: ActionKind,
    categories: tuple[str, ...],
) -> Action:
    opt = broker.opt_out
    methods = tuple(_method(m) for m in opt.methods) if opt else ()
    verification = tuple(v.value for v in opt.verification) if opt else ()
    steps = _catalog_steps(broker, "catalog_step", len(opt.steps) if opt else 0)
    if kind == "fcra_disclosure_and_freeze":
        steps = (Message(code="fcra_disclosure"), Message(code="fcra_freeze"), *steps)
    elif kind == "state_law_request" and law is not None:
        steps = (Message(code="state_law_letter", params={"law": law.id}), *steps)
    elif kind == "no_consumer_route":
        alternatives = len(opt.alternatives) if opt else 0
        steps = _catalog_steps(broker, "catalog_alternative", alternatives) or (
            Message(code="no_route_known"),
            Message(code="no_route_policy"),
        )
    effort = sum(BURDEN[Verification(v)] for v in verification)
    if opt is not None and isinstance(opt.cost_usd, int) and opt.cost_usd > 0:
        effort += 3
    impact = impact_of(broker, likelihood)
    return Action(
        kind=kind,
        lead=broker.id,
        brokers=(broker.id,),
        law=law.id if kind == "state_law_request" and law is not None else None,
        categories=categories,
        steps=steps,
        methods=methods,
        verification=verification,
        impact=impact,
        effort=effort,
        score=round(10 * impact - effort, 3),
    )


def _merge(actions: list[Action]) -> Action:
    """Brokers sharing one opt-out route (a storefront family) become one action, named after
    the broker with the most impact."""
    first = max(actions, key=lambda a: (a.impact, a.lead or ""))
    brokers = tuple(sorted({b for a in actions for b in a.brokers}))
    impact = first.impact + 0.5 * sum(a.impact for a in actions if a is not first)
    return first.model_copy(
        update={
            "brokers": brokers,
            "impact": impact,
            "score": round(10 * impact - first.effort, 3),
        }
    )


def _route(brokers: Sequence[tuple[Broker, Likelihood]], state: str, route: Law) -> Action | None:
    """One request through the state's route (California's DROP) for every likely broker on
    that state's registry; the route's link comes from the law table."""
    covered = [b for b, _ in brokers if any(r.state == state for r in b.legal.registries)]
    if not covered:
        return None
    # by id: comparing whole broker records field by field made this the slowest part of an
    # estimate for a person living in a route state
    ids = {b.id for b in covered}
    missing = tuple(
        sorted({b.id for b, lk in brokers if b.id not in ids and lk is Likelihood.LIKELY})
    )
    steps = [
        Message(code="drop_use", params={"law": route.id}),
        Message(code="drop_limits", params={"law": route.id}),
    ]
    if missing:
        steps.append(Message(code="drop_not_covered", params={"brokers": missing}))
    url = route.regulator.url if route.regulator is not None else "unknown"
    methods = (Method(kind="web_form", contact=url),) if url != "unknown" else ()
    impact = sum(impact_of(b, lk) for b, lk in brokers if b.id in ids)
    return Action(
        kind="california_drop",
        lead=None,
        brokers=tuple(sorted(ids)),
        law=route.id,
        steps=tuple(steps),
        methods=methods,
        impact=impact,
        effort=2,
        score=round(10 * impact - 2, 3),
    )


def _group(group: AlternativeGroup, members: Sequence[Broker]) -> Action:
    """A likely group: one action that names its members and how to find out which one."""
    impact = max((directness(b) for b in members), default=1) * 1.0
    return Action(
        kind="one_of_these",
        lead=None,
        brokers=tuple(m.broker for m in group.members),
        group=group.id,
        steps=(
            Message(code="group_explained", params={"group": group.id}),
            Message(code="group_find_out", params={"group": group.id}),
        ),
        impact=impact,
        effort=1,
        score=round(10 * impact - 1, 3),
    )


def questions_action(facts: Sequence[str]) -> Action:
    """Nothing is likely yet: the questions whose answers would change the plan most."""
    return Action(
        kind="answer_questions",
        lead=None,
        brokers=(),
        steps=tuple(Message(code="next_question", params={"fact": f}) for f in facts),
        impact=0.0,
        effort=0,
        score=0.0,
    )


@dataclass(frozen=True, slots=True)
class Planned:
    """A broker as the plan sees it: its likelihood and which of its holdings are likely."""

    broker: Broker
    likelihood: Likelihood
    holdings: tuple[Holding, ...] = ()


def build_plan(
    brokers: Iterable[Planned],
    state: str | None,
    law: Law | None = None,
    route: Law | None = None,
    groups: Sequence[tuple[AlternativeGroup, Sequence[Broker]]] = (),
    reach: Sequence[tuple[Broker, Likelihood]] = (),
    pending: Law | None = None,
) -> list[Action]:
    """``reach``: every broker that likely or possibly holds records, for a route law (one
    request reaches them all, so the possible ones count too); the likely ones by default.
    ``pending``: the state's privacy law that is signed but not yet in force (``law`` is then
    None); actions it would turn into a state-law request say from when."""
    likely = [p for p in brokers if p.likelihood is Likelihood.LIKELY]
    merged: dict[tuple[object, ...], list[Action]] = {}
    for p in likely:
        later = action_kinds(p.broker, p.holdings, pending) if pending is not None else []
        waits = {cats for k, cats in later if k == "state_law_request"}
        for kind, categories in action_kinds(p.broker, p.holdings, law):
            action = _single(p.broker, p.likelihood, law, kind, categories)
            if pending is not None and kind != "state_law_request" and categories in waits:
                step = Message(code="law_pending", params={"law": pending.id})
                action = action.model_copy(update={"steps": (*action.steps, step)})
            key: tuple[object, ...] = (
                (action.kind, action.methods) if action.methods else (p.broker.id, kind)
            )
            merged.setdefault(key, []).append(action)
    plan = [group[0] if len(group) == 1 else _merge(group) for group in merged.values()]
    plan += [_group(group, members) for group, members in groups]
    if state is not None and route is not None:
        found = _route(reach or [(p.broker, p.likelihood) for p in likely], state, route)
        if found is not None:
            plan.append(found)
    return sorted(
        plan, key=lambda a: (a.kind == "no_consumer_route", -a.score, a.kind, a.lead or "")
    )
