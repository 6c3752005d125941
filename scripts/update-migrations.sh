#!/usr/bin/env bash
# Regenerates the single "Initial" migration of each provider from the current model.
# Used while no database outside development exists; once one does, add migrations instead.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
rm -rf HuaXin.Bot/Data/Sqlite/Migrations HuaXin.Bot/Data/PostgreSql/Migrations
dotnet build HuaXin.Bot -v q -nologo -clp:ErrorsOnly
for provider in Sqlite PostgreSql; do
  dotnet ef migrations add Initial --no-build --project HuaXin.Bot --context "${provider}HuaXinDbContext" --output-dir "Data/$provider/Migrations"
done
rm -f HuaXin.Bot/design.db
