#!/usr/bin/env bash
# The interactive browser with a large instance, measured from outside the process:
#
#   cargo build --release && scripts/measure-tui.sh
#
# 1. Load: `connect-tui` in a 200×60 tmux session against `mock-server --users 100000`; waits
#    (polling the screen, with a deadline) until every user is listed, the SearchUsers sweep
#    has filled every row, and nothing loads.
#    Prints the load time, then resident memory (VmRSS, and the peak VmHWM) from /proc.
# 2. Idle: CPU time and context switches (all threads) over IDLE_SECONDS with nothing loading
#    and live status off (`--live-interval 0`): the browser draws only on input, data or
#    resize, so both should be ~0.
# 2b. Live polling: the demo data at 200×60 with the default `--live-interval` (10 s); the
#    GetCurrentUserData requests in LIVE_SECONDS of an idle users screen, from the mock's
#    request log, against the budget of ⌈visible rows / 100⌉ + 1 per interval.
# 3. Slow endpoint (needs python3 for a pseudo-terminal with precise timing): `mock-server
#    --latency-ms 2000`; time from start to the first frame (before any answer can arrive),
#    and the time from a key press (`?`, then Esc) to the frame that answers it while every
#    request takes 2 s.
#
# Environment: BIN (default target/release/connect-tui), USERS (100000), IDLE_SECONDS (10),
# LIVE_SECONDS (60),
# MAX_RPS (the browser's --max-rps for step 1; default: the client's polite default).
set -euo pipefail

BIN=${BIN:-target/release/connect-tui}
USERS=${USERS:-100000}
IDLE_SECONDS=${IDLE_SECONDS:-10}
LIVE_SECONDS=${LIVE_SECONDS:-60}
MAX_RPS=${MAX_RPS:-}
INSTANCE=40c83b68-ea62-414c-97bb-d018e39e158e
export LC_ALL=C.UTF-8

die() { echo "measure-tui: $*" >&2; exit 1; }
[[ -x $BIN ]] || die "$BIN not found: run 'cargo build --release' first (or set BIN)"
command -v tmux >/dev/null || die "tmux is not installed"

work=$(mktemp -d)
socket=connect-tui-measure-$$
mocks=()
cleanup() {
    tmux -L "$socket" kill-server 2>/dev/null || true
    for pid in "${mocks[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
    rm -rf "$work"
}
trap cleanup EXIT

export HOME=$work AWS_CONFIG_FILE=$work/config AWS_SHARED_CREDENTIALS_FILE=$work/credentials
export AWS_ACCESS_KEY_ID=AKIDEXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY
export AWS_DEFAULT_REGION=us-east-1 TERM=xterm-256color
unset AWS_PROFILE AWS_DEFAULT_PROFILE AWS_SESSION_TOKEN CONNECT_TUI_MAX_RPS TMUX
: >"$work/config"

# start_mock NAME ARGS...: starts mock-server, sets $url once it listens.
start_mock() {
    local name=$1
    shift
    : >"$work/$name.out"
    "$BIN" mock-server "$@" >"$work/$name.out" 2>&1 &
    mocks+=($!)
    local deadline=$((SECONDS + 120))
    until grep -q '^listening on ' "$work/$name.out"; do
        kill -0 "${mocks[-1]}" 2>/dev/null || die "mock-server exited: $(cat "$work/$name.out")"
        ((SECONDS < deadline)) || die "mock-server did not start within 120 s"
        sleep 0.1
    done
    url=$(sed -n 's/^listening on //p' "$work/$name.out")
}

now_ms() { echo $(($(date +%s%N) / 1000000)); }
screen() { tmux -L "$socket" capture-pane -p -t measure; }
field() { awk -v k="$1:" '$1 == k { print $2 }' "/proc/$pid/status"; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
switches() {
    cat /proc/"$pid"/task/*/status 2>/dev/null |
        awk '/^(voluntary|nonvoluntary)_ctxt_switches:/ { n += $2 } END { print n }'
}

echo "== 1. load $USERS users (200x60 tmux, $BIN)"
start_mock big --users "$USERS" --request-log "$work/requests.jsonl"
rate=()
[[ -n $MAX_RPS ]] && rate=(--max-rps "$MAX_RPS")
started=$(now_ms)
tmux -L "$socket" new-session -d -x 200 -y 60 -s measure \
    "exec $BIN --endpoint-url $url --instance-id $INSTANCE --live-interval 0 ${rate[*]}"
pid=$(tmux -L "$socket" display-message -p -t measure '#{pane_pid}')
deadline=$((SECONDS + 300))
while :; do
    shot=$(screen)
    loaded=$(grep -o 'loaded [0-9,]*' <<<"$shot" | head -1 | tr -dc 0-9 || true)
    # Done when every user is listed and no spinner (⠋⠙⠹…) turns anywhere on screen.
    if [[ -n $loaded ]] && ((loaded >= USERS)) && ! grep -q '[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]' <<<"$shot"; then
        break
    fi
    kill -0 "$pid" 2>/dev/null || die "connect-tui exited; last screen:"$'\n'"$shot"
    ((SECONDS < deadline)) || die "not loaded within 300 s; last screen:"$'\n'"$shot"
    sleep 0.2
done
load_ms=$(($(now_ms) - started))
pages=$(grep -c '"op":"ListUsers"' "$work/requests.jsonl")
searches=$(grep -c '"op":"SearchUsers"' "$work/requests.jsonl" || true)
echo "loaded and swept $loaded users in $load_ms ms ($pages ListUsers, $searches SearchUsers requests; limit: ${MAX_RPS:-default 1.6/5})"
echo "VmRSS $(field VmRSS) kB, peak VmHWM $(field VmHWM) kB (budget: 64 MB = 65536 kB)"

echo "== 2. idle for $IDLE_SECONDS s"
ticks_before=$(cpu_ticks)
switches_before=$(switches)
sleep "$IDLE_SECONDS" # the measurement window, not a synchronisation
ticks=$(($(cpu_ticks) - ticks_before))
woke=$(($(switches) - switches_before))
hz=$(getconf CLK_TCK)
echo "CPU $(awk -v t="$ticks" -v hz="$hz" -v s="$IDLE_SECONDS" 'BEGIN { printf "%.2f", 100 * t / hz / s }')% ($ticks ticks of 1/$hz s), $woke context switches (all threads)"
echo "VmRSS after idling $(field VmRSS) kB"
tmux -L "$socket" send-keys -t measure q

echo "== 2b. live polling for $LIVE_SECONDS s (demo data, default --live-interval)"
tmux -L "$socket" kill-session -t measure 2>/dev/null || true
start_mock live --demo --request-log "$work/live.jsonl"
tmux -L "$socket" new-session -d -x 200 -y 60 -s measure \
    "exec $BIN --endpoint-url $url --instance-id $INSTANCE"
deadline=$((SECONDS + 60))
until screen | grep -q 'Status      '; do
    ((SECONDS < deadline)) || die "no live status within 60 s; last screen:"$'\n'"$(screen)"
    sleep 0.2
done
live_before=$(grep -c '"op":"GetCurrentUserData"' "$work/live.jsonl" || true)
sleep "$LIVE_SECONDS" # the measurement window, not a synchronisation
live=$(($(grep -c '"op":"GetCurrentUserData"' "$work/live.jsonl") - live_before))
echo "GetCurrentUserData: $live in $LIVE_SECONDS s (budget at 10 s with at most 100 rows on screen: $((2 * (LIVE_SECONDS / 10 + 1))))"
tmux -L "$socket" send-keys -t measure q

echo "== 3. slow endpoint (--latency-ms 2000)"
if ! command -v python3 >/dev/null; then
    echo "skipped: python3 is not installed (needed for a timed pseudo-terminal)"
    exit 0
fi
start_mock slow --users 5000 --latency-ms 2000
python3 - "$BIN" "$url" "$INSTANCE" <<'PY'
import fcntl, os, pty, select, statistics, struct, sys, termios, time

binary, url, instance = sys.argv[1:4]
start = time.monotonic()
pid, fd = pty.fork()
if pid == 0:
    os.execv(binary, [binary, "--endpoint-url", url, "--instance-id", instance])
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 60, 200, 0, 0))
seen = b""

def wait_for(marker, since, limit=5.0):
    """Reads output until `marker` appears after offset `since`; seconds taken, or None."""
    global seen
    t0 = time.monotonic()
    while marker not in seen[since:]:
        left = limit - (time.monotonic() - t0)
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            return None
        try:
            seen += os.read(fd, 65536)
        except OSError:
            return None
    return time.monotonic()

first = wait_for("─".encode(), 0)
if first is None:
    sys.exit("no frame within 5 s")
print(f"start to first frame: {(first - start) * 1000:.1f} ms (budget 50 ms; "
      "every answer takes 2,000 ms)")
latencies = []
for _ in range(10):
    for key, marker in ((b"?", b"Help"), (b"\x1b", "─".encode())):
        since = len(seen)
        pressed = time.monotonic()
        os.write(fd, key)
        shown = wait_for(marker, since)
        if shown is not None:
            latencies.append((shown - pressed) * 1000)
    time.sleep(0.1)  # key presses at a human pace, while pages keep loading
print(f"key to frame while every request takes 2 s: median {statistics.median(latencies):.1f} ms, "
      f"max {max(latencies):.1f} ms over {len(latencies)} keys (one frame at 60 Hz: 16.7 ms)")
os.write(fd, b"q")
os.waitpid(pid, 0)
PY
