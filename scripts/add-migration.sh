#!/usr/bin/env bash
# Adds one EF Core migration, named $1, for both providers from the current model:
#   bash scripts/add-migration.sh AddSomething
# Migrations that have landed are never regenerated: databases out there already ran them.
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh <MigrationName>}
dotnet tool restore >/dev/null
dotnet build HuaXin.Bot -v q -nologo -clp:ErrorsOnly
for provider in Sqlite PostgreSql; do
  dotnet ef migrations add "$name" --no-build --project HuaXin.Bot --context "${provider}HuaXinDbContext" --output-dir "Data/$provider/Migrations"
done
rm -f HuaXin.Bot/design.db
