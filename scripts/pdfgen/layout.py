"""Producer-neutral page layout of a 批复 for the reportlab producers.

The document is one big bordered table made of sections stacked on each
other. Every section has the label column on the left (one cell merged over
all rows of the section) and its own column grid on the right. The layout
wraps every cell with the producer's font metrics, sizes the rows, cuts them
into pages (splitting list cells, and indicator rows when the style allows,
at line boundaries; repeating indicator headers when asked) and then emits,
per page, text lines at absolute positions and border segments.

Coordinates here are measured from the top of the page, in points.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

from model import cell_value
from textutil import (fmt_amount, fmt_share, list_paragraphs, wrap)

PAGE_W = 595.28
PAGE_H = 841.89


@dataclass
class Cell:
    row: int
    col: int                 # -1: label column
    colspan: int = 1
    rowspan: int = 1
    paras: List[str] = field(default_factory=list)
    align: str = "center"    # "center" | "left"
    valign: str = "middle"   # "middle" | "top"
    lines: List[str] = field(default_factory=list)
    indicator: Optional[int] = None   # index into doc.indicators (first cell of a row)


@dataclass
class Section:
    name: str
    label: Optional[str]         # None: no label column (the section is full width)
    weights: List[float]
    nrows: int
    cells: List[Cell] = field(default_factory=list)
    header_rows: int = 0
    repeat_header: bool = False
    splittable: bool = False          # rows may be split at line boundaries
    row_indicator: Dict[int, int] = field(default_factory=dict)  # row -> indicator index


@dataclass
class Frag:
    sec: int
    row: int
    page: int
    top: float
    h: float
    line_range: Optional[Tuple[int, int]] = None   # for split rows: lines shown
    repeat: bool = False


@dataclass
class TextLine:
    x: float
    y: float            # baseline, from the top of the page
    size: float
    text: str


@dataclass
class Page:
    texts: List[TextLine] = field(default_factory=list)
    hsegs: List[Tuple[float, float, float]] = field(default_factory=list)  # (y, x0, x1)
    vsegs: List[Tuple[float, float, float]] = field(default_factory=list)  # (x, y0, y1)


@dataclass
class Geometry:
    margin_l: float = 45.0
    margin_r: float = 45.0
    margin_t: float = 56.0
    margin_b: float = 58.0
    label_w: float = 58.0
    pad_h: float = 3.0
    pad_v: float = 3.5
    line_factor: float = 1.38
    footer_y: float = 34.0     # baseline distance from the bottom


# --- building the sections from the content model ---------------------------

def _list_section(name, label, items, enum_style, semicolons, as_paragraphs):
    s = Section(name, label, [1.0], 1, splittable=True)
    s.cells.append(Cell(0, 0, paras=list_paragraphs(items, enum_style, semicolons, as_paragraphs),
                        align="left", valign="top"))
    return s


def _level_groups(values):
    """Runs of equal, non-empty values: list of (start, length)."""
    out = []
    i = 0
    while i < len(values):
        j = i + 1
        if values[i] is not None:
            while j < len(values) and values[j] == values[i]:
                j += 1
        out.append((i, j - i))
        i = j
    return out


def _indicator_section(doc, table, first_index):
    """The section of one indicator table, from its template (model.Col /
    TableTemplate): header cells as the template lists them, level-1 and
    level-2 cells merged over the rows they cover, one cell per other
    column."""
    st = doc.style
    tpl = doc.template(table)
    rows = [i for i in doc.indicators if i.table == table]
    idx = list(range(first_index, first_index + len(rows)))
    s = Section(table, tpl.label, [c.width for c in tpl.cols], 0)
    s.cells += [Cell(r, c, rowspan=rs, colspan=cs, paras=[t]) for r, c, rs, cs, t in tpl.header]
    hdr = tpl.header_rows
    s.header_rows = hdr
    s.repeat_header = st.repeat_header
    s.splittable = st.split_rows
    s.nrows = hdr + len(rows)
    c1, c2 = tpl.col_index("level1"), tpl.col_index("level2")
    # level 1 and level 2 merged over the rows they cover
    for start, n in _level_groups([r.level1 for r in rows]):
        if c1 is not None:
            s.cells.append(Cell(hdr + start, c1, rowspan=n, paras=[rows[start].level1 or ""]))
        sub = rows[start:start + n]
        if c2 is not None:
            for s2, n2 in _level_groups([r.level2 for r in sub]):
                s.cells.append(Cell(hdr + start + s2, c2, rowspan=n2, paras=[sub[s2].level2 or ""]))
    value_cols = [(c, col) for c, col in enumerate(tpl.cols) if c not in (c1, c2)]
    for k, r in enumerate(rows):
        for c, col in value_cols:
            s.cells.append(Cell(hdr + k, c, paras=[cell_value(r, col) or ""]))
        s.row_indicator[hdr + k] = idx[k]
    return s


def _funding_section(doc, label):
    st = doc.style
    inc = [r for r in doc.funding if r.section == "income"]
    exp = [r for r in doc.funding if r.section == "expenditure"]
    s = Section("funding", label, [50, 108, 70, 55, 75, 75], 2 + len(inc) + len(exp))
    y1, y2 = (st.year_label.format(y=y) for y in doc.history_years)
    s.cells += [Cell(0, 0, colspan=2, rowspan=2, paras=["总体资金情况"]),
                Cell(0, 2, rowspan=2, paras=["当年金额"]), Cell(0, 3, rowspan=2, paras=["占比"]),
                Cell(0, 4, colspan=2, paras=["近两年收支金额"]),
                Cell(1, 4, paras=[y1]), Cell(1, 5, paras=[y2])]
    r = 2
    for name, group in (("收入构成", inc), ("支出构成", exp)):
        if not group:
            continue
        s.cells.append(Cell(r, 0, rowspan=len(group), paras=[name]))
        for f in group:
            vals = [f.item, fmt_amount(f.current, st.thousands), fmt_share(f.share_pct),
                    fmt_amount(f.history[0], st.thousands), fmt_amount(f.history[1], st.thousands)]
            for c, v in enumerate(vals):
                s.cells.append(Cell(r, 1 + c, paras=[v]))
            r += 1
    return s


def _plan_sections(doc) -> List[Section]:
    """Sections of a document with its own plan (templates.py): entries
    ("name", label), ("funding", label), ("list", attribute, label,
    enumerator style, semicolons, as paragraphs), ("caption", text, table)
    (a full-width row above a table without label column), ("table",
    name) and ("grid", block) (projects.py)."""
    secs = []
    for e in doc.plan:
        if e[0] == "name":
            s = Section("name", e[1], [1.0], 1)
            s.cells.append(Cell(0, 0, paras=[doc.department_printed or doc.department], align="left"))
            secs.append(s)
        elif e[0] == "funding":
            secs.append(_funding_section(doc, e[1]))
        elif e[0] == "list":
            _, attr, label, enum, semi, paras = e
            secs.append(_list_section(attr, label.format(deadline=doc.long_term_deadline),
                                      getattr(doc, attr), enum, semi, paras))
        elif e[0] == "caption":
            s = Section("caption", None, [1.0], 1)
            s.cells.append(Cell(0, 0, paras=[e[1]]))
            secs.append(s)
        elif e[0] == "grid":
            # a ruled grid of its own (projects.py Block): cells and spans as given
            secs.append(e[1].section())
        elif e[0] == "table":
            first = next(k for k, i in enumerate(doc.indicators) if i.table == e[1])
            secs.append(_indicator_section(doc, e[1], first))
        else:
            raise ValueError(e)
    return secs


def build_sections(doc) -> List[Section]:
    if doc.plan is not None:
        return _plan_sections(doc)
    st = doc.style
    secs = []
    s = Section("name", "部门（单位）名称", [1.0], 1)
    s.cells.append(Cell(0, 0, paras=[doc.department], align="left"))
    secs.append(s)

    secs.append(_funding_section(doc, "部门总体资金情况"))

    secs.append(_list_section("functions", "部门职能概述", doc.functions, st.enum_functions, False, True))
    secs.append(_list_section("annual_tasks", "年度工作任务", doc.annual_tasks, st.enum_tasks,
                              st.semicolons_tasks, True))
    secs.append(_list_section("long_term_goals", st.long_term_label.format(deadline=doc.long_term_deadline),
                              doc.long_term_goals, st.enum_long_term, False, True))
    n_lt = len(doc.table("long_term"))
    secs.append(_indicator_section(doc, "long_term", 0))
    secs.append(_list_section("annual_goals", st.annual_goal_label, doc.annual_goals, st.enum_annual,
                              st.semicolons_annual, st.paragraphs_annual))
    secs.append(_indicator_section(doc, "annual", n_lt))
    return secs


# --- layout -----------------------------------------------------------------

class Layout:
    def __init__(self, doc, measure, geo: Geometry = None):
        """measure(text, size) -> width in points."""
        self.doc = doc
        self.st = doc.style
        self.measure = measure
        self.geo = geo or Geometry()
        self.size = self.st.font_size
        self.lh = self.size * self.geo.line_factor
        self.secs = build_sections(doc)
        self.table_w = PAGE_W - self.geo.margin_l - self.geo.margin_r
        self.pages: List[Page] = []
        self.flowed = []        # merged-cell texts that had to be cut by a page break
        self.row_pages: List[int] = [0] * len(doc.indicators)

    # column x positions of a section: [label_x0, label_x1=col0_x0, ..., x_end]
    def col_x(self, sec: Section):
        x0 = self.geo.margin_l
        lw = self.geo.label_w if sec.label is not None else 0.0   # no label column
        xs = [x0, x0 + lw]
        rest = self.table_w - lw
        tot = float(sum(sec.weights))
        acc = 0.0
        for w in sec.weights:
            acc += w
            xs.append(x0 + lw + rest * acc / tot)
        return xs

    def cell_box_x(self, sec, cell):
        xs = self.col_x(sec)
        if cell.col < 0:
            return xs[0], xs[1]
        return xs[cell.col + 1], xs[cell.col + 1 + cell.colspan]

    def _wrap_cells(self):
        g = self.geo
        m = lambda s: self.measure(s, self.size)
        for sec in self.secs:
            if sec.label is not None:
                label = Cell(0, -1, rowspan=sec.nrows, paras=sec.label.split("\n"))
                sec.cells.insert(0, label)
            for c in sec.cells:
                x0, x1 = self.cell_box_x(sec, c)
                width = x1 - x0 - 2 * g.pad_h
                lines = []
                for p in c.paras:
                    lines += wrap(p, width, m)
                for ln in lines:
                    if ln != ln.strip():
                        raise ValueError("line with an edge space: %r" % ln)
                c.lines = lines

    def _row_heights(self):
        g = self.geo
        for sec in self.secs:
            h = [0.0] * sec.nrows
            own = [0.0] * sec.nrows
            for c in sec.cells:
                if c.rowspan == 1:
                    need = len(c.lines) * self.lh + 2 * g.pad_v
                    own[c.row] = max(own[c.row], need)
            h = [max(x, self.lh + 2 * g.pad_v) for x in own]
            for c in sorted((c for c in sec.cells if c.rowspan > 1), key=lambda c: c.rowspan):
                need = len(c.lines) * self.lh + 2 * g.pad_v
                have = sum(h[c.row:c.row + c.rowspan])
                if need > have:
                    h[c.row + c.rowspan - 1] += need - have
            sec.h = h
            sec.own = [max(x, self.lh + 2 * g.pad_v) for x in own]
            sec.maxlines = [0] * sec.nrows
            for c in sec.cells:
                if c.rowspan == 1:
                    sec.maxlines[c.row] = max(sec.maxlines[c.row], len(c.lines))

    def _paginate(self):
        g = self.geo
        bottom = PAGE_H - g.margin_b
        frags: List[Frag] = []
        page = 1
        y = self.first_top

        def new_page():
            nonlocal page, y
            page += 1
            y = g.margin_t

        for si, sec in enumerate(self.secs):
            r = 0
            while r < sec.nrows:
                h = sec.h[r]
                is_header = r < sec.header_rows
                if is_header and r == 0:
                    # keep the header rows with the first body row
                    need = sum(sec.h[:sec.header_rows])
                    if sec.header_rows < sec.nrows:
                        nb = sec.header_rows
                        need += (sec.h[nb] if not sec.splittable else 2 * self.lh + 2 * g.pad_v)
                    if y + need > bottom:
                        new_page()
                if y + h <= bottom + 0.01:
                    frags.append(Frag(si, r, page, y, h))
                    y += h
                    r += 1
                    continue
                can_split = sec.splittable and not is_header and sec.maxlines[r] > 1
                if can_split:
                    start = 0
                    n = sec.maxlines[r]
                    extra = h - sec.own[r]
                    while True:
                        avail = bottom - y
                        k = int((avail - 2 * g.pad_v + 0.01) // self.lh)
                        left = n - start
                        fh = left * self.lh + 2 * g.pad_v + extra
                        if y + fh <= bottom + 0.01:
                            frags.append(Frag(si, r, page, y, fh, (start, n) if start else None))
                            y += fh
                            break
                        k = min(k, left - 1)
                        if k >= 1:
                            fh = bottom - y
                            frags.append(Frag(si, r, page, y, fh, (start, start + k)))
                            start += k
                        new_page()
                        y = self._repeat_header(frags, si, sec, page, y)
                    r += 1
                    continue
                # the row does not fit: next page
                if y <= g.margin_t + 0.01:
                    raise ValueError("row taller than a page in %s" % sec.name)
                back = self._keep_merged(sec, r)
                if back < r:
                    on_page = [f for f in frags if f.sec == si and f.page == page and not f.repeat]
                    first = min(f.row for f in on_page) if on_page else r
                    if first < back:
                        # a merged level cell would be cut so that neither part
                        # holds its text: the page breaks before its first row
                        while frags and frags[-1].sec == si and frags[-1].row >= back:
                            frags.pop()
                        r = back
                new_page()
                if not is_header:
                    y = self._repeat_header(frags, si, sec, page, y)
        self.frags = frags
        self.npages = page

    def _keep_merged(self, sec, r):
        """First row of the merged level cell that a break before row r
        would cut into two parts both too short for its text (else r)."""
        back = r
        for c in sec.cells:
            if c.col < 0 or c.rowspan < 2 or not (c.row < r < c.row + c.rowspan):
                continue
            need = len(c.lines) * self.lh + 2 * self.geo.pad_v
            p1 = sum(sec.h[c.row:r])
            p2 = sum(sec.h[r:c.row + c.rowspan])
            if p1 < need - 0.01 and p2 < need - 0.01:
                back = min(back, c.row)
        return back

    def _repeat_header(self, frags, si, sec, page, y):
        """At the top of a new page inside a table body: the table header
        again, when the style repeats it. Returns the new y."""
        if not sec.repeat_header or sec.header_rows == 0:
            return y
        for r in range(sec.header_rows):
            frags.append(Frag(si, r, page, y, sec.h[r], repeat=True))
            y += sec.h[r]
        return y

    def run(self):
        g = self.geo
        self._wrap_cells()
        self._row_heights()
        # page 1: title (and unit) above the table
        self.title_baseline = g.margin_t + self.st.title_size
        top = self.title_baseline + self.st.title_size * 0.9
        if self.doc.unit and self.st.unit_position == "above":
            self.unit_baseline = top + self.size
            top = self.unit_baseline + 5
        else:
            self.unit_baseline = None
            top += 4
        self.first_top = top
        self._paginate()
        self._emit()
        return self

    # --- output ------------------------------------------------------------

    def _baseline(self, line_top):
        return line_top + (self.lh - self.size) / 2 + self.size * 0.86

    def _place_lines(self, page: Page, x0, x1, lines, top, align):
        for k, ln in enumerate(lines):
            if ln == "":
                continue
            w = self.measure(ln, self.size)
            if align == "left":
                x = x0 + self.geo.pad_h
            else:
                x = x0 + (x1 - x0 - w) / 2
            page.texts.append(TextLine(x, self._baseline(top + k * self.lh), self.size, ln))

    def _emit(self):
        g = self.geo
        pages = [Page() for _ in range(self.npages)]
        self.pages = pages
        p1 = pages[0]
        w = self.measure(self.doc.title, self.st.title_size)
        p1.texts.append(TextLine((PAGE_W - w) / 2, self.title_baseline, self.st.title_size, self.doc.title))
        if self.unit_baseline is not None:
            u = self.st.unit_text or ("单位：" + self.doc.unit)
            w = self.measure(u, self.size)
            p1.texts.append(TextLine(PAGE_W - g.margin_r - w, self.unit_baseline, self.size, u))

        by_sec: Dict[int, List[Frag]] = {}
        self.split_indicators = set()
        for f in self.frags:
            sec = self.secs[f.sec]
            if f.line_range is not None and f.row in sec.row_indicator:
                self.split_indicators.add(sec.row_indicator[f.row])
            by_sec.setdefault(f.sec, []).append(f)
            if f.line_range is None or f.line_range[0] == 0:
                sec = self.secs[f.sec]
                if f.row in sec.row_indicator and not f.repeat:
                    self.row_pages[sec.row_indicator[f.row]] = f.page

        for si, sec in enumerate(self.secs):
            sfr = by_sec[si]
            for c in sec.cells:
                x0, x1 = self.cell_box_x(sec, c)
                mine = [f for f in sfr if c.row <= f.row < c.row + c.rowspan]
                if c.row >= sec.header_rows:
                    mine = [f for f in mine if not f.repeat]
                parts = []   # (page, top, bottom, frags)
                for f in mine:
                    if parts and parts[-1][0] == f.page and abs(parts[-1][2] - f.top) < 0.01:
                        parts[-1][2] = f.top + f.h
                        parts[-1][3].append(f)
                    else:
                        parts.append([f.page, f.top, f.top + f.h, [f]])
                for pg, top, bot, _ in parts:
                    self._box(pages[pg - 1], x0, x1, top, bot)
                self._cell_text(pages, sec, c, x0, x1, parts)
        for pg in pages:
            self._merge_segments(pg)
        if self.st.footer:
            n = len(pages)
            for i, pg in enumerate(pages):
                t = ("- %d -" % (i + 1)) if self.st.footer == "dash" else ("第 %d 页 共 %d 页" % (i + 1, n))
                w = self.measure(t, 9)
                pg.texts.append(TextLine((PAGE_W - w) / 2, PAGE_H - g.footer_y, 9, t))

    def _cell_text(self, pages, sec, c, x0, x1, parts):
        g = self.geo
        lh = self.lh
        n = len(c.lines)
        if not any(c.lines):
            return
        if c.rowspan == 1:
            # one row: either whole, or split at line boundaries (and a
            # repeated header row gives several whole parts)
            for pg, top, bot, frs in parts:
                f = frs[0]
                a, b = f.line_range if f.line_range else (0, n)
                lines = c.lines[a:b]
                if not lines:
                    continue
                if c.valign == "top" or f.line_range:
                    t = top + g.pad_v
                else:
                    t = top + (bot - top - len(lines) * lh) / 2
                self._place_lines(pages[pg - 1], x0, x1, lines, t, c.align)
            return
        need = n * lh + 2 * g.pad_v
        fits = [bot - top >= need - 0.01 for _, top, bot, _ in parts]

        def centred(i):
            pg, top, bot, _ = parts[i]
            self._place_lines(pages[pg - 1], x0, x1, c.lines, top + (bot - top - n * lh) / 2, c.align)

        if len(parts) == 1 or (c.col >= 0 and c.row < sec.header_rows):
            for i in range(len(parts)):
                centred(i)
            return
        if self.st.continuation == "repeat" and any(fits):
            for i, ok in enumerate(fits):
                if ok:
                    centred(i)
            return
        if self.st.continuation == "blank" and any(fits):
            # the text in the first part that holds it; the other parts blank
            centred(fits.index(True))
            return
        self.flowed.append(c.lines)
        # flow the lines from the top of the first part into the next parts
        k = 0
        for pg, top, bot, _ in parts:
            t = top + g.pad_v
            cnt = 0
            while k + cnt < n and t + (cnt + 1) * lh <= bot - g.pad_v + 0.01:
                cnt += 1
            self._place_lines(pages[pg - 1], x0, x1, c.lines[k:k + cnt], t, c.align)
            k += cnt
            if k >= n:
                break
        if k < n:
            raise ValueError("merged cell text does not fit: %r" % c.lines)

    def _box(self, page, x0, x1, top, bot):
        page.hsegs += [(top, x0, x1), (bot, x0, x1)]
        page.vsegs += [(x0, top, bot), (x1, top, bot)]

    @staticmethod
    def _merge(segs):
        out = []
        key = lambda s: (round(s[0], 2), s[1], s[2])
        for a, b0, b1 in sorted(segs, key=key):
            a = round(a, 2)
            if out and out[-1][0] == a and b0 <= out[-1][2] + 0.01:
                out[-1][2] = max(out[-1][2], b1)
            else:
                out.append([a, b0, b1])
        return [tuple(s) for s in out]

    def _merge_segments(self, page):
        page.hsegs = self._merge(page.hsegs)
        page.vsegs = self._merge(page.vsegs)
