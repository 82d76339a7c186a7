#!/usr/bin/env bash
# Checks that pifu under Spark (scripts/spark_convert.py, RDD.pipe) and
# under static sharding (--shard K/N) gives the same documents as one
# single-machine run over the same path list.
#
# Run by hand, not by CI: the first run installs PySpark (about 300 MB) from
# PyPI into a virtualenv under the cache directory. Needs Java (17 is what it
# was measured with), python3 with venv, and a Rust toolchain.
#
#   scripts/test_spark.sh            # prints PASS and exits 0, or FAIL and exits 1
#
# Environment:
#   PIFU_CACHE_DIR   where the virtualenv lives (default ${XDG_CACHE_HOME:-~/.cache}/pifu)
#   PYSPARK_SPEC     pip requirement for PySpark (default pyspark==3.5.*)
#   PARTITIONS       Spark partitions (default 4)
#   SHARDS           N for the --shard check (default 3)
#   KEEP=1           keep the work directory (always kept on FAIL)
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT" || exit 2

CACHE="${PIFU_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/pifu}"
VENV="$CACHE/spark-venv"
PYSPARK_SPEC="${PYSPARK_SPEC:-pyspark==3.5.*}"
PARTITIONS="${PARTITIONS:-4}"
SHARDS="${SHARDS:-3}"
PIFU="$ROOT/target/release/pifu"

FAILURES=0
pass() { echo "  ok:   $*"; }
fail() { echo "  FAIL: $*"; FAILURES=$((FAILURES + 1)); }
die() { echo "test_spark: $*" >&2; echo "FAIL"; exit 1; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

# --- Java and PySpark -------------------------------------------------------
command -v java >/dev/null 2>&1 || die "java not found (Spark needs a JVM; Java 17 works)"
JAVA_VERSION="$(java -version 2>&1 | head -n 1)"
echo "java: $JAVA_VERSION"

if ! "$VENV/bin/python" -c 'import pyspark' >/dev/null 2>&1; then
    echo "installing $PYSPARK_SPEC into $VENV (once; about 300 MB)"
    mkdir -p "$CACHE" || die "cannot create $CACHE"
    python3 -m venv "$VENV" || die "python3 -m venv failed"
    "$VENV/bin/python" -m pip install --quiet --upgrade pip >/dev/null 2>&1 || true
    "$VENV/bin/python" -m pip install --quiet "$PYSPARK_SPEC" || die "pip install $PYSPARK_SPEC failed"
fi
PY="$VENV/bin/python"
echo "pyspark: $("$PY" -c 'import pyspark; print(pyspark.__version__)') ($VENV)"

# --- pifu -------------------------------------------------------------------
echo "building pifu (cargo build --release)"
cargo build --release --quiet || die "cargo build --release failed"
[ -x "$PIFU" ] || die "no binary at $PIFU"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/pifu-spark-test.XXXXXX")"
echo "work directory: $WORK"

# Every run reads the same snapshot of samples/ (copied to $WORK/tree/samples,
# so the paths are still samples/...): inputs regenerated while the test runs
# (scripts/pdfgen) cannot make two runs see different bytes.
TREE="$WORK/tree"
mkdir -p "$TREE" && cp -R samples "$TREE/samples" || die "cannot copy samples/"
cd "$TREE" || die "cannot enter $TREE"

# The path list: every input under samples/ (every format pifu reads; files
# of several approvals among them).
LIST="$WORK/list.txt"
find samples -type f \( -iname '*.txt' -o -iname '*.pdf' -o -iname '*.html' -o -iname '*.htm' \
    -o -iname '*.xlsx' -o -iname '*.xls' -o -iname '*.docx' \) | LC_ALL=C sort >"$LIST"
N="$(wc -l <"$LIST")"
[ "$N" -gt 0 ] || die "no inputs under samples/"
echo "inputs: $N paths from samples/ ($(grep -c '^samples/pdf/' "$LIST") under samples/pdf/)"

# pifu exits 1 when some inputs failed (their error documents are output too).
run_pifu() { # OUTFILE ARGS...
    local out="$1"
    shift
    "$PIFU" convert "$@" >"$out"
    local rc=$?
    [ "$rc" -le 1 ] || { echo "pifu convert $* exited $rc"; return 1; }
}

same_bytes() { # NAME A B
    if cmp -s "$2" "$3"; then
        pass "$1: byte-identical ($(wc -l <"$2") lines)"
    else
        fail "$1: $2 and $3 differ"
        diff <(cut -c1-200 "$2") <(cut -c1-200 "$3") | head -n 20
    fi
}

same_set() { # NAME A B
    if cmp -s <(LC_ALL=C sort "$2") <(LC_ALL=C sort "$3"); then
        pass "$1: same set of $(wc -l <"$2") documents"
    else
        fail "$1: different documents in $2 and $3"
    fi
}

# --- (a) single machine -----------------------------------------------------
echo
echo "(a) single machine: pifu convert --files-from LIST --format jsonl -o -"
T0="$(now)"
run_pifu "$WORK/single.jsonl" --files-from "$LIST" --format jsonl -o - --quiet || die "single-machine run failed"
echo "    $(wc -l <"$WORK/single.jsonl") documents from $N inputs in $(elapsed "$T0" "$(now)") s"
[ "$(wc -l <"$WORK/single.jsonl")" -gt "$N" ] && pass "more documents than inputs (files of several approvals)" \
    || fail "single-machine output has $(wc -l <"$WORK/single.jsonl") lines for $N inputs"
ERRORS="$(grep -c '"status":"error"' "$WORK/single.jsonl")"
echo "    status error: $ERRORS of $N"

# --- (b) Spark, same list ---------------------------------------------------
echo
echo "(b) Spark: $PY scripts/spark_convert.py --files-from LIST --out OUT --partitions $PARTITIONS --pifu $PIFU"
T0="$(now)"
"$PY" "$ROOT/scripts/spark_convert.py" --files-from "$LIST" --out "$WORK/spark" \
    --partitions "$PARTITIONS" --pifu "$PIFU" 2>"$WORK/spark.log"
RC=$?
SPARK_SECONDS="$(elapsed "$T0" "$(now)")"
echo "    exit $RC in $SPARK_SECONDS s; $(ls "$WORK/spark/parts" 2>/dev/null | grep -c '^part-') partition files"
grep '^spark_convert:' "$WORK/spark.log" | sed 's/^/    /'
if [ "$RC" -gt 1 ] || [ ! -f "$WORK/spark/documents.jsonl" ]; then
    fail "Spark job failed (exit $RC); log: $WORK/spark.log"
    tail -n 30 "$WORK/spark.log"
else
    same_bytes "merged documents.jsonl vs single machine" "$WORK/spark/documents.jsonl" "$WORK/single.jsonl"
    cat "$WORK/spark/parts"/part-* >"$WORK/spark-parts.jsonl"
    same_set "partition files vs single machine" "$WORK/spark-parts.jsonl" "$WORK/single.jsonl"
    DOCS="$(wc -l <"$WORK/spark/documents.jsonl")"
fi

# --- (c) Spark, same list with absolute paths ---------------------------------
echo
echo "(c) absolute paths: the same list made absolute, single machine vs Spark"
sed "s|^|$TREE/|" "$LIST" >"$WORK/list-abs.txt"
run_pifu "$WORK/single-abs.jsonl" --files-from "$WORK/list-abs.txt" --format jsonl -o - --quiet \
    || fail "single-machine run (absolute paths) failed"
(cd "$WORK" && "$PY" "$ROOT/scripts/spark_convert.py" --files-from list-abs.txt --out spark-abs \
    --partitions "$PARTITIONS" --pifu "$PIFU" 2>spark-abs.log)
RC=$?
if [ "$RC" -gt 1 ] || [ ! -f "$WORK/spark-abs/documents.jsonl" ]; then
    fail "Spark job (absolute paths) failed (exit $RC); log: $WORK/spark-abs.log"
else
    same_bytes "absolute paths: merged documents.jsonl vs single machine" \
        "$WORK/spark-abs/documents.jsonl" "$WORK/single-abs.jsonl"
    if grep -q "\"path\":\"$TREE/samples/" "$WORK/spark-abs/documents.jsonl"; then
        pass "absolute paths kept absolute in source.path"
    else
        fail "source.path is not absolute"
    fi
fi

# --- (d) Spark over the directory vs pifu convert DIR -o OUT ------------------
echo
echo "(d) directory input: spark_convert.py samples vs pifu convert samples -o OUT (documents.jsonl)"
"$PIFU" convert samples -o "$WORK/dir-single" --format jsonl --quiet
RC=$?
[ "$RC" -le 1 ] || fail "pifu convert samples -o OUT exited $RC"
"$PY" "$ROOT/scripts/spark_convert.py" samples --out "$WORK/dir-spark" --partitions "$PARTITIONS" \
    --pifu "$PIFU" 2>"$WORK/dir-spark.log"
RC=$?
if [ "$RC" -gt 1 ] || [ ! -f "$WORK/dir-spark/documents.jsonl" ]; then
    fail "Spark job (directory) failed (exit $RC); log: $WORK/dir-spark.log"
else
    same_bytes "directory: merged documents.jsonl vs pifu convert samples -o OUT" \
        "$WORK/dir-spark/documents.jsonl" "$WORK/dir-single/documents.jsonl"
fi

# --- (e) duplicates across partitions -----------------------------------------
echo
echo "(e) duplicates across partitions: LIST plus its first path again at the end"
{ cat "$LIST"; head -n 1 "$LIST"; } >"$WORK/list-dup.txt"
run_pifu "$WORK/single-dup.jsonl" --files-from "$WORK/list-dup.txt" --format jsonl -o - --quiet \
    || fail "single-machine run (duplicate) failed"
"$PY" "$ROOT/scripts/spark_convert.py" --files-from "$WORK/list-dup.txt" --out "$WORK/spark-dup" \
    --partitions "$PARTITIONS" --pifu "$PIFU" 2>"$WORK/spark-dup.log"
RC=$?
if [ "$RC" -gt 1 ] || [ ! -f "$WORK/spark-dup/documents.jsonl" ]; then
    fail "Spark job (duplicate) failed (exit $RC); log: $WORK/spark-dup.log"
else
    grep '^spark_convert:.*earlier partition' "$WORK/spark-dup.log" | sed 's/^/    /' \
        || fail "the merge left no later copy out"
    same_bytes "duplicate: merged documents.jsonl vs single machine" \
        "$WORK/spark-dup/documents.jsonl" "$WORK/single-dup.jsonl"
fi

# --- (f) static partitioning with --shard K/N --------------------------------
echo
echo "(f) --shard: pifu convert --files-from LIST --shard K/$SHARDS for K = 1..$SHARDS, merged by input order"
for K in $(seq 1 "$SHARDS"); do
    run_pifu "$WORK/shard-$K.jsonl" --files-from "$LIST" --format jsonl -o - --quiet --shard "$K/$SHARDS" \
        || fail "shard $K/$SHARDS failed"
    echo "    shard $K/$SHARDS: $(wc -l <"$WORK/shard-$K.jsonl") documents"
done
# Merge by input order: shard K holds inputs K-1, K-1+N, K-1+2N, ...
# (counting from 0); each shard's lines go back to its inputs, and later
# copies of bytes an earlier shard converted are left out, as in the Spark
# merge.
"$PY" - "$LIST" "$WORK/shard-merged.jsonl" "$ROOT/scripts" "$WORK"/shard-[0-9]*.jsonl <<'EOF' || fail "merging the shards failed"
import sys
list_path, out_path, scripts, shard_files = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
sys.path.insert(0, scripts)
from spark_convert import DuplicateFilter, group_by_input, parse_file_list
paths = parse_file_list(open(list_path, encoding="utf-8").read())
n = len(shard_files)
groups = []
for k, name in enumerate(sorted(shard_files, key=lambda f: int(f.rsplit("-", 1)[1].split(".")[0]))):
    items = [(i, p) for i, p in enumerate(paths) if i % n == k]
    lines = open(name, encoding="utf-8", newline="\n").read().splitlines()
    groups.extend(group_by_input(items, lines))
groups.sort(key=lambda g: g[0])
keep = DuplicateFilter()
with open(out_path, "w", encoding="utf-8", newline="\n") as f:
    for _, lines in groups:
        if keep.keep(lines):
            f.writelines(line + "\n" for line in lines)
EOF
cat "$WORK"/shard-[0-9]*.jsonl >"$WORK/shard-all.jsonl"
same_set "shards 1..$SHARDS vs single machine" "$WORK/shard-all.jsonl" "$WORK/single.jsonl"
same_bytes "shards merged by input order vs single machine" "$WORK/shard-merged.jsonl" "$WORK/single.jsonl"

# --- verdict ----------------------------------------------------------------
echo
echo "documents: ${DOCS:-0} (inputs: $N, status error: $ERRORS); Spark run (b): $SPARK_SECONDS s, $PARTITIONS partitions"
if [ "$FAILURES" -eq 0 ]; then
    [ "${KEEP:-0}" = 1 ] && echo "kept: $WORK" || rm -rf "$WORK"
    echo "PASS"
    exit 0
fi
echo "kept for inspection: $WORK"
echo "FAIL ($FAILURES checks failed)"
exit 1
