#!/usr/bin/python3
"""Validates HTTP responses against an OpenAPI 3.1 document, for the test suite.

usage: validate_openapi.py SPEC RESPONSES.jsonl

Each line of RESPONSES is {"path", "method", "status", "content_type", "body"}: the status must be
documented for that path and method, with that media type, and a JSON body must be valid against
the response's schema (JSON Schema 2020-12, references resolved inside SPEC). Exit status: 0 when
every response is valid, 1 when one is not (each problem is printed), 2 on a usage error.
"""
import json
import sys

import jsonschema


def media_entry(content, content_type):
    media = content_type.split(";")[0].strip().lower()
    if media in content:
        return content[media]
    top = media.split("/")[0] + "/*"
    return content.get(top)


def check(spec, resolver, response):
    name = f'{response["method"].upper()} {response["path"]} {response["status"]}'
    operation = spec["paths"].get(response["path"], {}).get(response["method"].lower())
    if operation is None:
        return [f"{name}: the path and method are not in the document"]
    documented = operation["responses"].get(str(response["status"]))
    if documented is None:
        return [f"{name}: the status is not documented"]
    entry = media_entry(documented.get("content", {}), response["content_type"])
    if entry is None:
        return [f'{name}: media type {response["content_type"]} is not documented']
    if not response["content_type"].startswith("application/json"):
        return []
    validator = jsonschema.Draft202012Validator(entry["schema"], resolver=resolver)
    return [f"{name}: {'/'.join(str(p) for p in e.absolute_path) or '(root)'}: {e.message[:300]}"
            for e in validator.iter_errors(response["body"])]


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[0], encoding="utf-8") as f:
        spec = json.load(f)
    resolver = jsonschema.RefResolver.from_schema(spec)
    problems = []
    with open(argv[1], encoding="utf-8") as f:
        for line in f:
            if line.strip():
                problems += check(spec, resolver, json.loads(line))
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
