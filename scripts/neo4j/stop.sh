#!/usr/bin/env bash
# Stop the local Neo4j started by start.sh. Idempotent: "not running" is not an error.
# SIGTERM lets the launcher's shutdown hook close the stores cleanly; SIGKILL only after
# NEO4J_STOP_TIMEOUT seconds (default 60).
set -euo pipefail

# shellcheck source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

NEO4J_STOP_TIMEOUT="${NEO4J_STOP_TIMEOUT:-60}"

if ! pid="$(neo4j_live_pid)"; then
  rm -f "$NEO4J_PID_FILE" # stale or absent
  echo "neo4j: not running"
  exit 0
fi

t0="$(neo4j_now)"
kill -TERM "$pid" 2>/dev/null || true
deadline=$((SECONDS + NEO4J_STOP_TIMEOUT))
while neo4j_alive "$pid" && ((SECONDS < deadline)); do
  sleep 0.25
done

if neo4j_alive "$pid"; then
  echo "neo4j: pid $pid still alive after ${NEO4J_STOP_TIMEOUT}s, sending SIGKILL" >&2
  kill -KILL "$pid" 2>/dev/null || true
  # Next start will run store recovery; that is safe, just slower.
  while neo4j_alive "$pid"; do sleep 0.1; done
fi

rm -f "$NEO4J_PID_FILE"
echo "neo4j: stopped (pid $pid) in $(neo4j_elapsed "$t0")s"
