#!/usr/bin/env bash
# Regenerates the single "Initial" migration from the current model.
# Used while no database outside development exists; once one does, add migrations instead.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
rm -rf HuaXin.Bot/Data/Sqlite/Migrations
dotnet ef migrations add Initial --project HuaXin.Bot --context SqliteHuaXinDbContext --output-dir Data/Sqlite/Migrations
rm -f HuaXin.Bot/design.db
