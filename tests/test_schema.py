"""The JSON Schema of the output record ships with the package and describes what we print."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from batch_support import SCHEMA, SEED, article, invoke, jsonl_records, make_tree
from click.testing import CliRunner

from articlecli.cli import main


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA.read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_schema_command_prints_the_shipped_schema() -> None:
    printed = CliRunner().invoke(main, ["schema"]).stdout
    assert json.loads(printed) == json.loads(SCHEMA.read_text("utf-8"))


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_parse_output_matches_the_schema(validator, fmt: str) -> None:
    printed = CliRunner().invoke(main, ["parse", str(SEED), "--format", fmt]).stdout
    validator.validate(json.loads(printed))


def test_batch_outputs_match_the_schema(validator, tmp_path: Path) -> None:
    scrapes = tmp_path / "scrapes"
    make_tree(scrapes)
    (scrapes / "crawl.jsonl").write_text(json.dumps({"id": 3, "url": "https://e.org/x", "text": article("it")}) + "\n")
    out = tmp_path / "clean"
    result = invoke(str(scrapes), "-o", str(out), "--jsonl", "-", "-j", "2")
    records = jsonl_records(result.stdout)
    assert len(records) == 5 and records[2]["record"] == 1
    for record in records:
        validator.validate(record)
    for path in out.rglob("*.json"):
        validator.validate(json.loads(path.read_text("utf-8")))


def test_the_schema_rejects_a_wrong_shape(validator) -> None:
    record = json.loads(CliRunner().invoke(main, ["parse", str(SEED)]).stdout)
    record["published"] = "14 December 2024"
    assert not validator.is_valid(record)
