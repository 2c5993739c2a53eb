#!/usr/bin/env bash
# A flash sale through the gateway on a running local stack: REQUESTS buy requests (10,000) from USERS users
# (2,000, so five each) for UNITS units (100), all sent in one burst by one JVM (bench/flash-sale/FlashSaleBurst.java,
# run with the JDK's source launcher; at most CONCURRENCY in flight). Each answer must be 202 (a ticket), 409
# SOLD_OUT or LIMIT_REACHED, or 429 RATE_LIMITED (the buy endpoint's own limit at the gateway); every ticket must
# get its order. Then the database must hold exactly UNITS orders of the sale's SKU, none of them a second one of
# the same user, and the sale and its SKU no unit left. Prints accepted buys per second, the buy latency and the
# time until every order exists.
#
#   deploy/local/up.sh --no-build
#   bench/flash-sale.sh [requests] [users] [units] [concurrency]
#
# Needs the mysql client (MariaDB on TONGBAO_DB_PORT, root): the bench SKU is inserted with exactly UNITS units of
# stock, and the checks read the order schema. The results of a run go in docs/benchmarks.md. The orders are left
# UNPAID and time out; their units go back to the sale, and to the SKU once the sale has ended (15 minutes).
set -euo pipefail

REQUESTS="${1:-10000}"
USERS="${2:-2000}"
UNITS="${3:-100}"
CONCURRENCY="${4:-256}"
G="${TONGBAO_GATEWAY_URL:-http://127.0.0.1:${TONGBAO_GATEWAY_PORT:-8080}}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ORDER_DB="tongbao_order${TONGBAO_SCHEMA_SUFFIX:-}"
DB=(mysql --protocol=tcp -h 127.0.0.1 -P "${TONGBAO_DB_PORT:-3306}" -uroot -N -B "$ORDER_DB")
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

curl -sf -o /dev/null "$G/api/order/products" || { echo "No Tongbao gateway answers at $G: run deploy/local/up.sh" >&2; exit 1; }
field() { sed -E "s/.*\"$1\":\"([^\"]+)\".*/\1/"; }

SKU=$((8000000 + RANDOM * 10))
"${DB[@]}" -e "INSERT INTO sku (id, name, price_fen, stock, status) VALUES ($SKU, 'Flash-sale bench SKU', 9900, $UNITS, 'ON_SALE')"
ADMIN="$(curl -sf -X POST "$G/api/auth/dev-token" -H 'Content-Type: application/json' \
  -d '{"userId":"1","roles":["ADMIN"]}' | field token)"
SALE="$(curl -sf -X POST "$G/api/order/flash-sales" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d "{\"skuId\":\"$SKU\",\"units\":$UNITS,\"price\":\"1.00\",\"startAt\":\"$(date -u -d '-1 sec' +%Y-%m-%dT%H:%M:%SZ)\",\
\"endAt\":\"$(date -u -d '+15 min' +%Y-%m-%dT%H:%M:%SZ)\",\"limitPerUser\":1}" | field saleId)"
echo "sale $SALE: $UNITS units of SKU $SKU, limit 1 per user"

FIRST_USER=$((6000000 + RANDOM * 100))
status=0
java "$ROOT/bench/flash-sale/FlashSaleBurst.java" "$G" "$SALE" "$USERS" "$REQUESTS" "$CONCURRENCY" "$FIRST_USER" \
  > "$WORK/out" || status=$?
grep -v '^ticket ' "$WORK/out"

orders=$("${DB[@]}" -e "SELECT COUNT(*) FROM orders o JOIN order_item i ON i.order_id = o.id
  WHERE i.item_type = 'SKU' AND i.item_id = $SKU AND o.biz_type = 'GOODS'")
twice=$("${DB[@]}" -e "SELECT COUNT(*) FROM (SELECT o.user_id FROM orders o JOIN order_item i ON i.order_id = o.id
  WHERE i.item_type = 'SKU' AND i.item_id = $SKU GROUP BY o.user_id HAVING SUM(i.quantity) > 1) x")
began=$(sed -n 's/^burst began at \([0-9]*\).*/\1/p' "$WORK/out")
last=$("${DB[@]}" -e "SELECT ROUND(UNIX_TIMESTAMP(MAX(o.created_at)) * 1000) FROM orders o JOIN order_item i ON i.order_id = o.id
  WHERE i.item_type = 'SKU' AND i.item_id = $SKU")
echo "all $orders orders existed $((last - began)) ms after the burst began (the last order's created_at)"
left=$("${DB[@]}" -e "SELECT CONCAT(f.remaining, ' ', s.stock, ' ', s.reserved) FROM flash_sale f JOIN sku s ON s.id = f.sku_id
  WHERE f.id = $SALE")
echo "database: $orders orders of SKU $SKU, $twice users with more than one unit; sale remaining, SKU stock, SKU reserved: $left"
[ "$status" -eq 0 ] || { echo "FAILED: the burst did not end clean" >&2; exit 1; }
[ "$orders" -eq "$UNITS" ] || { echo "FAILED: $orders orders for $UNITS units" >&2; exit 1; }
[ "$twice" -eq 0 ] || { echo "FAILED: $twice users over their limit" >&2; exit 1; }
[ "$left" = "0 0 $UNITS" ] || { echo "FAILED: units left over: $left" >&2; exit 1; }
echo "OK"
