#!/usr/bin/env bash
# Load test on this machine only (127.0.0.1): builds Release, starts HuaXin.Bot (SQLite in a temp folder, no Bot
# Framework App ID so /api/messages is unauthenticated on loopback, rate limits off), the bare Kestrel endpoint and
# botbuilder's echo bot, drives each with tools/loadtest and prints one table. Stops everything it started.
#   CONCURRENCY=32 DURATION=20s bash scripts/load.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
concurrency=${CONCURRENCY:-32}
duration=${DURATION:-20s}
art=${ARTIFACTS:-/tmp/huaxin-load-build}
work=$(mktemp -d /tmp/huaxin-load.XXXXXX)
pids=()

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

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
  rm -f "$work"/load.db*
  ASPNETCORE_ENVIRONMENT=Production dotnet "$service_dll" --urls http://127.0.0.1:5301 \
    "--ConnectionStrings:HuaXin=Data Source=$work/load.db" --RateLimits:Enabled=false --Knowledge:Watch=false \
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
echo "Concurrency $concurrency, $duration per target, $(nproc) cores; latency in ms; peak = VmHWM of the serving process."
echo "| target     | conc |   turns |  turns/s |     p50 |     p95 |     p99 | errors |     peak |"
echo "|------------|------|---------|----------|---------|---------|---------|--------|----------|"
printf '%s\n' "${rows[@]}"
