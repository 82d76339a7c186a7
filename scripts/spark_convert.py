#!/usr/bin/env python3
"""Convert 绩效目标批复 inputs with pifu under Apache Spark (RDD.pipe).

The driver lists the inputs exactly as `pifu convert` would (directories
searched recursively for .pdf/.txt in sorted path order, files and
--files-from entries kept in the order given), numbers them, and
parallelises the (index, path) list into P partitions. Each partition pipes
its paths, one per line, into

    pifu convert --files-from - --format jsonl -o - --quiet

which answers with one JSON document per input, in input order, error
documents included. The lines are zipped back with their indices (the zip
fails if a partition returned a different number of lines than it was
given), checked against the path sent, and written twice:

    OUT/parts/part-NNNNN   JSON Lines, one file per partition (saveAsTextFile)
    OUT/documents.jsonl    all documents merged in the original input order

`OUT/documents.jsonl` is byte-identical to what
`pifu convert --files-from LIST --format jsonl -o -` prints for the same path
list. One thing needs the whole list: pifu's `duplicate_content` warning
(same bytes as an earlier input of the run). Each partition is a run of its
own, so the merge step redoes these warnings in input order; the partition
files keep the warnings pifu gave within each partition.

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
import shlex
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


def is_input_name(name):
    ext = rust_extension(name)
    return ext is not None and ext.lower() in ("pdf", "txt")


def walk(directory, out, errors):
    """Files under `directory` named .pdf/.txt (case-insensitive),
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
        elif is_input_name(name) and os.path.isfile(path):
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


def pipe_command(pifu, base_dir, jobs):
    """The per-partition command. pifu exits 1 when some inputs failed; their
    error documents are on stdout like every other document, so 1 is success
    here. Anything else (2 usage error, a signal) fails the Spark task, and
    with it the job, instead of silently losing documents."""
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
    return "/bin/sh -c " + shlex.quote(script), env


def check_line(item):
    """((index, path), json_line) -> (index, json_line), after checking that
    the document is the one for that path."""
    import json  # runs on the executors

    (index, path), line = item
    try:
        got = json.loads(line)["source"]["path"]
    except Exception as e:  # noqa: BLE001 - anything unparsable is a failure
        raise RuntimeError("input %d (%s): pifu printed no document: %r (%s)" % (index, path, line[:200], e))
    if got != path:
        raise RuntimeError("input %d: sent %r, got the document of %r" % (index, path, got))
    return index, line


DUPLICATE_PREFIX = "same bytes as "


def _json_str(value):
    # serde_json's escaping of strings: '"', '\\' and control characters only.
    return json.dumps(value, ensure_ascii=False)


def _warning_json(w):
    return "{%s}" % ",".join(
        "%s:%s" % (_json_str(k), _json_str(w.get(k))) for k in ("code", "message", "table", "seq", "page")
    )


class DuplicateFixer:
    """Redoes pifu's batch-wide `duplicate_content` warnings over the merged
    output.

    pifu warns when a document has the same bytes (sha256) as an earlier
    input *of the same run*, naming the first path; the warning is the last
    entry of `warnings`, added to `ok` documents only. A partition is a run
    of its own, so a duplicate whose first copy is in another partition gets
    no warning (or one naming the wrong first path). Going through the
    documents in input order with the same rule restores what one run over
    the whole list prints. Lines that need no change are left as pifu wrote
    them; a line whose shape is not the expected one (warnings not the last
    key) stops the job rather than be rewritten wrongly.
    """

    def __init__(self):
        self.first_path = {}
        self.changed = 0

    def __call__(self, line, doc):
        sha = (doc.get("source") or {}).get("sha256")
        if sha is None:
            return line
        first = self.first_path.get(sha)
        if first is None:
            self.first_path[sha] = doc["source"]["path"]
        want = None
        if first is not None and doc.get("status") == "ok":
            want = {"code": "duplicate_content", "message": DUPLICATE_PREFIX + first,
                    "table": None, "seq": None, "page": None}
        warnings = doc.get("warnings") or []
        have = warnings[-1] if warnings and warnings[-1].get("code") == "duplicate_content" else None
        if have == want:
            return line
        if list(doc)[-1] != "warnings" or not line.endswith("]}"):
            raise RuntimeError("cannot fix the duplicate_content warning of %s: "
                               "warnings is not the last key" % doc["source"]["path"])
        if have is not None:
            tail = _warning_json(have) + "]}"
            if line.endswith("," + tail):
                line = line[: -len("," + tail)] + "]}"
            elif line.endswith("[" + tail):
                line = line[: -len(tail)] + "]}"
            else:
                raise RuntimeError("cannot fix the duplicate_content warning of %s: "
                                   "unexpected serialisation" % doc["source"]["path"])
        if want is not None:
            sep = "" if line.endswith("[]}") else ","
            line = line[:-2] + sep + _warning_json(want) + "]}"
        self.changed += 1
        return line


def failure_reason(e):
    """One line saying why the Spark job failed, out of a Py4J error that
    holds the Java and Python stack traces."""
    lines = str(e).splitlines()
    known = (
        ("PIPE_FUNCTION_EXITED", "pifu exited with a status other than 0 or 1 in a task"),
        ("Can only zip RDDs", "a partition got back a different number of documents than it sent paths"),
        ("Can not deserialize PairRDD", "a partition got back a different number of documents than it sent paths"),
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
        description="Convert .pdf/.txt 批复 inputs with pifu under Spark (RDD.pipe).",
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
    failed = 0
    try:
        n = len(paths)
        # Never more partitions than inputs: an empty partition would start
        # pifu with no inputs (a usage error).
        slices = max(1, min(args.partitions, n))
        if n:
            indexed = sc.parallelize(list(enumerate(paths)), slices)
            command, env = pipe_command(pifu, base_dir, args.pifu_jobs)
            piped = indexed.map(lambda t: t[1]).pipe(command, env=env, checkCode=True)
            # zip() pairs the k-th line of a partition with its k-th input and
            # fails unless every partition returned exactly one line per input.
            tagged = indexed.zip(piped).map(check_line).persist(StorageLevel.MEMORY_AND_DISK)
        else:  # directories without inputs: empty output, as pifu gives
            tagged = sc.parallelize([], 1)

        # JSON Lines per partition (each in its partition's input order).
        tagged.values().saveAsTextFile("file://" + parts_dir if "://" not in parts_dir else parts_dir)

        # One file in the original input order, streamed to the driver.
        tmp = merged + ".tmp"
        expected = 0
        fix_duplicates = DuplicateFixer()
        with open(tmp, "w", encoding="utf-8", newline="\n") as f:
            ordered = tagged.sortByKey(ascending=True, numPartitions=tagged.getNumPartitions())
            for index, line in ordered.toLocalIterator():
                if index != expected:
                    raise RuntimeError("merged output: expected input %d, got %d" % (expected, index))
                expected += 1
                doc = json.loads(line)
                if doc.get("status") == "error":
                    failed += 1
                line = fix_duplicates(line, doc)
                f.write(line)
                f.write("\n")
        if expected != n:
            raise RuntimeError("merged output has %d documents for %d inputs" % (expected, n))
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
        "spark_convert: %d documents (%d failed) in %d partitions in %.2f s -> %s, %s"
        % (n, failed, slices, time.time() - started, merged, parts_dir),
        file=sys.stderr,
    )
    if fix_duplicates.changed:
        print("spark_convert: %d duplicate_content warnings redone across partitions in %s "
              "(the partition files keep pifu's per-partition warnings)" % (fix_duplicates.changed, merged),
              file=sys.stderr)
    return EXIT_FAILED if failed or walk_errors else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
