#!/usr/bin/env bash
# Time to first typing of the family page on an emulated rural phone: publishes HuaXin.Bot (Release, as deployed: the
# precompressed, fingerprinted static files), starts it on 127.0.0.1 over a throwaway SQLite database and opens the page
# in Debian's Chromium under Chrome's "Slow 3G" profile with the CPU slowed 4× (benchmarks/HuaXin.Bot.PageLoad).
#   RUNS=5 bash scripts/page-load.sh
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
art=${ARTIFACTS:-/tmp/huaxin-pageload-build}
work=$(mktemp -d /tmp/huaxin-pageload.XXXXXX)
service_pid=
cleanup() {
  [ -n "$service_pid" ] && kill "$service_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "Publishing (Release) into $art ..." >&2
dotnet publish HuaXin.Bot/HuaXin.Bot.csproj -c Release -o "$art/service" -v q -nologo >&2
dotnet build benchmarks/HuaXin.Bot.PageLoad/HuaXin.Bot.PageLoad.csproj -c Release -o "$art/tool" -v q -nologo >&2

# From the repository root (the shipped knowledge and taxonomy), with the published wwwroot.
ASPNETCORE_ENVIRONMENT=Production dotnet "$art/service/HuaXin.Bot.dll" --urls http://127.0.0.1:5311 --webroot "$art/service/wwwroot" \
  "--ConnectionStrings:HuaXin=Data Source=$work/pageload.db" --Knowledge:Watch=false \
  --Logging:LogLevel:Default=Warning >"$work/service.log" 2>&1 &
service_pid=$!
for _ in $(seq 1 300); do curl -s -o /dev/null http://127.0.0.1:5311/healthz && break; sleep 0.2; done

dotnet "$art/tool/HuaXin.Bot.PageLoad.dll" --url http://127.0.0.1:5311/ --runs "$runs" "$@"
