#!/usr/bin/env python3
"""Generates assets/skeletons/ from the Connect API model, the way the AWS CLI builds its
--generate-cli-skeleton output, so connect-tui can print them without Python at run time.

    python3 scripts/generate_skeletons.py [path/to/connect-2017-08-08.service-2.json]

Needs botocore (ships with the AWS CLI) and ruamel.yaml (what AWS CLI v2 writes YAML with).
- <command>.input.json: botocore's ArgumentGenerator, dumped with indent=4 as the CLI does.
  botocore picks enum values at random; here the first value is used so the file is stable.
- <command>.yaml-input.yaml: AWS CLI v2's YAMLArgumentGenerator (member comments with
  [REQUIRED], the first paragraph of the member's documentation and its enum values).
- <command>.output.json: ArgumentGenerator(use_member_names=True) on the output shape; the
  timestamp placeholder is the naive datetime 1970-01-01T00:00:00 as the CLI prints it.
- output-errors.json: for the commands whose sample response breaks its own shape's
  constraints (a 0 where the model's minimum is 1), botocore's validation report: the AWS
  CLI validates the stubbed response and prints that instead of the skeleton.
"""

import datetime
import json
import pathlib
import random
import sys

from botocore.docs.bcdoc.restdoc import ReSTDocument
from botocore.model import ServiceModel
from botocore.utils import ArgumentGenerator
from botocore.validate import ParamValidator
from ruamel.yaml import YAML

COMMANDS = {
    "describe-user": "DescribeUser",
    "list-users": "ListUsers",
    "list-instances": "ListInstances",
    "search-users": "SearchUsers",
    "get-current-user-data": "GetCurrentUserData",
    "list-agent-statuses": "ListAgentStatuses",
    "list-routing-profile-queues": "ListRoutingProfileQueues",
    "describe-routing-profile": "DescribeRoutingProfile",
    "list-queues": "ListQueues",
    "list-security-profile-permissions": "ListSecurityProfilePermissions",
    "list-user-proficiencies": "ListUserProficiencies",
}

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEFAULT_MODEL = ROOT.parent / "shared" / "spec" / "connect-2017-08-08.service-2.json"


def first_enum_value(values):
    return values[0]


def doc_overview(shape):
    """The first paragraph of a member's documentation as plain text."""
    doc = ReSTDocument()
    doc.include_doc_string(shape.documentation)
    text = doc.getvalue().decode("utf-8")
    paragraphs = [p for p in text.strip().split("\n\n") if p.strip()]
    if not paragraphs:
        return ""
    return " ".join(line.strip() for line in paragraphs[0].splitlines()).strip()


class YAMLArgumentGenerator(ArgumentGenerator):
    def __init__(self, yaml):
        super().__init__()
        self._yaml = yaml

    def _generate_type_structure(self, shape, stack):
        skeleton = self._yaml.map()
        if stack.count(shape.name) > 1:
            return skeleton
        for member_name, member_shape in shape.members.items():
            skeleton[member_name] = self._generate_skeleton(
                member_shape, stack, name=member_name
            )
            parts = []
            if member_name in shape.required_members:
                parts.append("[REQUIRED]")
            parts.append(doc_overview(member_shape))
            if getattr(member_shape, "enum", None):
                parts.append("Valid values are: %s." % ", ".join(member_shape.enum))
            comment = " ".join(parts)
            if comment and not comment.isspace():
                skeleton.yaml_add_eol_comment("# " + comment, member_name)
        return skeleton

    def _generate_type_map(self, shape, stack):
        return dict(super()._generate_type_map(shape, stack))


def json_default(value):
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    raise TypeError(value)


def main():
    model_path = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_MODEL
    model = ServiceModel(json.loads(model_path.read_text()), service_name="connect")
    random.choice = first_enum_value  # botocore's ArgumentGenerator picks enums at random
    out_dir = ROOT / "assets" / "skeletons"
    out_dir.mkdir(parents=True, exist_ok=True)
    output_errors = {}
    for command, operation in COMMANDS.items():
        op = model.operation_model(operation)
        skeleton = ArgumentGenerator().generate_skeleton(op.input_shape)
        (out_dir / f"{command}.input.json").write_text(
            json.dumps(skeleton, indent=4, default=json_default) + "\n"
        )
        yaml = YAML()
        with open(out_dir / f"{command}.yaml-input.yaml", "w") as f:
            yaml.dump(YAMLArgumentGenerator(yaml).generate_skeleton(op.input_shape), f)
        output = ArgumentGenerator(use_member_names=True).generate_skeleton(op.output_shape)
        (out_dir / f"{command}.output.json").write_text(
            json.dumps(output, indent=4, default=json_default) + "\n"
        )
        report = ParamValidator().validate(output, op.output_shape)
        if report.has_errors():
            output_errors[command] = report.generate_report()
    (out_dir / "output-errors.json").write_text(
        json.dumps(output_errors, indent=4, sort_keys=True) + "\n"
    )


if __name__ == "__main__":
    main()
