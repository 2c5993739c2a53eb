#!/usr/bin/env bash
# Stops what deploy/local/up.sh started (and nothing else: a MariaDB or Redis it found running is left alone).
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUN="${TONGBAO_RUN_DIR:-$ROOT/.run}"
PIDS="$RUN/pids"
STOP_TIMEOUT="${TONGBAO_STOP_TIMEOUT:-40}"

ours() { # part pid: the pid still belongs to the process up.sh started for this part
  kill -0 "$2" 2>/dev/null && tr '\0' ' ' < "/proc/$2/cmdline" 2>/dev/null | grep -q -- "-Dtongbao.part=$1 "
}

stopped=0
for part in gateway learning-service coin-service payment-service order-service payment-sandbox seata rocketmq redis mariadb; do
  f="$PIDS/$part.pid"
  [ -f "$f" ] || continue
  pid="$(cat "$f")"
  if ours "$part" "$pid"; then
    kill -TERM "$pid" 2>/dev/null
    deadline=$((SECONDS + STOP_TIMEOUT))
    while ours "$part" "$pid" && [ $SECONDS -lt $deadline ]; do sleep 0.5; done
    if ours "$part" "$pid"; then
      kill -KILL "$pid" 2>/dev/null
      printf '%-16s killed after %s s\n' "$part" "$STOP_TIMEOUT"
    else
      printf '%-16s stopped\n' "$part"
    fi
    stopped=$((stopped + 1))
  fi
  rm -f "$f"
done
[ "$stopped" -gt 0 ] || echo "Nothing to stop: no process started by deploy/local/up.sh is running."
exit 0
