#!/usr/bin/env bash
# Kill a large run halfway (SIGKILL), continue it with --resume, and check
# that every output equals an uninterrupted run byte for byte.
#
#   scripts/test_resume.sh [COUNT]     (default 2000 inputs)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-2000}
cargo build --release --locked -q
pifu=target/release/pifu
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/in"
# UTF-8 text samples only: a line is appended to each copy.
mapfile -t sources < <(ls samples/pdf/*.pdf samples/ezhou-data-bureau-2026.txt samples/huangshi-*.txt samples/xiaogan-*.txt)
for ((i = 0; i < count; i++)); do
  src=${sources[$((i % ${#sources[@]}))]}
  ext=${src##*.}
  dst="$work/in/$(printf '%05d' "$i").$ext"
  cp "$src" "$dst"
  if [ "$ext" = pdf ]; then printf '\n%% copy %d\n' "$i" >> "$dst"; else printf '\n附注\t副本 %d\n' "$i" >> "$dst"; fi
done

start=$(date +%s.%N)
"$pifu" convert "$work/in" -o "$work/full" -q --jobs 2
full_s=$(echo "$(date +%s.%N) - $start" | bc)

"$pifu" convert "$work/in" -o "$work/cut" -q --jobs 2 &
pid=$!
while [ "$(ls "$work/cut/json" 2>/dev/null | wc -l)" -lt $((count / 2)) ]; do sleep 0.05; done
kill -9 "$pid"; wait "$pid" 2>/dev/null || true
pkill -9 -f "$pifu worker" 2>/dev/null || true
written=$(ls "$work/cut/json" | wc -l)
"$pifu" convert "$work/in" -o "$work/cut" -q --jobs 2 --resume

if diff -r "$work/full" "$work/cut" >/dev/null; then
  echo "PASS: $count inputs, killed after $written documents, resumed: outputs byte-identical (uninterrupted run ${full_s}s)"
else
  echo "FAIL: outputs differ after --resume"; diff -rq "$work/full" "$work/cut" | head; exit 1
fi
