#!/usr/bin/env bash
# Where the whole first turn sends each labelled message, not only what understanding says about it:
#   bash scripts/routing.sh ../shared/eval/requests-dev/requests.jsonl      # any eval --requests file
# Builds Release, talks to the bot through the `chat` command (a fresh SQLite file, no AI), one message after another in
# one conversation with 取消 after each, and counts, for requests and for non-requests, the turns that start taking the
# request down, answer and offer to take it down, raise an emergency, add to an emergency raised earlier in the run
# (an emergency stays open for 30 minutes, so later place-or-time-only messages join it), or do none of these.
set -euo pipefail
cd "$(dirname "$0")/.."
set_file=$(realpath "$1")
art=${ARTIFACTS:-/tmp/huaxin-routing-build}
work=$(mktemp -d /tmp/huaxin-routing.XXXXXX)
trap 'rm -rf "$work"' EXIT

dotnet build HuaXin.Bot -c Release -o "$art" -v q -nologo >/dev/null
python3 - "$set_file" >"$work/in.txt" <<'PY'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    if line.strip():
        print(json.loads(line)["text"].replace("\n", " "))
        print("取消")
PY
dotnet "$art/HuaXin.Bot.dll" chat --ConnectionStrings:HuaXin="Data Source=$work/chat.db" <"$work/in.txt" 2>/dev/null >"$work/out.txt"
python3 - "$set_file" "$work/out.txt" <<'PY'
import json, re, sys
from collections import Counter
items = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
replies = open(sys.argv[2], encoding="utf-8").read().split("你：")[1::2]
counts = Counter()
for item, reply in zip(items, replies):
    if "已为您登记紧急求助" in reply or "请马上" in reply:
        route = "emergency"
    elif any(w in reply for w in ("我来帮您登记", "我马上帮您登记", "请问是哪方面的事", "请核对")):
        route = "intake"
    elif "已补充到紧急求助" in reply:
        route = "joined emergency"
    elif re.search(r"需要帮您登记(「[^」]*」)?吗", reply):
        route = "answer + offer"
    else:
        route = "other"
    counts[(item["is_request"], route)] += 1
for wanted, name in ((True, "requests"), (False, "non-requests")):
    total = sum(n for (r, _), n in counts.items() if r == wanted)
    parts = ", ".join(f"{route} {n}" for (r, route), n in sorted(counts.items()) if r == wanted)
    print(f"{name} ({total}): {parts}")
PY
