#!/usr/bin/env python3
"""Throughput and memory of `pifu convert` on HTML, XLSX and DOCX against
what analysts use today on the same files: pandas.read_html (lxml) for
HTML, pandas.read_excel(sheet_name=None, engine="openpyxl") for XLSX and
python-docx (every cell of every table) for DOCX. Run through
`scripts/bench-formats`, which installs what this needs; writes the
"HTML, XLSX and DOCX" section of docs/PERFORMANCE.md.

The batch: COUNT files in all, a third per format, copied round-robin from
samples/html, samples/xlsx and samples/docx, each made distinct: an HTML
copy gets a trailing comment; an XLSX or DOCX copy is rewritten entry by
entry with its own dcterms:modified time in docProps/core.xml, so the ZIP
stays valid. Every copy is checked: the ZIPs by their CRCs, and every file
by pifu (status ok) and by the Python readers, which exit non-zero on the
first file they cannot read.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from datetime import datetime, timedelta
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench  # noqa: E402  (tree_rss, run, interleaved_runs, PIFU)

ROOT = bench.ROOT
PIFU = bench.PIFU
HEADING = "## HTML, XLSX and DOCX"

FORMATS = {
    # format: (sample dir, patterns, what the analysts' tool is)
    "html": ("html", ("*.html", "*.htm"), "pandas.read_html (lxml)"),
    "xlsx": ("xlsx", ("*.xlsx",), 'pandas.read_excel(sheet_name=None, engine="openpyxl")'),
    "docx": ("docx", ("*.docx",), "python-docx, every cell of every table"),
}

READERS = {
    "html": """
import sys, pandas as pd
n = 0
for p in sys.argv[1:]:
    n += len(pd.read_html(p))
print(len(sys.argv) - 1, "files", n, "tables")
""",
    "xlsx": """
import sys, pandas as pd
n = 0
for p in sys.argv[1:]:
    n += len(pd.read_excel(p, sheet_name=None, engine="openpyxl"))
print(len(sys.argv) - 1, "files", n, "sheets")
""",
    "docx": """
import sys, docx
n = 0
for p in sys.argv[1:]:
    d = docx.Document(p)
    for t in d.tables:
        for row in t.rows:
            for cell in row.cells:
                cell.text
                n += 1
print(len(sys.argv) - 1, "files", n, "cells")
""",
}

MODIFIED = re.compile(rb"(<dcterms:modified\b[^>]*>)[^<]*(</dcterms:modified>)")
BASE_TIME = datetime(2026, 1, 1)


def distinct_zip(body: bytes, i: int) -> bytes:
    """The package with dcterms:modified set to BASE_TIME + i seconds;
    every other entry copied as it is (name, order, time, compression)."""
    src = zipfile.ZipFile(_io(body))
    out = _io()
    stamp = (BASE_TIME + timedelta(seconds=i)).strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(out, "w") as dst:
        changed = False
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "docProps/core.xml":
                data, k = MODIFIED.subn(lambda m: m.group(1) + stamp + m.group(2), data, count=1)
                changed = k == 1
            dst.writestr(info, data, compress_type=info.compress_type)
        if not changed:  # no core properties: the archive comment instead
            dst.comment = f"bench copy {i}".encode()
    return out.getvalue()


def _io(data=b""):
    import io
    return io.BytesIO(data)


def build_batch(work: Path, count: int):
    """work/<format>/ for each format, count split evenly; returns
    {format: (dir, [files], [sources])}."""
    batch = {}
    per = [count // len(FORMATS) + (k < count % len(FORMATS)) for k in range(len(FORMATS))]
    serial = 0
    for (fmt, (sub, patterns, _)), n in zip(FORMATS.items(), per):
        sources = sorted({p for pat in patterns for p in (ROOT / "samples" / sub).glob(pat)})
        if not sources:
            sys.exit(f"no samples under samples/{sub}")
        dest = work / fmt
        dest.mkdir(parents=True, exist_ok=True)
        data = [(s.name, s.read_bytes()) for s in sources]
        files = []
        for i in range(n):
            name, body = data[i % len(data)]
            if fmt == "html":
                body = body + f"\n<!-- bench copy {serial} -->\n".encode()
            else:
                body = distinct_zip(body, serial)
                bad = zipfile.ZipFile(_io(body)).testzip()
                if bad:
                    sys.exit(f"copy {serial} of {name}: bad entry {bad}")
            path = dest / f"{i:05d}-{name}"
            # A copy already there is kept, not written again: see below.
            if not path.is_file() or path.read_bytes() != body:
                path.write_bytes(body)
            files.append(path)
            serial += 1
        # Files of an earlier batch that this one has not are removed; the
        # batch is otherwise left as it is, since deleting a thousand files
        # just before the runs would make pifu's file creation pay for it
        # (see the note on inodes in main).
        keep = set(files)
        for old in dest.iterdir():
            if old not in keep:
                if old.is_dir():
                    shutil.rmtree(old)
                else:
                    old.unlink()
        batch[fmt] = (dest, files, sources)
    return batch


def check_pifu(dirs):
    """Documents, errors over the batch, by pifu's own reading."""
    out = subprocess.run(
        [str(PIFU), "convert", *map(str, dirs), "-o", "-", "--quiet", "--in-process"],
        capture_output=True, text=True, check=False,
    ).stdout
    docs = errors = 0
    files = set()
    for line in out.splitlines():
        d = json.loads(line)
        docs += 1
        files.add(d["source"]["path"])
        errors += d["status"] != "ok"
    return len(files), docs, errors


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=1000, help="files in all, a third per format")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--work", default=str(ROOT / "target" / "bench" / "formats"))
    ap.add_argument("--python", default=sys.executable, help="interpreter with pandas, lxml, openpyxl, python-docx")
    ap.add_argument("--out", default=str(ROOT / "docs" / "PERFORMANCE.md"))
    args = ap.parse_args()

    work = Path(args.work)
    batch = build_batch(work, args.count)
    files_seen, docs, errors = check_pifu([d for d, _, _ in batch.values()])
    total = sum(len(f) for _, f, _ in batch.values())
    print(f"batch: {total} files, pifu read {files_seen} files, {docs} documents, {errors} errors", flush=True)
    if files_seen != total or errors:
        sys.exit("pifu did not read every file of the batch without error")
    # Every pifu run writes into a new directory, and all of them are
    # removed at the end: the output of the run before is not deleted just
    # before a run. On a file system without a journal (ext4 without one,
    # as on the machine these figures come from) an inode freed in the last
    # minute is skipped when a new file is made, one by one, so deleting a
    # thousand files and then creating a thousand made each run pay for
    # the previous run's deletion (up to a quarter of its time, seen).
    # (Beside the batch rather than in the system's temporary directory,
    # where other programs delete files all the time.)
    out_root = Path(tempfile.mkdtemp(prefix="out-", dir=work))
    out_dir = out_root / "OUT"
    runs_made = [0]

    def fresh_out(cmd):
        runs_made[0] += 1
        fresh = str(out_root / f"run{runs_made[0]:03d}")
        return [fresh if a == str(out_dir) else a for a in cmd]

    def short(cmd):
        return (
            cmd.replace(str(out_dir), "OUT")
            .replace(str(PIFU), "target/release/pifu")
            .replace(str(ROOT) + "/", "")
        )

    configs, commands = [], {}
    for fmt, (d, files, _) in batch.items():
        for jobs in (1, 2):
            cmd = [str(PIFU), "convert", str(d), "-o", str(out_dir), "--quiet", "--jobs", str(jobs)]
            name = f"{fmt}: pifu convert --jobs {jobs}"
            commands[name] = short(" ".join(cmd))
            configs.append((name, cmd, False, fresh_out))
        cmd = [args.python, "-c", READERS[fmt]] + [str(f) for f in files]
        name = f"{fmt}: {FORMATS[fmt][2]}"
        commands[name] = f"python -c '<{FORMATS[fmt][2]}>' {short(str(d))}/*"
        configs.append((name, cmd, False, None))
    # The whole batch in one pifu run, for reference.
    for jobs in (1, 2):
        cmd = [str(PIFU), "convert", *(str(d) for d, _, _ in batch.values()), "-o", str(out_dir),
               "--quiet", "--jobs", str(jobs)]
        name = f"all: pifu convert --jobs {jobs}"
        commands[name] = short(" ".join(cmd))
        configs.append((name, cmd, False, fresh_out))

    samples = {name: [] for name, *_ in configs}
    for r in range(args.runs):
        for name, cmd, shell, out in configs:
            # The runs before leave files to write back; not during this one.
            os.sync()
            t, _, rc, cpu = bench.run(out(cmd) if out else cmd, shell=shell, sample=False)
            if rc != 0:
                sys.exit(f"{name} exited with {rc}")
            samples[name].append((t, 0, cpu))
            print(f"round {r + 1}: {name}: {t:.2f} s, CPU {cpu:.2f} s", flush=True)
    # Memory in a round of its own, sampled (its times are not used).
    peaks = {}
    for name, cmd, shell, out in configs:
        _, p, rc, _ = bench.run(out(cmd) if out else cmd, shell=shell, sample=True)
        if rc != 0:
            sys.exit(f"{name} exited with {rc}")
        peaks[name] = p
        print(f"memory: {name}: peak {p / 2**20:.0f} MB", flush=True)
    shutil.rmtree(out_root, ignore_errors=True)

    def med(xs):
        import statistics
        return statistics.median(xs)

    stats = {
        name: dict(
            wall=med([t for t, _, _ in xs]), lo=min(t for t, _, _ in xs), hi=max(t for t, _, _ in xs),
            cpu=med([c for _, _, c in xs]), rss=peaks[name], walls=[t for t, _, _ in xs],
        )
        for name, xs in samples.items()
    }
    # Ratios pair by pair within a round (python wall / pifu wall), then the median.
    ratios = {}
    for fmt in batch:
        py = samples[f"{fmt}: {FORMATS[fmt][2]}"]
        for jobs in (1, 2):
            pf = samples[f"{fmt}: pifu convert --jobs {jobs}"]
            rs = [a[0] / b[0] for a, b in zip(py, pf)]
            ratios[(fmt, jobs)] = (med(rs), min(rs), max(rs))
    # The whole batch: the three Python readers one after another against
    # one pifu run over all of it, round by round.
    py_all = [sum(r) for r in zip(*([t for t, _, _ in samples[f"{fmt}: {FORMATS[fmt][2]}"]] for fmt in batch))]
    for jobs in (1, 2):
        pf = [t for t, _, _ in samples[f"all: pifu convert --jobs {jobs}"]]
        rs = [a / b for a, b in zip(py_all, pf)]
        ratios[("all", jobs)] = (med(rs), min(rs), max(rs))

    lines = [
        HEADING,
        "",
        "Measured by `scripts/bench-formats` (which installs pandas, lxml, openpyxl",
        "and python-docx, builds pifu in release mode and runs",
        "`scripts/bench_formats.py`; `--count 1000 --runs 3` by default).",
        "",
        f"Batch: {total} files ({', '.join(f'{len(f)} {fmt.upper()}' for fmt, (_, f, _) in batch.items())}),",
        f"{docs} documents, copied round-robin from the samples",
        f"({', '.join(f'{len(s)} {fmt.upper()}' for fmt, (_, _, s) in batch.items())}; the HTML pages include the GBK",
        "pages with and without a charset declaration); each copy is distinct (an",
        "HTML comment, or its own `dcterms:modified` in the package's",
        "`docProps/core.xml`). pifu produces every output (per-document JSON,",
        "documents.jsonl and the CSV tables); the Python readers do the least an",
        "analyst would: `pandas.read_html(path)` (a list of DataFrames),",
        '`pandas.read_excel(path, sheet_name=None, engine="openpyxl")` (every',
        "sheet), `docx.Document(path)` and `cell.text` of every cell of every",
        "table; one process per format over all of its files. Each figure is",
        f"the median of {args.runs} runs taken in interleaved rounds (min–max of the",
        "wall time in brackets), timed from start to exit with nothing else",
        "running; peak RSS is the whole process tree's, sampled every 20 ms in",
        "one more round whose times are not used (the sampler reads every",
        "process's `/proc` entry, which would take CPU from pifu's second",
        "worker). Each pifu run writes into a new output directory beside the",
        "batch; all are removed at the end, and a batch already in place is",
        "kept rather than written again (on a file system without a journal,",
        "files created right after many were deleted cost far more: the inodes",
        "freed in the last minutes are passed over one by one); every run",
        "starts after a `sync`, so that no run pays for writing back the files",
        "of the one before.",
        "",
        "| format | command | files | wall s | CPU s | documents/s | peak RSS MB |",
        "|---|---|---:|---|---:|---:|---:|",
    ]
    for name, *_ in configs:
        fmt, label = name.split(": ", 1)
        n = total if fmt == "all" else len(batch[fmt][1])
        s = stats[name]
        lines.append(
            f"| {fmt.upper() if fmt != 'all' else 'all three'} | {label} | {n} | "
            f"{s['wall']:.2f} ({s['lo']:.2f}–{s['hi']:.2f}) | {s['cpu']:.2f} | {n / s['wall']:.0f} | "
            f"{s['rss'] / 2**20:.0f} |"
        )
    lines += [
        "",
        "Throughput of pifu over the Python reader on the same files (the ratio",
        "of wall times, pair by pair within a round; median, min–max):",
        "",
        "| format | pifu `--jobs 1` / Python | pifu `--jobs 2` / Python |",
        "|---|---:|---:|",
    ]
    for fmt in [*batch, "all"]:
        a, b = ratios[(fmt, 1)], ratios[(fmt, 2)]
        label = "whole batch (the three readers in turn)" if fmt == "all" else fmt.upper()
        lines.append(
            f"| {label} | **{a[0]:.1f}** ({a[1]:.1f}–{a[2]:.1f}) | **{b[0]:.1f}** ({b[1]:.1f}–{b[2]:.1f}) |"
        )
    lines += [
        "",
        "The Python readers run in one process on one core, so `--jobs 1` is the",
        "like-for-like figure; `--jobs 2` uses both cores.",
        "",
        "Commands:",
        "",
        "```",
        *commands.values(),
        "```",
        "",
    ]
    section = "\n".join(lines)
    for name, s in stats.items():
        print(f"{name}: median {s['wall']:.2f} s ({s['lo']:.2f}-{s['hi']:.2f}), peak {s['rss'] / 2**20:.0f} MB")
    for (fmt, jobs), r in ratios.items():
        print(f"{fmt} pifu --jobs {jobs} / python: {r[0]:.1f} ({r[1]:.1f}-{r[2]:.1f})")

    out = Path(args.out)
    text = out.read_text(encoding="utf-8") if out.exists() else "# Performance\n"
    write_section(out, text, section)
    print(f"wrote {out}")


def write_section(out: Path, text: str, section: str):
    """Replaces the section from HEADING to the next `## ` heading (or the
    end), or appends it."""
    start = text.find("\n" + HEADING + "\n")
    if start < 0:
        new = text.rstrip("\n") + "\n\n" + section
    else:
        nxt = text.find("\n## ", start + 1 + len(HEADING))
        rest = "" if nxt < 0 else text[nxt:]
        new = text[: start + 1] + section + rest
    out.write_text(new.rstrip("\n") + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
