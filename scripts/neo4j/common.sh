# Shared settings for start.sh / stop.sh (sourced, not run). See README.md for the env vars.
# shellcheck shell=bash disable=SC2034  # variables are used by the scripts that source this

NEO4J_SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# Repo root = two levels up from this script; a relative DATA_DIR is taken from there, so the
# scripts behave the same whatever the caller's working directory is.
NEO4J_REPO_ROOT="$(cd "$NEO4J_SCRIPT_DIR/../.." && pwd)"

_data_dir="${DATA_DIR:-./data}"
case "$_data_dir" in
  /*) ;;
  *) _data_dir="$NEO4J_REPO_ROOT/${_data_dir#./}" ;;
esac

NEO4J_HOME="$_data_dir/neo4j"                 # databases in $NEO4J_HOME/data, Neo4j logs in $NEO4J_HOME/logs
NEO4J_LIB="${NEO4J_LIB:-$NEO4J_HOME/lib}"    # jar cache, filled by mvn from pom.xml
NEO4J_LOG_DIR="$NEO4J_HOME/logs"
NEO4J_LOG="$NEO4J_LOG_DIR/neo4j.log"          # launcher stdout/stderr (ready line, user log)
NEO4J_PID_FILE="$NEO4J_HOME/neo4j.pid"

NEO4J_BOLT_HOST="${NEO4J_BOLT_HOST:-127.0.0.1}"
NEO4J_BOLT_PORT="${NEO4J_BOLT_PORT:-7687}"

JAVA_BIN="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# True if a TCP connect to host:port succeeds (bash's /dev/tcp; no nc/curl needed).
neo4j_port_open() {
  timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null
}

# True if pid exists and is not a zombie (an unreaped dead JVM must count as gone).
neo4j_alive() {
  kill -0 "$1" 2>/dev/null || return 1
  local state
  state="$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null || true)"
  [[ "$state" != "Z" ]]
}

# Prints the pid from the pid file if that process is alive AND is our launcher
# (guards against a stale file whose pid was recycled by an unrelated process).
neo4j_live_pid() {
  [[ -f "$NEO4J_PID_FILE" ]] || return 1
  local pid
  pid="$(tr -dc '0-9' <"$NEO4J_PID_FILE")"
  [[ -n "$pid" ]] || return 1
  neo4j_alive "$pid" || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'Launcher.java' || return 1
  echo "$pid"
}

neo4j_now() { date +%s.%N; }
neo4j_elapsed() { awk -v a="$1" -v b="$(neo4j_now)" 'BEGIN { printf "%.1f", b - a }'; }
