"""The committed JSON Schema of a broker record, generated from the pydantic models.

Editors use it to check TOML as it is typed (e.g. with taplo), and other tools can read the
catalog without Python. A test fails when the committed file drifts from the models.
"""

from __future__ import annotations

import json
from pathlib import Path

from broker_catalog.schema import Broker

SCHEMA_FILE = Path(__file__).parent / "schema" / "broker.schema.json"


def broker_json_schema() -> str:
    schema = Broker.model_json_schema(mode="validation")
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
