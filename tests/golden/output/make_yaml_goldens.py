"""Regenerates the YAML goldens for tests/output_vs_aws_cli.rs.

AWS CLI v2 (not installed here) writes `--output yaml` / `yaml-stream` with awscli.formatter's
YAMLDumper: ruamel.yaml `YAML(typ='safe')` with `default_flow_style = False`, top-level scalars
written with `json.dumps(..., ensure_ascii=False)` instead (so no `...` end marker), `{}`
printing nothing, and each yaml-stream page dumped as the one-item list `[page]`. v2 pins
ruamel.yaml <= 0.17.21 and bundles ruamel.yaml.clib, so the C (libyaml) emitter is the one used.

Run it in a scratch virtualenv with exactly those libraries:
    python3 -m venv /tmp/ruamel && /tmp/ruamel/bin/pip install ruamel.yaml==0.17.21 ruamel.yaml.clib==0.2.12
    /tmp/ruamel/bin/python tests/golden/output/make_yaml_goldens.py
It reads manifest.json (fixture, query, format, file) and rewrites each file; queries are
applied with the jmespath package (pip install jmespath==1.1.0) as the CLI does.
"""

import io
import json
import os

import jmespath
from ruamel.yaml import YAML

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "..", "fixtures", "output")

yaml = YAML(typ="safe")
yaml.default_flow_style = False
assert "CEmitter" in repr(yaml.Emitter), "install ruamel.yaml.clib: v2 uses the C emitter"


def dump(value):
    if isinstance(value, (dict, list)):
        out = io.StringIO()
        yaml.dump(value, out)
        return out.getvalue()
    return json.dumps(value, ensure_ascii=False) + "\n"


def render(value, fmt):
    if fmt == "yaml-stream":
        return dump([value])
    return "" if value == {} else dump(value)


with open(os.path.join(HERE, "manifest.json")) as f:
    manifest = json.load(f)
for case in manifest:
    with open(os.path.join(FIXTURES, case["fixture"] + ".json")) as f:
        value = json.load(f)
    if case["query"] is not None:
        value = jmespath.search(case["query"], value)
    with open(os.path.join(HERE, case["file"]), "w", encoding="utf-8", newline="\n") as f:
        f.write(render(value, case["format"]))
