#!/usr/bin/env bash
# Side by side, in one run on this machine (127.0.0.1 only):
#   bash scripts/load.sh                      # ROUNDS=2 DURATION=15 WARMUP=5 THREADS=2 SETTLE=30
# Publishes Release (ReadyToRun) and starts HuaXin.Bot on SQLite (a temp folder) and, when PostgreSQL 15 is installed, a second one on a
# throwaway PostgreSQL cluster (default durability); the bare Kestrel app (tools/load/BareKestrel) and botbuilder-js's
# echo bot (tests/npm/echo-bot.js). wrk drives them all with the same bodies (tools/load/messages.lua: Bot Framework
# activities with unique ids over 512 conversations, policy questions, deliveryMode expectReplies) at 64 and at 8
# connections, servers alternating within each round; then Direct Line posts (tools/load/directline.lua) to both
# HuaXin.Bot instances. Every figure is printed with the machine's load average when it was taken, then the median over
# the rounds and the ratios to the two references, peak RSS (VmHWM) of each server and HuaXin.Bot's cold start (exec to
# /healthz 200 on a database that is already there, nothing changed). Stops everything it started.
# Before the first round every server gets SETTLE seconds of the same load (HuaXin.Bot also of Direct Line posts): a
# fresh .NET process on two busy cores spends its first 20-30 s compiling (tiered JIT), so a 5 s warm-up measured that,
# not the turn. SETTLE=0 measures from a fresh start, as before.
# SQLITE_SYNC=Normal runs the SQLite instance with Database:SqliteSynchronous=Normal instead of the default Full, to see
# what the per-commit fsync costs (README, Speed).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${ROUNDS:-2}
duration=${DURATION:-15}
warmup=${WARMUP:-5}
settle=${SETTLE:-30}
threads=${THREADS:-2}
art=${ARTIFACTS:-/tmp/huaxin-load-build}
work=$(mktemp -d /tmp/huaxin-load.XXXXXX)
pids=()
pgbin=/usr/lib/postgresql/15/bin
secret=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ -d "$work/pg/data" ]; then as_postgres "$pgbin/pg_ctl" -D "$work/pg/data" -m fast -w stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
echo "Publishing (Release, ReadyToRun) into $art ..." >&2
# Published as the README's deployment does (ReadyToRun for this machine's runtime), so the cold start is production's.
rid=$(dotnet --info | awk '/ RID:/ { print $2; exit }')
dotnet publish HuaXin.Bot/HuaXin.Bot.csproj -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
  --artifacts-path "$art" -o "$art/publish" -v q -nologo >&2
dotnet build tools/load/BareKestrel/HuaXin.BareKestrel.csproj -c Release --artifacts-path "$art" -v q -nologo >&2
[ -d tests/npm/node_modules/botbuilder ] || (cd tests/npm && npm ci --no-audit --no-fund --loglevel=error >&2)
service_dll="$art/publish/HuaXin.Bot.dll"
bare_dll="$art/bin/HuaXin.BareKestrel/release/HuaXin.BareKestrel.dll"

wait_for() { # url
  for _ in $(seq 1 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$1" || true)" = 200 ] && return 0
    sleep 0.05
  done
  echo "Timed out waiting for $1" >&2
  return 1
}

start_huaxin() { # name port db-args...
  local name=$1 port=$2
  shift 2
  # No Bot Framework App ID: /api/messages is unauthenticated for loopback callers; rate limits off; a Direct Line
  # secret so the script can open conversations.
  ASPNETCORE_ENVIRONMENT=Production dotnet "$service_dll" --urls "http://127.0.0.1:$port" "$@" \
    --RateLimits:Enabled=false --Knowledge:Watch=false --Logging:LogLevel:Default=Warning \
    "--DirectLine:Secrets:0=$secret" >>"$work/$name.log" 2>&1 &
  echo $!
}

# SQLite: a first start creates the database and ingests the knowledge; the measured one is the restart.
sqlite_db=("--ConnectionStrings:HuaXin=Data Source=$work/load.db" "--Database:SqliteSynchronous=${SQLITE_SYNC:-Full}")
pid=$(start_huaxin sqlite 5301 "${sqlite_db[@]}")
first_start=$(date +%s%N)
wait_for http://127.0.0.1:5301/healthz
first_ms=$(( ($(date +%s%N) - first_start) / 1000000 ))
kill "$pid"; wait "$pid" 2>/dev/null || true
cold_start=$(date +%s%N)
sqlite_pid=$(start_huaxin sqlite 5301 "${sqlite_db[@]}")
pids+=("$sqlite_pid")
wait_for http://127.0.0.1:5301/healthz
cold_ms=$(( ($(date +%s%N) - cold_start) / 1000000 ))
cold_load=$(load)

servers=(bare echo huaxin-sqlite)
declare -A url pid_of
url[huaxin-sqlite]=http://127.0.0.1:5301
pid_of[huaxin-sqlite]=$sqlite_pid

if [ -x "$pgbin/initdb" ]; then
  mkdir -p "$work/pg"
  [ "$(id -u)" = 0 ] && chown postgres "$work" "$work/pg"
  as_postgres "$pgbin/initdb" -D "$work/pg/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  as_postgres "$pgbin/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -w start \
    -o "-c listen_addresses=127.0.0.1 -p 5398 -k $work/pg -c max_connections=300" >/dev/null
  pg_pid=$(start_huaxin postgresql 5304 --Database:Provider=PostgreSQL \
    "--ConnectionStrings:HuaXin=Host=127.0.0.1;Port=5398;Username=postgres;Database=postgres;Maximum Pool Size=100")
  pids+=("$pg_pid")
  wait_for http://127.0.0.1:5304/healthz
  servers+=(huaxin-postgresql)
  url[huaxin-postgresql]=http://127.0.0.1:5304
  pid_of[huaxin-postgresql]=$pg_pid
else
  echo "PostgreSQL 15 is not installed: measuring SQLite only." >&2
fi

dotnet "$bare_dll" --urls http://127.0.0.1:5302 >"$work/bare.log" 2>&1 &
pid_of[bare]=$!
pids+=("${pid_of[bare]}")
url[bare]=http://127.0.0.1:5302
node tests/npm/echo-bot.js 5303 >"$work/echo.log" 2>&1 &
pid_of[echo]=$!
pids+=("${pid_of[echo]}")
url[echo]=http://127.0.0.1:5303
wait_for_post() { # url: the echo bot and the bare app only answer POST
  for _ in $(seq 1 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -d '{"type":"typing"}' "$1/api/messages" || true)" = 200 ] && return 0
    sleep 0.05
  done
  echo "Timed out waiting for $1" >&2
  return 1
}
wait_for_post "${url[bare]}"
wait_for_post "${url[echo]}"

# Each server must answer the body it is measured with: the turn's reply in the response.
probe='{"type":"message","id":"probe-1","channelId":"emulator","serviceUrl":"http://127.0.0.1:9/","deliveryMode":"expectReplies","from":{"id":"probe-user","name":"压测"},"recipient":{"id":"bot"},"conversation":{"id":"probe-conv"},"text":"困难职工帮扶怎么申请","locale":"zh-CN"}'
for s in echo "${servers[@]:2}"; do
  curl -s -H 'Content-Type: application/json' -d "$probe" "${url[$s]}/api/messages" | grep -q '"activities":\[{' \
    || { echo "$s did not answer the probe turn with replies" >&2; exit 1; }
done

open_conversations() { # base-url file: 512 Direct Line conversations, "id token" per line
  mkdir -p "$2.d"
  seq 1 512 | xargs -P 8 -I{} sh -c "curl -s -o '$2.d/{}' -X POST -H 'Authorization: Bearer $secret' \
    -H 'Content-Type: application/json' -d '{\"user\":{\"id\":\"load-{}\"}}' '$1/v3/directline/conversations'"
  for f in "$2.d"/*; do
    sed -E 's/.*"conversationId":"([^"]+)".*"token":"([^"]+)".*/\1 \2/' "$f"
    echo
  done >"$2"
}

results="$work/results"
: >"$results"
to_ms() { # wrk's "12.34ms" / "1.2s" / "850.00us"
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}
measure() { # label server conc script [script args]
  local label=$1 server=$2 conc=$3 script=$4
  shift 4
  local args=()
  [ $# -gt 0 ] && args=(-- "$@")
  # A slow answer is latency, not an error: wrk's own 2 s timeout would count it as one.
  wrk -t"$threads" -c"$conc" -d"${warmup}s" --timeout 10s -s "$script" "${url[$server]}" "${args[@]}" >/dev/null
  local before out rps p50 p99 errors
  before=$(load)
  out=$(wrk -t"$threads" -c"$conc" -d"${duration}s" --timeout 10s --latency -s "$script" "${url[$server]}" "${args[@]}")
  rps=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")
  p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
  errors=$(awk '/Non-2xx/ { n += $NF } /Socket errors/ { gsub(",", ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' <<<"$out")
  printf '%s %s %s %s %s %s %s\n' "$label" "$conc" "$rps" "$p50" "$p99" "$errors" "$before" >>"$results"
  printf '  %-26s c%-3s %9.0f req/s  p50 %8s ms  p99 %8s ms  errors %s  (load %s)\n' "$label" "$conc" "$rps" "$p50" "$p99" "$errors" "$before" >&2
}

for s in "${servers[@]:2}"; do open_conversations "${url[$s]}" "$work/conversations-$s"; done
if [ "$settle" -gt 0 ]; then
  echo "Settling every server for ${settle}s ..." >&2
  for s in "${servers[@]}"; do
    wrk -t"$threads" -c64 -d"${settle}s" --timeout 10s -s tools/load/messages.lua "${url[$s]}" >/dev/null
  done
  for s in "${servers[@]:2}"; do
    wrk -t"$threads" -c64 -d"${settle}s" --timeout 10s -s tools/load/directline.lua "${url[$s]}" -- "$work/conversations-$s" >/dev/null
  done
fi
for round in $(seq 1 "$rounds"); do
  echo "Round $round of $rounds" >&2
  for conc in 64 8; do
    for s in "${servers[@]}"; do measure "$s" "$s" "$conc" tools/load/messages.lua; done
  done
  for s in "${servers[@]:2}"; do measure "$s-directline" "$s" 64 tools/load/directline.lua "$work/conversations-$s"; done
done

# Every Direct Line post got its replies: each of the user's activities is named by some reply's replyToId (an answer
# may come as more than one message).
for s in "${servers[@]:2}"; do
  while read -r id token; do
    # A page holds at most 100 activities: follow the watermark to the end.
    page="" watermark=""
    while :; do
      chunk=$(curl -s -H "Authorization: Bearer $token" "${url[$s]}/v3/directline/conversations/$id/activities${watermark:+?watermark=$watermark}")
      next=$(grep -o '"watermark":"[0-9]*"' <<<"$chunk" | grep -o '[0-9]\+' || true)
      grep -q '"type":"message"' <<<"$chunk" || break
      page+=$chunk
      [ -n "$next" ] && [ "$next" != "$watermark" ] || break
      watermark=$next
    done
    all=$(grep -o '"type":"message"' <<<"$page" | wc -l || true)
    replies=$(grep -o '"replyToId"' <<<"$page" | wc -l || true)
    answered=$(grep -o '"replyToId":"[^"]*"' <<<"$page" | sort -u | wc -l || true)
    [ $((all - replies)) -eq "$answered" ] || { echo "$s: conversation $id has a post without a reply ($((all - replies)) posts, $answered answered)" >&2; exit 1; }
  done < <(head -n 32 "$work/conversations-$s")
done

peak() { awk '/^VmHWM:/ { printf "%.0f MB", $2 / 1024 }' "/proc/$1/status"; }
median() { # label conc column
  awk -v l="$1" -v c="$2" -v k="$3" '$1 == l && $2 == c { print $k }' "$results" | sort -g | awk '{ v[NR] = $1 } END { print (NR ? v[int((NR + 1) / 2)] : "n/a") }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

echo
echo "$(date -u +%F), $(nproc) cores, wrk -t$threads, ${duration}s after ${warmup}s warm-up, ${settle}s settle per server first, $rounds round(s), servers alternating; median over the rounds."
echo "| server | c64 req/s | c64 p99 ms | c8 req/s | c8 p99 ms | Direct Line posts/s (c64) | peak RSS |"
echo "|---|---|---|---|---|---|---|"
for s in "${servers[@]}"; do
  dl=$( [[ $s == huaxin-* ]] && median "$s-directline" 64 3 || echo "" )
  echo "| $s | $(median "$s" 64 3) | $(median "$s" 64 5) | $(median "$s" 8 3) | $(median "$s" 8 5) | $dl | $(peak "${pid_of[$s]}") |"
done
echo
echo "Ratios (same run):"
for s in "${servers[@]:2}"; do
  echo "  $s / echo bot: c64 $(ratio "$(median "$s" 64 3)" "$(median echo 64 3)")×, c8 $(ratio "$(median "$s" 8 3)" "$(median echo 8 3)")×, Direct Line $(ratio "$(median "$s-directline" 64 3)" "$(median echo 64 3)")×"
  echo "  $s / bare Kestrel: c64 $(ratio "$(median "$s" 64 3)" "$(median bare 64 3)")×, c8 $(ratio "$(median "$s" 8 3)" "$(median bare 8 3)")×"
done
if [[ " ${servers[*]} " == *" huaxin-postgresql "* ]]; then
  echo "  PostgreSQL / SQLite: c64 $(ratio "$(median huaxin-postgresql 64 3)" "$(median huaxin-sqlite 64 3)")×, c8 $(ratio "$(median huaxin-postgresql 8 3)" "$(median huaxin-sqlite 8 3)")×, Direct Line $(ratio "$(median huaxin-postgresql-directline 64 3)" "$(median huaxin-sqlite-directline 64 3)")×"
fi
echo "Cold start (restart, nothing changed): $cold_ms ms (load $cold_load); first start on an empty database: $first_ms ms."
echo "Every row with its load average (1, 5, 15 min) when measured: label conc req/s p50 p99 errors load"
cat "$results"
