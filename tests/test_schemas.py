from __future__ import annotations

import socket
from decimal import Decimal

import pytest
import referencing.exceptions

from appcheck import schemas


def test_every_shipped_schema_resolves_offline(monkeypatch) -> None:
    def no_network(*args, **kwargs):
        raise AssertionError("a schema reached for the network")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    registry = schemas.registry()
    for name, contents in schemas.shipped().items():
        assert contents["$schema"] == "https://json-schema.org/draft/2020-12/schema", name
        validator = schemas.Validator(contents, registry=registry, format_checker=schemas.FORMAT_CHECKER)
        _walk_refs(validator, contents)


def _walk_refs(validator, node) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                validator._resolver.lookup(value)
            else:
                _walk_refs(validator, value)
    elif isinstance(node, list):
        for item in node:
            _walk_refs(validator, item)


def test_unknown_reference_is_not_fetched() -> None:
    with pytest.raises(referencing.exceptions.Unresolvable):
        schemas.registry().resolver().lookup("https://example.com/other.json")


def test_schemas_are_read_as_decimals() -> None:
    money = schemas.shipped()["defs.json"]["$defs"]["money"]
    assert isinstance(money["multipleOf"], Decimal)


def validate(schema: dict, instance) -> list:
    return list(schemas.Validator(schema, format_checker=schemas.FORMAT_CHECKER).iter_errors(instance))


@pytest.mark.parametrize("value,ok", [(Decimal("150"), True), (Decimal("150.0001"), True), (Decimal("150.00001"), False), (Decimal("0.3"), True), (0.3, True), (Decimal("1E+2"), True)])
def test_multiple_of_is_exact(value, ok) -> None:
    assert (validate({"multipleOf": Decimal("0.0001")}, value) == []) == ok


@pytest.mark.parametrize("value,ok", [(Decimal("3"), True), (Decimal("3.0"), True), (Decimal("3.5"), False), (3, True), (True, False), (Decimal("1E+3"), True)])
def test_integral_decimals_are_integers(value, ok) -> None:
    assert (validate({"type": "integer"}, value) == []) == ok


@pytest.mark.parametrize("pattern,value,ok", [
    ("^[a-z]+$", "abc\n", False), ("^[a-z]+$", "abc", True), ("^\\d{4}$", "２０２５", False), ("^\\d{4}$", "2025", True),
    ("^[\\d-]+$", "20-25", True), ("^[^\\d]+$", "abc", True), ("a$", "ba", True),
])
def test_patterns_are_ecma_262(pattern, value, ok) -> None:
    assert (validate({"pattern": pattern}, value) == []) == ok


def test_ids_and_dates_in_the_shipped_definitions() -> None:
    defs = schemas.shipped()["defs.json"]["$defs"]
    assert validate(defs["id"], "abc\n") and not validate(defs["id"], "abc-1")
    assert validate(defs["date"], "２０２５-01-01") and validate(defs["date"], "2025-02-30") and not validate(defs["date"], "2024-02-29")


def test_enum_and_minimum_on_decimals() -> None:
    assert validate({"enum": [1, 2]}, Decimal("2")) == []
    assert validate({"minimum": Decimal(0)}, Decimal("-0.0001"))
