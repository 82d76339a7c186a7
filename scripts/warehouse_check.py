#!/usr/bin/env python3
"""Warehouse check: converts the samples to CSV and to Parquet, loads every
table into DuckDB with the declared types of docs/TABLES.md, runs what an
analyst runs, and fails (exit 1, one line per problem) on

- a type error: a CSV value that does not load as its declared type, or a
  Parquet column of another name or type than declared;
- a dangling doc_id: a row whose doc_id is not in documents;
- a duplicate key: (path, part) in documents, doc_id among its ok/error
  rows, (doc_id, table, seq) in indicators, (doc_id, section, seq) in
  funding and items, doc_id in projects;
- a CSV/Parquet mismatch: other rows, values or order;
- an income/expenditure 合计 row that is not the sum of its section's items.

Run by .ci/run through scripts/warehouse_check, which installs DuckDB's
Python package into a virtual environment under target/. With
--self-test it then corrupts copies of the outputs, one fault at a time,
and fails unless the check catches each.

    scripts/warehouse_check.py --pifu target/debug/pifu [--work DIR] [--self-test]
"""
import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
TABLES = ["documents", "indicators", "funding", "items", "warnings", "projects"]
KEYS = {
    "documents": ["path", "part"],
    "indicators": ["doc_id", "table", "seq"],
    "funding": ["doc_id", "section", "seq"],
    "items": ["doc_id", "section", "seq"],
    "projects": ["doc_id"],
}


def declared_types():
    """{table: [(column, SQL type)]} from docs/TABLES.md."""
    text = (ROOT / "docs" / "TABLES.md").read_text(encoding="utf-8")
    out = {}
    for table in TABLES:
        m = re.search(rf"^### {table}\n(.*?)(?=^#|\Z)", text, re.M | re.S)
        if not m:
            sys.exit(f"warehouse check: docs/TABLES.md has no section '### {table}'")
        out[table] = re.findall(r"^\| `(\w+)` \| (\w+) \|", m.group(1), re.M)
    return out


def q(name):
    return '"' + name.replace('"', '""') + '"'


def sql_str(s):
    return "'" + str(s).replace("'", "''") + "'"


def load(con, csv_dir, pq_dir, types, problems):
    """Creates csv_<table> and pq_<table>; returns the tables loaded from both."""
    loaded = []
    for table, cols in types.items():
        ok = True
        spec = "{" + ", ".join(f"{sql_str(c)}: {sql_str(t)}" for c, t in cols) + "}"
        try:
            con.execute(
                f"CREATE OR REPLACE TABLE csv_{table} AS SELECT * FROM read_csv("
                f"{sql_str(csv_dir / (table + '.csv'))}, header = true, auto_detect = false, "
                f"delim = ',', quote = '\"', escape = '\"', nullstr = '', columns = {spec})"
            )
        except duckdb.Error as e:
            problems.append(f"type error: {table}.csv does not load with the declared types: {one_line(e)}")
            ok = False
        try:
            con.execute(
                f"CREATE OR REPLACE TABLE pq_{table} AS SELECT * FROM read_parquet("
                f"{sql_str(pq_dir / (table + '.parquet'))})"
            )
            got = [(r[0], r[1]) for r in con.execute(f"DESCRIBE pq_{table}").fetchall()]
            if got != cols:
                diff = [f"{g} != {w}" for g, w in zip(got, cols) if g != w]
                if len(got) != len(cols):
                    diff.append(f"{len(got)} columns, declared {len(cols)}")
                problems.append(f"type error: {table}.parquet: {'; '.join(diff)}")
                ok = False
        except duckdb.Error as e:
            problems.append(f"type error: {table}.parquet does not load: {one_line(e)}")
            ok = False
        if ok:
            loaded.append(table)
    return loaded


def one_line(e):
    return " ".join(str(e).split())[:300]


def rows(con, sql):
    return con.execute(sql).fetchall()


def check(csv_dir, pq_dir, verbose=True):
    """Returns the list of problems found in the two output directories."""
    problems = []
    types = declared_types()
    con = duckdb.connect()
    loaded = load(con, csv_dir, pq_dir, types, problems)

    # CSV and Parquet: the same rows in the same order.
    for table in loaded:
        cols = ", ".join(q(c) for c, _ in types[table])
        # rowid: the row's place in the file (tables keep insertion order).
        numbered = lambda src: f"SELECT rowid + 1 AS row, {cols} FROM {src}"
        for a, b in (("csv", "pq"), ("pq", "csv")):
            extra = rows(
                con,
                f"SELECT row FROM ({numbered(f'{a}_{table}')} EXCEPT ALL "
                f"{numbered(f'{b}_{table}')}) ORDER BY row LIMIT 3",
            )
            if extra:
                where = ", ".join(str(r[0]) for r in extra)
                problems.append(
                    f"CSV/Parquet mismatch: {table}: row(s) {where} of the {a.upper()} "
                    f"table are not in the {'Parquet' if b == 'pq' else 'CSV'} table"
                )
                break

    for fmt in ("csv", "pq"):
        name = "CSV" if fmt == "csv" else "Parquet"
        have = set(loaded)
        if "documents" in have:
            for table in TABLES[1:]:
                if table not in have:
                    continue
                dangling = rows(
                    con,
                    f"SELECT DISTINCT coalesce(doc_id, 'null') FROM {fmt}_{table} t WHERE NOT EXISTS "
                    f"(SELECT 1 FROM {fmt}_documents d WHERE d.doc_id = t.doc_id) LIMIT 3",
                )
                if dangling:
                    ids = ", ".join(r[0] for r in dangling)
                    problems.append(f"dangling doc_id ({name}): {table} rows with doc_id {ids} not in documents")
            dup = rows(
                con,
                f"SELECT doc_id, count(*) FROM {fmt}_documents WHERE status IN ('ok', 'error') "
                f"AND doc_id IS NOT NULL GROUP BY doc_id HAVING count(*) > 1 LIMIT 3",
            )
            if dup:
                problems.append(
                    f"duplicate key ({name}): documents: doc_id {dup[0][0]} on {dup[0][1]} ok/error rows"
                )
        for table, key in KEYS.items():
            if table not in have:
                continue
            k = ", ".join(q(c) for c in key)
            dup = rows(
                con,
                f"SELECT {k}, count(*) FROM {fmt}_{table} GROUP BY {k} HAVING count(*) > 1 LIMIT 3",
            )
            if dup:
                problems.append(
                    f"duplicate key ({name}): {table} ({', '.join(key)}) = {dup[0][:-1]} on {dup[0][-1]} rows"
                )
        if "funding" in have:
            bad = rows(
                con,
                f"""SELECT doc_id, section, total, items FROM (
                      SELECT doc_id, section,
                             sum(current) FILTER (WHERE item = '合计') AS total,
                             sum(current) FILTER (WHERE item <> '合计') AS items,
                             count(*) FILTER (WHERE item = '合计') AS totals
                      FROM {fmt}_funding WHERE section IN ('income', 'expenditure')
                      GROUP BY ALL)
                    WHERE totals = 1 AND abs(total - coalesce(items, 0)) > 0.005 + 1e-9 * abs(total)
                    ORDER BY ALL LIMIT 3""",
            )
            for doc_id, section, total, items in bad:
                problems.append(
                    f"funding total ({name}): {doc_id} {section}: 合计 {total} but its items sum to {items}"
                )

    if verbose and {"documents", "indicators", "funding", "warnings", "projects"} <= set(loaded):
        report(con)
    return problems


def report(con):
    """What an analyst looks at first (from the Parquet tables)."""
    docs = "(SELECT * FROM pq_documents WHERE status <> 'duplicate')"

    def show(title, sql, limit=8):
        result = rows(con, sql)
        print(f"  {title}: {len(result)} row(s)")
        for r in result[:limit]:
            print("    " + " | ".join("" if v is None else str(v) for v in r))

    print("analyst queries:")
    show(
        "indicators per department",
        f"SELECT d.department, count(*) FROM pq_indicators i JOIN {docs} d USING (doc_id) "
        "GROUP BY ALL ORDER BY 2 DESC, 1",
    )
    show(
        "indicators per project",
        f"SELECT p.department, p.name, count(i.doc_id) FROM pq_projects p "
        "LEFT JOIN pq_indicators i USING (doc_id) GROUP BY ALL ORDER BY 3 DESC, 1, 2",
    )
    show(
        "income/expenditure 合计 against the sum of items",
        "SELECT section, count(*) AS documents, round(sum(total), 2), round(sum(items), 2) FROM ("
        "  SELECT doc_id, section, sum(current) FILTER (WHERE item = '合计') AS total,"
        "         sum(current) FILTER (WHERE item <> '合计') AS items"
        "  FROM pq_funding WHERE section IN ('income', 'expenditure') GROUP BY ALL"
        ") WHERE total IS NOT NULL GROUP BY ALL ORDER BY 1",
    )
    show(
        "documents without indicators",
        f"SELECT coalesce(kind, status), count(*) FROM {docs} WHERE indicators = 0 GROUP BY ALL ORDER BY 1",
    )
    show("warnings per code", "SELECT code, count(*) FROM pq_warnings GROUP BY ALL ORDER BY 2 DESC, 1")


def convert(pifu, samples, out, formats):
    if out.exists():
        shutil.rmtree(out)
    cmd = [str(pifu), "convert", str(samples), "-o", str(out), "--format", formats, "--quiet"]
    done = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True)
    # 1: some inputs are error rows, which the tables hold too.
    if done.returncode not in (0, 1):
        sys.exit(f"warehouse check: {' '.join(cmd)} exited {done.returncode}:\n{done.stderr}")


def corrupt_csv(src, dest, table, edit):
    """A copy of the CSV directory with one table's text changed by edit."""
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(src, dest, ignore=shutil.ignore_patterns("json"))
    path = dest / f"{table}.csv"
    path.write_bytes(edit(path.read_bytes()))
    return dest


def self_test(csv_dir, pq_dir, work):
    """Each corruption must be caught with the expected message."""

    def second_line(edit):
        def apply(data):
            lines = data.split(b"\r\n")
            lines[1] = edit(lines[1])
            return b"\r\n".join(lines)

        return apply

    def duplicate_line(data):
        lines = data.split(b"\r\n")
        return b"\r\n".join(lines[:2] + lines[1:])

    cases = [
        ("type error", "indicators", second_line(lambda l: re.sub(rb",(annual|long_term),\d+,", rb",\1,x1,", l, count=1))),
        ("dangling doc_id", "items", second_line(lambda l: b"ffffffffffffffff" + l[l.index(b","):])),
        ("duplicate key", "funding", duplicate_line),
        ("CSV/Parquet mismatch", "warnings", second_line(lambda l: l + b" (changed)")),
        ("funding total", "funding", lambda d: d.replace(b",\xe5\x90\x88\xe8\xae\xa1,1647.19,", b",\xe5\x90\x88\xe8\xae\xa1,1647.2,", 1)),
    ]
    failed = []
    for expected, table, edit in cases:
        bad = corrupt_csv(csv_dir, work / "corrupt", table, edit)
        problems = check(bad, pq_dir, verbose=False)
        hits = [p for p in problems if p.startswith(expected)]
        shown = (hits or problems)[:1]
        print(f"  {table}.csv with a {expected}: {'caught' if hits else 'NOT CAUGHT'}"
              + "".join(f" ({p})" for p in shown))
        if not hits:
            failed.append(expected)
    shutil.rmtree(work / "corrupt", ignore_errors=True)
    return failed


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pifu", default=str(ROOT / "target" / "debug" / "pifu"))
    ap.add_argument("--samples", default=str(ROOT / "samples"))
    ap.add_argument("--work", default=str(ROOT / "target" / "warehouse"))
    ap.add_argument("--self-test", action="store_true", help="also check that corrupted outputs fail")
    args = ap.parse_args()
    work = Path(args.work)
    csv_dir, pq_dir = work / "csv", work / "parquet"
    convert(args.pifu, args.samples, csv_dir, "csv,json,jsonl")
    convert(args.pifu, args.samples, pq_dir, "parquet")
    problems = check(csv_dir, pq_dir)
    n = rows(duckdb.connect(), f"SELECT count(*) FROM read_parquet({sql_str(pq_dir / 'documents.parquet')})")[0][0]
    if problems:
        print(f"warehouse check FAILED ({len(problems)} problem(s)):", file=sys.stderr)
        for p in problems:
            print(f"  {p}", file=sys.stderr)
        sys.exit(1)
    print(f"warehouse check: {len(TABLES)} tables, {n} documents: CSV and Parquet load with the declared "
          "types and agree; no dangling doc_id, no duplicate key, 合计 rows add up")
    if args.self_test:
        print("self-test (corrupted copies):")
        missed = self_test(csv_dir, pq_dir, work)
        if missed:
            print(f"warehouse check FAILED: the check misses: {', '.join(missed)}", file=sys.stderr)
            sys.exit(1)


if __name__ == "__main__":
    main()
