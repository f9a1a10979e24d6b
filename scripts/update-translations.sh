#!/bin/sh
# Refreshes translations/*.ts from the sources (lupdate), then fills English plurals.
# Translate new zh_CN strings in Qt Linguist (linguist translations/spoon_console_zh_CN.ts).
set -eu
cd "$(dirname "$0")/.."
cmake --build build --target update_translations
python3 scripts/fill-english-plurals.py translations/spoon_console_en.ts
