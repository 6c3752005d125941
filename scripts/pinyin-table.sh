#!/usr/bin/env bash
# Writes HuaXin.Bot/Knowledge/Search/pinyin.txt: the toneless pinyin of the 6,763 characters of GB 2312 (the common
# set), one line per syllable, from ICU's Han-Latin transliteration (apt: icu-devtools). Typed Chinese goes wrong by
# sound: 公资 for 工资, 社宝 for 社保, or the pinyin itself (gong伤); the search reads a bigram it does not know by this.
set -euo pipefail
cd "$(dirname "$0")/.."
out=HuaXin.Bot/Knowledge/Search/pinyin.txt
chars=$(mktemp)
python3 -c "
import sys
for c in range(0x4e00, 0xa000):
    try:
        chr(c).encode('gb2312'); print(chr(c))
    except UnicodeEncodeError:
        pass" > "$chars"
uconv -x Han-Latin < "$chars" | paste "$chars" - | python3 -c "
import sys, collections, unicodedata
groups = collections.OrderedDict()
for line in sys.stdin:
    char, syllable = line.rstrip('\n').split('\t')
    # Tones dropped; ü is typed v (lv, nv).
    plain = unicodedata.normalize('NFD', syllable.strip().lower()).replace('u\u0308', 'v')
    plain = ''.join(c for c in plain if not unicodedata.combining(c))
    groups.setdefault(plain, []).append(char)
print('# toneless pinyin of GB 2312 characters, from ICU Han-Latin (scripts/pinyin-table.sh); one reading per character')
for syllable in sorted(groups):
    print(syllable + '\t' + ''.join(groups[syllable]))" > "$out"
rm -f "$chars"
echo "$out: $(grep -vc '^#' "$out") syllables"
