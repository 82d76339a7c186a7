#!/usr/bin/env python3
"""Re-encode the seed text dump as GB18030 and as UTF-16LE with a BOM.

pifu must read text dumps in any of the encodings published files come in;
these copies are the samples that prove it. Run from the repository root:

    python3 scripts/make_encodings.py
"""
from pathlib import Path

SEED = Path("samples/ezhou-data-bureau-2026.txt")


def main() -> None:
    text = SEED.read_text(encoding="utf-8")
    stem = SEED.with_suffix("")
    Path(f"{stem}.gb18030.txt").write_bytes(text.encode("gb18030"))
    Path(f"{stem}.utf16le.txt").write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))


if __name__ == "__main__":
    main()
