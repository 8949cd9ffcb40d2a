"""An audit as the JSON document `exposure audit --json` prints (docs/json-output.md).

The result's codes and parameters are kept, for programs; each message also carries its
rendered sentence (``text``, ``title``), for scripts that only want to show it.
"""

from __future__ import annotations

import json
from typing import Any

from exposure.engine.result import Audit
from exposure.render.wording import Wording

FORMAT = "exposure-audit"
VERSION = 2


def audit_document(audit: Audit, words: Wording) -> dict[str, Any]:
    data = audit.model_dump(mode="json")
    for broker, result in zip(data["brokers"], audit.brokers, strict=True):
        for reason, found in zip(broker["reasons"], result.reasons, strict=True):
            reason["text"] = words.reason(found)
    for action, planned in zip(data["plan"], audit.plan, strict=True):
        action["title"] = words.title(planned)
        for step, message in zip(action["steps"], planned.steps, strict=True):
            step["text"] = words.step(message)
    for group in data["groups"]:
        group["name"] = words.group_name(group["id"])
    for source, concern in zip(data["government"], audit.government, strict=True):
        source["text"] = words.government(concern)
        for reason, given in zip(source["reasons"], concern.reasons, strict=True):
            reason["text"] = words.reason(given)
    c = audit.counts
    return {
        "format": FORMAT,
        "version": VERSION,
        "headline": words.headline(audit),
        "based_on": words.based_on(audit),
        "cannot_know_text": words.cannot_know(audit),
        "not_assessed": c.not_assessed,
        "estimated": {
            "total": c.estimated,
            "researched_record": c.researched,
            "registry_filing": c.registry_filing,
            "not_estimated": c.not_assessed,
        },
        **data,
    }


def audit_json(audit: Audit, words: Wording) -> str:
    return json.dumps(audit_document(audit, words), indent=2, ensure_ascii=False)
