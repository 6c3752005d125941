#!/usr/bin/env bash
# Runs the whole test suite on a fresh Debian machine: installs what the tests need (as root), runs every test
# project on SQLite and the host-level ones again on PostgreSQL, and ends with the line "N passed, N failed" over both.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

log() { printf '\n== %s\n' "$*"; }

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || need_apt+=(fonts-wqy-microhei)
command -v node >/dev/null 2>&1 || need_apt+=(nodejs npm)
# PostgreSQL: the tests start their own throwaway cluster from these binaries (see tests/.../Support/PostgresServer.cs).
[ -x /usr/lib/postgresql/15/bin/initdb ] || need_apt+=(postgresql-15 postgresql-contrib)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    log "Installing ${need_apt[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null || { echo "apt-get install failed"; exit 1; }
  else
    echo "Missing ${need_apt[*]}: run as root or install them first." >&2
  fi
fi

for dir in web tests/npm; do
  if [ -f "$dir/package.json" ]; then
    log "npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) || { echo "npm ci failed in $dir"; exit 1; }
  fi
done

log "dotnet test"
out=$(mktemp)
HUAXIN_TEST_PROVIDER=Sqlite dotnet test HuaXin.Bot.sln --logger "console;verbosity=minimal" 2>&1 | tee "$out"
status=${PIPESTATUS[0]}

# The host-level suites once more with every test database on PostgreSQL (tests/.../Support/TestDatabase.cs). Classes
# that choose their provider themselves (…OnSqlite/…OnPostgreSql) ran above, as did tests about SQLite only.
pg_filter='FullyQualifiedName!~OnSqlite&FullyQualifiedName!~OnPostgreSql&Database!=Sqlite'
for project in tests/HuaXin.Bot.Tests tests/HuaXin.Bot.E2E; do
  log "dotnet test $project on PostgreSQL"
  HUAXIN_TEST_PROVIDER=PostgreSQL dotnet test "$project" --no-build --filter "$pg_filter" --logger "console;verbosity=minimal" 2>&1 | tee -a "$out"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
done

# dotnet test prints one summary line per test project and pass: "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12"
sum() { grep -Eo "$1: +[0-9]+" "$out" | awk '{ s += $2 } END { print s + 0 }'; }
passed=$(sum Passed)
failed=$(sum Failed)
rm -f "$out"
if [ "$status" -ne 0 ] && [ "${failed:-0}" = 0 ]; then
  failed=1 # the build or a test host failed before any test could report
fi
echo "${passed:-0} passed, ${failed:-0} failed"
exit "$status"
