"""The action plan: for each broker that likely holds a person's records, the best next step.

Which step (first that applies):

1. ``fcra_disclosure_and_freeze`` when the broker is an FCRA consumer reporting agency: state
   privacy laws exempt that data, but the FCRA gives a free file disclosure and a freeze.
2. ``opt_out`` when the broker offers a working consumer opt-out (``available = "yes"``).
3. ``state_law_request`` when the person's state has a privacy law in force and the broker can
   be written to (a postal or e-mail address is known): a deletion letter under that law.
4. ``opt_out`` for a partial opt-out (it covers less, but it is something).
5. ``no_consumer_route`` otherwise, with the levers that do exist (from the catalog record).

For Californians, one extra ``california_drop`` action covers every likely broker on the
California registry at once (the Delete Act's DROP); brokers it does not cover are named.

Ranking (documented in docs/engine.md): ``impact`` = likelihood weight (likely 1, possible 0.5)
x directness (3 when the broker has a documented immigration-enforcement tie, 2 for any other
government tie, 1 otherwise); a collapsed action adds half the impact of each further broker.
``effort`` = the sum of the verification burdens, plus 3 when it costs money. Actions a person
can take come first, then the brokers with no consumer route; within each, actions sort by
``score = 10 * impact - effort``, then by kind and broker id, so the result is deterministic.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from broker_catalog.laws_schema import Law
from broker_catalog.schema import Broker, Likelihood, MethodKind, OptOutMethod, Verification
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
    contact = m.url or m.email or m.phone or ", ".join(m.address or ())
    return Method(kind=m.kind.value, contact=contact, covers=m.covers)


def _writable(broker: Broker) -> bool:
    methods = broker.opt_out.methods if broker.opt_out else ()
    postal_or_email = {MethodKind.POSTAL, MethodKind.EMAIL}
    return any(m.kind in postal_or_email for m in methods) or broker.contacts.email != "unknown"


def action_kind(broker: Broker, law: Law | None = None) -> ActionKind:
    opt = broker.opt_out
    if broker.legal.fcra == "yes":
        return "fcra_disclosure_and_freeze"
    if opt is not None and opt.available == "yes" and opt.methods:
        return "opt_out"
    if law is not None and _writable(broker):
        return "state_law_request"
    if opt is not None and opt.available == "partial" and opt.methods:
        return "opt_out"
    return "no_consumer_route"


def _catalog_steps(broker: Broker, field: str, count: int) -> tuple[Message, ...]:
    """Steps written in the broker's record, by index: the renderer takes their words (and their
    translation) from the record."""
    return tuple(
        Message(code=field, params={"broker": broker.id, "index": n}) for n in range(count)
    )


def _single(broker: Broker, likelihood: Likelihood, law: Law | None) -> Action:
    kind = action_kind(broker, law)
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


def _drop(brokers: Sequence[tuple[Broker, Likelihood]], law: Law | None) -> Action | None:
    covered = [b for b, _ in brokers if any(r.state == "CA" for r in b.legal.registries)]
    if not covered:
        return None
    missing = tuple(sorted(b.id for b, _ in brokers if b not in covered))
    steps = [Message(code="drop_use"), Message(code="drop_limits")]
    if missing:
        steps.append(Message(code="drop_not_covered", params={"brokers": missing}))
    impact = sum(impact_of(b, lk) for b, lk in brokers if b in covered)
    return Action(
        kind="california_drop",
        lead=None,
        brokers=tuple(sorted(b.id for b in covered)),
        law=law.id if law is not None else None,
        steps=tuple(steps),
        impact=impact,
        effort=2,
        score=round(10 * impact - 2, 3),
    )


def build_plan(
    brokers: Iterable[tuple[Broker, Likelihood]], state: str | None, law: Law | None = None
) -> list[Action]:
    likely = [(b, lk) for b, lk in brokers if lk is Likelihood.LIKELY]
    groups: dict[tuple[object, ...], list[Action]] = {}
    for broker, likelihood in likely:
        action = _single(broker, likelihood, law)
        key: tuple[object, ...] = (action.kind, action.methods) if action.methods else (broker.id,)
        groups.setdefault(key, []).append(action)
    plan = [group[0] if len(group) == 1 else _merge(group) for group in groups.values()]
    if state == "CA":
        drop = _drop(likely, law)
        if drop is not None:
            plan.append(drop)
    return sorted(
        plan, key=lambda a: (a.kind == "no_consumer_route", -a.score, a.kind, a.lead or "")
    )
