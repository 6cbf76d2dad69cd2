"""Runs many AWS CLI command lines in one Python process, for
tests/commands_vs_aws_cli/query_corpus.rs: each through `awscli.clidriver.create_clidriver().main`,
the `aws` entry point itself, with stdout and stderr captured. A fresh `aws` process costs
~0.5 s of CPU in start-up; this costs ~0.1 s a command line.

stdin: a JSON list of argument lists (without the leading `aws`).
stdout: a JSON list of {"code": exit code, "stdout": "...", "stderr": "..."}.
"""

import io
import json
import sys

from awscli.clidriver import create_clidriver


def run(argv):
    real = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = io.StringIO(), io.StringIO()
    try:
        code = create_clidriver().main(argv)
        return {"code": code, "stdout": sys.stdout.getvalue(), "stderr": sys.stderr.getvalue()}
    finally:
        sys.stdout, sys.stderr = real


def main():
    results = [run(argv) for argv in json.load(sys.stdin)]
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
