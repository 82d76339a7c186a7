"""PDFs printed by headless Chromium for tests/pdf_misreads.rs, from the
HTML beside them in tests/fixtures/misreads/.

    python3 scripts/make_chromium_fixtures.py

Needs chromium and fonts-noto-cjk (Debian). Chromium stamps the time into
the file, so a rerun gives other bytes with the same text and layout.

| file | what it shows |
|---|---|
| glyphs-named-as-radicals.pdf | Noto Sans CJK SC subset by Chromium names the glyph of 户 by the radical U+2F3E and that of 胶 by U+3B35, and gives the characters shown as /ActualText |
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "misreads")
PAGES = ["glyphs-named-as-radicals"]


def print_to_pdf(html: str, pdf: str) -> None:
    profile = tempfile.mkdtemp(prefix="chromium-")
    try:
        subprocess.run(
            [
                "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                f"--user-data-dir={profile}", "--no-pdf-header-footer",
                f"--print-to-pdf={pdf}", "file://" + os.path.abspath(html),
            ],
            capture_output=True, timeout=120, check=True,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def main() -> None:
    for name in PAGES:
        print_to_pdf(os.path.join(HERE, name + ".html"), os.path.join(HERE, name + ".pdf"))


if __name__ == "__main__":
    main()
