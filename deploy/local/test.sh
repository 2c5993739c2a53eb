#!/usr/bin/env bash
# Runs every test: unit tests, integration tests on the real MariaDB, Redis, an embedded RocketMQ broker and a
# Seata coordinator, and the end-to-end smoke test that starts the whole suite and goes through the gateway.
# MariaDB and Redis are reused when they answer, else started embedded for the run and stopped afterwards.
# Extra arguments go to Maven, e.g. deploy/local/test.sh -pl gateway
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUN="${TONGBAO_TEST_RUN_DIR:-$ROOT/.run/test}"
LOGS="$RUN/logs"
PIDS="$RUN/pids"
export TONGBAO_DB_PORT="${TONGBAO_DB_PORT:-3306}"
export TONGBAO_REDIS_PORT="${TONGBAO_REDIS_PORT:-6379}"
mkdir -p "$LOGS" "$PIDS" "$RUN/data"

# shellcheck source=deploy/local/middleware.sh
. "$ROOT/deploy/local/middleware.sh"
require_java
trap 'TONGBAO_RUN_DIR="$RUN" "$ROOT/deploy/local/down.sh" > /dev/null' EXIT

START=$SECONDS
ensure_mariadb
ensure_redis
# the storefront's browser tests drive Debian's Chromium through its chromedriver (never a downloaded browser)
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "Installing chromium and chromium-driver from Debian's packages (the browser tests need them)"
  sudo_if() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
  sudo_if apt-get update -qq && sudo_if env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver > /dev/null
fi
cd "$ROOT"
./mvnw -B -ntp verify "$@"
say "All tests passed in $((SECONDS - START)) s."
