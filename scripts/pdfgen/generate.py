#!/usr/bin/env python3
"""Generates samples/pdf/*.pdf and tests/expected/pdf/* (see README.md).

    bash scripts/pdfgen/setup.sh && python3 scripts/pdfgen/generate.py

Options: --only SUBSTRING (generate matching stems only), --no-verify.

    python3 scripts/pdfgen/generate.py --bench-out DIR [--bench-count N] [--no-verify]

writes N (default 10) long invented documents (bench.py) and their
expectations into DIR instead; samples/ and tests/ are not touched.

    python3 scripts/pdfgen/generate.py --templates [--only SUBSTRING] [--no-verify]

writes the template corpus (templates.py) instead: text dumps and PDFs in
samples/templates/, expected documents in tests/expected/templates/.

    python3 scripts/pdfgen/generate.py --projects [--only SUBSTRING] [--no-verify]

writes the project corpus (projects.py) instead: text dumps, PDFs and a
workbook in samples/projects/, expected documents in tests/expected/projects/.
"""
from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import tempfile
import time

sys.dont_write_bytecode = True      # no __pycache__ in the work tree
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import bench  # noqa: E402
import invent  # noqa: E402
import postprocess  # noqa: E402
import render_html  # noqa: E402
import render_rl  # noqa: E402
import verify  # noqa: E402
from model import Style, load_expected, write_expected  # noqa: E402

ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
EXPECTED = os.path.join(ROOT, "tests", "expected")
OUT_PDF = os.path.join(ROOT, "samples", "pdf")
OUT_EXP = os.path.join(ROOT, "tests", "expected", "pdf")

PRODUCERS = ("reportlab-cid", "chromium", "reportlab-ttf", "overlay", "gbk")

# --- styles ------------------------------------------------------------------

# the seed as published: (一) functions, "1、" lists, annual goals run together
EZHOU = Style(enum_functions="paren", enum_tasks="dun", enum_long_term="dun", enum_annual="dun",
              semicolons_tasks=True, semicolons_annual=True, paragraphs_annual=False,
              long_term_label="长期目标：\n(截止{deadline}年)", annual_goal_label="年度目标:",
              year_label="{y} 年", ind_year_label="{y}年", footer="dash",
              continuation="repeat", annual_header="three")
HUANGSHI = Style(enum_functions="fullparen", enum_tasks="dot", enum_long_term="dun", enum_annual="dot",
                 semicolons_tasks=True, semicolons_annual=True, paragraphs_annual=False,
                 long_term_label="长期目标：(截止{deadline}年)", annual_goal_label="年度目标：",
                 year_label="{y} 年", ind_year_label="{y}年", footer="of", repeat_header=True,
                 continuation="blank", annual_header="three", font_size=9.5)
XIAOGAN = Style(enum_functions="fullparen", enum_tasks="paren_tight", enum_long_term="dun",
                enum_annual="dun", semicolons_annual=True, paragraphs_annual=False,
                long_term_label="长期目标：（截至{deadline}年）", annual_goal_label="年度目标：",
                year_label="{y} 年", ind_year_label="{y}年", thousands=True, footer="dash",
                continuation="repeat", annual_header="two")


def _v(style, **kw):
    return dataclasses.replace(style, **kw)


def jobs():
    """(output stem, doc, producer). The same doc object may be printed by
    several producers; each producer may get its own style variant."""
    out = []
    ez = lambda st: load_expected(EXPECTED, "ezhou-data-bureau-2026", st)
    out.append(("ezhou-data-bureau-2026.reportlab-cid", ez(EZHOU), "reportlab-cid"))
    out.append(("ezhou-data-bureau-2026.chromium", ez(_v(EZHOU, paragraphs_annual=True, footer="dash")), "chromium"))
    out.append(("ezhou-data-bureau-2026.reportlab-ttf",
                ez(_v(EZHOU, font_size=9.5, footer="of", repeat_header=True, continuation="blank")),
                "reportlab-ttf"))
    out.append(("ezhou-data-bureau-2026.overlay", ez(EZHOU), "overlay"))
    out.append(("ezhou-data-bureau-2026.gbk", ez(_v(EZHOU, footer="of")), "gbk"))
    hs = lambda st: load_expected(EXPECTED, "huangshi-transport-bureau-2025", st)
    out.append(("huangshi-transport-bureau-2025.reportlab-ttf", hs(HUANGSHI), "reportlab-ttf"))
    out.append(("huangshi-transport-bureau-2025.gbk", hs(_v(HUANGSHI, font_size=10, continuation="repeat")), "gbk"))
    xg = lambda st: load_expected(EXPECTED, "xiaogan-health-commission-2026", st)
    out.append(("xiaogan-health-commission-2026.chromium", xg(_v(XIAOGAN, footer=None)), "chromium"))
    out.append(("xiaogan-health-commission-2026.overlay", xg(_v(XIAOGAN, repeat_header=True)), "overlay"))
    for stem, doc, producer in invent.documents():
        out.append((stem, doc, producer))
    return out


def produce(doc, producer, dst, tmp, bench=False):
    """Writes dst; returns (page of each indicator row, page count, the
    Layout for the reportlab-based producers or None). bench=True (the
    benchmark documents only, so that the samples keep their bytes): Chromium
    pages are planned with render_html._plan_keep_merged. gbk always gets
    the exact ASCII widths (postprocess.gbk(exact_widths=True))."""
    if producer == "reportlab-cid":
        lay = render_rl.render(doc, dst, "cid")
    elif producer == "reportlab-ttf":
        lay = render_rl.render(doc, dst, "ttf")
    elif producer in ("overlay", "gbk"):
        base = os.path.join(tmp, "base.pdf")
        lay = render_rl.render(doc, base, "cid")
        if producer == "overlay":
            postprocess.overlay(base, dst)
        else:
            postprocess.gbk(base, dst, exact_widths=True)
    elif producer == "chromium":
        return render_html.render(doc, dst, tmp, keep_merged=bench)
    else:
        raise ValueError(producer)
    return lay.row_pages, lay.npages, lay


def bench_main(args):
    """Long documents for benchmarks, written into args.bench_out with their
    expectations alongside. Each is checked like a sample (verify.check);
    with --no-verify only its page count is (pdfinfo)."""
    out = os.path.abspath(args.bench_out)
    for protected in (os.path.join(ROOT, "samples"), os.path.join(ROOT, "tests")):
        if out == protected or out.startswith(protected + os.sep):
            sys.exit("--bench-out must not be inside %s" % protected)
    os.makedirs(out, exist_ok=True)
    failures = 0
    t_all = time.monotonic()
    total_pages = total_bytes = 0
    for stem, doc, producer in bench.documents(args.bench_count):
        if args.only not in stem:
            continue
        t0 = time.monotonic()
        dst = os.path.join(out, stem + ".pdf")
        with tempfile.TemporaryDirectory() as tmp:
            row_pages, pages, lay = produce(doc, producer, dst, tmp, bench=True)
        write_expected(out, stem, doc, row_pages, pages)
        if lay is not None and lay.flowed:
            print("  note: %s: merged cell text cut by a page break: %r" % (stem, lay.flowed))
        n = verify.pdf_pages(dst)
        problems = [] if n == pages else ["pdfinfo says %d pages, expected %d" % (n, pages)]
        if not args.no_verify and not problems:
            problems += verify.check(dst, doc, producer, row_pages, pages, lay)
        n_lt = len(doc.table("long_term"))
        size = os.path.getsize(dst)
        total_pages += pages
        total_bytes += size
        msg = "%-58s %-14s %2d pages %3d+%3d indicators %8d bytes %6.1fs" % (
            stem, producer, pages, n_lt, len(doc.indicators) - n_lt, size, time.monotonic() - t0)
        if problems:
            failures += 1
            msg += "  FAILED\n    " + "\n    ".join(problems[:20])
        else:
            msg += "  pages ok" if args.no_verify else "  verified"
        print(msg, flush=True)
    print("total: %d pages, %d bytes, %.1fs" % (total_pages, total_bytes, time.monotonic() - t_all))
    if failures:
        sys.exit(1)


def templates_main(args):
    """The template corpus (templates.py): text dumps, PDFs and expected
    documents in samples/templates/ and tests/expected/templates/."""
    import templates
    made = set()
    for name in templates.write_text_samples(args.only):
        made.update([name, name + ".json"])
        print("%-58s text" % name, flush=True)
    failures = 0
    for stem, td, producer in templates.pdf_jobs():
        if args.only not in stem:
            continue
        name = stem + ".pdf"
        made.update([name, name + ".json"])
        dst = os.path.join(templates.OUT_DIR, name)
        with tempfile.TemporaryDirectory() as tmp:
            row_pages, pages, lay = produce(td.doc, producer, dst, tmp)
        templates.write_json(os.path.join(templates.EXP_DIR, name + ".json"),
                             templates.expected(td, row_pages, td.pdf_warnings))
        if lay is not None and lay.flowed:
            print("  note: %s: merged cell text cut by a page break: %r" % (stem, lay.flowed))
        tables = sorted({i.table for i in td.doc.indicators})
        crossing = [t for t in tables
                    if len({p for p, i in zip(row_pages, td.doc.indicators) if i.table == t}) > 1]
        msg = "%-58s %-14s %d pages %4d rows %7d bytes, tables across pages: %s" % (
            name, producer, pages, len(td.doc.indicators), os.path.getsize(dst), ",".join(crossing) or "-")
        if not args.no_verify:
            problems = verify.check(dst, td.doc, producer, row_pages, pages, lay)
            if problems:
                failures += 1
                msg += "  FAILED\n    " + "\n    ".join(problems[:20])
            else:
                msg += "  verified"
        print(msg, flush=True)
    if not args.only:
        for d in (templates.OUT_DIR, templates.EXP_DIR):
            for name in sorted(os.listdir(d)):
                if name.endswith((".txt", ".pdf", ".json")) and name not in made:
                    print("removing stale %s" % os.path.join(d, name))
                    os.remove(os.path.join(d, name))
    if failures:
        sys.exit(1)


def projects_main(args):
    """The project corpus (projects.py): text dumps, PDFs and a workbook in
    samples/projects/, expected documents in tests/expected/projects/."""
    import projects
    if not projects.generate(args.only, args.no_verify, produce):
        sys.exit(1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--templates", action="store_true",
                    help="write the template corpus (templates.py) instead of the samples")
    ap.add_argument("--projects", action="store_true",
                    help="write the project corpus (projects.py) instead of the samples")
    ap.add_argument("--only", default="")
    ap.add_argument("--no-verify", action="store_true")
    ap.add_argument("--bench-out", metavar="DIR",
                    help="write long benchmark documents (bench.py) into DIR instead of the samples")
    ap.add_argument("--bench-count", type=int, default=10, metavar="N")
    args = ap.parse_args()
    if args.bench_out:
        return bench_main(args)
    if args.templates:
        return templates_main(args)
    if args.projects:
        return projects_main(args)
    os.makedirs(OUT_PDF, exist_ok=True)
    os.makedirs(OUT_EXP, exist_ok=True)
    failures = 0
    made = set()
    for stem, doc, producer in jobs():
        if args.only not in stem:
            continue
        made.update([stem + ".pdf", stem + ".indicators.tsv", stem + ".summary.json"])
        dst = os.path.join(OUT_PDF, stem + ".pdf")
        with tempfile.TemporaryDirectory() as tmp:
            row_pages, pages, lay = produce(doc, producer, dst, tmp)
        write_expected(OUT_EXP, stem, doc, row_pages, pages)
        if lay is not None and lay.flowed:
            print("  note: %s: merged cell text cut by a page break: %r" % (stem, lay.flowed))
        msg = "%-55s %-14s %d pages %4d indicators %7d bytes" % (
            stem, producer, pages, len(doc.indicators), os.path.getsize(dst))
        if not args.no_verify:
            problems = verify.check(dst, doc, producer, row_pages, pages, lay)
            problems += verify.same_as_text_expectations(EXPECTED, OUT_EXP, doc.stem, stem)
            if problems:
                failures += 1
                msg += "  FAILED\n    " + "\n    ".join(problems[:20])
            else:
                msg += "  verified"
        print(msg, flush=True)
    if not args.only:
        # a full run leaves nothing behind from documents no longer made
        for d in (OUT_PDF, OUT_EXP):
            for name in sorted(os.listdir(d)):
                if name not in made:
                    print("removing stale %s" % os.path.join(d, name))
                    os.remove(os.path.join(d, name))
    if failures:
        sys.exit(1)


if __name__ == "__main__":
    main()
