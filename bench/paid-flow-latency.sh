#!/usr/bin/env bash
# The latency of the asynchronous part of a complete paid flow, pay → credited, on a running local stack, measured
# with the services' own timestamps: from the moment payment-service recorded the payment SUCCESS (the sandbox's
# signed notify, through the gateway) to the moment coin-service wrote the ledger credit (payment-success → order
# PAID → order-events → credit, two outbox hops over RocketMQ). One client, closed loop: each flow is a new user's
# coin recharge, an Alipay QR payment, and the sandbox paying it; the next flow starts when the coins have landed.
#
#   deploy/local/up.sh --no-build
#   bench/paid-flow-latency.sh [flows]
#
# Needs the mysql client (MariaDB on TONGBAO_DB_PORT, root). The results of a run go in docs/benchmarks.md.
set -euo pipefail

FLOWS="${1:-30}"
G="${TONGBAO_GATEWAY_URL:-http://127.0.0.1:${TONGBAO_GATEWAY_PORT:-8080}}"
S="http://127.0.0.1:${TONGBAO_SANDBOX_PORT:-8090}"
SUFFIX="${TONGBAO_SCHEMA_SUFFIX:-}"
DB=(mysql --protocol=tcp -h 127.0.0.1 -P "${TONGBAO_DB_PORT:-3306}" -uroot -N -B)
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

curl -sf -o /dev/null "$G/api/coin/pods" || { echo "No Tongbao gateway answers at $G: run deploy/local/up.sh" >&2; exit 1; }
field() { sed -E "s/.*\"$1\":\"([^\"]+)\".*/\1/"; }

flow() {
  local user="$1" token recharge order pay
  token="$(curl -sf -X POST "$G/api/auth/dev-token" -H 'Content-Type: application/json' \
    -d "{\"userId\":\"$user\",\"roles\":[]}" | field token)"
  recharge="$(curl -sf -X POST "$G/api/coin/recharges" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d '{"podId":"30001"}')"
  order="$(echo "$recharge" | field orderNo)"
  pay="$(curl -sf -X POST "$G/api/payment/payments" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"orderNo\":\"$order\",\"channel\":\"ALIPAY\",\"mode\":\"QR\"}" | field payNo)"
  curl -sf -o /dev/null -X POST "$S/sandbox/alipay/trades/$pay/pay"
  for _ in $(seq 1 500); do
    curl -sf "$G/api/coin/wallet" -H "Authorization: Bearer $token" | grep -q '"balance":60' && break
    sleep 0.02
  done
  echo "$pay $(echo "$recharge" | field rechargeId)"
}

base=$((4000000 + RANDOM * 10))
flow "$base" > /dev/null   # warm-up
START=$(date +%s.%N)
for i in $(seq 1 "$FLOWS"); do
  flow $((base + i)) >> "$WORK/flows"
done
END=$(date +%s.%N)

while read -r pay recharge; do
  "${DB[@]}" -e "SELECT TIMESTAMPDIFF(MICROSECOND, a.updated_at, l.created_at) / 1000
    FROM tongbao_payment$SUFFIX.pay_attempt a, tongbao_coin$SUFFIX.coin_ledger l
    WHERE a.pay_no = '$pay' AND l.biz_type = 'COIN_RECHARGE' AND l.biz_id = '$recharge'"
done < "$WORK/flows" | sort -n > "$WORK/ms"

n=$(wc -l < "$WORK/ms")
pct() { awk -v p="$1" -v n="$n" 'NR == int((n - 1) * p / 100) + 1 { printf "%.0f", $1 }' "$WORK/ms"; }
echo "flows: $n in $(echo "$END - $START" | bc) s (one client, each flow waits for its coins)"
echo "pay recorded → coins credited (services' timestamps): p50 $(pct 50) ms, p95 $(pct 95) ms, p99 $(pct 99) ms, max $(tail -1 "$WORK/ms" | cut -d. -f1) ms"
