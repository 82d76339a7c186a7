#!/usr/bin/env bash
# Reference text of the fixture PDFs, as poppler's pdftotext reads them.
# The tests compare `pifu text` with these files (after NFKC folding, since
# pdftotext prints GBK single-byte ASCII as full-width characters).
# Run from the repository root; needs poppler-utils (installed if missing).
set -euo pipefail
command -v pdftotext >/dev/null || { apt-get update -qq && apt-get install -y -qq poppler-utils; }
for f in tests/fixtures/pdf/*.pdf; do
  pdftotext -enc UTF-8 "$f" "${f%.pdf}.pdftotext.txt"
done
