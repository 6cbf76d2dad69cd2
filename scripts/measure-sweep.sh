#!/usr/bin/env bash
# ListUsers against the SearchUsers sweep, for instances of 500, 20,000 and 100,000 users:
# requests and response bytes of a full pass of each at its largest page size (1,000 and 500),
# read from `mock-server` over loopback, and the time each pass takes at the client's default
# rate limit (1.6 requests/s, burst 5, per operation), computed from the request count: the
# limiter, not the endpoint, decides that time (server time on loopback is printed beside it).
#
#   cargo build --release && scripts/measure-sweep.sh
#
# Environment: BIN (default target/release/connect-tui), SIZES (default "500 20000 100000";
# the mock's 31 demo users are part of each size).
set -euo pipefail

BIN=${BIN:-target/release/connect-tui}
SIZES=${SIZES:-500 20000 100000}
INSTANCE=40c83b68-ea62-414c-97bb-d018e39e158e
die() { echo "measure-sweep: $*" >&2; exit 1; }
[[ -x $BIN ]] || die "$BIN not found: run 'cargo build --release' first (or set BIN)"
command -v python3 >/dev/null || die "python3 is needed"

work=$(mktemp -d)
mock=
cleanup() {
    [[ -n $mock ]] && kill "$mock" 2>/dev/null && wait "$mock" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

printf '%-8s %-12s %8s %12s %14s %18s\n' users operation requests bytes "loopback ms" "at 1.6/s burst 5"
for size in $SIZES; do
    "$BIN" mock-server --users $((size - 31)) >"$work/mock.out" 2>&1 &
    mock=$!
    deadline=$((SECONDS + 300))
    until grep -q '^listening on ' "$work/mock.out"; do
        kill -0 "$mock" 2>/dev/null || die "mock-server exited: $(cat "$work/mock.out")"
        ((SECONDS < deadline)) || die "mock-server did not start"
        sleep 0.2
    done
    url=$(sed -n 's/^listening on //p' "$work/mock.out")
    python3 - "$url" "$INSTANCE" "$size" <<'PY'
import json, sys, time, urllib.parse, urllib.request

url, instance, size = sys.argv[1], sys.argv[2], int(sys.argv[3])

def at_default_limit(requests, rate=1.6, burst=5):
    return max(0, requests - burst) / rate

def run(name, fetch):
    token, requests, size_bytes, users = None, 0, 0, 0
    started = time.monotonic()
    while True:
        body, items, token = fetch(token)
        requests += 1
        size_bytes += len(body)
        users += items
        if not token:
            break
    ms = (time.monotonic() - started) * 1000
    print(f"{size:<8} {name:<12} {requests:>8} {size_bytes:>12,} {ms:>14.0f} {at_default_limit(requests):>16.1f} s"
          f"   ({users:,} users)")

def list_users(token):
    query = {"maxResults": 1000}
    if token:
        query["nextToken"] = token
    with urllib.request.urlopen(f"{url}/users-summary/{instance}?{urllib.parse.urlencode(query)}") as r:
        body = r.read()
    doc = json.loads(body)
    return body, len(doc["UserSummaryList"]), doc.get("NextToken")

def search_users(token):
    payload = {"InstanceId": instance, "MaxResults": 500}
    if token:
        payload["NextToken"] = token
    req = urllib.request.Request(f"{url}/search-users", data=json.dumps(payload).encode(),
                                 headers={"content-type": "application/json"}, method="POST")
    with urllib.request.urlopen(req) as r:
        body = r.read()
    doc = json.loads(body)
    return body, len(doc["Users"]), doc.get("NextToken")

run("ListUsers", list_users)
run("SearchUsers", search_users)
PY
    kill "$mock" && wait "$mock" 2>/dev/null || true
    mock=
done
