"""Validation errors point at the line of the TOML file where the field is."""

from __future__ import annotations

from broker_catalog.locate import field_path, locate, parse_field_path

TEXT = """\
id = "x"
name = "X"

[[holdings]]
category = "a"

[[holdings]]
category = "b"
triggers = [{ fact = "f" }]

[opt_out]
available = "yes"

[[opt_out.methods]]
kind = "email"

[[opt_out.methods]]
kind = "web_form"
url = "http://x"
"""


def test_paths_render_and_parse_both_ways() -> None:
    loc = ("holdings", 1, "triggers", 0, "fact")
    assert field_path(loc) == "holdings[1].triggers[0].fact"
    assert parse_field_path("holdings[1].triggers[0].fact") == loc


def test_top_level_key() -> None:
    assert locate(TEXT, ("name",)) == 2


def test_key_inside_the_nth_array_table() -> None:
    assert locate(TEXT, ("holdings", 1, "category")) == 8


def test_inline_array_falls_back_to_the_key_line() -> None:
    assert locate(TEXT, ("holdings", 1, "triggers", 0, "fact")) == 9


def test_nested_array_of_tables() -> None:
    assert locate(TEXT, ("opt_out", "methods", 1, "url")) == 19


def test_a_missing_key_points_at_its_table() -> None:
    assert locate(TEXT, ("opt_out", "steps")) == 11


def test_nothing_found_is_none() -> None:
    assert locate(TEXT, ("nowhere",)) is None
