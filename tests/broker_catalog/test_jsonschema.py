"""The committed JSON Schema is exactly what the models generate."""

from __future__ import annotations

import json

from broker_catalog.jsonschema import (
    GOVERNMENT_SCHEMA_FILE,
    SCHEMA_FILE,
    broker_json_schema,
    government_json_schema,
)


def test_committed_json_schema_matches_the_models() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == broker_json_schema(), (
        "broker_catalog/schema/broker.schema.json is out of date with schema.py; "
        "regenerate it with: python -m exposure.regenerate"
    )


def test_json_schema_describes_a_broker_record() -> None:
    schema = json.loads(broker_json_schema())
    assert schema["title"] == "Broker"
    assert {"id", "name", "quality", "last_verified", "sources"} <= set(schema["required"])


def test_committed_government_schema_matches_the_model() -> None:
    assert GOVERNMENT_SCHEMA_FILE.read_text(encoding="utf-8") == government_json_schema(), (
        "broker_catalog/schema/government.schema.json is out of date; "
        "regenerate it with: python -m exposure.regenerate"
    )
