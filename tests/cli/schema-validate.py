# SPDX-License-Identifier: EUPL-1.2
"""Validate JSON or YAML documents against a JSON Schema (draft 2020-12),
with Debian's python3-jsonschema: the test of 'opname schema' (t5040).

usage: schema-validate.py SCHEMA [--yaml | --lines] FILE...
  --yaml   each FILE is one YAML document (a case file)
  --lines  each FILE holds one JSON document per line (batch output)
Prints 'FILE[:LINE]: valid' or 'FILE[:LINE]: invalid: why' for each.
Exit status 0 when all are valid, 1 when any is not, 2 on bad usage."""
import json
import sys

import jsonschema


def documents(path, mode):
    with open(path, encoding="utf-8") as f:
        if mode == "--yaml":
            import yaml
            yield path, yaml.safe_load(f)
        elif mode == "--lines":
            for n, line in enumerate(f, 1):
                if line.strip():
                    yield "%s:%d" % (path, n), json.loads(line)
        else:
            yield path, json.load(f)


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    v = jsonschema.Draft202012Validator(schema)
    mode = argv[2] if argv[2] in ("--yaml", "--lines") else None
    ok = True
    for path in argv[3:] if mode else argv[2:]:
        for name, doc in documents(path, mode):
            errors = sorted(v.iter_errors(doc), key=lambda e: list(e.path))
            if errors:
                ok = False
                print("%s: invalid: %s" % (name, errors[0].message))
            else:
                print("%s: valid" % name)
    return 0 if ok else 1


sys.exit(main(sys.argv))
