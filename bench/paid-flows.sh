#!/usr/bin/env bash
# Complete paid flows through the gateway on a running local stack, and what they cost: flows per second at a few
# concurrencies (closed loop) and open loop at half the peak, pay → credited latency from the services' own
# timestamps, the gateway passthrough (the same cheap authenticated GET straight to coin-service and through the
# gateway), the create-payment rate on its own with the CPU each JVM spent per payment (from /proc), and the RSS of
# every JVM. The load generator is one JVM (bench/PaidFlows.java, run by the JDK's source launcher) with a thread per
# client and keep-alive connections, so it does not start a process per request.
#
#   deploy/local/up.sh --no-build
#   bench/paid-flows.sh [seconds per part] [concurrencies, comma-separated]
#   BENCH_PARTS=passthrough bench/paid-flows.sh     only some parts (passthrough, create-payment, flows)
#
# The results of a run go in docs/benchmarks.md. Each flow is a new 60-coin recharge of a fresh bench user; the
# orders and coins stay in the local databases.
set -euo pipefail

SECONDS_PER_PART="${1:-15}"
CONCURRENCIES="${2:-1,4,16}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
G="${TONGBAO_GATEWAY_URL:-http://127.0.0.1:${TONGBAO_GATEWAY_PORT:-8080}}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

curl -sf -o /dev/null "$G/api/coin/pods" || { echo "No Tongbao gateway answers at $G: run deploy/local/up.sh" >&2; exit 1; }

# the MySQL JDBC driver, taken from a service's own jar (the one the stack runs)
jar="$(ls "$ROOT"/coin-service/coin-app/target/*-exec.jar | head -n 1)"
(cd "$WORK" && jar xf "$jar" $(jar tf "$jar" | grep 'BOOT-INF/lib/mysql-connector-j-'))
DRIVER="$(ls "$WORK"/BOOT-INF/lib/mysql-connector-j-*.jar)"

java -Xmx512m -cp "$DRIVER" \
  -Dbench.gateway="$G" \
  -Dbench.sandbox="http://127.0.0.1:${TONGBAO_SANDBOX_PORT:-8090}" \
  -Dbench.coin="http://127.0.0.1:${TONGBAO_COIN_PORT:-8083}" \
  -Dbench.pids="${TONGBAO_RUN_DIR:-$ROOT/.run}/pids" \
  -Dbench.jdbc="jdbc:mysql://127.0.0.1:${TONGBAO_DB_PORT:-3306}/?connectionTimeZone=UTC" \
  -Dbench.schemaSuffix="${TONGBAO_SCHEMA_SUFFIX:-}" \
  -Dbench.seconds="$SECONDS_PER_PART" \
  -Dbench.concurrencies="$CONCURRENCIES" \
  -Dbench.parts="${BENCH_PARTS:-passthrough,create-payment,flows}" \
  "$ROOT/bench/PaidFlows.java"
