#!/usr/bin/env bash
# connect-tui vs the AWS CLI, side by side in one run, against the same local endpoint
# (`connect-tui mock-server`):
#
#   cargo build --release && scripts/bench-vs-aws-cli.sh [RUNS]
#
#   1. raw 20k       list-users --output json, 20,031 users, nothing throttled;
#                    connect-tui with --max-rps 1000/1000 (its own speed, limiter out of the way);
#                    again against the AWS CLI with --page-size 1000 (the same 21 requests)
#   2. quota 5k      list-users, 5,031 users, the endpoint enforcing Connect's default quota
#                    (`--throttle 2/5`: 2 requests/s, burst 5, per operation); both tools'
#                    defaults. The AWS CLI pages by 100 (51 requests), connect-tui by 1,000 (6)
#   3. quota 20k     the same with 20,031 users (201 requests against 21)
#   4. shared 5k     as 2, while an AWS CLI loop lists users from the same endpoint, so both
#                    share the quota: connect-tui must succeed every time with every user
#                    exactly once; the AWS CLI's failures are counted
#   5. describe-user one DescribeUser, process start to exit
#   6. live          the record's reads as commands, process start to exit: get-current-user-data
#                    for the demo's five pinned agents, list-routing-profile-queues (8 queues),
#                    list-security-profile-permissions (29), list-queues (10)
#
# For each: the median wall time of each tool, the ratio, and the 429s each tool was answered
# (from the endpoint's request log, told apart by the User-Agent each tool sends). Between
# timed runs at the quota the script waits until the endpoint's buckets are full again (that
# wait is set-up, not measured). Uses hyperfine when installed, a timing loop otherwise.
# Environment: BIN (default target/release/connect-tui), AWS (default aws), RUNS (argument,
# default 3), SCENARIOS (default "raw quota5k quota20k shared describe live").
set -euo pipefail

RUNS=${1:-3}
BIN=${BIN:-target/release/connect-tui}
AWS=${AWS:-aws}
INSTANCE=40c83b68-ea62-414c-97bb-d018e39e158e
JANE=0c245dc0-0cf5-4e37-800e-2a7481cc8a60
# Time for a 5-request bucket at 2/s to fill up again, with a margin.
REFILL_SECONDS=3

die() { echo "bench-vs-aws-cli: $*" >&2; exit 1; }
[[ -x $BIN ]] || die "$BIN not found: run 'cargo build --release' first (or set BIN)"
command -v "$AWS" >/dev/null || die "the AWS CLI ($AWS) is not installed"

work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
    rm -rf "$work"
}
trap cleanup EXIT

# Fake credentials and a minimal config: both clients sign requests to the local endpoint only.
export HOME=$work AWS_CONFIG_FILE=$work/config AWS_SHARED_CREDENTIALS_FILE=$work/credentials
export AWS_ACCESS_KEY_ID=AKIDEXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY
export AWS_DEFAULT_REGION=us-east-1 AWS_PAGER="" PYTHONUTF8=1
unset AWS_PROFILE AWS_DEFAULT_PROFILE AWS_SESSION_TOKEN CONNECT_TUI_MAX_RPS
# ISO 8601 timestamps, as AWS CLI v2 prints them (v1's default prints the raw numbers):
# connect-tui follows the profile's setting too, so both outputs can be compared byte for byte.
printf '[default]\ncli_timestamp_format = iso8601\n' >"$work/config"

# start_mock NAME ARGS...: a mock-server with a request log $work/NAME.jsonl; sets $url.
start_mock() {
    local name=$1
    shift
    : >"$work/$name.out"
    "$BIN" mock-server --request-log "$work/$name.jsonl" "$@" >"$work/$name.out" 2>&1 &
    pids+=($!)
    local deadline=$((SECONDS + 60))
    until grep -q '^listening on ' "$work/$name.out"; do
        kill -0 "${pids[-1]}" 2>/dev/null || die "mock-server exited: $(cat "$work/$name.out")"
        ((SECONDS < deadline)) || die "mock-server did not start within 60 s"
        sleep 0.1
    done
    url=$(sed -n 's/^listening on //p' "$work/$name.out")
    log=$work/$name.jsonl
}

# throttled_by AGENT FROM: 429s in $log since line FROM answered to AGENT's requests (the
# start of the User-Agent); the competing caller's requests are left out.
throttled_by() {
    tail -n +"$(($2 + 1))" "$log" | grep '"status":429' | grep "\"agent\":\"$1" |
        grep -vc "exec-env/competing-caller" || true
}

# median N...: the median of whole numbers.
median() {
    printf '%s\n' "$@" | sort -n |
        awk '{ t[NR] = $1 } END { print (NR % 2) ? t[(NR + 1) / 2] : int((t[NR / 2] + t[NR / 2 + 1]) / 2) }'
}

# median_ms CMD...: the median wall time of RUNS runs of CMD (stdout discarded), in ms.
median_ms() {
    local prepare=${PREPARE:-true}
    if command -v hyperfine >/dev/null; then
        hyperfine --style none --shell=none --runs "$RUNS" --prepare "$prepare" \
            --export-csv "$work/t.csv" --output=null "$*" >/dev/null
        # Columns: command,mean,stddev,median,user,system,min,max (seconds); counted from
        # the end, as a command with commas in it is quoted and splits into more fields.
        awk -F, 'NR == 2 { printf "%.0f", $(NF - 4) * 1000 }' "$work/t.csv"
    else
        local times=()
        for ((r = 0; r < RUNS; r++)); do
            $prepare
            local start
            start=$(date +%s%N)
            "$@" >/dev/null
            times+=($((($(date +%s%N) - start) / 1000000)))
        done
        median "${times[@]}"
    fi
}

rows=()
# compare NAME "OURS" "THEIRS": one checked run of each (429s counted), then the timings.
compare() {
    local name=$1 ours=$2 theirs=$3
    local from ours_429 theirs_429
    from=$(wc -l <"$log")
    $ours >"$work/ours.out" || die "$name: failed: $ours"
    ours_429=$(throttled_by aws-sdk-rust "$from")
    ${PREPARE:-true}
    from=$(wc -l <"$log")
    $theirs >"$work/theirs.out" || die "$name: failed: $theirs"
    theirs_429=$(throttled_by aws-cli "$from")
    cmp -s "$work/ours.out" "$work/theirs.out" || die "$name: the outputs differ"
    local ours_ms theirs_ms
    ours_ms=$(median_ms $ours)
    theirs_ms=$(median_ms $theirs)
    rows+=("$(printf '%-14s %12s %12s %8s %10s %10s' "$name" "$ours_ms" "$theirs_ms" \
        "$(awk -v a="$theirs_ms" -v b="$ours_ms" 'BEGIN { printf "%.1fx", a / (b > 0 ? b : 1) }')" \
        "$ours_429" "$theirs_429")")
    echo "${rows[-1]}" >&2
}

list() { echo "list-users --instance-id $INSTANCE --endpoint-url $url --output json"; }

echo "connect-tui: $BIN; $("$AWS" --version 2>&1); ${RUNS} runs each" >&2
echo "timing with $(command -v hyperfine >/dev/null && hyperfine --version || echo 'a shell loop')" >&2

# shared NAME "OURS" "THEIRS": RUNS timed runs of each while the competing caller runs;
# connect-tui must succeed every time with every user exactly once; the AWS CLI's failures
# are counted, not fatal (that is what sharing a quota does to it).
shared() {
    local name=$1 ours=$2 theirs=$3
    local ours_times=() theirs_times=() ours_429=0 theirs_429=0 theirs_failed=0
    for ((r = 0; r < RUNS; r++)); do
        sleep "$REFILL_SECONDS"
        local from start users
        from=$(wc -l <"$log")
        start=$(date +%s%N)
        $ours >"$work/ours.out" || die "$name: connect-tui failed: $ours"
        ours_times+=($((($(date +%s%N) - start) / 1000000)))
        users=$(grep -o '"Id": "[^"]*"' "$work/ours.out" | sort -u | wc -l)
        [[ $users == "$(grep -c '"Id": ' "$work/ours.out")" && $users -gt 5000 ]] ||
            die "$name: connect-tui listed $users distinct users, some twice or missing"
        ours_429=$((ours_429 + $(throttled_by aws-sdk-rust "$from")))
        sleep "$REFILL_SECONDS"
        from=$(wc -l <"$log")
        start=$(date +%s%N)
        $theirs >/dev/null 2>"$work/theirs.err" || theirs_failed=$((theirs_failed + 1))
        theirs_times+=($((($(date +%s%N) - start) / 1000000)))
        theirs_429=$((theirs_429 + $(throttled_by aws-cli "$from")))
    done
    local ours_ms theirs_ms
    ours_ms=$(median "${ours_times[@]}")
    theirs_ms=$(median "${theirs_times[@]}")
    rows+=("$(printf '%-14s %12s %12s %8s %10s %10s  AWS CLI failed %s of %s' "$name" "$ours_ms" \
        "$theirs_ms" "$(awk -v a="$theirs_ms" -v b="$ours_ms" 'BEGIN { printf "%.1fx", a / (b > 0 ? b : 1) }')" \
        "$ours_429" "$theirs_429" "$theirs_failed" "$RUNS")")
    echo "${rows[-1]}" >&2
}

want() { [[ " ${SCENARIOS:-raw quota5k quota20k shared describe live} " == *" $1 "* ]]; }

if want raw; then
    start_mock raw --users 20000
    compare "raw 20k" "$BIN $(list) --max-rps 1000/1000" "$AWS connect $(list)"
    # The same 21 requests on both sides: how much of the gap is page size.
    compare "raw 20k p1000" "$BIN $(list) --max-rps 1000/1000" \
        "$AWS connect $(list) --page-size 1000"
fi
if want quota5k; then
    start_mock quota5k --users 5000 --throttle 2/5
    PREPARE="sleep $REFILL_SECONDS" compare "quota 5k" "$BIN $(list)" "$AWS connect $(list)"
fi
if want quota20k; then
    start_mock quota20k --users 20000 --throttle 2/5
    PREPARE="sleep $REFILL_SECONDS" compare "quota 20k" "$BIN $(list)" "$AWS connect $(list)"
fi
if want shared; then
    start_mock shared --users 5000 --throttle 2/5
    # The competing caller: another admin's script listing users over and over.
    # AWS_EXECUTION_ENV marks its User-Agent, so its 429s are not counted as the measured CLI's.
    (while :; do
        AWS_EXECUTION_ENV=competing-caller "$AWS" connect $(list) >/dev/null 2>&1 || true
    done) &
    pids+=($!)
    shared "shared 5k" "$BIN $(list)" "$AWS connect $(list)"
    kill "${pids[-1]}" 2>/dev/null || true
fi
if want describe; then
    start_mock describe
    compare "describe-user" \
        "$BIN describe-user --instance-id $INSTANCE --user-id $JANE --endpoint-url $url" \
        "$AWS connect describe-user --instance-id $INSTANCE --user-id $JANE --endpoint-url $url"
fi
if want live; then
    start_mock live
    pinned="Agents=$JANE,ccdf22a2-6cee-486f-b7d8-1daa5bc20f26,68f66aa5-2e69-4828-b758-386a208b3419"
    pinned+=",68e6850a-c2f1-4c19-adf4-7a52d02842ee,5a71f6e0-a5a5-46f1-951c-c30fc2d2ed29"
    for read in "get-current-user-data --filters $pinned" \
        "list-routing-profile-queues --routing-profile-id 2f6e3fb9-d962-4fed-9a52-290ff3aa40a5" \
        "list-security-profile-permissions --security-profile-id c2f6ea45-abae-4d04-95ee-a66b8ff32338" \
        "list-queues"; do
        args="$read --instance-id $INSTANCE --endpoint-url $url --output json"
        compare "${read%% *}" "$BIN $args" "$AWS connect $args"
    done
fi

echo
printf '%-14s %12s %12s %8s %10s %10s\n' "" "connect-tui" "AWS CLI" "ratio" "429s ours" "429s aws"
printf '%-14s %12s %12s %8s %10s %10s\n' "(median ms)" "" "" "" "" ""
printf '%s\n' "${rows[@]}"
echo "goal: ratio >= 20x; no 429 for connect-tui when alone"
