"""Checks a generated PDF with poppler's tools (pdfinfo, pdffonts,
pdftotext), independently of how it was drawn:

1. page count;
2. fonts (pdffonts) are what the producer is meant to make;
3. text: `pdftotext -raw` of each page, NFKC-normalised (poppler prints GBK
   single-byte codes as full-width) and without whitespace, must hold every
   text of the content model in document order: title, department, funding
   cells, every list item with its enumerator, and every indicator row's
   cells; the page on which each indicator row's first value cell is found
   must be the page written into the expectations;
4. for the reportlab-based producers, each page's text must be exactly
   (as a multiset of characters) the text the layout drew on that page.
"""
from __future__ import annotations

import collections
import re
import subprocess
import unicodedata

from model import cell_value
from textutil import fmt_amount, fmt_share, list_paragraphs


def _norm(s: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def page_texts(path: str, pages: int):
    out = []
    for p in range(1, pages + 1):
        r = subprocess.run(["pdftotext", "-q", "-raw", "-f", str(p), "-l", str(p), path, "-"],
                           check=True, capture_output=True)
        out.append(r.stdout.decode("utf-8"))
    return out


def pdf_pages(path: str) -> int:
    r = subprocess.run(["pdfinfo", path], check=True, capture_output=True, text=True)
    return int(re.search(r"^Pages:\s+(\d+)", r.stdout, re.M).group(1))


def pdffonts(path: str):
    r = subprocess.run(["pdffonts", path], check=True, capture_output=True, text=True)
    rows = []
    for line in r.stdout.splitlines()[2:]:
        m = re.match(r"^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$", line)
        if m:
            rows.append(m.groups())
    return r.stdout, rows


def check_fonts(path, producer):
    _, rows = pdffonts(path)
    cjk = [r for r in rows if r[0] not in ("Helvetica",)]
    probs = []
    if not cjk:
        return ["no CJK font found by pdffonts"]
    for name, typ, enc, emb, sub, uni in cjk:
        if producer in ("reportlab-cid", "overlay"):
            ok = (name, typ, enc, emb, uni) == ("STSong-Light", "CID Type 0", "UniGB-UCS2-H", "no", "no")
        elif producer == "gbk":
            ok = (name, typ, enc, emb, uni) == ("STSong-Light", "CID Type 0", "GBK-EUC-H", "no", "no")
        elif producer == "reportlab-ttf":
            ok = typ == "TrueType" and emb == "yes" and sub == "yes" and uni == "yes"
        elif producer == "chromium":
            ok = typ == "CID TrueType" and enc == "Identity-H" and emb == "yes" and uni == "yes"
        else:
            ok = False
        if not ok:
            probs.append("unexpected font for %s: %s" % (producer, (name, typ, enc, emb, sub, uni)))
    return probs


def check_overlay(path):
    import pikepdf
    probs = []
    with pikepdf.open(path) as pdf:
        for i, page in enumerate(pdf.pages):
            xo = page.Resources.get("/XObject")
            forms = [v for _, v in (xo.items() if xo is not None else []) if v.get("/Subtype") == "/Form"]
            if not forms:
                probs.append("page %d: no form XObject" % (i + 1))
                continue
            own = [str(op) for _, op in pikepdf.parse_content_stream(page)]
            if "BT" in own or "Tj" in own:
                probs.append("page %d: text outside the form XObject" % (i + 1))
    return probs


def expected_sequence(doc, skip=frozenset()):
    """(text, indicator index or None) in document order. Rows in `skip`
    (split by a page break: their cells' parts interleave) are left out;
    the per-page character check covers them."""
    st = doc.style
    if doc.plan and doc.plan[0][0] == "grid":
        # a form made of ruled grids (projects.py): their cells in reading order
        seq = [(doc.title, None)] + ([(st.unit_text, None)] if st.unit_text else [])
        for e in doc.plan:
            seq += [(t, i) for t, i in e[1].sequence() if i is None or i not in skip]
        return seq
    seq = [(doc.title, None), (doc.department, None)]
    for f in doc.funding:
        seq.append((f.item, None))
        for v in (fmt_amount(f.current, st.thousands), fmt_share(f.share_pct),
                  fmt_amount(f.history[0], st.thousands), fmt_amount(f.history[1], st.thousands)):
            if v:
                seq.append((v, None))
    inds = list(enumerate(doc.indicators))

    def rows(table):
        tpl = doc.template(table)
        merged = (tpl.col_index("level1"), tpl.col_index("level2"))
        cols = [col for c, col in enumerate(tpl.cols) if c not in merged]
        for i, x in inds:
            if x.table != table or i in skip:
                continue
            first = True
            for col in cols:
                v = cell_value(x, col)
                if v:
                    seq.append((v, i if first else None))
                    first = False

    if doc.plan is not None:
        # a document with its own section plan (templates.py)
        for e in doc.plan:
            if e[0] == "list":
                for p in list_paragraphs(getattr(doc, e[1]), e[3], e[4], True):
                    seq.append((p, None))
            elif e[0] == "table":
                rows(e[1])
        return seq
    lists = [(doc.functions, st.enum_functions, False, True),
             (doc.annual_tasks, st.enum_tasks, st.semicolons_tasks, True),
             (doc.long_term_goals, st.enum_long_term, False, True)]
    for items, e, semi, para in lists:
        for p in list_paragraphs(items, e, semi, True):
            seq.append((p, None))
    rows("long_term")
    for p in list_paragraphs(doc.annual_goals, st.enum_annual, st.semicolons_annual, True):
        seq.append((p, None))
    rows("annual")
    return seq


def check_text(path, doc, row_pages, pages, lay):
    probs = []
    texts = [_norm(t) for t in page_texts(path, pages)]
    starts = []
    acc = 0
    for t in texts:
        starts.append(acc)
        acc += len(t)
    whole = "".join(texts)

    def page_of(pos):
        p = 1
        for i, s in enumerate(starts):
            if pos >= s:
                p = i + 1
        return p

    def find(t, cur):
        """(start, end) of t at or after cur; a text cut by a page break
        may have the footer of its page and the top of the next page (label
        column, repeated header) between its two parts."""
        pos = whole.find(t, cur)
        if pos >= 0:
            return pos, pos + len(t)
        for b in starts[1:]:
            if b <= cur:
                continue
            nxt = [s for s in starts if s > b]
            page_end = nxt[0] if nxt else len(whole)
            for k in range(len(t) - 1, 0, -1):
                a = whole.find(t[:k], max(cur, b - k - 15), b)
                if a >= 0 and a + k <= b:
                    rest = whole.find(t[k:], b, page_end)
                    if rest >= 0:
                        return a, rest + len(t) - k
            break
        return -1, -1

    cur = 0
    found_pages = {}
    skip = lay.split_indicators if lay is not None else frozenset()
    for text, ind in expected_sequence(doc, skip):
        t = _norm(text)
        if not t:
            continue
        pos, end = find(t, cur)
        if pos < 0:
            probs.append("text not found in order: %r" % text[:40])
            continue
        if ind is not None:
            found_pages[ind] = page_of(pos)
        cur = end
    for i, p in enumerate(row_pages):
        if i in found_pages and found_pages[i] != p:
            probs.append("indicator %d (%s): expected on page %d, found on page %d"
                         % (i + 1, doc.indicators[i].level3, p, found_pages[i]))
    if lay is not None:
        for pi, page in enumerate(lay.pages):
            want = collections.Counter(_norm("".join(t.text for t in page.texts)))
            got = collections.Counter(texts[pi])
            if want != got:
                probs.append("page %d: characters differ: missing %r, extra %r" % (
                    pi + 1, "".join((want - got).elements())[:60], "".join((got - want).elements())[:60]))
    return probs, found_pages


def check(path, doc, producer, row_pages, pages, lay):
    probs = []
    n = pdf_pages(path)
    if n != pages:
        probs.append("pdfinfo says %d pages, expected %d" % (n, pages))
        return probs
    probs += check_fonts(path, producer)
    if producer == "overlay":
        probs += check_overlay(path)
    p, _ = check_text(path, doc, row_pages, pages, lay)
    probs += p
    return probs


def same_as_text_expectations(expected_dir, pdf_expected_dir, text_stem, pdf_stem):
    """For content taken from tests/expected/<text_stem>.*: the PDF's
    expectations must equal those files apart from `page` / `pages`."""
    import json
    import os
    src = os.path.join(expected_dir, text_stem + ".summary.json")
    if not os.path.exists(src):
        return []
    probs = []
    with open(src, encoding="utf-8") as f:
        a = json.load(f)
    with open(os.path.join(pdf_expected_dir, pdf_stem + ".summary.json"), encoding="utf-8") as f:
        b = json.load(f)
    b.pop("pages", None)
    if a != b or list(a) != list(b):
        probs.append("summary.json differs from tests/expected/%s.summary.json" % text_stem)
    with open(os.path.join(expected_dir, text_stem + ".indicators.tsv"), encoding="utf-8") as f:
        ta = [l for l in f.read().split("\n") if l]
    with open(os.path.join(pdf_expected_dir, pdf_stem + ".indicators.tsv"), encoding="utf-8") as f:
        tb = ["\t".join(l.split("\t")[:-1]) for l in f.read().split("\n") if l]
    if ta != tb:
        probs.append("indicators.tsv differs from tests/expected/%s.indicators.tsv (page column aside)" % text_stem)
    return probs
