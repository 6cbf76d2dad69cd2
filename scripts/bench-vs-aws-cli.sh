#!/usr/bin/env bash
# connect-tui list-users vs aws connect list-users: the same 20,000 users from the same local
# endpoint (`connect-tui mock-server --users 20000`), wall time of each, and the ratio.
#
#   cargo build --release && scripts/bench-vs-aws-cli.sh [RUNS]
#
# Measures three connect-tui runs:
#   - default:      the polite client-side rate limit (1.6 requests/s, burst 5 per operation);
#   - raised limit: --max-rps $OUR_RPS (default 1000/1000: our own speed, limiter out of the way);
# and the AWS CLI as people run it (its default page size), plus with --page-size 1000 to show
# how much of the gap is page size. Uses hyperfine when it is installed, a timing loop
# otherwise; prints the median of RUNS runs (default 5) and the requests each command sent
# (read from the endpoint's request log). Environment: BIN (default target/release/connect-tui),
# USERS (default 20000), AWS (default aws), THROTTLE_RPS (make the endpoint answer 429 above this
# account-wide rate, as a real account's quota would; default: no throttling), OUR_RPS.
set -euo pipefail

RUNS=${1:-5}
OUR_RPS=${OUR_RPS:-1000/1000}
USERS=${USERS:-20000}
BIN=${BIN:-target/release/connect-tui}
AWS=${AWS:-aws}
INSTANCE=40c83b68-ea62-414c-97bb-d018e39e158e

die() { echo "bench-vs-aws-cli: $*" >&2; exit 1; }
[[ -x $BIN ]] || die "$BIN not found: run 'cargo build --release' first (or set BIN)"
command -v "$AWS" >/dev/null || die "the AWS CLI ($AWS) is not installed"

work=$(mktemp -d)
mock_pid=
cleanup() {
    [[ -n $mock_pid ]] && kill "$mock_pid" 2>/dev/null && wait "$mock_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

# Fake credentials and an empty config: both clients sign requests to the local endpoint only.
export HOME=$work AWS_CONFIG_FILE=$work/config AWS_SHARED_CREDENTIALS_FILE=$work/credentials
export AWS_ACCESS_KEY_ID=AKIDEXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY
export AWS_DEFAULT_REGION=us-east-1 AWS_PAGER="" PYTHONUTF8=1
unset AWS_PROFILE AWS_DEFAULT_PROFILE AWS_SESSION_TOKEN CONNECT_TUI_MAX_RPS
: >"$work/config"

log=$work/requests.jsonl
: >"$work/mock.out"
"$BIN" mock-server --users "$USERS" --request-log "$log" \
    ${THROTTLE_RPS:+--throttle-rps "$THROTTLE_RPS"} >"$work/mock.out" 2>&1 &
mock_pid=$!
deadline=$((SECONDS + 60))
until grep -q '^listening on ' "$work/mock.out"; do
    kill -0 "$mock_pid" 2>/dev/null || die "mock-server exited: $(cat "$work/mock.out")"
    ((SECONDS < deadline)) || die "mock-server did not start within 60 s"
    sleep 0.1
done
url=$(sed -n 's/^listening on //p' "$work/mock.out")

common=(list-users --instance-id "$INSTANCE" --endpoint-url "$url" --output json)
names=("connect-tui (default limit 1.6/5)" "connect-tui (--max-rps $OUR_RPS)"
    "aws connect (default page size)" "aws connect (--page-size 1000)")
commands=("$BIN ${common[*]}" "$BIN ${common[*]} --max-rps $OUR_RPS"
    "$AWS connect ${common[*]}" "$AWS connect ${common[*]} --page-size 1000")

# One checked run of each: same users, and the requests each one sends (and how many of
# them the endpoint throttled).
requests=()
throttled=()
for i in "${!commands[@]}"; do
    before=$(wc -l <"$log")
    ${commands[$i]} >"$work/out$i.json" || die "failed: ${commands[$i]}"
    requests+=($(($(wc -l <"$log") - before)))
    throttled+=($(tail -n +"$((before + 1))" "$log" | grep -c '"status":429' || true))
    users=$(grep -c '"Username"' "$work/out$i.json" || true)
    ((users >= USERS)) || die "${names[$i]} listed $users users, expected at least $USERS"
done

median_ms=()
if command -v hyperfine >/dev/null; then
    echo "timing with $(hyperfine --version), $RUNS runs each"
    hyperfine --style basic --shell=none --warmup 1 --runs "$RUNS" \
        --export-csv "$work/times.csv" --output=null "${commands[@]}" >&2
    # Columns: command,mean,stddev,median,user,system,min,max (seconds).
    while IFS=, read -r _ _ _ median _; do
        median_ms+=("$(awk -v s="$median" 'BEGIN { printf "%.0f", s * 1000 }')")
    done < <(tail -n +2 "$work/times.csv")
else
    echo "timing with a shell loop (hyperfine not installed), $RUNS runs each"
    for cmd in "${commands[@]}"; do
        times=()
        for ((r = 0; r < RUNS; r++)); do
            start=$(date +%s%N)
            $cmd >/dev/null
            times+=($((($(date +%s%N) - start) / 1000000)))
        done
        median_ms+=("$(printf '%s\n' "${times[@]}" | sort -n |
            awk '{ t[NR] = $1 } END { print (NR % 2) ? t[(NR + 1) / 2] : int((t[NR / 2] + t[NR / 2 + 1]) / 2) }')")
    done
fi

echo
echo "list-users --output json, $USERS generated users (+ the demo's), same endpoint${THROTTLE_RPS:+ (throttling above $THROTTLE_RPS requests/s)}, median of $RUNS:"
printf '%-36s %10s %10s %10s\n' "command" "median ms" "requests" "throttled"
for i in "${!names[@]}"; do
    printf '%-36s %10s %10s %10s\n' "${names[$i]}" "${median_ms[$i]}" "${requests[$i]}" "${throttled[$i]}"
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / (b > 0 ? b : 1) }'; }
echo
echo "aws (default) / connect-tui (default limit):  $(ratio "${median_ms[2]}" "${median_ms[0]}")x"
echo "aws (default) / connect-tui (raised limit):   $(ratio "${median_ms[2]}" "${median_ms[1]}")x"
echo "aws (page 1000) / connect-tui (raised limit): $(ratio "${median_ms[3]}" "${median_ms[1]}")x"
echo "budget: >= 20x"
