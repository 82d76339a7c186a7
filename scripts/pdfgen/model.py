"""Content model of a 部门整体绩效目标批复, independent of any producer.

A `Doc` holds what the document says (title, funding, list items,
indicators) plus a `Style` that says how it is printed (enumerators, page
footer, what happens to merged cells at a page break, ...).  The content of
the three text samples is read from the hand-written expectations in
tests/expected/; invented documents come from invent.py.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

INDICATOR_COLUMNS = ["table", "level1", "level2", "level3", "target",
                     "history_1", "history_2", "basis", "category"]


@dataclass
class Indicator:
    table: str                      # "long_term" | "annual"
    level1: Optional[str]
    level2: Optional[str]
    level3: Optional[str]
    target: Optional[str]
    history: List[Optional[str]]    # [] for long_term, [older, newer] for annual
    basis: Optional[str]
    category: Optional[str]
    # fields of other templates (templates.py); the seed's template prints none of them
    unit: Optional[str] = None
    weight: Optional[float] = None
    direction: Optional[str] = None
    explanation: Optional[str] = None
    scoring: Optional[str] = None
    remark: Optional[str] = None
    extra: Dict[str, str] = field(default_factory=dict)
    # a row of the template that holds only level names (printed, not an indicator)
    placeholder: bool = False
    # text-dump quirks (templates.py): a blank line (page break) before the
    # row; the row printed without its leading empty continuation cell
    dump_break_before: bool = False
    dump_shift: bool = False


# --- indicator table templates ----------------------------------------------

@dataclass
class Col:
    """One column of an indicator table: the field it feeds (SPEC §2.5
    names: level1, level2, level3, target, history, basis, category, unit,
    weight, direction, explanation, scoring, remark, extra), `key` (history:
    the index into Indicator.history; extra: the header it is stored under)
    and its width weight in the layout."""
    field: str
    width: float
    key: object = None


@dataclass
class TableTemplate:
    """An indicator table: its columns, its header cells (row, col, rowspan,
    colspan, text) in printing order, and the label printed in the label
    column (None: the table has no label column)."""
    cols: List[Col]
    header: List[Tuple[int, int, int, int, str]]
    label: Optional[str]

    @property
    def header_rows(self):
        return max(r + rs for r, _, rs, _, _ in self.header)

    def col_index(self, fld):
        for i, c in enumerate(self.cols):
            if c.field == fld:
                return i
        return None

    def header_path(self, c):
        """The header texts over column c, top first (a cell spanning
        several rows or columns counts once)."""
        cells = [h for h in self.header if h[1] <= c < h[1] + h[3]]
        return [h[4] for h in sorted(cells, key=lambda h: h[0])]


def fmt_weight(w):
    return None if w is None else ("%g" % w)


def cell_value(ind, col: Col) -> Optional[str]:
    """The text printed in column `col` of indicator row `ind`."""
    f = col.field
    if f == "history":
        return ind.history[col.key] if col.key < len(ind.history) else None
    if f == "extra":
        return ind.extra.get(col.key)
    if f == "weight":
        return fmt_weight(ind.weight)
    return getattr(ind, f)


def seed_template(table: str, style, history_years) -> TableTemplate:
    """The seed's columns: long-term 一级|二级|三级|指标值|指标值确定依据|指标分类;
    annual with 近两年指标值 (two years) and 预期当年实现值, under a
    three-row (指标值 over them) or two-row header."""
    if table == "long_term":
        widths = [56, 70, 128, 66, 56, 62]
        fields = ["level1", "level2", "level3", "target", "basis", "category"]
        names = ["一级指标", "二级指标", "三级指标", "指标值", "指标值确定依据", "指标分类"]
        return TableTemplate([Col(f, w) for f, w in zip(fields, widths)],
                             [(0, c, 1, 1, t) for c, t in enumerate(names)], "长期绩效指标")
    widths = [48, 58, 92, 45, 45, 52, 48, 59]
    cols = [Col("level1", 48), Col("level2", 58), Col("level3", 92), Col("history", 45, 0),
            Col("history", 45, 1), Col("target", 52), Col("basis", 48), Col("category", 59)]
    assert [c.width for c in cols] == widths
    y1, y2 = (style.ind_year_label.format(y=y) for y in history_years)
    if style.annual_header == "three":
        hdr = [(0, 0, 3, 1, "一级指标"), (0, 1, 3, 1, "二级指标"), (0, 2, 3, 1, "三级指标"),
               (0, 3, 1, 3, "指标值"), (0, 6, 3, 1, "指标值确定依据"), (0, 7, 3, 1, "指标分类"),
               (1, 3, 1, 2, "近两年指标值"), (1, 5, 2, 1, "预期当年实现值"), (2, 3, 1, 1, y1), (2, 4, 1, 1, y2)]
    else:
        hdr = [(0, 0, 2, 1, "一级指标"), (0, 1, 2, 1, "二级指标"), (0, 2, 2, 1, "三级指标"),
               (0, 3, 1, 2, "近两年指标值"), (0, 5, 2, 1, "预期当年实现值"),
               (0, 6, 2, 1, "指标值确定依据"), (0, 7, 2, 1, "指标分类"), (1, 3, 1, 1, y1), (1, 4, 1, 1, y2)]
    return TableTemplate(cols, hdr, "年度绩效指标")


@dataclass
class FundingRow:
    section: str                    # "income" | "expenditure"
    item: str
    current: Optional[float]
    share_pct: Optional[float]
    history: List[Optional[float]]


@dataclass
class Style:
    """How a document is printed. Every option is deterministic."""
    font_size: float = 10.0
    title_size: float = 16.0
    # enumerator style per list: "paren" (一) / "fullparen" （一） / "dun" 1、 / "dot" 1.
    enum_functions: str = "paren"
    enum_tasks: str = "dun"
    enum_long_term: str = "dun"
    enum_annual: str = "dun"
    # put "；" after every item but the last (it is not part of the item)
    semicolons_tasks: bool = False
    semicolons_annual: bool = False
    # items of a list printed as separate paragraphs (True) or run together
    # in one paragraph (False)
    paragraphs_annual: bool = True
    long_term_label: str = "长期目标：\n(截止{deadline}年)"
    annual_goal_label: str = "年度目标:"
    year_label: str = "{y} 年"          # funding header
    ind_year_label: str = "{y}年"       # annual indicator header
    thousands: bool = False             # 18,426.35
    footer: Optional[str] = "dash"      # "dash" (- 1 -) | "of" (第 1 页 共 4 页) | None
    repeat_header: bool = False         # indicator header repeated on each page
    continuation: str = "repeat"        # merged cell cut by a page break: "repeat" | "blank"
    split_rows: bool = False            # an indicator row may be split by a page break
    annual_header: str = "three"        # "three": 指标值 over 近两年指标值/预期当年实现值; "two": without it
    unit_position: str = "above"        # "above": 单位：万元 right-aligned above the table
    unit_text: Optional[str] = None     # the line above the table instead of 单位：<unit> (projects.py)


@dataclass
class Doc:
    stem: str
    title: str
    year: int
    department: str
    history_years: List[int]
    unit: Optional[str]
    long_term_deadline: Optional[int]
    funding: List[FundingRow]
    functions: List[str]
    annual_tasks: List[str]
    long_term_goals: List[str]
    annual_goals: List[str]
    indicators: List[Indicator]
    style: Style = field(default_factory=Style)
    # other templates (templates.py): the indicator tables' templates by
    # table name (None: the seed's), the sections in printing order (None:
    # the seed's), the department as printed when it carries a code
    templates: Optional[Dict[str, TableTemplate]] = None
    plan: Optional[list] = None
    department_printed: Optional[str] = None

    def table(self, name):
        return [i for i in self.indicators if i.table == name]

    def template(self, name) -> TableTemplate:
        if self.templates is not None and name in self.templates:
            return self.templates[name]
        return seed_template(name, self.style, self.history_years)


def _none(s):
    return s if s != "" else None


def load_expected(expected_dir: str, stem: str, style: Style) -> Doc:
    """Reads tests/expected/<stem>.{indicators.tsv,summary.json}."""
    with open(os.path.join(expected_dir, stem + ".summary.json"), encoding="utf-8") as f:
        s = json.load(f)
    inds = []
    with open(os.path.join(expected_dir, stem + ".indicators.tsv"), encoding="utf-8") as f:
        lines = f.read().split("\n")
    header = lines[0].split("\t")
    assert header[:9] == INDICATOR_COLUMNS, header
    for line in lines[1:]:
        if not line:
            continue
        c = line.split("\t")
        c += [""] * (9 - len(c))
        hist = [] if c[0] == "long_term" else [_none(c[5]), _none(c[6])]
        inds.append(Indicator(c[0], _none(c[1]), _none(c[2]), _none(c[3]), _none(c[4]),
                              hist, _none(c[7]), _none(c[8])))
    funding = [FundingRow(r["section"], r["item"], r["current"], r["share_pct"], list(r["history"]))
               for r in s["funding"]]
    return Doc(stem=stem, title=s["title"], year=s["year"], department=s["department"],
               history_years=list(s["history_years"]), unit=s["unit"],
               long_term_deadline=s["long_term_deadline"], funding=funding,
               functions=list(s["functions"]), annual_tasks=list(s["annual_tasks"]),
               long_term_goals=list(s["long_term_goals"]), annual_goals=list(s["annual_goals"]),
               indicators=inds, style=style)


def summary_dict(doc: Doc, pages: Optional[int]):
    d = {
        "title": doc.title,
        "year": doc.year,
        "department": doc.department,
        "history_years": doc.history_years,
        "unit": doc.unit,
        "long_term_deadline": doc.long_term_deadline,
        "funding": [{"section": r.section, "item": r.item, "current": r.current,
                     "share_pct": r.share_pct, "history": r.history, "note": None}
                    for r in doc.funding],
        "functions": doc.functions,
        "annual_tasks": doc.annual_tasks,
        "long_term_goals": doc.long_term_goals,
        "annual_goals": doc.annual_goals,
    }
    if pages is not None:
        d["pages"] = pages
    return d


def write_expected(out_dir: str, out_stem: str, doc: Doc, row_pages: List[int], pages: int):
    assert len(row_pages) == len(doc.indicators)
    lines = ["\t".join(INDICATOR_COLUMNS + ["page"])]
    for ind, p in zip(doc.indicators, row_pages):
        h = ind.history + [None] * (2 - len(ind.history))
        vals = [ind.table, ind.level1, ind.level2, ind.level3, ind.target, h[0], h[1],
                ind.basis, ind.category, str(p)]
        lines.append("\t".join("" if v is None else v for v in vals))
    with open(os.path.join(out_dir, out_stem + ".indicators.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(out_dir, out_stem + ".summary.json"), "w", encoding="utf-8") as f:
        f.write(json.dumps(summary_dict(doc, pages), ensure_ascii=False, indent=2) + "\n")
