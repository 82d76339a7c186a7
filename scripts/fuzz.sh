#!/usr/bin/env bash
# Coverage-guided fuzzing of pifu with cargo-fuzz (libFuzzer).
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     # default: 60 s each, every target
#
# Targets (fuzz/fuzz_targets/):
#   text      bytes -> pifu::convert::convert_bytes(name, bytes, false)
#   pdf       bytes -> extract_pdf -> layout_pages -> reconstruct
#   html      bytes -> extract::html::read_html
#   xlsx      bytes -> extract::xlsx::read_xlsx (ZIP package)
#   xls       bytes -> extract::xls::read_xls (OLE2, BIFF)
#   docx_xml  bytes -> extract::docx::read_document_xml
#
# fuzz/TARGET.dict (PDF syntax and operators; the document's labels) is
# given to libFuzzer as a dictionary.
#
# Each target's corpus (fuzz/corpus/TARGET, not committed) is seeded with the
# samples: samples/*.txt for text; tests/fixtures/pdf/*.pdf and the small
# samples/pdf/*.pdf for pdf (only seeds within -max_len). The corpus grows
# from run to run; libFuzzer replays all of it before mutating, so delete
# fuzz/corpus/TARGET when a short run spends its time replaying.
#
# Crashers, timeouts and out-of-memory inputs go to fuzz/artifacts/TARGET/
# (libFuzzer's crash-*, timeout-*, oom-* files); minimise one with
#   RUSTC_BOOTSTRAP=1 cargo fuzz tmin TARGET fuzz/artifacts/TARGET/crash-...
# and keep it as tests/hostile/fuzz-TARGET-N.EXT, a regression case of
# tests/hostile.rs.
#
# The machine has only stable Rust: cargo-fuzz needs nightly's
# -Zsanitizer flag, which RUSTC_BOOTSTRAP=1 unlocks on stable. The first
# build takes several minutes.
set -euo pipefail

cd "$(dirname "$0")/.."
SECONDS_EACH="${1:-60}"
shift || true
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then
    TARGETS=(text pdf html xlsx xls docx_xml)
fi

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz.sh: installing cargo-fuzz" >&2
    cargo install cargo-fuzz --locked
fi

export RUSTC_BOOTSTRAP=1
# pifu is safe Rust: without a sanitizer the targets run several times
# faster. FUZZ_SANITIZER=address to look for memory errors in dependencies.
SANITIZER="${FUZZ_SANITIZER:-none}"

max_len() {
    case "$1" in
        text) echo 32768 ;;
        pdf) echo 32768 ;;
        *) echo 65536 ;;
    esac
}

seed() {
    local target="$1" dir="fuzz/corpus/$1" limit
    limit="$(max_len "$target")"
    mkdir -p "$dir"
    local files=()
    case "$target" in
        text) files=(samples/*.txt) ;;
        pdf) files=(tests/fixtures/pdf/*.pdf samples/pdf/*.pdf) ;;
        html) files=(samples/html/*) ;;
        xlsx) files=(samples/xlsx/*.xlsx) ;;
        xls) files=(samples/xls/*.xls) ;;
        docx_xml)
            for d in samples/docx/*.docx; do
                [ -f "$d" ] || continue
                unzip -p "$d" word/document.xml >"$dir/seed-$(basename "$d").xml"
            done ;;
    esac
    for f in "${files[@]}"; do
        [ -f "$f" ] || continue
        # Seeds longer than -max_len would be cut; leave them out.
        if [ "$(stat -c %s "$f")" -le "$limit" ]; then
            cp -f "$f" "$dir/seed-$(basename "$f")"
        fi
    done
}

status=0
for target in "${TARGETS[@]}"; do
    seed "$target"
    mkdir -p "fuzz/artifacts/$target"
    echo "fuzz.sh: $target for ${SECONDS_EACH} s" >&2
    # -timeout: an input slower than 10 s is reported (timeout-*);
    # -rss_limit_mb: a memory bomb is reported (oom-*), not the machine's end.
    # cargo fuzz uses fuzz/corpus/TARGET and fuzz/artifacts/TARGET/.
    dict=()
    if [ -f "fuzz/$target.dict" ]; then
        dict=(-dict="$PWD/fuzz/$target.dict")
    fi
    if ! cargo fuzz run --sanitizer "$SANITIZER" "$target" -- "${dict[@]}" \
        -max_total_time="$SECONDS_EACH" \
        -max_len="$(max_len "$target")" \
        -rss_limit_mb=2048 \
        -timeout=10 \
        -print_final_stats=1; then
        status=1
        echo "fuzz.sh: $target found a failing input; see fuzz/artifacts/$target/" >&2
    fi
done
ls -l fuzz/artifacts/*/ 2>/dev/null || true
exit "$status"
