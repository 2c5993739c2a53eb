#!/usr/bin/env bash
# The invariants audit (docs/operations.md): checks every invariant of the design across the four services'
# schemas of a running suite and prints one line per invariant, with what breaks it. Exit 0 when all hold, 1 when
# one fails, 2 when the databases cannot be read. It only reads.
#
# The database is the services' own: TONGBAO_DB_HOST (127.0.0.1), TONGBAO_DB_PORT (3306), TONGBAO_DB_USERNAME
# (root), TONGBAO_DB_PASSWORD (empty) and TONGBAO_SCHEMA_SUFFIX (the schemas are tongbao_<service><suffix>; the
# end-to-end tests use _smoke). Build first: ./mvnw -q -DskipTests package -pl deploy/local-stack -am
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LIB="$ROOT/deploy/local-stack/target"
JAR="$LIB/local-stack-0.1.0-SNAPSHOT.jar"
if [ ! -f "$JAR" ] || [ ! -d "$LIB/lib" ]; then
  echo "audit: $JAR is not built; run ./mvnw -q -DskipTests package -pl deploy/local-stack -am" >&2
  exit 2
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$JAVA" -Xmx128m -XX:TieredStopAtLevel=1 -cp "$JAR:$LIB/lib/*" io.tongbao.localstack.audit.AuditMain
