"""The committed JSON Schema of a broker record, generated from the pydantic models.

Editors use it to check TOML as it is typed (e.g. with taplo), and other tools can read the
catalog without Python. A test fails when the committed file drifts from the models.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from broker_catalog.government_schema import GovernmentSource
from broker_catalog.schema import Broker

SCHEMA_FILE = Path(__file__).parent / "schema" / "broker.schema.json"
GOVERNMENT_SCHEMA_FILE = Path(__file__).parent / "schema" / "government.schema.json"


def _json_schema(model: type[BaseModel]) -> str:
    schema = model.model_json_schema(mode="validation")
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def broker_json_schema() -> str:
    return _json_schema(Broker)


def government_json_schema() -> str:
    """For ``government/*.toml``: a government data source record."""
    return _json_schema(GovernmentSource)
