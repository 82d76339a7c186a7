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
from typing import List, Optional

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

    def table(self, name):
        return [i for i in self.indicators if i.table == name]


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
