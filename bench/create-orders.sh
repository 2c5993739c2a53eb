#!/usr/bin/env bash
# Order creation through the gateway on a running local stack: throughput, latency percentiles, and the resident
# memory of every JVM before and after. Each request is a coin recharge (POST /api/coin/recharges), which crosses
# the gateway (JWT, rate limit), coin-service and, over Feign, order-service, which writes the order and its
# timeout timer to the outbox; each carries its own Idempotency-Key, so the Redis idempotency path is measured too.
#
#   deploy/local/up.sh            # or: deploy/local/up.sh --no-build
#   bench/create-orders.sh [requests] [concurrency]
#
# The results of a run go in docs/benchmarks.md. The requests are spread over 40 users so that the gateway's
# per-user rate limit (20/s, burst 40) is not what is measured. The orders are left UNPAID and time out.
set -euo pipefail

REQUESTS="${1:-1000}"
CONCURRENCY="${2:-16}"
USERS=40
G="${TONGBAO_GATEWAY_URL:-http://127.0.0.1:${TONGBAO_GATEWAY_PORT:-8080}}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PIDS="${TONGBAO_RUN_DIR:-$ROOT/.run}/pids"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

curl -sf "$G/actuator/health/readiness" > /dev/null 2>&1 || curl -sf -o /dev/null "$G/api/coin/pods" || {
  echo "No Tongbao gateway answers at $G: start the stack with deploy/local/up.sh first." >&2
  exit 1
}

rss() {
  local total=0
  for f in "$PIDS"/*.pid; do
    [ -f "$f" ] || continue
    local name pid kb
    name="$(basename "$f" .pid)"
    pid="$(cat "$f")"
    kb="$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2> /dev/null || true)"
    [ -n "$kb" ] || continue
    printf '  %-17s %5d MB\n' "$name" $((kb / 1024))
    total=$((total + kb))
  done
  printf '  %-17s %5d MB\n' "all" $((total / 1024))
}

echo "Memory (RSS) before:"
rss

for i in $(seq 1 "$USERS"); do
  curl -sf -X POST "$G/api/auth/dev-token" -H 'Content-Type: application/json' \
       -d "{\"userId\":\"$((900000 + i))\",\"roles\":[]}" | sed -E 's/.*"token":"([^"]+)".*/\1/' > "$WORK/token.$i"
done

one() {
  local n="$1" user=$(( ($1 % USERS) + 1 ))
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -X POST "$G/api/coin/recharges" \
       -H "Authorization: Bearer $(cat "$WORK/token.$user")" -H 'Content-Type: application/json' \
       -H "Idempotency-Key: bench-$$-$n" -d '{"podId":"30002"}'
}
export -f one
export G WORK USERS

# warm-up: JIT, connection pools, Feign clients
seq 1 200 | xargs -P "$CONCURRENCY" -I{} bash -c 'one w{}' > /dev/null

start=$(date +%s%N)
seq 1 "$REQUESTS" | xargs -P "$CONCURRENCY" -I{} bash -c 'one {}' > "$WORK/results"
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))

ok=$(awk '$1 == 201' "$WORK/results" | wc -l)
echo
echo "$REQUESTS recharges, $CONCURRENCY at a time, in $elapsed_ms ms: $((REQUESTS * 1000 / elapsed_ms)) per second"
echo "Status codes:"
awk '{print $1}' "$WORK/results" | sort | uniq -c | sed 's/^/  /'
awk '{print $2 * 1000}' "$WORK/results" | sort -n > "$WORK/latencies"
pct() { awk -v p="$1" '{a[NR] = $1} END {i = int(NR * p / 100); if (i < 1) i = 1; printf "%.0f", a[i]}' "$WORK/latencies"; }
echo "Latency (ms): p50 $(pct 50), p95 $(pct 95), p99 $(pct 99), max $(pct 100)"
echo
echo "Memory (RSS) after:"
rss
[ "$ok" -eq "$REQUESTS" ] || { echo "Only $ok of $REQUESTS were created." >&2; exit 1; }
