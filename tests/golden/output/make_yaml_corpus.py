"""Writes yaml_corpus.json: seeded random strings in every YAML position, with the bytes AWS CLI
v2's dumper (ruamel.yaml 0.17.21 + clib, `YAML(typ='safe')`, block style) writes for them.

It exercises what a small port can get wrong: quoting decisions (indicators, implicit types,
leading/trailing blanks, line breaks, tabs, non-BMP characters), escapes, and folding of long
lines at column 80 in plain, single- and double-quoted scalars at several indentations.
Run as make_yaml_goldens.py says (a scratch virtualenv with ruamel.yaml and its clib).
"""

import io
import json
import os
import random

from ruamel.yaml import YAML

yaml = YAML(typ="safe")
yaml.default_flow_style = False
assert "CEmitter" in repr(yaml.Emitter), "install ruamel.yaml.clib: v2 uses the C emitter"

rng = random.Random(8080)
PIECES = ["word", "a", "Jane", "zoë", "桌子", "😀", " ", "  ", "\t", "\n", ":", ": ", " #", "#",
          "-", "- ", "'", '"', "\\", ",", "[", "]", "{", "}", "?", "!", "&", "*", "|", ">",
          "%", "@", "`", "\u00a0", "\u2028", "\x07", "\x1b", "\x85", "\ufeff", "0", "12",
          "1.5", "true", "null", "~", "2024-05-01", "x" * 30]


def text():
    n = rng.choice([1, 2, 3, 5, 8, 20, 40])
    return "".join(rng.choice(PIECES) for _ in range(n))


def dump(value):
    out = io.StringIO()
    yaml.dump(value, out)
    return out.getvalue()


cases = []
for i in range(400):
    s = text()
    where = i % 4
    if where == 0:
        value = {"Key": s}
    elif where == 1:
        value = [s]
    elif where == 2:
        value = {"Outer": {"Inner": [s, {"Deep": s}]}}
    else:
        value = {s: "v"} if s else {"": s}
    cases.append({"value": value, "yaml": dump(value)})

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "yaml_corpus.json")
with open(path, "w", encoding="utf-8") as f:
    json.dump(cases, f, indent=1, ensure_ascii=True)
    f.write("\n")
