#!/usr/bin/env bash
# What one Q&A turn costs, in units a busy machine does not distort much (unlike req/s):
#   bash scripts/turn-cost.sh                 # DURATION=15 CONNECTIONS=8
# Publishes Release (ReadyToRun), starts HuaXin.Bot on a fresh SQLite file (127.0.0.1:5391), restarts it on that file (the cold start:
# exec to /healthz 200, nothing changed), warms it up, then drives it with wrk at a fixed offered load (the bodies of
# scripts/load.sh: expectReplies policy questions over 512 conversations) and prints the turns served, the service's
# CPU time (user + sys from /proc) per turn, the commits' syncs (fsync/fdatasync, counted by strace when installed)
# per turn, and peak RSS. Stops what it started.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${DURATION:-15}
conns=${CONNECTIONS:-8}
art=${ARTIFACTS:-/tmp/huaxin-cost-build}
port=5391
work=$(mktemp -d /tmp/huaxin-cost.XXXXXX)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
# Published as the README's deployment does (ReadyToRun for this machine's runtime), so the cold start is production's.
rid=$(dotnet --info | awk '/ RID:/ { print $2; exit }')
dotnet publish HuaXin.Bot/HuaXin.Bot.csproj -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
  --artifacts-path "$art" -o "$art/publish" -v q -nologo >&2
start() {
  ASPNETCORE_ENVIRONMENT=Production dotnet "$art/publish/HuaXin.Bot.dll" --urls "http://127.0.0.1:$port" \
    "--ConnectionStrings:HuaXin=Data Source=$work/cost.db" --RateLimits:Enabled=false --Knowledge:Watch=false \
    --Logging:LogLevel:Default=Warning >>"$work/log" 2>&1 &
  pid=$!
  for _ in $(seq 1 2400); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/healthz" || true)" = 200 ] && return 0
    sleep 0.05
  done
  echo "Timed out waiting for /healthz" >&2
  exit 1
}
cpu_ms() { awk '{ print ($14 + $15) * 10 }' "/proc/$pid/stat"; } # clock ticks of 10 ms
drive() { wrk -t2 -c"$conns" -d"$1" --timeout 10s -s tools/load/messages.lua "http://127.0.0.1:$port"; }
turns() { awk '/requests in/ { print $1 }'; }
per() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

start
kill "$pid"; wait "$pid" 2>/dev/null || true
started=$(date +%s%N)
start
cold=$(( ($(date +%s%N) - started) / 1000000 ))
cold_cpu=$(cpu_ms)
drive 20s >/dev/null
before=$(cpu_ms)
served=$(drive "${duration}s" | turns)
used=$(( $(cpu_ms) - before ))
syncs=n/a
if command -v strace >/dev/null; then
  strace -f -c -e trace=fsync,fdatasync -p "$pid" -o "$work/strace" 2>/dev/null &
  tracer=$!
  sleep 1
  traced=$(drive 10s | turns)
  kill -TERM "$tracer"; wait "$tracer" 2>/dev/null || true
  syncs="$(per "$(awk '$NF ~ /^(fsync|fdatasync)$/ { n += $4 } END { print n + 0 }' "$work/strace")" "$traced") per turn ($traced turns traced)"
fi
echo "$(date -u +'%F %H:%M'), load average $(cut -d' ' -f1-3 /proc/loadavg), wrk -t2 -c$conns ${duration}s after 20s warm-up"
echo "cold start ${cold} ms (${cold_cpu} ms CPU), turns $served, CPU $(per "$used" "$served") ms per turn, syncs $syncs, peak RSS $(awk '/^VmHWM:/ { printf "%.0f MB", $2 / 1024 }' "/proc/$pid/status")"
