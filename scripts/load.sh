#!/usr/bin/env bash
# Load test on this machine only (127.0.0.1): builds Release, starts HuaXin.Bot (SQLite in a temp folder, or with
# DATABASE=postgresql a throwaway PostgreSQL 15 cluster; no Bot Framework App ID so /api/messages is unauthenticated on
# loopback; rate limits off), the bare Kestrel endpoint and botbuilder's echo bot, drives each with tools/loadtest and
# prints one table. Stops everything it started.
#   CONCURRENCY=32 DURATION=20s [DATABASE=postgresql] bash scripts/load.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
concurrency=${CONCURRENCY:-32}
duration=${DURATION:-20s}
art=${ARTIFACTS:-/tmp/huaxin-load-build}
work=$(mktemp -d /tmp/huaxin-load.XXXXXX)
pids=()

database=${DATABASE:-sqlite}
pgbin=/usr/lib/postgresql/15/bin
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ -d "$work/pg/data" ]; then as_postgres "$pgbin/pg_ctl" -D "$work/pg/data" -m fast -w stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ "$database" = postgresql ]; then
  # Default durability (synchronous_commit on, fsync on): the numbers are what a production server would do.
  mkdir -p "$work/pg"
  [ "$(id -u)" = 0 ] && chown postgres "$work" "$work/pg"
  as_postgres "$pgbin/initdb" -D "$work/pg/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  as_postgres "$pgbin/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -w start \
    -o "-c listen_addresses=127.0.0.1 -p 5398 -k $work/pg -c max_connections=300" >/dev/null
fi
runs=0

wait_for() { # url
  for _ in $(seq 1 300); do
    curl -s -o /dev/null "$1" && return 0
    sleep 0.1
  done
  echo "Timed out waiting for $1" >&2
  return 1
}

echo "Building (Release) into $art ..." >&2
dotnet build HuaXin.Bot/HuaXin.Bot.csproj -c Release --artifacts-path "$art" -v q -nologo >&2
dotnet build tools/loadtest/HuaXin.LoadTest.csproj -c Release --artifacts-path "$art" -v q -nologo >&2
[ -d tests/npm/node_modules/botbuilder ] || (cd tests/npm && npm ci --no-audit --no-fund --loglevel=error >&2)
service_dll="$art/bin/HuaXin.Bot/release/HuaXin.Bot.dll"
tool_dll="$art/bin/HuaXin.LoadTest/release/HuaXin.LoadTest.dll"

start_service() { # fresh database each time, so each target's peak memory is its own
  runs=$((runs + 1))
  if [ "$database" = postgresql ]; then
    as_postgres "$pgbin/psql" -h 127.0.0.1 -p 5398 -U postgres -qc "CREATE DATABASE load$runs" >/dev/null
    db=(--Database:Provider=PostgreSQL "--ConnectionStrings:HuaXin=Host=127.0.0.1;Port=5398;Username=postgres;Database=load$runs")
  else
    rm -f "$work"/load.db*
    db=("--ConnectionStrings:HuaXin=Data Source=$work/load.db")
  fi
  ASPNETCORE_ENVIRONMENT=Production dotnet "$service_dll" --urls http://127.0.0.1:5301 \
    "${db[@]}" --RateLimits:Enabled=false --Knowledge:Watch=false \
    --Logging:LogLevel:Default=Warning >"$work/service.log" 2>&1 &
  service_pid=$!
  pids+=("$service_pid")
  wait_for http://127.0.0.1:5301/healthz
}

stop_service() {
  kill "$service_pid" 2>/dev/null || true
  wait "$service_pid" 2>/dev/null || true
}

run() { # target pid url
  # A short unmeasured warm-up (JIT, connection pool, SQLite cache), then the measured run.
  dotnet "$tool_dll" --target "$1" --url "$3" --concurrency "$concurrency" --duration 3s >/dev/null
  dotnet "$tool_dll" --target "$1" --url "$3" --concurrency "$concurrency" --duration "$duration" --pid "$2"
}

rows=()
start_service
rows+=("$(run messages "$service_pid" http://127.0.0.1:5301)")
stop_service
start_service
rows+=("$(run directline "$service_pid" http://127.0.0.1:5301)")
stop_service

dotnet "$tool_dll" --serve-bare 5302 >/dev/null 2>&1 &
bare_pid=$!
pids+=("$bare_pid")
wait_for http://127.0.0.1:5302/
rows+=("$(run bare "$bare_pid" http://127.0.0.1:5302)")
kill "$bare_pid"

node tests/npm/echo-bot.js 5303 >"$work/echo.log" 2>&1 &
echo_pid=$!
pids+=("$echo_pid")
sleep 1
rows+=("$(run botbuilder "$echo_pid" http://127.0.0.1:5303)")

echo
echo "Concurrency $concurrency, $duration per target, $(nproc) cores, $database; latency in ms; peak = VmHWM of the serving process."
echo "| target     | conc |   turns |  turns/s |     p50 |     p95 |     p99 | errors |     peak |"
echo "|------------|------|---------|----------|---------|---------|---------|--------|----------|"
printf '%s\n' "${rows[@]}"
