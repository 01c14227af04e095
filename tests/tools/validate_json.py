#!/usr/bin/python3
"""Validates JSON documents against a JSON Schema (draft-04 or 2020-12), for the test suite.

usage: validate_json.py SCHEMA [--def NAME] FILE...

With --def NAME the documents are checked against SCHEMA's $defs/NAME (or definitions/NAME).
A FILE ending in .jsonl holds one document per line. Exit status: 0 when every document is
valid, 1 when one is not (each error is printed with its JSON path), 2 on a usage error.
"""
import json
import sys

import jsonschema


def load_documents(path):
    with open(path, encoding="utf-8") as f:
        if path.endswith(".jsonl"):
            return [(f"{path}:{n}", json.loads(line)) for n, line in enumerate(f, 1) if line.strip()]
        return [(path, json.load(f))]


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    schema_path, rest = argv[0], argv[1:]
    definition = None
    if rest and rest[0] == "--def":
        if len(rest) < 3:
            print(__doc__, file=sys.stderr)
            return 2
        definition, rest = rest[1], rest[2:]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    validator_class = jsonschema.validators.validator_for(schema)
    if definition:
        key = "$defs" if "$defs" in schema else "definitions"
        pointer = f"#/{key}/{definition}"
        target = dict(schema)
        target["$ref"] = pointer
        for k in ("properties", "required", "type", "additionalProperties"):
            target.pop(k, None)
        schema = target
    validator = validator_class(schema)
    failures = 0
    for name, doc in (d for path in rest for d in load_documents(path)):
        for error in validator.iter_errors(doc):
            failures += 1
            location = "/".join(str(p) for p in error.absolute_path) or "(root)"
            print(f"{name}: {location}: {error.message[:300]}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
