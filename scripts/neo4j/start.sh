#!/usr/bin/env bash
# Start a local Neo4j 5.26 Community server (embedded + Bolt) without Docker. Idempotent:
# if our server is already up it just says so. Exits 0 only once Bolt accepts connections.
# Env vars: see README.md (DATA_DIR, NEO4J_BOLT_PORT, NEO4J_HEAP, NEO4J_PAGECACHE, ...).
set -euo pipefail

# shellcheck source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

NEO4J_HEAP="${NEO4J_HEAP:--Xms1g -Xmx2g}"
NEO4J_PAGECACHE="${NEO4J_PAGECACHE:-512m}"
NEO4J_START_TIMEOUT="${NEO4J_START_TIMEOUT:-120}"
BOLT_URL="bolt://$NEO4J_BOLT_HOST:$NEO4J_BOLT_PORT"

say() { echo "neo4j: $*"; }
die() { echo "neo4j: ERROR: $*" >&2; exit 1; }

show_log_tail() {
  echo "---- last 30 lines of $NEO4J_LOG ----" >&2
  tail -n 30 "$NEO4J_LOG" >&2 2>/dev/null || true
  echo "---- (Neo4j's own log: $NEO4J_LOG_DIR/debug.log) ----" >&2
}

ready_line_seen() { grep -q '^NEO4J READY ' "$NEO4J_LOG" 2>/dev/null; }

# Wait until the launcher printed its ready line AND the Bolt port accepts TCP connections.
# Returns 0 when ready, 1 if the process died, 2 on timeout.
wait_ready() {
  local pid="$1" deadline=$((SECONDS + NEO4J_START_TIMEOUT))
  while ((SECONDS < deadline)); do
    neo4j_alive "$pid" || return 1
    if ready_line_seen && neo4j_port_open "$NEO4J_BOLT_HOST" "$NEO4J_BOLT_PORT"; then
      return 0
    fi
    sleep 0.25
  done
  return 2
}

# --- 1. Already running? -------------------------------------------------------------------
# Serialise concurrent start.sh runs (e.g. parallel test jobs): one launches, the others then
# find it running. The JVM must not inherit this fd, or it would hold the lock forever.
mkdir -p "$NEO4J_HOME"
exec 9>"$NEO4J_HOME/.start.lock"
flock 9

if pid="$(neo4j_live_pid)"; then
  t0="$(neo4j_now)"
  # It may still be starting (e.g. a concurrent start.sh): wait for it rather than report early.
  if wait_ready "$pid"; then
    say "already running (pid $pid) on $BOLT_URL"
    exit 0
  fi
  show_log_tail
  die "pid $pid is running but not ready after $(neo4j_elapsed "$t0")s"
fi
rm -f "$NEO4J_PID_FILE" # stale (process gone or pid reused by something else)

# Someone else (a Docker-less leftover, another project's Neo4j, ...) owns the port: refuse
# rather than report success against a server we did not start.
if neo4j_port_open "$NEO4J_BOLT_HOST" "$NEO4J_BOLT_PORT"; then
  owner="$(ss -ltnpH "sport = :$NEO4J_BOLT_PORT" 2>/dev/null | head -n 1 || true)"
  die "port $NEO4J_BOLT_PORT on $NEO4J_BOLT_HOST is already in use by another process${owner:+ ($owner)}," \
      "and $NEO4J_PID_FILE does not match it. Stop it or set NEO4J_BOLT_PORT."
fi

# --- 2. Tools ------------------------------------------------------------------------------
command -v "$JAVA_BIN" >/dev/null 2>&1 || die "java not found (need Java 17 or 21; set JAVA_HOME)"
java_major="$("$JAVA_BIN" -XshowSettings:properties -version 2>&1 |
  awk -F'= ' '/java.specification.version/ { print $2 }')"
((${java_major:-0} >= 17)) || die "Neo4j 5.26 needs Java 17+, found $java_major ($JAVA_BIN)"

# --- 3. Jars (fetched once; refetched only if pom.xml changes) -------------------------------
POM="$NEO4J_SCRIPT_DIR/pom.xml"
pom_sum="$(sha256sum "$POM" | cut -d' ' -f1)"
stamp="$NEO4J_LIB/.pom.sha256"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$pom_sum" ]]; then
  command -v mvn >/dev/null 2>&1 || die "mvn not found: needed once to fetch the Neo4j jars into $NEO4J_LIB"
  say "fetching Neo4j jars with Maven into $NEO4J_LIB (first run: ~125 MB, cached in ~/.m2 too)..."
  t0="$(neo4j_now)"
  # Fetch into a temp dir and swap, so an interrupted download never looks complete.
  tmp_lib="$NEO4J_LIB.tmp.$$"
  rm -rf "$tmp_lib"
  mkdir -p "$tmp_lib"
  if ! mvn -q -B -Dstyle.color=never -f "$POM" dependency:copy-dependencies -DoutputDirectory="$tmp_lib" >&2; then
    rm -rf "$tmp_lib"
    die "mvn could not fetch the Neo4j jars (see output above)"
  fi
  echo "$pom_sum" >"$tmp_lib/.pom.sha256"
  rm -rf "$NEO4J_LIB"
  mv "$tmp_lib" "$NEO4J_LIB"
  say "fetched $(find "$NEO4J_LIB" -name '*.jar' | wc -l) jars ($(du -sh "$NEO4J_LIB" | cut -f1)) in $(neo4j_elapsed "$t0")s"
fi

# --- 4. Launch -----------------------------------------------------------------------------
mkdir -p "$NEO4J_LOG_DIR"
if [[ -f "$NEO4J_LOG" ]]; then
  mv -f "$NEO4J_LOG" "$NEO4J_LOG.prev" # keep one previous run's log
fi

# JVM flags follow Neo4j's own neo4j.conf defaults (minus AlwaysPreTouch, which slows starts).
# shellcheck disable=SC2206 # NEO4J_HEAP / NEO4J_JAVA_OPTS are deliberately word-split
jvm_opts=(
  $NEO4J_HEAP
  -XX:+UseG1GC
  -XX:+ExitOnOutOfMemoryError
  -XX:-OmitStackTraceInFastThrow
  -XX:+DisableExplicitGC
  -Djdk.nio.maxCachedBufferSize=1024
  -Dio.netty.tryReflectionSetAccessible=true
  -Dlog4j2.disable.jmx=true
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  ${NEO4J_JAVA_OPTS:-}
)

t0="$(neo4j_now)"
say "starting Neo4j (home $NEO4J_HOME, heap '$NEO4J_HEAP', page cache $NEO4J_PAGECACHE, log $NEO4J_LOG)"
# nohup + exec'd java: $! is the JVM's own pid, and closing the terminal does not kill it.
# Single-file source mode: Launcher.java is compiled in memory on each start (~1-2 s).
nohup "$JAVA_BIN" "${jvm_opts[@]}" -cp "$NEO4J_LIB/*" "$NEO4J_SCRIPT_DIR/Launcher.java" \
  "$NEO4J_HOME" "$NEO4J_BOLT_HOST:$NEO4J_BOLT_PORT" "$NEO4J_PAGECACHE" \
  </dev/null >"$NEO4J_LOG" 2>&1 9>&- &
pid=$!
echo "$pid" >"$NEO4J_PID_FILE"

if wait_ready "$pid"; then
  say "started pid $pid on $BOLT_URL in $(neo4j_elapsed "$t0")s"
  exit 0
else
  rc=$?
fi

if ((rc == 1)); then
  show_log_tail
  rm -f "$NEO4J_PID_FILE"
  die "process $pid exited during startup after $(neo4j_elapsed "$t0")s"
fi
# Timeout: do not leave a half-started server behind a pid file that says "running".
show_log_tail
kill -TERM "$pid" 2>/dev/null || true
for _ in $(seq 1 40); do neo4j_alive "$pid" || break; sleep 0.5; done
kill -KILL "$pid" 2>/dev/null || true
rm -f "$NEO4J_PID_FILE"
die "not ready within ${NEO4J_START_TIMEOUT}s (NEO4J_START_TIMEOUT); stopped pid $pid"
