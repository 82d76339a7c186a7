#!/usr/bin/env python3
"""Convert 绩效目标批复 inputs with pifu under Apache Spark.

The driver lists the inputs exactly as `pifu convert` would (directories
searched recursively for the extensions pifu searches for, in sorted path
order; files and --files-from entries kept in the order given), numbers
them, and parallelises the (index, path) list into P partitions. Each
partition runs

    pifu convert --files-from - --format jsonl -o - --quiet

on its paths, which answers with one JSON document per line in input
order: one line per input, several for a file holding several approvals
(`source.part` 1..n), none for a later copy of bytes already converted in
the same run (a duplicate, SPEC 2.1), error documents included. The lines
are matched back to their inputs (`group_by_input`) and written twice:

    OUT/parts/part-NNNNN   JSON Lines, one file per partition (saveAsTextFile)
    OUT/documents.jsonl    all documents merged in the original input order

`OUT/documents.jsonl` is byte-identical to what
`pifu convert --files-from LIST --format jsonl -o -` prints for the same path
list. One thing needs the whole list: duplicates. Each partition is a run
of its own and prints a copy whose first copy is in another partition, so
the merge drops, in input order, every input whose bytes an earlier input
converted (`DuplicateFilter`); the partition files keep what pifu printed
within each partition.

Paths are sent to pifu as listed, and pifu runs in --base-dir (default: the
driver's working directory), so a relative path is opened relative to the
same directory as on a single machine and `source.path` is the same string.
The pifu binary is given by absolute path: in local mode that is all that is
needed; on a cluster, the binary, the inputs and --base-dir must be at the
same absolute paths on every executor (a shared file system).

Usage:
    python scripts/spark_convert.py samples --out out-spark
    python scripts/spark_convert.py --files-from list.txt --out out-spark \\
        --partitions 8 --master 'local[2]'
    spark-submit scripts/spark_convert.py /shared/pdfs --out /shared/out \\
        --pifu /shared/bin/pifu --base-dir /shared

Exit codes follow pifu: 0 all converted, 1 some inputs failed (their error
documents are in the output), 2 usage error or a failed Spark job.
"""

import argparse
import json
import os
import shutil
import sys
import time

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


# --- Listing inputs the way pifu does (src/batch.rs) ------------------------


def rust_extension(name):
    """Path::extension() of a file name: after the last '.', unless the name
    has no dot, is '..', or its only dot is the first character."""
    if name == ".." or "." not in name:
        return None
    before, after = name.rsplit(".", 1)
    if before == "":
        return None
    return after


# pifu::batch::INPUT_EXTENSIONS: the formats pifu reads and the unsupported
# ones it names in an error row.
INPUT_EXTENSIONS = ("pdf", "txt", "html", "htm", "xlsx", "xls", "docx", "doc", "wps", "et", "ofd")


def is_input_name(name):
    ext = rust_extension(name)
    return ext is not None and ext.lower() in INPUT_EXTENSIONS


def walk(directory, out, errors):
    """Files under `directory` with an input extension (case-insensitive),
    recursively, in sorted path order; symbolic links to directories are not
    followed. The paths are `directory` joined with the names, as pifu
    builds them, so `source.path` comes out the same."""
    try:
        names = os.listdir(directory)
    except OSError as e:
        errors.append("%s: cannot list directory: %s" % (directory, e.strerror or e))
        return
    # Rust sorts the PathBufs of one directory, i.e. by name as bytes.
    names.sort(key=os.fsencode)
    for name in names:
        path = os.path.join(directory, name)
        try:
            is_dir = os.path.isdir(path) and not os.path.islink(path)
        except OSError:
            is_dir = False
        if is_dir:
            walk(path, out, errors)
        elif is_input_name(name):
            # A broken link, a link loop or a pipe is an input too: pifu
            # gives it its error row.
            out.append(path)


def parse_file_list(text):
    """Lines of a --files-from list: one path per line, CR stripped, blank
    lines skipped (pifu's parse_file_list)."""
    paths = []
    for line in text.split("\n"):
        if line.endswith("\r"):
            line = line[:-1]
        if line.endswith("\r"):
            line = line[:-1]
        if line.strip():
            paths.append(line)
    return paths


def collect_inputs(args):
    """pifu's collect_inputs: a directory gives the files under it, anything
    else (a file, or a path that does not exist, which becomes that input's
    error document) gives itself."""
    out, errors = [], []
    for a in args:
        if os.path.isdir(a):
            walk(a, out, errors)
        else:
            out.append(a)
    return out, errors


def read_list(source):
    data = sys.stdin.buffer.read() if source == "-" else open(source, "rb").read()
    return data.decode("utf-8")


# --- The Spark job ----------------------------------------------------------


def pifu_command(pifu, base_dir, jobs):
    """The per-partition command and its environment. pifu exits 1 when some
    inputs failed; their error documents are on stdout like every other
    document, so 1 is success here. Anything else (2 usage error, a signal)
    fails the Spark task, and with it the job, instead of silently losing
    documents."""
    script = (
        'cd "$PIFU_BASE_DIR" || exit 2; '
        '"$PIFU_BIN" convert --files-from - --format jsonl -o - --quiet '
        '--jobs "$PIFU_JOBS"; '
        'rc=$?; [ "$rc" -le 1 ] && exit 0; exit "$rc"'
    )
    env = {
        "PATH": os.environ.get("PATH", os.defpath),
        "PIFU_BIN": pifu,
        "PIFU_BASE_DIR": base_dir,
        "PIFU_JOBS": str(jobs),
    }
    return ["/bin/sh", "-c", script], env


def group_by_input(items, lines):
    """(index, [lines]) for each (index, path) of `items`, from the JSON
    lines pifu printed for them in that order: a line whose `source.part`
    is 2 or more continues the input before it; any other line starts the
    next input that has its path. Inputs passed over printed nothing (a
    later copy of bytes the run had converted). A line that matches no
    input left stops the job."""
    import json  # runs on the executors

    items = list(items)
    groups = [(index, []) for index, _ in items]
    at = -1  # the input the last line went to
    for line in lines:
        try:
            source = json.loads(line)["source"]
            path, part = source["path"], source.get("part")
        except Exception as e:  # noqa: BLE001 - anything unparsable is a failure
            raise RuntimeError("pifu printed no document: %r (%s)" % (line[:200], e))
        if part is not None and part >= 2:
            if at < 0 or items[at][1] != path:
                raise RuntimeError("part %d of %r follows no part 1" % (part, path))
        else:
            nxt = next((k for k in range(at + 1, len(items)) if items[k][1] == path), None)
            if nxt is None:
                raise RuntimeError("got a document of %r, which was not sent (or sent fewer times)" % path)
            at = nxt
        groups[at][1].append(line)
    return groups


class DuplicateFilter:
    """pifu's batch-wide duplicates over inputs taken in input order: an
    input whose first document is `ok` and whose bytes (sha256) an earlier
    `ok` input had is a duplicate and prints nothing; failures are never
    duplicates. `keep(lines)` says whether an input's lines stay."""

    def __init__(self):
        self.seen = set()
        self.dropped = 0

    def keep(self, lines):
        if not lines:
            return True
        doc = json.loads(lines[0])
        sha = (doc.get("source") or {}).get("sha256")
        if doc.get("status") != "ok" or sha is None:
            return True
        if sha in self.seen:
            self.dropped += 1
            return False
        self.seen.add(sha)
        return True


def convert_partition(pifu, base_dir, jobs):
    """The function a partition runs: pifu over its (index, path) items,
    giving ((index, k), line) for the k-th line of each input."""
    command, env = pifu_command(pifu, base_dir, jobs)

    def run(items):
        import subprocess  # runs on the executors
        import threading

        items = list(items)
        if not items:
            return
        proc = subprocess.Popen(command, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE)

        def feed():
            try:
                for _, path in items:
                    proc.stdin.write(path.encode("utf-8") + b"\n")
            finally:
                proc.stdin.close()

        writer = threading.Thread(target=feed, daemon=True)
        writer.start()
        lines = [raw.decode("utf-8").rstrip("\n") for raw in proc.stdout]
        writer.join()
        rc = proc.wait()
        if rc != 0:
            raise RuntimeError("pifu exited with status %d in a task" % rc)
        for index, group in group_by_input(items, lines):
            for k, line in enumerate(group):
                yield (index, k), line

    return run


def input_groups(keyed):
    """The lines of each input, in order, from ((index, k), line) pairs
    sorted by key."""
    current, lines = None, []
    for (index, _), line in keyed:
        if index != current and lines:
            yield lines
            lines = []
        current = index
        lines.append(line)
    if lines:
        yield lines


def failure_reason(e):
    """One line saying why the Spark job failed, out of a Py4J error that
    holds the Java and Python stack traces."""
    lines = str(e).splitlines()
    known = (
        ("PIPE_FUNCTION_EXITED", "pifu exited with a status other than 0 or 1 in a task"),
        ("RuntimeError: ", None),
    )
    for marker, meaning in known:
        for line in lines:
            if marker in line:
                line = line.strip()
                return "%s (%s)" % (meaning, line[:300]) if meaning else line[:300]
    return lines[0][:300] if lines else repr(e)


def main(argv=None):
    p = argparse.ArgumentParser(
        description="Convert 批复 inputs with pifu under Spark.",
    )
    p.add_argument("inputs", nargs="*", help="input directories or files (as for pifu convert)")
    p.add_argument("--files-from", metavar="LIST", help="read input paths, one per line, from LIST (- for stdin)")
    p.add_argument("--out", required=True, help="output directory: OUT/parts/ and OUT/documents.jsonl")
    p.add_argument("--partitions", type=int, default=4, help="number of partitions P (default 4)")
    p.add_argument("--pifu", default="target/release/pifu", help="pifu binary (default target/release/pifu)")
    p.add_argument("--master", default=None, help="Spark master (default local[*], or what spark-submit sets)")
    p.add_argument("--base-dir", default=None, help="directory relative paths are opened from (default: cwd)")
    p.add_argument("--pifu-jobs", type=int, default=1,
                   help="pifu --jobs inside each task (default 1: Spark already runs one task per core)")
    p.add_argument("--overwrite", action="store_true", help="replace OUT/parts and OUT/documents.jsonl")
    args = p.parse_args(argv)

    if args.partitions < 1:
        p.error("--partitions must be at least 1")
    if args.pifu_jobs < 1:
        p.error("--pifu-jobs must be at least 1")

    pifu = os.path.abspath(args.pifu)
    if not (os.path.isfile(pifu) and os.access(pifu, os.X_OK)):
        print("spark_convert: pifu binary not found or not executable: %s "
              "(build it with cargo build --release, or pass --pifu)" % pifu, file=sys.stderr)
        return EXIT_USAGE
    base_dir = os.path.abspath(args.base_dir or os.getcwd())
    out_dir = os.path.abspath(args.out)
    parts_dir = os.path.join(out_dir, "parts")
    merged = os.path.join(out_dir, "documents.jsonl")

    # The input list, built on the driver.
    listed = list(args.inputs)
    if args.files_from:
        try:
            listed.extend(parse_file_list(read_list(args.files_from)))
        except (OSError, UnicodeDecodeError) as e:
            print("spark_convert: cannot read --files-from %s: %s" % (args.files_from, e), file=sys.stderr)
            return EXIT_USAGE
    if not listed:
        print("spark_convert: no inputs; give directories or files, or --files-from LIST", file=sys.stderr)
        return EXIT_USAGE
    cwd = os.getcwd()
    os.chdir(base_dir)  # list relative paths from where pifu will open them
    try:
        paths, walk_errors = collect_inputs(listed)
    finally:
        os.chdir(cwd)
    for e in walk_errors:
        print("spark_convert: %s" % e, file=sys.stderr)
    for path in paths:
        try:
            path.encode("utf-8")
        except UnicodeEncodeError:
            print("spark_convert: path is not valid UTF-8, cannot be piped: %r" % path, file=sys.stderr)
            return EXIT_USAGE
        if "\n" in path or "\r" in path:
            print("spark_convert: path contains a line break, cannot be piped: %r" % path, file=sys.stderr)
            return EXIT_USAGE

    if os.path.exists(parts_dir) or os.path.exists(merged):
        if not args.overwrite:
            print("spark_convert: %s already holds output; pass --overwrite" % out_dir, file=sys.stderr)
            return EXIT_USAGE
        shutil.rmtree(parts_dir, ignore_errors=True)
        if os.path.exists(merged):
            os.remove(merged)
    os.makedirs(out_dir, exist_ok=True)

    # The Python workers must run the same interpreter (and so the same
    # PySpark) as the driver.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark import SparkConf, SparkContext, StorageLevel

    conf = SparkConf().setAppName("pifu-convert")
    if args.master:
        conf.setMaster(args.master)
    elif not conf.contains("spark.master"):
        conf.setMaster("local[*]")
    conf.set("spark.ui.showConsoleProgress", "false")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("WARN")

    started = time.time()
    failed = docs = 0
    try:
        n = len(paths)
        # Never more partitions than inputs: an empty partition would start
        # pifu with no inputs (a usage error).
        slices = max(1, min(args.partitions, n))
        if n:
            indexed = sc.parallelize(list(enumerate(paths)), slices)
            tagged = indexed.mapPartitions(convert_partition(pifu, base_dir, args.pifu_jobs))
            tagged = tagged.persist(StorageLevel.MEMORY_AND_DISK)
        else:  # directories without inputs: empty output, as pifu gives
            tagged = sc.parallelize([], 1)

        # JSON Lines per partition (each in its partition's input order).
        tagged.values().saveAsTextFile("file://" + parts_dir if "://" not in parts_dir else parts_dir)

        # One file in the original input order, streamed to the driver,
        # without the later copies of bytes converted earlier.
        tmp = merged + ".tmp"
        duplicates = DuplicateFilter()
        with open(tmp, "w", encoding="utf-8", newline="\n") as f:
            ordered = tagged.sortByKey(ascending=True, numPartitions=tagged.getNumPartitions())
            for lines in input_groups(ordered.toLocalIterator()):
                if not duplicates.keep(lines):
                    continue
                for line in lines:
                    docs += 1
                    failed += json.loads(line).get("status") == "error"
                    f.write(line)
                    f.write("\n")
        os.replace(tmp, merged)
        tagged.unpersist()
    except Exception as e:  # noqa: BLE001 - report and exit 2
        print("spark_convert: Spark job failed: %s" % failure_reason(e), file=sys.stderr)
        shutil.rmtree(parts_dir, ignore_errors=True)
        for leftover in (merged, merged + ".tmp"):
            if os.path.exists(leftover):
                os.remove(leftover)
        return EXIT_USAGE
    finally:
        sc.stop()

    print(
        "spark_convert: %d inputs, %d documents (%d failed) in %d partitions in %.2f s -> %s, %s"
        % (n, docs, failed, slices, time.time() - started, merged, parts_dir),
        file=sys.stderr,
    )
    if duplicates.dropped:
        print("spark_convert: %d inputs left out of %s as copies of an input in an earlier partition "
              "(the partition files keep them)" % (duplicates.dropped, merged),
              file=sys.stderr)
    return EXIT_FAILED if failed or walk_errors else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
