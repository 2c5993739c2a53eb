#!/usr/bin/env bash
# Starts the whole Tongbao suite on this machine: MariaDB, Redis, RocketMQ and a Seata coordinator (each reused
# when one already answers), then the four services and the gateway, each in its own JVM. Waits until everything
# is ready and prints where to click. deploy/local/down.sh stops what this script started, and nothing else.
#
#   deploy/local/up.sh              build, then start
#   deploy/local/up.sh --no-build   start from the jars already built
#
# Every port and folder can be overridden by environment (see the defaults below). Runtime data, logs and
# generated local secrets go under .run/ (git-ignored), or TONGBAO_RUN_DIR.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUN="${TONGBAO_RUN_DIR:-$ROOT/.run}"
LOGS="$RUN/logs"
PIDS="$RUN/pids"
BUILD=1
[ "${1:-}" = "--no-build" ] && BUILD=0

export TONGBAO_DB_PORT="${TONGBAO_DB_PORT:-3306}"
export TONGBAO_REDIS_PORT="${TONGBAO_REDIS_PORT:-6379}"
TONGBAO_NAMESRV_PORT="${TONGBAO_NAMESRV_PORT:-9876}"
TONGBAO_BROKER_PORT="${TONGBAO_BROKER_PORT:-10911}"
TONGBAO_SEATA_PORT="${TONGBAO_SEATA_PORT:-8091}"
TONGBAO_SEATA_CONSOLE_PORT="${TONGBAO_SEATA_CONSOLE_PORT:-7091}"
export TONGBAO_GATEWAY_PORT="${TONGBAO_GATEWAY_PORT:-8080}"
export TONGBAO_ORDER_PORT="${TONGBAO_ORDER_PORT:-8081}"
export TONGBAO_PAYMENT_PORT="${TONGBAO_PAYMENT_PORT:-8082}"
export TONGBAO_COIN_PORT="${TONGBAO_COIN_PORT:-8083}"
export TONGBAO_LEARNING_PORT="${TONGBAO_LEARNING_PORT:-8084}"
export TONGBAO_SANDBOX_PORT="${TONGBAO_SANDBOX_PORT:-8090}"
export TONGBAO_ROCKETMQ_NAMESRV="127.0.0.1:$TONGBAO_NAMESRV_PORT"
export TONGBAO_SEATA_SERVER="127.0.0.1:$TONGBAO_SEATA_PORT"
SUFFIX="${TONGBAO_SCHEMA_SUFFIX:-}"
for s in order payment coin learning; do
  export "TONGBAO_${s^^}_SCHEMA=tongbao_${s}${SUFFIX}"
done
# Full tiered compilation: C1 alone (-XX:TieredStopAtLevel=1) starts faster but signs RSA about five times slower,
# and signing is most of what creating and settling a payment costs (docs/benchmarks.md).
JVM_OPTS="${TONGBAO_JVM_OPTS:--Xms64m -Xmx320m -XX:+UseSerialGC -Xss512k -XX:+ExitOnOutOfMemoryError}"
# fewer glibc malloc arenas: a JVM's many threads otherwise each reserve native memory of their own
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
READY_TIMEOUT="${TONGBAO_READY_TIMEOUT:-300}"

SERVICES="payment-sandbox:$TONGBAO_SANDBOX_PORT:payment-sandbox
order-service:$TONGBAO_ORDER_PORT:order-service/order-app
payment-service:$TONGBAO_PAYMENT_PORT:payment-service/payment-app
coin-service:$TONGBAO_COIN_PORT:coin-service/coin-app
learning-service:$TONGBAO_LEARNING_PORT:learning-service/learning-app
gateway:$TONGBAO_GATEWAY_PORT:gateway"

# Class data sharing (TONGBAO_CDS=off to skip it): each application runs from its extracted jar (plain jars on the
# class path, which the JVM can archive). Its first run writes an archive of the classes it loaded when it stops
# (down.sh); later starts map that archive instead of loading and verifying those classes again, which halves the
# CPU a start costs (docs/benchmarks.md). A rebuilt jar is extracted again and gets a new archive. Prints the
# arguments that run the jar.
class_data_sharing() { # exec jar
  local jar="$1" dir app
  dir="$(dirname "$jar")/cds"
  if [ "${TONGBAO_CDS:-on}" = off ]; then echo "-jar $jar"; return; fi
  if [ ! -f "$dir/extracted" ] || [ "$jar" -nt "$dir/extracted" ]; then
    rm -rf "$dir" && mkdir -p "$dir"
    java -Djarmode=tools -jar "$jar" extract --destination "$dir/app" > "$dir/extract.log" 2>&1 \
      || { echo "-jar $jar"; return; }
    touch "$dir/extracted"
  fi
  app="$dir/app/$(basename "$jar")"
  if [ -s "$dir/app.jsa" ]; then
    echo "-Xlog:cds*=error -XX:SharedArchiveFile=$dir/app.jsa -jar $app"
  else
    echo "-Xlog:cds*=error -XX:ArchiveClassesAtExit=$dir/app.jsa -jar $app"
  fi
}

# shellcheck source=deploy/local/middleware.sh
. "$ROOT/deploy/local/middleware.sh"
random_hex() { od -An -N32 -tx1 /dev/urandom | tr -d ' \n'; }
random_digits() { od -An -N"$1" -tu1 /dev/urandom | tr -s ' ' '\n' | sed '/^$/d' | awk '{printf "%d", $1 % 10}'; }
# a local-only secret file, written once (owner only) and read on every later start
secret_once() { [ -s "$1" ] || { (umask 077; printf '%s' "$2" > "$1"); }; cat "$1"; }

require_java
mkdir -p "$LOGS" "$PIDS" "$RUN/data" "$RUN/secrets"
START=$SECONDS

if [ "$BUILD" = 1 ]; then
  say "Building (./mvnw package, tests skipped)..."
  (cd "$ROOT" && ./mvnw -q -B -DskipTests package) || { say "FAILED: the build failed (see above)"; exit 1; }
fi
LIB="$ROOT/deploy/local-stack/target"
[ -d "$LIB/lib" ] && [ -d "$ROOT/deploy/seata-server/target/lib" ] \
  || { say "FAILED: the jars are not built; run deploy/local/up.sh without --no-build"; exit 1; }
LOCAL_CP="$LIB/local-stack-0.1.0-SNAPSHOT.jar:$LIB/lib/*"

ensure_mariadb
ensure_redis

# --- RocketMQ and Seata start side by side
if port_open "$TONGBAO_NAMESRV_PORT"; then
  say "RocketMQ     using the name server on 127.0.0.1:$TONGBAO_NAMESRV_PORT"
  ROCKETMQ_STARTED=0
else
  port_open "$TONGBAO_BROKER_PORT" && fail rocketmq "$LOGS/rocketmq.log" "broker port $TONGBAO_BROKER_PORT is taken by another process"
  say "RocketMQ     starting (name server $TONGBAO_NAMESRV_PORT, broker $TONGBAO_BROKER_PORT)"
  mkdir -p "$RUN/data/rocketmq"
  launch rocketmq "$LOGS/rocketmq.log" java -Dtongbao.part=rocketmq -Xms128m -Xmx512m -XX:+UseSerialGC \
    -Duser.home="$RUN/data/rocketmq" -cp "$LOCAL_CP" io.tongbao.localstack.RocketMqMain \
    "$RUN/data/rocketmq" "$TONGBAO_NAMESRV_PORT" "$TONGBAO_BROKER_PORT"
  ROCKETMQ_STARTED=1
fi
if port_open "$TONGBAO_SEATA_PORT"; then
  say "Seata        using the coordinator on 127.0.0.1:$TONGBAO_SEATA_PORT"
else
  port_open "$TONGBAO_SEATA_CONSOLE_PORT" && fail seata "$LOGS/seata.log" "console port $TONGBAO_SEATA_CONSOLE_PORT is taken by another process"
  say "Seata        starting the coordinator (port $TONGBAO_SEATA_PORT)"
  [ -s "$RUN/secrets/seata-secret" ] || random_hex > "$RUN/secrets/seata-secret"
  [ -s "$RUN/secrets/seata-console-password" ] || random_hex > "$RUN/secrets/seata-console-password"
  chmod 600 "$RUN/secrets/"*
  launch seata "$LOGS/seata.log" java -Dtongbao.part=seata -Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    -cp "$ROOT/deploy/seata-server/target/lib/*" \
    -Dserver.port="$TONGBAO_SEATA_CONSOLE_PORT" -Dlogging.file.path="$LOGS/seata" \
    -Dseata.store.file.dir="$RUN/data/seata" \
    -Dseata.security.secretKey="$(cat "$RUN/secrets/seata-secret")" \
    -Dconsole.user.password="$(cat "$RUN/secrets/seata-console-password")" \
    io.seata.server.ServerApplication -h 127.0.0.1 -p "$TONGBAO_SEATA_PORT" -m file
fi
if [ "$ROCKETMQ_STARTED" = 1 ]; then
  deadline=$((SECONDS + 120))
  until grep -q "RocketMQ ready" "$LOGS/rocketmq.log" 2>/dev/null; do
    alive rocketmq || fail rocketmq "$LOGS/rocketmq.log" "the process exited during start"
    [ $SECONDS -lt $deadline ] || fail rocketmq "$LOGS/rocketmq.log" "not ready after 120 s"
    sleep 0.5
  done
fi
alive seata && wait_port seata "$TONGBAO_SEATA_PORT" "$LOGS/seata.log" 120

# --- local-only keys, generated at first start: the sandbox's "Alipay platform" and "WeChat Pay platform" pairs,
# the Alipay merchant app's pair and the WeChat Pay merchant's pair, the WeChat Pay public key id, the merchant's
# certificate serial and its APIv3 key. (The folder keeps its first name so that existing local keys stay valid.)
KEYS="$RUN/secrets/alipay"
java -cp "$LOCAL_CP" io.tongbao.localstack.KeysMain "$KEYS" alipay-platform alipay-app wechat-platform wechat-merchant \
  > /dev/null || { say "FAILED: could not generate the local payment keys in $KEYS"; exit 1; }
ALIPAY_APP_ID="${TONGBAO_ALIPAY_APP_ID:-2021000000000001}"
WECHAT_MCH_ID="${TONGBAO_WECHAT_MCH_ID:-1900000001}"
WECHAT_APP_ID="${TONGBAO_WECHAT_APP_ID:-wx0000000000000001}"
WECHAT_KEY_ID="$(secret_once "$KEYS/wechat-platform-key-id" "PUB_KEY_ID_01$(random_digits 20)")"
WECHAT_SERIAL="$(secret_once "$KEYS/wechat-merchant-serial-no" "$(random_hex | cut -c1-40 | tr 'a-f' 'A-F')")"
WECHAT_API_V3_KEY="$(secret_once "$KEYS/wechat-api-v3-key" "$(random_hex | cut -c1-32)")"

# per-part environment: secrets reach only the process that needs them, never a command line
part_env() {
  case "$1" in
    payment-sandbox)
      export TONGBAO_SANDBOX_KEY_DIR="$KEYS"
      export TONGBAO_SANDBOX_PUBLIC_URL="http://127.0.0.1:$TONGBAO_SANDBOX_PORT"
      export SANDBOX_ALIPAY_APPS_0_APP_ID="$ALIPAY_APP_ID"
      SANDBOX_ALIPAY_APPS_0_APP_PUBLIC_KEY="$(cat "$KEYS/alipay-app-public-key.x509.b64")"
      export SANDBOX_ALIPAY_APPS_0_APP_PUBLIC_KEY
      export SANDBOX_WECHAT_MERCHANTS_0_MCH_ID="$WECHAT_MCH_ID" SANDBOX_WECHAT_MERCHANTS_0_APP_ID="$WECHAT_APP_ID"
      export SANDBOX_WECHAT_MERCHANTS_0_MERCHANT_SERIAL_NO="$WECHAT_SERIAL"
      SANDBOX_WECHAT_MERCHANTS_0_MERCHANT_PUBLIC_KEY="$(cat "$KEYS/wechat-merchant-public-key.x509.b64")"
      SANDBOX_WECHAT_MERCHANTS_0_API_V3_KEY="$WECHAT_API_V3_KEY"
      export SANDBOX_WECHAT_MERCHANTS_0_MERCHANT_PUBLIC_KEY SANDBOX_WECHAT_MERCHANTS_0_API_V3_KEY ;;
    payment-service)
      export TONGBAO_ALIPAY_APP_ID="$ALIPAY_APP_ID"
      TONGBAO_ALIPAY_PRIVATE_KEY="$(cat "$KEYS/alipay-app-private-key.pk8.b64")"
      TONGBAO_ALIPAY_PUBLIC_KEY="$(cat "$KEYS/alipay-platform-public-key.x509.b64")"
      export TONGBAO_ALIPAY_PRIVATE_KEY TONGBAO_ALIPAY_PUBLIC_KEY
      export TONGBAO_ALIPAY_GATEWAY_URL="http://127.0.0.1:$TONGBAO_SANDBOX_PORT/gateway.do"
      export TONGBAO_ALIPAY_NOTIFY_URL="http://127.0.0.1:$TONGBAO_GATEWAY_PORT/api/payment/notify/alipay"
      export TONGBAO_ALIPAY_RETURN_URL="http://127.0.0.1:$TONGBAO_GATEWAY_PORT/api/payment/return/alipay"
      export TONGBAO_WECHAT_MCH_ID="$WECHAT_MCH_ID" TONGBAO_WECHAT_APP_ID="$WECHAT_APP_ID"
      export TONGBAO_WECHAT_MERCHANT_SERIAL_NO="$WECHAT_SERIAL" TONGBAO_WECHAT_PUBLIC_KEYS_0_ID="$WECHAT_KEY_ID"
      TONGBAO_WECHAT_PRIVATE_KEY="$(cat "$KEYS/wechat-merchant-private-key.pk8.b64")"
      TONGBAO_WECHAT_PUBLIC_KEYS_0_KEY="$(cat "$KEYS/wechat-platform-public-key.x509.b64")"
      TONGBAO_WECHAT_API_V3_KEY="$WECHAT_API_V3_KEY"
      export TONGBAO_WECHAT_PRIVATE_KEY TONGBAO_WECHAT_PUBLIC_KEYS_0_KEY TONGBAO_WECHAT_API_V3_KEY
      export TONGBAO_WECHAT_API_BASE_URL="http://127.0.0.1:$TONGBAO_SANDBOX_PORT"
      export TONGBAO_WECHAT_NOTIFY_URL="http://127.0.0.1:$TONGBAO_GATEWAY_PORT/api/payment/notify/wechat" ;;
  esac
}

# --- the sandbox, the services and the gateway
while IFS=: read -r part port module; do
  if alive "$part"; then
    say "$(printf '%-16s' "$part") already running (started earlier by this script)"
    continue
  fi
  port_open "$port" && fail "$part" "$LOGS/$part.log" "port $port is taken by another process"
  jar="$(ls "$ROOT/$module"/target/*-exec.jar 2>/dev/null | head -n 1)"
  [ -n "$jar" ] || fail "$part" "$LOGS/$part.log" "no jar in $module/target; run without --no-build"
  say "$(printf '%-16s' "$part") starting on port $port"
  # shellcheck disable=SC2046,SC2086
  (part_env "$part"; launch "$part" "$LOGS/$part.log" java -Dtongbao.part="$part" $JVM_OPTS $(class_data_sharing "$jar") \
    --spring.profiles.active=local)
done <<< "$SERVICES"

say "Waiting until everything is ready (at most $READY_TIMEOUT s)..."
deadline=$((SECONDS + READY_TIMEOUT))
while IFS=: read -r part port module; do
  until curl -fsS -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null; do
    if [ -f "$PIDS/$part.pid" ] && ! alive "$part"; then
      fail "$part" "$LOGS/$part.log" "the process exited during start"
    fi
    [ $SECONDS -lt $deadline ] || fail "$part" "$LOGS/$part.log" "not ready after $READY_TIMEOUT s"
    sleep 1
  done
done <<< "$SERVICES"

GATEWAY="http://127.0.0.1:$TONGBAO_GATEWAY_PORT"
TOKEN="$(curl -fsS -X POST "$GATEWAY/api/auth/dev-token" -H 'Content-Type: application/json' \
  -d '{"userId":"1001","roles":[]}' | sed -n 's/.*"token" *: *"\([^"]*\)".*/\1/p')"
say ""
say "Tongbao is up in $((SECONDS - START)) s."
say "  Storefront:         $GATEWAY/  (open it in a browser)"
say "  Gateway:            $GATEWAY"
say "  API docs:           $GATEWAY/swagger-ui.html"
say "  Payment sandbox:    http://127.0.0.1:$TONGBAO_SANDBOX_PORT (cashier: /cashier/alipay/<payNo>, /cashier/wechat/<payNo>)"
say "  Dev token for 1001: $TOKEN"
say "  Try:                curl -H \"Authorization: Bearer <the token above>\" $GATEWAY/api/coin/wallet"
say "  Logs:               $LOGS"
say "  Stop:               deploy/local/down.sh"
