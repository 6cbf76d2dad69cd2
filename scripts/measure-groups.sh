#!/usr/bin/env bash
# Hierarchy paths from one SearchUserHierarchyGroups listing against its fallback (names from
# ListUserHierarchyGroups, paths from one DescribeUserHierarchyGroup per group): `export-users`
# at the client's default rate limit (1.6 requests/s, burst 5, per operation) for the demo
# instance with 505 more groups (5 regions × 10 sites × 9 teams; 515 in all) and 5,000
# generated users among them, once with the search allowed and once denied by the data file
# (`DeniedOperations`). Prints rows, wall time and the requests per operation (status) from
# the mock's request log.
#
#   cargo build && BIN=target/debug/connect-tui scripts/measure-groups.sh
#
# Environment: BIN (default target/release/connect-tui).
set -euo pipefail

BIN=${BIN:-target/release/connect-tui}
INSTANCE=40c83b68-ea62-414c-97bb-d018e39e158e
die() { echo "measure-groups: $*" >&2; exit 1; }
[[ -x $BIN ]] || die "$BIN not found: run 'cargo build --release' first (or set BIN)"
command -v python3 >/dev/null || die "python3 is needed"

work=$(mktemp -d)
mock=
cleanup() {
    [[ -n $mock ]] && kill "$mock" 2>/dev/null && wait "$mock" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

python3 - "$INSTANCE" "$work" assets/demo.json <<'PY'
import json, sys
instance, work, demo = sys.argv[1], sys.argv[2], sys.argv[3]
data = json.load(open(demo))
home = next(i for i in data["Instances"] if i["Instance"]["Id"] == instance)
groups = home["HierarchyGroups"]
for r in range(1, 6):
    groups.append({"Id": f"r{r}", "Name": f"Region {r}"})
    for s in range(1, 11):
        groups.append({"Id": f"r{r}s{s}", "Name": f"Site {r}.{s}", "ParentGroupId": f"r{r}"})
        for t in range(1, 10):
            groups.append({"Id": f"r{r}s{s}t{t}", "Name": f"Team {r}.{s}.{t}",
                           "ParentGroupId": f"r{r}s{s}"})
json.dump(data, open(f"{work}/search.json", "w"))
home["DeniedOperations"] = ["SearchUserHierarchyGroups"]
json.dump(data, open(f"{work}/fallback.json", "w"))
print(f"{len(groups)} hierarchy groups")
PY

export AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=x AWS_DEFAULT_REGION=us-west-2
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
unset AWS_PROFILE AWS_SESSION_TOKEN AWS_CA_BUNDLE
for variant in search fallback; do
    "$BIN" mock-server --data "$work/$variant.json" --users 5000 \
        --request-log "$work/$variant.jsonl" >"$work/mock.out" 2>&1 &
    mock=$!
    deadline=$((SECONDS + 300))
    until grep -q '^listening on ' "$work/mock.out"; do
        kill -0 "$mock" 2>/dev/null || die "mock-server exited: $(cat "$work/mock.out")"
        ((SECONDS < deadline)) || die "mock-server did not start"
        sleep 0.2
    done
    url=$(sed -n 's/^listening on //p' "$work/mock.out")
    started=$(date +%s.%N)
    "$BIN" export-users --endpoint-url "$url" --instance-id "$INSTANCE" --format jsonl \
        >"$work/$variant.out" 2>"$work/$variant.err" || die "export-users: $(cat "$work/$variant.err")"
    ended=$(date +%s.%N)
    kill "$mock" && wait "$mock" 2>/dev/null || true
    mock=
    python3 - "$variant" "$started" "$ended" "$work" <<'PY'
import collections, json, sys
variant, started, ended, work = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
rows = sum(1 for _ in open(f"{work}/{variant}.out"))
log = [json.loads(line) for line in open(f"{work}/{variant}.jsonl")]
counts = collections.Counter(f"{e['op']} ({e['status']})" for e in log)
print(f"{variant}: {rows:,} rows in {ended - started:.1f} s, {len(log)} requests")
for op, n in sorted(counts.items()):
    print(f"  {n:>5}  {op}")
PY
done
