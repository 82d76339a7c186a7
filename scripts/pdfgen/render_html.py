"""`chromium` producer: one HTML table with real rowspans/colspans, printed
by headless Chromium (embedded TrueType subset, Identity-H, ToUnicode;
borders painted as filled shapes by Skia).

Chromium decides the layout, so the page of every row is planned in two
passes: the HTML is first loaded with a script that reports the height of
every table row (screen layout at the printed width), the rows are cut into
pages from those heights (rows never break inside; indicator headers stay
with their first row), and the HTML is printed with `break-before: page` on
the first row of each page. verify.py then reads the PDF back and checks
that every row is on the planned page.
"""
from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import tempfile

import pikepdf

from layout import Cell, build_sections
from textutil import tokenize

FONT = "AR PL UMing CN"
MM = 72 / 25.4
PAGE_W_MM, PAGE_H_MM = 210, 297
MARGIN_MM = dict(top=20, bottom=20, left=16, right=16)
LABEL_W = 58.0          # pt
PX = 0.75               # pt per CSS px


def chromium_binary():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        p = shutil.which(name)
        if p:
            return p
    raise RuntimeError("chromium not found (run scripts/pdfgen/setup.sh)")


def _run_chromium(args, html_path, tmp):
    prof = tempfile.mkdtemp(dir=tmp)
    cmd = [chromium_binary(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--user-data-dir=" + prof, "--no-pdf-header-footer"] + args + ["file://" + html_path]
    r = subprocess.run(cmd, capture_output=True, timeout=180)
    if r.returncode != 0:
        raise RuntimeError("chromium failed: %s" % r.stderr.decode("utf-8", "replace")[-2000:])
    return r.stdout.decode("utf-8")


def _esc(text: str) -> str:
    """HTML for a text; a space never becomes a line break (runs joined by
    a space are kept on one line, as the reportlab producers do)."""
    out = []
    for tok in tokenize(text):
        e = html.escape(tok, quote=False)
        out.append('<span class="nw">%s</span>' % e if " " in tok else e)
    return "".join(out)


class Grid:
    def __init__(self, doc):
        self.doc = doc
        self.secs = build_sections(doc)
        self.content_w = (PAGE_W_MM - MARGIN_MM["left"] - MARGIN_MM["right"]) * MM
        xs = set()
        self.sec_x = []
        for sec in self.secs:
            lw = LABEL_W if sec.label is not None else 0.0     # no label column
            rest = self.content_w - lw
            tot = float(sum(sec.weights))
            b = [0.0, lw]
            acc = 0.0
            for w in sec.weights:
                acc += w
                b.append(lw + rest * acc / tot)
            b = [round(x, 2) for x in b]
            b[-1] = round(self.content_w, 2)
            self.sec_x.append(b)
            xs.update(b)
        self.bounds = sorted(xs)

    def span(self, si, cell: Cell):
        b = self.sec_x[si]
        if cell.col < 0:
            x0, x1 = b[0], b[1]
        else:
            x0, x1 = b[cell.col + 1], b[cell.col + 1 + cell.colspan]
        i0, i1 = self.bounds.index(x0), self.bounds.index(x1)
        return i0, i1 - i0


def table_lines(grid: Grid, breaks=frozenset()):
    """The form as one HTML table (lines of HTML): a `<colgroup>` on the
    grid's column boundaries, one `<tr id="s{section}r{row}">` per grid row,
    merged cells as rowspan/colspan. `breaks`: row ids that start a new
    printed page. Also used for the project samples' article pages."""
    out = []
    out.append('<table id="t"><colgroup>')
    for a, b in zip(grid.bounds, grid.bounds[1:]):
        out.append('<col style="width:%.2fpt">' % (b - a))
    out.append('</colgroup><tbody>')
    for si, sec in enumerate(grid.secs):
        cells = ([Cell(0, -1, rowspan=sec.nrows, paras=sec.label.split("\n"))] if sec.label is not None
                 else []) + sec.cells
        for r in range(sec.nrows):
            rid = "s%dr%d" % (si, r)
            cls = ' class="pb"' if rid in breaks else ""
            out.append('<tr id="%s"%s>' % (rid, cls))
            for c in sorted((c for c in cells if c.row == r), key=lambda c: c.col):
                i0, n = grid.span(si, c)
                attrs = ""
                if c.rowspan == 1:
                    attrs += ' class="one"'
                if n > 1:
                    attrs += ' colspan="%d"' % n
                if c.rowspan > 1:
                    attrs += ' rowspan="%d"' % c.rowspan
                if c.col < 0:
                    body = "<br>".join(_esc(p) for p in c.paras)
                elif c.valign == "top":
                    attrs = attrs.replace('class="one"', 'class="one list"')
                    body = "".join("<p>%s</p>" % _esc(p) for p in c.paras)
                else:
                    if c.align == "left":
                        attrs = attrs.replace('class="one"', 'class="one left"')
                    body = "<br>".join(_esc(p) for p in c.paras)
                out.append("<td%s>%s</td>" % (attrs, body))
            out.append("</tr>")
    out.append("</tbody></table>")
    return out


def build_html(doc, grid: Grid, breaks=frozenset(), measure=False) -> str:
    st = doc.style
    fs = st.font_size
    if st.footer == "dash":
        footer = '@bottom-center { content: "- " counter(page) " -"; font-family: "%s"; font-size: 9pt; }' % FONT
    elif st.footer == "of":
        footer = ('@bottom-center { content: "第 " counter(page) " 页 共 " counter(pages) " 页"; '
                  'font-family: "%s"; font-size: 9pt; }' % FONT)
    else:
        footer = ""
    css = """
@page { size: A4; margin: %(t)dmm %(r)dmm %(b)dmm %(l)dmm; %(footer)s }
@media screen { body { width: %(w).2fpt; } }
html, body { margin: 0; padding: 0; }
body { font-family: "%(font)s"; font-size: %(fs)spt; line-height: 1.38; color: #000; }
h1 { font-size: %(ts)spt; font-weight: normal; text-align: center; margin: 0 0 10pt 0; line-height: 1.3; }
.unit { text-align: right; margin: 0 0 3pt 0; }
table { width: %(w).2fpt; border-collapse: collapse; table-layout: fixed; }
td { border: 0.5pt solid #000; padding: 3pt; text-align: center; vertical-align: middle;
     overflow-wrap: anywhere; }
td.list { text-align: left; vertical-align: top; }
td.left { text-align: left; }
td p { margin: 0; }
td.one { break-inside: avoid; }
tr.pb { break-before: page; }
.nw { white-space: nowrap; }
""" % dict(t=MARGIN_MM["top"], r=MARGIN_MM["right"], b=MARGIN_MM["bottom"], l=MARGIN_MM["left"],
           footer=footer, w=grid.content_w, font=FONT, fs=fs, ts=st.title_size)
    out = ['<!DOCTYPE html>', '<html lang="zh-CN"><head><meta charset="utf-8">',
           '<title>%s</title>' % html.escape(doc.title), '<style>%s</style></head><body>' % css,
           '<h1>%s</h1>' % _esc(doc.title)]
    if doc.unit:
        out.append('<div class="unit">%s</div>' % html.escape(st.unit_text or ("单位：" + doc.unit)))
    out += table_lines(grid, breaks)
    if measure:
        out.append("""<pre id="m"></pre><script>
document.fonts.ready.then(function () {
  var t = document.getElementById('t').getBoundingClientRect().top;
  var rows = [];
  document.querySelectorAll('#t tr').forEach(function (tr) {
    var b = tr.getBoundingClientRect();
    rows.push([tr.id, b.top - t, b.height]);
  });
  var cells = [];
  document.querySelectorAll('#t td[rowspan]').forEach(function (td) {
    var r = document.createRange();
    r.selectNodeContents(td);
    var tops = {};
    Array.prototype.forEach.call(r.getClientRects(), function (q) {
      if (q.height > 0) { tops[Math.round(q.top)] = 1; }
    });
    cells.push([td.parentNode.id, td.rowSpan, Object.keys(tops).length]);
  });
  document.getElementById('m').textContent = 'MEASURE' + JSON.stringify({top: t, rows: rows, cells: cells}) + 'END';
});
</script>""")
    out.append("</body></html>")
    return "\n".join(out)


def _plan(grid: Grid, meas):
    """Simulates Chromium's pagination from the measured row heights: a row
    (whose one-row cells all have break-inside: avoid) that does not fit
    goes to the next page. An indicator table whose header would not fit
    together with its first row starts on a new page: that break is forced
    (break-before on the table's first row, where no rowspan is open).
    Returns (forced breaks, page of each row id, page count, closest call
    in pt)."""
    page_h = (PAGE_H_MM - MARGIN_MM["top"] - MARGIN_MM["bottom"]) * MM
    heights = {rid: h * PX for rid, _, h in meas["rows"]}
    order = [rid for rid, _, _ in meas["rows"]]
    y = meas["top"] * PX
    page = 1
    forced = set()
    row_page = {}
    closest = 1e9
    for rid in order:
        h = heights[rid]
        si, r = (int(x) for x in re.match(r"s(\d+)r(\d+)", rid).groups())
        sec = grid.secs[si]
        if sec.header_rows and r == 0:
            need = sum(heights["s%dr%d" % (si, k)] for k in range(min(sec.header_rows + 1, sec.nrows)))
            if y + need > page_h:
                forced.add(rid)
                page += 1
                y = 0.0
        closest = min(closest, abs(page_h - (y + h)))
        if y + h > page_h:
            if y <= 0:
                raise ValueError("row %s taller than a page" % rid)
            page += 1
            y = 0.0
        row_page[rid] = page
        y += h
    return forced, row_page, page, closest


def _plan_keep_merged(grid: Grid, meas, font_size):
    """Like _plan, and also models what Chromium does with merged cells
    (rowspan) at a page break: a cell cut by a break draws its text in its
    first part. When that part is too short for the text, Chromium breaks
    before the cell's first row instead, if that row is not the first on
    the page. Used for the benchmark documents (bench.py), whose long
    tables often end a page a row or two into a new level-2 group."""
    page_h = (PAGE_H_MM - MARGIN_MM["top"] - MARGIN_MM["bottom"]) * MM
    heights = {rid: h * PX for rid, _, h in meas["rows"]}
    order = [rid for rid, _, _ in meas["rows"]]
    index = {rid: k for k, rid in enumerate(order)}
    lh = font_size * 1.38
    merged = {}         # first row index -> [(last row index + 1, height its text needs)]
    for rid, span, nlines in meas["cells"]:
        k = index[rid]
        merged.setdefault(k, []).append((k + span, nlines * lh + 6.5))
    forced = set()
    at = {}             # row index -> (page, y)
    page, y = 1, meas["top"] * PX
    closest = 1e9
    k = 0
    while k < len(order):
        rid = order[k]
        h = heights[rid]
        si, r = (int(x) for x in re.match(r"s(\d+)r(\d+)", rid).groups())
        sec = grid.secs[si]
        if sec.header_rows and r == 0:
            need = sum(heights["s%dr%d" % (si, j)] for j in range(min(sec.header_rows + 1, sec.nrows)))
            if y + need > page_h:
                forced.add(rid)
                page += 1
                y = 0.0
        closest = min(closest, abs(page_h - (y + h)))
        if y + h > page_h:
            if y <= 0:
                raise ValueError("row %s taller than a page" % rid)
            b = k
            while True:
                top_b = at[b][1] if b < k else y
                bad = [s for s, spans in merged.items() if s < b and at[s][0] == page
                       for end, need in spans if end > b and top_b - at[s][1] < need - 0.5]
                nb = min(bad) if bad else b
                if nb == b or at[nb][1] <= 0.01:
                    break
                b = nb
            page += 1
            y = 0.0
            k = b
            continue
        at[k] = (page, y)
        y += h
        k += 1
    row_page = {order[k]: p for k, (p, _) in at.items()}
    return forced, row_page, page, closest


def render(doc, dst: str, tmp: str, keep_merged: bool = False):
    grid = Grid(doc)
    hp = os.path.join(tmp, "doc.html")
    with open(hp, "w", encoding="utf-8") as f:
        f.write(build_html(doc, grid, measure=True))
    dom = _run_chromium(["--dump-dom", "--virtual-time-budget=5000"], hp, tmp)
    m = re.search(r"MEASURE(.*?)END", dom, re.S)
    if not m:
        raise RuntimeError("chromium measurement failed")
    meas = json.loads(html.unescape(m.group(1)))
    if keep_merged:
        forced, row_page, pages, closest = _plan_keep_merged(grid, meas, doc.style.font_size)
    else:
        forced, row_page, pages, closest = _plan(grid, meas)
    if closest < 0.5:
        print("  note: a row ends %.2fpt from the page bottom; the page plan may be off" % closest)
    with open(hp, "w", encoding="utf-8") as f:
        f.write(build_html(doc, grid, frozenset(forced)))
    raw = os.path.join(tmp, "chromium.pdf")
    _run_chromium(["--print-to-pdf=" + raw], hp, tmp)
    _normalise(raw, dst)
    row_pages = [0] * len(doc.indicators)
    for si, sec in enumerate(grid.secs):
        for r, idx in sec.row_indicator.items():
            row_pages[idx] = row_page["s%dr%d" % (si, r)]
    return row_pages, pages, None


def _normalise(src: str, dst: str):
    """Fixed dates and a content-derived /ID, so that the bytes do not
    depend on the day the sample was made. The page content streams and
    fonts are left as Chromium wrote them."""
    with pikepdf.open(src) as pdf:
        info = pdf.docinfo
        for k in ("/CreationDate", "/ModDate"):
            if k in info:
                info[k] = pikepdf.String("D:20260101000000+00'00'")
        pdf.save(dst, deterministic_id=True, compress_streams=True,
                 object_stream_mode=pikepdf.ObjectStreamMode.preserve)
