#!/usr/bin/env python3
"""Throughput and memory of `pifu convert` against pdftotext, pdfplumber and
PyMuPDF on the same batch of PDFs. Run through `scripts/bench`, which
installs what this needs; writes docs/PERFORMANCE.md.

The batch: every PDF of samples/pdf/ (all producers) and, when present, the
long documents of target/bench/long/ (made by the sample generator), copied
round-robin to COUNT files that differ by a trailing comment so that each
has its own sha256.
"""
import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PIFU = Path(os.environ.get("CARGO_TARGET_DIR") or ROOT / "target") / "release" / "pifu"
PAGE = os.sysconf("SC_PAGE_SIZE")
FORMATS_HEADING = "## HTML, XLSX and DOCX"  # scripts/bench_formats.py
# Every output, the Parquet tables included.
PARQUET = ["--format", "json,jsonl,csv,parquet"]


def tree_rss(root_pid):
    """Resident memory (bytes) of a process and all its descendants."""
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                stat = f.read()
            ppid = int(stat[stat.rindex(b")") + 2:].split()[1])
            children.setdefault(ppid, []).append(int(entry))
        except (OSError, ValueError, IndexError):
            continue
    total, todo = 0, [root_pid]
    while todo:
        pid = todo.pop()
        try:
            with open(f"/proc/{pid}/statm") as f:
                total += int(f.read().split()[1]) * PAGE
        except (OSError, ValueError, IndexError):
            pass
        todo.extend(children.get(pid, []))
    return total


NOTES = """Notes:

- `pifu convert` runs each document in a worker process (see the README).
  The worker converts the file, renders all of its outputs (JSON line,
  pretty JSON, CSV records), and writes the document's JSON file itself;
  the supervisor only appends the received bytes to `documents.jsonl` and
  the CSV tables in input order. That keeps the supervisor's share of the
  CPU time to a few per cent, so `--jobs 2` runs close to twice as fast as
  `--jobs 1`. (An earlier design, in which the supervisor parsed every
  document and rendered the outputs, ran `--jobs 1` faster, because the
  supervisor then did a share of the work on the second core, but
  `--jobs 2` reached only 1.6 times that.)
- The CPU time of the same command varies by up to about 25 % between
  rounds on this machine; the medians above come from interleaved rounds
  for that reason.
- mimalloc is the global allocator; it trades some resident memory for
  throughput (with glibc's allocator an earlier run took about 1.4–1.7
  times as long, with about half the peak RSS).
"""


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run(cmd, shell=False, sample=True):
    """Runs a command; returns (seconds, peak RSS bytes of its process tree,
    exit code, CPU seconds of the tree). With sample=False the memory is
    not sampled (peak 0) and the time is exact: the sampler reads every
    process's /proc entry each 20 ms, which takes CPU from a command that
    uses every core, and the polling loop ends up to 20 ms after it."""
    cpu0 = children_cpu()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, shell=shell, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    if sample:
        while proc.poll() is None:
            peak = max(peak, tree_rss(proc.pid))
            time.sleep(0.02)
    else:
        proc.wait()
    elapsed = time.perf_counter() - start
    return elapsed, peak, proc.returncode, children_cpu() - cpu0


def interleaved_runs(configs, runs):
    """Runs every configuration once per round, `runs` rounds, so that a
    machine that speeds up or slows down during the benchmark affects all
    of them alike. configs: [(name, cmd, shell, before)]. Returns
    {name: (median seconds, max peak RSS, median CPU seconds)}."""
    samples = {name: [] for name, *_ in configs}
    for r in range(runs):
        for name, cmd, shell, before in configs:
            if before:
                before()
            t, p, _, cpu = run(cmd, shell=shell)
            samples[name].append((t, p, cpu))
            print(f"round {r + 1}: {name}: {t:.2f} s, CPU {cpu:.2f} s", flush=True)
    return {
        name: (
            statistics.median(t for t, _, _ in xs),
            max(p for _, p, _ in xs),
            statistics.median(c for _, _, c in xs),
        )
        for name, xs in samples.items()
    }


def build_corpus(dest: Path, count: int):
    sources = sorted((ROOT / "samples" / "pdf").glob("*.pdf"))
    sources += sorted((ROOT / "target" / "bench" / "long").glob("*.pdf"))
    if not sources:
        sys.exit("no sample PDFs found under samples/pdf")
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    data = [(s.stem, s.read_bytes()) for s in sources]
    for i in range(count):
        stem, body = data[i % len(data)]
        (dest / f"{i:05d}-{stem}.pdf").write_bytes(body + f"\n% bench copy {i}\n".encode())
    return sources


def count_pages(corpus: Path):
    out = subprocess.run(
        [str(PIFU), "convert", str(corpus), "-o", "-", "--quiet", "--in-process"],
        capture_output=True, text=True, check=False,
    ).stdout
    pages = docs = errors = 0
    for line in out.splitlines():
        d = json.loads(line)
        docs += 1
        pages += d["source"]["pages"] or 0
        errors += d["status"] != "ok"
    return docs, pages, errors


PLUMBER = """
import sys, pdfplumber
for p in sys.argv[1:]:
    with pdfplumber.open(p) as pdf:
        for page in pdf.pages:
            page.extract_tables()
"""

FITZ = """
import sys, pymupdf
for p in sys.argv[1:]:
    doc = pymupdf.open(p)
    for page in doc:
        page.find_tables()
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--subset", type=int, default=40, help="files for pdfplumber/PyMuPDF")
    ap.add_argument("--big", type=int, default=10000, help="documents for the memory run")
    ap.add_argument("--work", default=str(ROOT / "target" / "bench"))
    ap.add_argument("--python", default=sys.executable, help="interpreter with pdfplumber and pymupdf")
    ap.add_argument("--out", default=str(ROOT / "docs" / "PERFORMANCE.md"))
    args = ap.parse_args()

    work = Path(args.work)
    corpus = work / "corpus"
    sources = build_corpus(corpus, args.count)
    docs, pages, errors = count_pages(corpus)
    print(f"corpus: {docs} documents, {pages} pages, {errors} errors, from {len(sources)} sources")
    out_dir = Path(tempfile.mkdtemp(prefix="pifu-bench-out-"))

    def clean_out():
        shutil.rmtree(out_dir, ignore_errors=True)

    configs = []
    commands = {}
    for jobs, extra in ((1, []), (2, []), (2, PARQUET)):
        cmd = [str(PIFU), "convert", str(corpus), "-o", str(out_dir), "--quiet", "--jobs", str(jobs)] + extra
        name = f"pifu convert --jobs {jobs}" + (" " + " ".join(extra) if extra else "")
        commands[name] = (
            " ".join(cmd).replace(str(PIFU), "target/release/pifu")
            .replace(str(ROOT) + "/", "").replace(str(out_dir), "OUT")
        )
        configs.append((name, cmd, False, clean_out))
    for jobs in (1, 2):
        cmd = f"find {corpus} -name '*.pdf' -print0 | xargs -0 -P{jobs} -I{{}} pdftotext -layout {{}} /dev/null"
        name = f"pdftotext -layout, xargs -P{jobs}"
        commands[name] = cmd.replace(str(ROOT) + "/", "")
        configs.append((name, cmd, True, None))
    measured = interleaved_runs(configs, args.runs)
    results = [(name, *measured[name]) for name, *_ in configs]

    subset = sorted(corpus.glob("*.pdf"))[: args.subset]
    sub_docs = len(subset)
    sub_pages = 0
    for p in subset:
        info = subprocess.run(["pdfinfo", str(p)], capture_output=True, text=True).stdout
        for line in info.splitlines():
            if line.startswith("Pages:"):
                sub_pages += int(line.split()[1])
    subset_results = []
    for name, code in (("pdfplumber extract_tables", PLUMBER), ("PyMuPDF find_tables", FITZ)):
        cmd = [args.python, "-c", code] + [str(p) for p in subset]
        t, rss, rc, _ = run(cmd)
        subset_results.append((name, t, rss, rc))
        print(subset_results[-1])
    pifu_sub = [str(PIFU), "convert"] + [str(p) for p in subset] + ["-o", str(out_dir), "--quiet", "--jobs", "1"]
    clean_out()
    t, rss, _, _ = run(pifu_sub)
    subset_results.append(("pifu convert --jobs 1", t, rss, 0))

    # Memory on a larger batch: 1,000 and --big documents (the latter also
    # with the Parquet tables).
    memory = []
    for n in (1000, args.big):
        big = work / f"corpus-{n}"
        build_corpus(big, n)
        for extra in ([], PARQUET) if n == args.big else ([],):
            clean_out()
            t, rss, rc, _ = run([str(PIFU), "convert", str(big), "-o", str(out_dir), "--quiet", "--jobs", "2"] + extra)
            memory.append((n, " ".join(extra), t, rss, rc))
            print(memory[-1])
        shutil.rmtree(big, ignore_errors=True)
    clean_out()

    by = {name: (t, rss, cpu) for name, t, rss, cpu in results}
    p1, p2 = by["pifu convert --jobs 1"][0], by["pifu convert --jobs 2"][0]
    pq2 = by["pifu convert --jobs 2 " + " ".join(PARQUET)][0]
    x1, x2 = by["pdftotext -layout, xargs -P1"][0], by["pdftotext -layout, xargs -P2"][0]
    lines = [
        "# Performance",
        "",
        "Measured by `scripts/bench` (which installs poppler-utils, pdfplumber and",
        "PyMuPDF, builds pifu in release mode and runs `scripts/bench.py`).",
        "",
        f"Machine: {os.cpu_count()} cores, {os.uname().sysname} {os.uname().release}.",
        f"Batch: {docs} PDFs, {pages} pages ({pages / max(docs, 1):.1f} pages per document), copied",
        f"round-robin from {len(sources)} sample documents of every producer",
        "(reportlab CID font with UniGB-UCS2-H, Chromium with embedded TrueType,",
        "reportlab with embedded TrueType and filled-rectangle borders, form-XObject",
        "overlay, GBK-EUC-H without ToUnicode). Each figure is the median of",
        f"{args.runs} runs, taken in {args.runs} rounds that run every command once",
        "(so that a machine that changes speed during the benchmark affects all",
        "commands alike); CPU s is the user + system time of the whole process",
        "tree; peak RSS is the maximum over the runs of the summed resident",
        "memory of the whole process tree (pifu and its worker processes, or all",
        "pdftotext processes), sampled every 20 ms.",
        "",
        "| command | wall s | CPU s | documents/s | pages/s | peak RSS MB |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, t, rss, cpu in results:
        lines.append(
            f"| {name} | {t:.2f} | {cpu:.2f} | {docs / t:.0f} | {pages / t:.0f} | {rss / 2**20:.0f} |"
        )
    lines += [
        "",
        "pifu's runs produce every output (per-document JSON, documents.jsonl and",
        "the CSV tables; with `--format json,jsonl,csv,parquet` the Parquet tables",
        "too); pdftotext produces only text.",
        "",
        f"- pifu `--jobs 2` with the Parquet tables as well: **{100 * p2 / pq2:.0f} %** of the",
        "  throughput without them",
        f"- pifu `--jobs 2` / pdftotext `-P2` throughput: **{x2 / p2:.2f}**",
        f"- pdftotext / pifu CPU time (the work per batch, which a loaded machine",
        f"  disturbs less than wall time): **{by['pdftotext -layout, xargs -P2'][2] / by['pifu convert --jobs 2'][2]:.2f}**",
        f"  for `-P2` / `--jobs 2`, {by['pdftotext -layout, xargs -P1'][2] / by['pifu convert --jobs 1'][2]:.2f} for `-P1` / `--jobs 1`",
        f"- pifu `--jobs 2` / `--jobs 1`: **{p1 / p2:.2f}** (pdftotext `-P2` / `-P1` on the",
        f"  same machine, for reference: {x1 / x2:.2f})",
        "",
        f"Table extraction on the first {sub_docs} files ({sub_pages} pages), one process each:",
        "",
        "| command | wall s | pages/s | peak RSS MB |",
        "|---|---:|---:|---:|",
    ]
    for name, t, rss, rc in subset_results:
        note = "" if rc == 0 else f" (exit {rc})"
        lines.append(f"| {name}{note} | {t:.2f} | {sub_pages / t:.1f} | {rss / 2**20:.0f} |")
    lines += [
        "",
        "Memory on larger batches (`pifu convert DIR -o OUT --jobs 2`, one run):",
        "",
        "| documents | options | wall s | peak RSS MB |",
        "|---:|---|---:|---:|",
    ]
    for n, extra, t, rss, rc in memory:
        lines.append(f"| {n} | {extra} | {t:.1f} | {rss / 2**20:.0f} |")
    lines += ["", "Commands:", "", "```"]
    for name, cmd in commands.items():
        lines.append(cmd)
    lines += [
        f"python -c '<pdfplumber: page.extract_tables() for every page>' <first {sub_docs} files>",
        f"python -c '<pymupdf: page.find_tables() for every page>' <first {sub_docs} files>",
        "```",
        "",
        NOTES,
    ]
    # Keep the section that scripts/bench_formats.py writes.
    out = Path(args.out)
    old = out.read_text(encoding="utf-8") if out.exists() else ""
    keep = old.find("\n" + FORMATS_HEADING + "\n")
    text = "\n".join(lines).rstrip("\n") + "\n"
    if keep >= 0:
        text += old[keep:]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
