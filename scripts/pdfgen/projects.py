"""Project corpus (issue 10): 项目支出绩效目标表 in six single-project
templates, and files that hold several approvals (a flat table of five
projects, a workbook of four project sheets, a budget report ending in
three project forms). See samples/projects/README.md.

Every form is invented here. A form is a title, optional lines under it
and a stack of ruled grids (`Block`: cells with row/column spans on the
block's own column grid). From one content model come:

- the text dump `samples/projects/<stem>.txt` (tab-separated cells, one
  line per grid row, a merged cell printed in its first row and empty in
  the rows and columns it also covers, page breaks as blank lines);
- the PDFs (the blocks become layout sections, so the reportlab and
  Chromium producers and verify.py work on them unchanged);
- the workbook (openpyxl, real merged cells);
- article pages `<stem>.html` of the single forms (the chromium
  producer's table in a site's page), DOCX of T2 and T6 and an XLSX of T5
  (real merged cells, amounts as numbers);
- the expected documents `tests/expected/projects/<file name>.json`.

    python3 scripts/pdfgen/generate.py --projects [--only SUBSTRING] [--no-verify]

Deterministic: no randomness, fixed content, fixed workbook metadata.
"""
from __future__ import annotations

import dataclasses
import json
import os
import re
from typing import Dict, List, Optional, Tuple

from layout import Cell, Section
from model import Doc, Indicator, Style
from templates import target_parsed
from textutil import enumerator

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
OUT_DIR = os.path.join(ROOT, "samples", "projects")
EXP_DIR = os.path.join(ROOT, "tests", "expected", "projects")


# --- grids ---------------------------------------------------------------------------

@dataclasses.dataclass
class GCell:
    row: int
    col: int
    text: str
    rowspan: int = 1
    colspan: int = 1
    align: str = "center"       # "center" | "left"


@dataclasses.dataclass
class Block:
    """One ruled grid of a form. `row_ind`: grid row -> indices (into the
    file's indicator list) of the indicators printed on that row (two for a
    table that prints long-term and annual values side by side).
    `dump_breaks`: rows preceded by a blank line in the text dump (a page
    break of the system that made the dump). `header_rows`: kept with the
    first body row, and repeated on a new page when `repeat_header`."""
    weights: List[float]
    cells: List[GCell]
    header_rows: int = 0
    row_ind: Dict[int, List[int]] = dataclasses.field(default_factory=dict)
    dump_breaks: Tuple[int, ...] = ()
    repeat_header: bool = False

    @property
    def nrows(self):
        return max(c.row + c.rowspan for c in self.cells)

    @property
    def ncols(self):
        return len(self.weights)

    def section(self) -> Section:
        """A fresh layout.Section (the layout fills in its cells)."""
        s = Section("grid", None, list(self.weights), self.nrows)
        for c in sorted(self.cells, key=lambda c: (c.row, c.col)):
            long_text = len(c.text) > 40 or "\n" in c.text
            s.cells.append(Cell(c.row, c.col, colspan=c.colspan, rowspan=c.rowspan,
                                paras=c.text.split("\n") if c.text else [""],
                                align="left" if (c.align == "left" or long_text) else "center",
                                valign="top" if long_text else "middle"))
        s.header_rows = self.header_rows
        s.repeat_header = self.repeat_header
        s.row_indicator = {r: ids[0] for r, ids in self.row_ind.items()}
        return s

    def sequence(self):
        """(text, indicator index or None) in reading order (row by row,
        left to right; cells merged over several rows left out), for
        verify.py; the first value cell of an indicator row carries its
        index."""
        out = []
        for r in range(self.nrows):
            ids = self.row_ind.get(r)
            first = True
            for c in sorted((c for c in self.cells if c.row == r), key=lambda c: c.col):
                if c.rowspan > 1:
                    continue        # drawn where the layout centres it
                for p in c.text.split("\n"):
                    if not p:
                        continue
                    if ids is not None and first:
                        out.append((p, ids[0]))
                        first = False
                    else:
                        out.append((p, None))
        return out

    def dump_rows(self):
        grid = [[""] * self.ncols for _ in range(self.nrows)]
        for c in self.cells:
            grid[c.row][c.col] = c.text.replace("\n", " ")
        return grid


def merged_column_cells(rows, col, keys, offset=0):
    """GCells of column `col` for body rows `rows` (lists of texts), merged
    over consecutive rows whose `keys` are equal and whose text is not
    empty."""
    out = []
    i = 0
    while i < len(rows):
        j = i + 1
        if rows[i][col]:
            while j < len(rows) and keys[j] == keys[i] and rows[j][col] == rows[i][col]:
                j += 1
        out.append(GCell(offset + i, col, rows[i][col], rowspan=j - i))
        i = j
    return out


def table_block(weights, header, rows, merges, label=None, row_ids=None, dump_breaks=(),
                repeat_header=False, left_cols=()):
    """An indicator-like table. `header`: (row, col, rowspan, colspan,
    text) on the table's own columns; `rows`: body rows (lists of texts);
    `merges`: {column: key function(row index)} for merged columns; `label`:
    a label column on the left spanning the whole table. `row_ids`: the
    indicator indices of each body row."""
    off = 1 if label is not None else 0
    hrows = max(r + rs for r, _, rs, _, _ in header)
    cells = []
    if label is not None:
        cells.append(GCell(0, 0, label, rowspan=hrows + len(rows)))
    for r, c, rs, cs, t in header:
        cells.append(GCell(r, c + off, t, rowspan=rs, colspan=cs))
    for col in range(len(rows[0]) if rows else 0):
        if col in merges:
            keys = [merges[col](i) for i in range(len(rows))]
            for gc in merged_column_cells(rows, col, keys, hrows):
                gc.col += off
                cells.append(gc)
        else:
            for i, row in enumerate(rows):
                cells.append(GCell(hrows + i, col + off, row[col],
                                   align="left" if col in left_cols else "center"))
    b = Block(([58.0] if label is not None else []) + list(weights), cells, header_rows=hrows,
              repeat_header=repeat_header)
    if row_ids is not None:
        b.row_ind = {hrows + i: ids for i, ids in enumerate(row_ids) if ids}
    b.dump_breaks = tuple(hrows + i for i in dump_breaks)
    return b


# --- forms and expected documents -------------------------------------------------------

@dataclasses.dataclass
class Form:
    """What is printed: the title, a line under it (unit, 填报单位), the
    grids, and the indicators printed in them."""
    title: str
    blocks: List[Block]
    indicators: List[Indicator]
    unit_line: Optional[str] = None
    department_printed: str = ""


@dataclasses.dataclass
class PDoc:
    """The expected document (the keys the corpus checks) of one approval;
    `ind`: the indices of its indicators in the file's indicator list, in
    document order; `columns`: per table, (header, field) pairs."""
    title: str
    year: int
    department: str
    department_code: Optional[str]
    project: dict
    funding_unit: Optional[str]
    funding: List[dict]
    long_term_goals: List[str]
    annual_goals: List[str]
    columns: Dict[str, List[Tuple[str, str]]]
    ind: List[int]
    history_years: List[int] = dataclasses.field(default_factory=list)
    long_term_deadline: Optional[int] = None
    warnings: Tuple[str, ...] = ()
    pdf_warnings: Optional[Tuple[str, ...]] = None     # None: as `warnings`


def project(name, code=None, implementer=None, category=None, nature=None, period=None, extra=None):
    return {"name": name, "code": code, "implementer": implementer, "category": category,
            "nature": nature, "period": period, "extra": dict(extra or {})}


def frow(section, item, current, history=(), note=None, share=None):
    return {"section": section, "item": item, "current": current, "share_pct": share,
            "history": list(history), "note": note}


def items_text(items, enum="dun", sep=""):
    """Enumerated items run together in one cell (a `；` after items that
    do not end with `。` when sep is "；")."""
    out = []
    for i, it in enumerate(items):
        s = enumerator(enum, i + 1) + it
        if sep and i < len(items) - 1 and not it.endswith("。"):
            s += sep
        out.append(s)
    return "".join(out)


def _op_parsed(ind: Indicator):
    """target_parsed with an operator column (指标性质 in extra)."""
    op = ind.extra.get("指标性质")
    if op is None:
        return target_parsed(ind)
    if op == "定性" or ind.target is None:
        return None
    m = re.fullmatch(r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?", ind.target.strip())
    if not m:
        return None
    ops = {"≥": ">=", "≤": "<=", "=": "=", ">": ">", "<": "<", "＞": ">", "＜": "<"}
    return {"op": ops[op], "value": float(ind.target.replace(",", "")), "unit": ind.unit}


def ind_json(ind: Indicator, page):
    return {
        "table": ind.table, "level1": ind.level1, "level2": ind.level2, "level3": ind.level3,
        "target": ind.target, "unit": ind.unit, "target_parsed": _op_parsed(ind),
        "history": list(ind.history), "basis": ind.basis, "category": ind.category,
        "weight": ind.weight, "direction": ind.direction, "explanation": ind.explanation,
        "scoring": ind.scoring, "remark": ind.remark, "extra": dict(ind.extra), "page": page,
    }


def expected_doc(pd: PDoc, inds: List[Indicator], pages: Optional[List[int]], part=None, sheet=None,
                 page_range=None, pdf=False):
    warnings = pd.warnings if not pdf or pd.pdf_warnings is None else pd.pdf_warnings
    return {
        "kind": "project",
        "title": pd.title,
        "year": pd.year,
        "department": pd.department,
        "department_code": pd.department_code,
        "project": pd.project,
        "history_years": pd.history_years,
        "funding": {"unit": pd.funding_unit, "rows": pd.funding},
        "functions": [],
        "annual_tasks": [],
        "long_term_deadline": pd.long_term_deadline,
        "long_term_goals": pd.long_term_goals,
        "annual_goals": pd.annual_goals,
        "columns": {t: [{"header": h, "field": f} for h, f in pd.columns.get(t, [])]
                    for t in ("long_term", "annual")},
        "indicators": [ind_json(inds[k], None if pages is None else pages[k]) for k in pd.ind],
        "source_part": part,
        "source_sheet": sheet,
        "page_range": page_range,
        "warning_codes": sorted(set(warnings)),
    }


def write_json(path, obj):
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")


# --- shared builders -------------------------------------------------------------------

def fields_block(rows, weights):
    """A header block of label/value cells: `rows` is a list of rows, each
    a list of (text, colspan) or text (colspan 1); texts ending with a
    newline marker are left-aligned."""
    cells = []
    for r, row in enumerate(rows):
        c = 0
        for item in row:
            if isinstance(item, tuple):
                text, span = item[0], item[1]
                align = item[2] if len(item) > 2 else "center"
            else:
                text, span, align = item, 1, "center"
            if text is not None:
                cells.append(GCell(r, c, text, colspan=span, align=align))
            c += span
        assert c == len(weights), (row, c, len(weights))
    return Block(list(weights), cells)


def level_rows(inds, fields, offset_key=None):
    """Body rows (lists of texts) of an indicator table whose columns show
    `fields` of each indicator, and the merge keys of the level columns."""
    rows = []
    for ind in inds:
        row = []
        for f in fields:
            if callable(f):
                row.append(f(ind) or "")
            elif f == "weight":
                row.append("" if ind.weight is None else ("%g" % ind.weight))
            else:
                row.append(getattr(ind, f) or "")
        rows.append(row)
    return rows


def level_merges(inds, c1, c2, group=lambda i: 0):
    return {c1: lambda i: (group(i), inds[i].level1),
            c2: lambda i: (group(i), inds[i].level1, inds[i].level2)}


def mk(table, l1, l2, l3, target, **kw):
    return Indicator(table, l1, l2, l3, target, [], kw.pop("basis", None), kw.pop("category", None), **kw)


P, E, S = "产出指标", "效益指标", "满意度指标"
CB = "成本指标"


# --- T2: Hunan towns ------------------------------------------------------------------------

def t2():
    title = "湘潭县花石镇2025年项目支出绩效目标表"
    name = "花石镇农村人居环境整治提升项目"
    dept = "湘潭县花石镇人民政府"
    lt_goals = ["全镇农村卫生户厕普及率稳定在95%以上，生活垃圾收运处置体系覆盖全部行政村",
                "农村生活污水治理率达到60%，村容村貌整体提升。"]
    an_goals = ["完成农村户厕改造420户，新建村级垃圾收集点36个",
                "建成3个村的生活污水集中处理设施",
                "开展村庄清洁行动4次，群众满意度达到90%以上。"]
    cols = ["level1", "level2", "level3", "target", "remark"]
    headers = ["一级指标", "二级指标", "指标内容", "指标值", "备注"]
    lt = [
        mk("long_term", P, "数量指标", "累计完成农村户厕改造", "≥1500户", remark="2025—2027年"),
        mk("long_term", P, "数量指标", "生活污水治理覆盖行政村数", "≥9个"),
        mk("long_term", P, "质量指标", "改厕工程验收合格率", "100%"),
        mk("long_term", P, "时效指标", "整治任务完成时间", "2027年底前"),
        mk("long_term", E, "社会效益指标", "农村卫生户厕普及率", "≥95%"),
        mk("long_term", E, "生态效益指标", "农村生活污水治理率", "≥60%"),
        mk("long_term", E, "可持续影响指标", "村庄保洁长效管护机制", "健全"),
        mk("long_term", S, "服务对象满意度指标", "村民满意度", "≥90%"),
    ]
    an = [
        mk("annual", P, "数量指标", "农村户厕改造", "420户"),
        mk("annual", P, "数量指标", "新建村级垃圾收集点", "36个"),
        mk("annual", P, "数量指标", "建成生活污水集中处理设施", "3处", remark="石门、龙潭、白鹤三村"),
        mk("annual", P, "质量指标", "改厕工程验收合格率", "100%"),
        mk("annual", P, "质量指标", "垃圾收集点建设达标率", "≥98%"),
        mk("annual", P, "时效指标", "户厕改造完工时间", "2025年10月底前"),
        mk("annual", P, "成本指标", "户厕改造户均补助标准", "≤1800元/户", remark="县级统筹标准"),
        mk("annual", E, "经济效益指标", None, None, placeholder=True),
        mk("annual", E, "社会效益指标", "村庄清洁行动开展次数", "≥4次"),
        mk("annual", E, "生态效益指标", "生活垃圾无害化处理率", "≥95%"),
        mk("annual", S, "服务对象满意度指标", "村民满意度", "≥90%"),
    ]
    inds = lt + an
    head = fields_block([
        ["项目名称", (name, 3, "left")],
        ["项目属性", ("新增项目□　延续项目√", 3, "left")],
        ["主管部门", dept, "主管部门编码", "430321012"],
        ["项目单位", dept, "项目负责人", "周建国"],
        ["联系电话", "0731-57620318", "项目起止时间", "2025年1月-2025年12月"],
    ], [70, 150, 70, 150])
    money = fields_block([
        ["资金总额及构成（万元）", "资金总额", "财政拨款", "自有资金", "其他"],
        [None, "126.50", "106.50", "8.00", "12.00"],
    ], [70, 92.5, 92.5, 92.5, 92.5])
    money.cells[0].rowspan = 2
    goals = fields_block([
        ["绩效目标", "长期目标", "年度目标"],
        [None, (items_text(lt_goals, "dun", "；"), 1, "left"), (items_text(an_goals, "dun", "；"), 1, "left")],
    ], [70, 185, 185])
    goals.cells[0].rowspan = 2
    hdr = [(0, c, 1, 1, t) for c, t in enumerate(headers)]
    w = [60, 72, 130, 80, 60]
    lt_rows = level_rows(lt, cols)
    lt_block = table_block(w, hdr, lt_rows, level_merges(lt, 0, 1), label="长期绩效指标",
                           row_ids=[[k] for k in range(len(lt))])
    an_rows = level_rows(an, cols)
    an_block = table_block(w, hdr, an_rows, level_merges(an, 0, 1), label="年度绩效指标",
                           row_ids=[[] if i.placeholder else [len(lt) + k] for k, i in enumerate(an)],
                           dump_breaks=(8,))
    form = Form(title, [head, money, goals, lt_block, an_block], inds, department_printed=dept)
    pd = PDoc(title, 2025, dept, "430321012",
              project(name, implementer=dept, nature="延续项目", period="2025年1月-2025年12月",
                      extra={"项目负责人": "周建国", "联系电话": "0731-57620318"}),
              "万元", [frow("project_funding", "资金总额", 126.5), frow("project_funding", "财政拨款", 106.5),
                     frow("project_funding", "自有资金", 8.0), frow("project_funding", "其他", 12.0)],
              lt_goals, an_goals,
              {"long_term": list(zip(headers, cols)), "annual": list(zip(headers, cols))},
              [k for k, i in enumerate(inds) if not i.placeholder], warnings=("empty_row",))
    return "t2-xiangtan-huashi-town-living-environment-2025", form, [pd]


# --- T3: a Wuhan district, long-term and annual values side by side ---------------------------

def t3():
    title = "江岸区2025年度项目支出绩效目标申报表"
    name = "江岸区口袋公园提质改造项目"
    dept = "武汉市江岸区园林和林业局"
    mid_goals = ["到2027年累计新建和提质改造口袋公园30个，实现居民出门“300米见绿、500米见园”",
                 "公园绿地日常管养全部达到一级养护标准。"]
    an_goals = ["新建和提质改造口袋公园12个，新增绿化面积2.4万平方米",
                "改造项目全部通过竣工验收，周边居民满意度达到90%以上。"]
    rows = [  # level1, level2, level3, 中长期指标值, 年度指标值
        (P, "数量指标", "新建和提质改造口袋公园数量", "30个", "12个"),
        (P, "数量指标", "新增绿化面积", "6万平方米", "2.4万平方米"),
        (P, "质量指标", "改造工程竣工验收合格率", "100%", "100%"),
        (P, "质量指标", "绿地一级养护标准达标率", "100%", "≥95%"),
        (P, "时效指标", "年度改造任务完成时间", "2027年12月底前", "2025年11月底前"),
        (P, "成本指标", "口袋公园平均改造成本", "≤30万元/个", "≤26.7万元/个"),
        (E, "社会效益指标", "公园绿地服务半径覆盖率", "≥90%", "≥85%"),
        (E, "生态效益指标", "建成区绿化覆盖率", "≥42%", "≥41.5%"),
        (E, "可持续影响指标", "建成公园管养责任落实率", "100%", "100%"),
        (S, "服务对象满意度指标", "周边居民满意度", "≥92%", "≥90%"),
    ]
    n = len(rows)
    lt = [mk("long_term", a, b, c, d) for a, b, c, d, _ in rows]
    an = [mk("annual", a, b, c, e) for a, b, c, _, e in rows]
    inds = lt + an
    head = fields_block([
        ["项目名称", (name, 3, "left")],
        ["主管部门及编码", ("[015001]" + dept, 3, "left")],
        ["实施单位", "武汉市江岸区园林绿化服务中心", "项目属性", "延续项目"],
        ["项目起止时间", ("202501-202512", 3, "left")],
    ], [80, 150, 60, 150])
    money = fields_block([
        ["项目资金（万元）", "资金总额", "860.00", "当年资金总额", "320.00"],
        [None, "其中：当年财政拨款", "300.00", "其中：当年其他资金", "20.00"],
    ], [80, 95, 85, 95, 85])
    money.cells[0].rowspan = 2
    goals = fields_block([
        ["绩效目标", "中期目标", "年度目标"],
        [None, (items_text(mid_goals, "dun", "；"), 1, "left"), (items_text(an_goals, "dun", "；"), 1, "left")],
    ], [80, 180, 180])
    goals.cells[0].rowspan = 2
    headers = ["一级指标", "二级指标", "三级指标", "中长期指标值", "年度指标值"]
    hdr = [(0, c, 1, 1, t) for c, t in enumerate(headers)]
    body = [list(r) for r in rows]
    merges = {0: lambda i: rows[i][0], 1: lambda i: (rows[i][0], rows[i][1])}
    table = table_block([62, 74, 140, 82, 82], hdr, body, merges, label="绩效指标",
                        row_ids=[[n + k, k] for k in range(n)], dump_breaks=(6,))
    form = Form(title, [head, money, goals, table], inds, department_printed="[015001]" + dept)
    cols_lt = [("一级指标", "level1"), ("二级指标", "level2"), ("三级指标", "level3"), ("中长期指标值", "target")]
    cols_an = [("一级指标", "level1"), ("二级指标", "level2"), ("三级指标", "level3"), ("年度指标值", "target")]
    pd = PDoc(title, 2025, dept, "015001",
              project(name, implementer="武汉市江岸区园林绿化服务中心", nature="延续项目", period="202501-202512"),
              "万元", [frow("project_funding", "资金总额", 860.0), frow("project_funding", "当年资金总额", 320.0),
                     frow("project_funding", "其中：当年财政拨款", 300.0),
                     frow("project_funding", "其中：当年其他资金", 20.0)],
              mid_goals, an_goals, {"long_term": cols_lt, "annual": cols_an}, list(range(2 * n)))
    return "t3-wuhan-jiangan-pocket-parks-2025", form, [pd]


# --- T5: a Hunan city, 指标值及单位 | 绩效标准 ----------------------------------------------------

def t5():
    title = "衡阳市2025年项目支出绩效目标表"
    name = "衡阳市食品安全抽检监测项目"
    dept = "衡阳市市场监督管理局"
    lt_goals = ["建立覆盖生产、流通、餐饮各环节的食品安全抽检监测体系",
                "全市食品安全评价性抽检合格率稳定在98%以上，不发生区域性、系统性食品安全事件。"]
    an_goals = ["完成食品安全监督抽检6200批次、风险监测1500批次",
                "不合格食品核查处置率达到100%",
                "群众食品安全满意度达到85%以上。"]
    JH, HY, LS = "计划标准", "行业标准", "历史标准"
    inds = [
        mk("annual", P, "数量指标", "食品安全监督抽检批次", "≥6200批次", basis=JH),
        mk("annual", P, "数量指标", "食品安全风险监测批次", "≥1500批次", basis=JH),
        mk("annual", P, "数量指标", "农贸市场快检覆盖数", "≥86个", basis=LS),
        mk("annual", P, "质量指标", "抽检样品检验结果准确率", "100%", basis=HY),
        mk("annual", P, "质量指标", "不合格食品核查处置率", "100%", basis=HY),
        mk("annual", P, "时效指标", "抽检结果信息公开及时率", "≥95%", basis=JH),
        mk("annual", P, "时效指标", "年度抽检任务完成时间", "2025年11月30日前", basis=JH),
        mk("annual", P, "成本指标", "单批次平均检验费用", "≤420元", basis=LS),
        mk("annual", E, "社会效益指标", "食品安全评价性抽检合格率", "≥98%", basis=HY),
        mk("annual", E, "社会效益指标", "区域性、系统性食品安全事件", "0起", basis=JH),
        mk("annual", E, "可持续影响指标", "食品安全抽检信息化管理水平", "持续提升", basis=JH),
        mk("annual", S, "服务对象满意度指标", "群众食品安全满意度", "≥85%", basis=HY),
    ]
    head = fields_block([
        ["项目支出名称", (name, 3, "left")],
        ["预算部门", (dept, 3, "left")],
        ["年度本级预算金额", "280.00", "该项目支出上级资金", "65.00"],
        ["项目支出实施期", ("2025年-2027年", 3, "left")],
        ["实施期绩效目标", (items_text(lt_goals, "dot", "；"), 3, "left")],
        ["本年度绩效目标", (items_text(an_goals, "dot", "；"), 3, "left")],
    ], [90, 130, 90, 130])
    headers = ["一级指标", "二级指标", "三级指标", "指标值及单位", "绩效标准"]
    fields = ["level1", "level2", "level3", "target", "basis"]
    hdr = [(0, c, 1, 1, t) for c, t in enumerate(headers)]
    table = table_block([70, 88, 160, 92, 70], hdr, level_rows(inds, fields), level_merges(inds, 0, 1),
                        row_ids=[[k] for k in range(len(inds))], dump_breaks=(8,))
    form = Form(title, [head, table], inds, unit_line="填报单位：(盖章)　　　　　　　　单位：万元",
                department_printed=dept)
    pd = PDoc(title, 2025, dept, None, project(name, period="2025年-2027年"),
              "万元", [frow("project_funding", "年度本级预算金额", 280.0),
                     frow("project_funding", "该项目支出上级资金", 65.0)],
              lt_goals, an_goals, {"annual": list(zip(headers, fields))}, list(range(len(inds))))
    return "t5-hengyang-food-safety-sampling-2025", form, [pd]


# --- T6: a Hubei city, 项目预算成本构成, 二级指标 over two columns, approval footer --------------------

def t6():
    title = "随州市2026年度项目支出绩效目标表"
    name = "随州市中心城区河道保洁项目"
    dept = "随州市水利和湖泊局"
    basis = "《随州市河湖长制工作规定》《随州市中心城区河道保洁管理办法》"
    goals_ = ["中心城区涢水、溠水等6条河道保洁面积62万平方米，水面漂浮物日产日清",
              "河道垃圾无害化处置率100%，河道水质稳定达到Ⅲ类标准",
              "沿河居民对河道环境满意度达到90%以上。"]
    costs = [("河道日常保洁", 186.00, "保洁面积62万平方米×3元/平方米", 172.40, 180.20),
             ("水面漂浮物打捞", 48.00, "打捞船2艘×24万元/艘", 45.00, 46.50),
             ("垃圾清运处置", 36.60, "年清运量1220吨×300元/吨", 33.80, 35.10),
             ("巡查考核", 9.40, "巡查人员4人×2.35万元/人", 8.60, 9.00)]
    tot = [round(sum(c[k] for c in costs), 2) for k in (1, 3, 4)]
    inds = [
        mk("annual", P, "数量指标", "河道保洁面积", "62万平方米", explanation="反映项目覆盖的中心城区河道水域保洁面积"),
        mk("annual", P, "数量指标", "保洁河道条数", "6条", explanation="反映纳入保洁范围的河道数量"),
        mk("annual", P, "数量指标", "垃圾清运量", "≥1220吨", explanation="反映全年河道垃圾及漂浮物清运总量"),
        mk("annual", P, "质量指标", "河道保洁考核达标率", "≥95%", explanation="反映月度保洁考核达标次数占考核总次数的比例"),
        mk("annual", P, "质量指标", "垃圾无害化处置率", "100%", explanation="反映清运垃圾进入无害化处理设施处置的比例"),
        mk("annual", P, "时效指标", "水面漂浮物清理时限", "当日清理", explanation="反映发现漂浮物后完成清理的时间要求"),
        mk("annual", P, CB, "保洁单价", "≤3元/平方米", explanation="反映单位面积年度保洁成本控制情况"),
        mk("annual", E, "生态效益指标", "河道水质达标情况", "Ⅲ类", explanation="反映断面水质监测达到的地表水环境质量类别"),
        mk("annual", E, "社会效益指标", "河道环境投诉办结率", "100%", explanation="反映群众对河道环境投诉按期办结的比例"),
        mk("annual", S, "服务对象满意度指标", "沿河居民满意度", "≥90%", explanation="反映沿河居民对河道保洁效果的满意程度"),
    ]
    head = fields_block([
        ["项目名称", name, "项目类别", "特定目标类项目"],
        ["主管部门", dept, "项目性质", "延续性项目"],
        ["实施单位", "随州市河道管理处", "项目期", "2026年1月-2026年12月"],
        ["立项依据", (basis, 3, "left")],
    ], [70, 160, 60, 150])
    ch = [(0, 0, 1, 1, "成本项目"), (0, 1, 1, 1, "金额"), (0, 2, 1, 1, "测算（公式）依据"),
          (0, 3, 1, 1, "2024年实际执行数"), (0, 4, 1, 1, "2025年实际执行数")]
    crows = [[c[0], "%.2f" % c[1], c[2], "%.2f" % c[3], "%.2f" % c[4]] for c in costs]
    crows.append(["合计", "%.2f" % tot[0], "", "%.2f" % tot[1], "%.2f" % tot[2]])
    cost = table_block([90, 60, 150, 70, 70], ch, crows, {}, label="项目预算成本构成", left_cols=(2,))
    goals = fields_block([["绩效目标", (items_text(goals_, "dun", "；"), 1, "left")]], [70, 370])
    hdr = [(0, 0, 1, 1, "一级指标"), (0, 1, 1, 2, "二级指标"), (0, 3, 1, 1, "绩效标准"), (0, 4, 1, 1, "当年预期实现值")]
    fields = ["level1", "level2", "level3", "explanation", "target"]
    table = table_block([56, 66, 100, 150, 68], hdr, level_rows(inds, fields), level_merges(inds, 0, 1),
                        label="绩效指标", row_ids=[[k] for k in range(len(inds))], dump_breaks=(7,),
                        left_cols=(3,))
    footer = fields_block([
        ["主管部门审核意见", "", "财政部门审核意见", ""],
        [("（单位公章）\n年　月　日", 2), ("（单位公章）\n年　月　日", 2)],
    ], [70, 150, 70, 150])
    form = Form(title, [head, cost, goals, table, footer], inds, unit_line="单位：万元",
                department_printed=dept)
    funding = [frow("project_cost", c[0], c[1], [c[3], c[4]], note=c[2]) for c in costs]
    funding.append(frow("project_cost", "合计", tot[0], [tot[1], tot[2]]))
    cols = [("一级指标", "level1"), ("二级指标", "level2"), ("二级指标", "level3"),
            ("绩效标准", "explanation"), ("当年预期实现值", "target")]
    pd = PDoc(title, 2026, dept, None,
              project(name, implementer="随州市河道管理处", category="特定目标类项目", nature="延续性项目",
                      period="2026年1月-2026年12月", extra={"立项依据": basis}),
              "万元", funding, [], goals_, {"annual": cols}, list(range(len(inds))),
              history_years=[2024, 2025])
    return "t6-suizhou-river-cleaning-2026", form, [pd]


# --- central style: code-name units, 项目资金（万元）, 年度总体目标 ----------------------------------

@dataclasses.dataclass
class Central:
    title: str
    year: int
    name: str
    dept_code: str
    dept: str
    impl_code: str
    impl: str
    money: Tuple[float, float, float, float]      # 年度资金总额, 本年财政拨款, 上年结转资金, 其他资金
    goals: List[str]
    rows: List[tuple]                              # (level1, level2, level3, target)
    dump_break: Optional[int] = None


MONEY_ITEMS = ["年度资金总额", "其中：本年财政拨款", "上年结转资金", "其他资金"]
CENTRAL_COLS = [("一级指标", "level1"), ("二级指标", "level2"), ("三级指标", "level3"), ("指标值", "target")]


def central_form(c: Central, first_index=0, table_label="年度绩效指标"):
    """(Form, PDoc) of one central-style form; its indicators are numbered
    from `first_index` in the file."""
    inds = [mk("annual", *r) for r in c.rows]
    head = fields_block([
        ["项目名称", (c.name, 3, "left")],
        ["主管部门", "%s-%s" % (c.dept_code, c.dept), "实施单位", "%s-%s" % (c.impl_code, c.impl)],
    ], [70, 150, 70, 150])
    money = fields_block([["项目资金（万元）", it, "%.2f" % v] for it, v in zip(MONEY_ITEMS, c.money)],
                         [70, 150, 220])
    for cell in money.cells:
        if cell.col == 0:
            cell.rowspan = 4 if cell.row == 0 else 0
    money.cells = [x for x in money.cells if x.rowspan]
    goals = fields_block([["年度总体目标", (items_text(c.goals, "dun", "；"), 2, "left")]], [70, 150, 220])
    hdr = [(0, k, 1, 1, t) for k, (t, _) in enumerate(CENTRAL_COLS)]
    table = table_block([62, 82, 190, 106], hdr, level_rows(inds, [f for _, f in CENTRAL_COLS]),
                        level_merges(inds, 0, 1), label=table_label,
                        row_ids=[[first_index + k] for k in range(len(inds))],
                        dump_breaks=() if c.dump_break is None else (c.dump_break,))
    form = Form(c.title, [head, money, goals, table], inds, department_printed="%s-%s" % (c.dept_code, c.dept))
    pd = PDoc(c.title, c.year, c.dept, c.dept_code,
              project(c.name, implementer=c.impl, extra={"实施单位编码": c.impl_code}),
              "万元", [frow("project_funding", it, v) for it, v in zip(MONEY_ITEMS, c.money)],
              [], list(c.goals), {"annual": list(CENTRAL_COLS)},
              list(range(first_index, first_index + len(inds))))
    return form, pd


def central():
    c = Central(
        "项目支出绩效目标表（2025年度）", 2025, "全国森林资源年度监测评价", "127", "国家林业和草原局",
        "127006", "国家林业和草原局调查规划设计院", (1860.00, 1800.00, 60.00, 0.00),
        ["完成全国森林资源年度监测样地调查3.2万个，形成年度森林覆盖率、森林蓄积量等主要指标监测成果",
         "更新全国森林资源“一张图”数据库，监测成果按期报送并通过质量检查。"],
        [(P, "数量指标", "森林资源监测样地调查数量", "≥32000个"),
         (P, "数量指标", "森林资源“一张图”年度更新省份", "31个"),
         (P, "数量指标", "提交年度监测报告", "1套"),
         (P, "质量指标", "样地调查数据质量检查合格率", "≥98%"),
         (P, "质量指标", "监测成果通过专家评审", "通过"),
         (P, "时效指标", "年度监测成果报送时间", "2026年3月底前"),
         (P, CB, "单个样地平均调查成本", "≤520元"),
         (E, "社会效益指标", "为生态文明建设目标评价考核提供数据支撑", "有效支撑"),
         (E, "可持续影响指标", "森林资源监测数据连续性", "持续保持"),
         (S, "服务对象满意度指标", "数据使用单位满意度", "≥90%")],
        dump_break=6)
    form, pd = central_form(c)
    return "central-forest-resources-monitoring-2025", form, [pd]


# --- Shanghai style: amounts in 元 with thousands separators, 计划开始/完成日期 ---------------------

def shanghai():
    title = "徐汇区2025年度项目绩效目标表"
    name = "徐汇区街道绿化景观提升项目"
    dept = "上海市徐汇区绿化和市容管理局"
    impl = "上海市徐汇区绿化管理所"
    total_goals = ["三年内完成全区42条道路的行道树补植和绿化景观提升，形成“一街一景”的街道绿化格局",
                   "道路绿化养护质量全部达到一级养护标准。"]
    an_goals = ["完成14条道路的行道树补植和绿化景观提升，补植行道树860株",
                "新增立体绿化面积3200平方米",
                "沿线居民和商户满意度达到90%以上。"]
    inds = [
        mk("annual", P, "数量指标", "绿化景观提升道路条数", "14条", explanation="年度实施绿化景观提升的道路数量"),
        mk("annual", P, "数量指标", "补植行道树数量", "≥860株", explanation="年度补植的行道树株数"),
        mk("annual", P, "数量指标", "新增立体绿化面积", "≥3200平方米", explanation="年度新增的墙面、桥柱等立体绿化面积"),
        mk("annual", P, "质量指标", "补植苗木成活率", "≥95%", explanation="补植苗木经一个生长季后的成活比例"),
        mk("annual", P, "质量指标", "工程验收合格率", "100%", explanation="完工项目通过验收的比例"),
        mk("annual", P, "时效指标", "项目完工时间", "2025年11月30日前", explanation="年度实施内容全部完工的时间"),
        mk("annual", P, CB, "行道树补植单株成本", "≤1,150元", explanation="含苗木、种植及一年养护费用"),
        mk("annual", E, "社会效益指标", "道路绿化一级养护达标率", "≥90%", explanation="提升道路中达到一级养护标准的比例"),
        mk("annual", E, "生态效益指标", "新增绿化固碳量", "≥35吨/年", explanation="按新增绿量测算的年固碳量"),
        mk("annual", S, "服务对象满意度指标", "沿线居民和商户满意度", "≥90%", explanation="问卷调查满意及基本满意的比例"),
    ]
    head = fields_block([
        ["项目名称", (name, 3, "left")],
        ["项目编码", "31010425T000517", "项目类别", "一般项目"],
        ["主管部门", dept, "项目单位", impl],
        ["项目负责人", "陈立群", "联系电话", "021-64872315"],
        ["计划开始日期", "2025年1月1日", "计划完成日期", "2025年12月31日"],
    ], [70, 150, 70, 150])
    money = fields_block([
        ["项目资金", "项目总金额", "3,860,000.00", "本年度申请金额", "1,250,000.00"],
        [None, "其中：财政拨款", "1,180,000.00", "其中：其他资金", "70,000.00"],
    ], [70, 80, 90, 100, 100])
    money.cells[0].rowspan = 2
    goals = fields_block([
        ["项目总目标", (items_text(total_goals, "dun", "；"), 1, "left")],
        ["年度总体目标", (items_text(an_goals, "dun", "；"), 1, "left")],
    ], [70, 370])
    headers = ["一级指标", "二级指标", "三级指标", "指标值", "指标解释"]
    fields = ["level1", "level2", "level3", "target", "explanation"]
    hdr = [(0, c, 1, 1, t) for c, t in enumerate(headers)]
    table = table_block([56, 70, 120, 80, 124], hdr, level_rows(inds, fields), level_merges(inds, 0, 1),
                        label="年度绩效指标", row_ids=[[k] for k in range(len(inds))], dump_breaks=(5,),
                        left_cols=(4,))
    form = Form(title, [head, money, goals, table], inds, unit_line="单位：元", department_printed=dept)
    pd = PDoc(title, 2025, dept, None,
              project(name, code="31010425T000517", implementer=impl, category="一般项目",
                      period="2025年1月1日-2025年12月31日",
                      extra={"项目负责人": "陈立群", "联系电话": "021-64872315"}),
              "元", [frow("project_funding", "项目总金额", 3860000.0),
                    frow("project_funding", "本年度申请金额", 1250000.0),
                    frow("project_funding", "其中：财政拨款", 1180000.0),
                    frow("project_funding", "其中：其他资金", 70000.0)],
              total_goals, an_goals, {"annual": list(zip(headers, fields))}, list(range(len(inds))))
    return "shanghai-xuhui-street-greening-2025", form, [pd]



# --- T7: Sichuan towns, one flat table of five projects -----------------------------------------

T7_HEADERS = ["单位名称", "项目名称", "预算数", "年度目标", "一级指标", "二级指标", "三级指标", "指标性质",
              "指标值", "度量单位", "权重", "指标方向性"]
T7_COLS = [("一级指标", "level1"), ("二级指标", "level2"), ("三级指标", "level3"), ("指标性质", "operator"),
           ("指标值", "target"), ("度量单位", "unit"), ("权重", "weight"), ("指标方向性", "direction")]


def t7_content():
    """(unit, project, amount in 元, goals, rows (level1, level2, level3,
    operator, value, unit, weight, direction))."""
    G1, G2 = "宜宾市叙州区观音镇人民政府", "宜宾市叙州区高场镇人民政府"
    Z, F = "正向", "反向"
    return [
        (G1, "观音镇农村公路养护项目", 860000.00,
         ["完成镇域内村道日常养护126公里", "公路优良路率达到85%以上。"],
         [(P, "数量指标", "日常养护村道里程", "≥", "126", "公里", 20, Z),
          (P, "质量指标", "养护路段优良路率", "≥", "85", "%", 20, Z),
          (P, "时效指标", "水毁路段抢通时限", "≤", "48", "小时", 15, F),
          (P, CB, "每公里年养护成本", "≤", "6800", "元", 15, F),
          (E, "社会效益指标", "群众出行条件", "定性", "明显改善", None, 20, Z),
          (S, "服务对象满意度指标", "沿线群众满意度", "≥", "90", "%", 10, Z)]),
        (G1, "观音镇场镇环境卫生保洁项目", 415000.00,
         ["场镇主次街道保洁全覆盖，生活垃圾日产日清。"],
         [(P, "数量指标", "保洁街道面积", "=", "8.6", "万平方米", 25, Z),
          (P, "质量指标", "生活垃圾日产日清率", "=", "100", "%", 25, Z),
          (E, "生态效益指标", "场镇环境卫生状况", "定性", "持续改善", None, 30, Z),
          (S, "服务对象满意度指标", "场镇居民满意度", "≥", "90", "%", 20, Z)]),
        (G1, "观音镇村级便民服务中心运行补助项目", 288000.00,
         ["保障12个村级便民服务中心正常运行", "代办事项按时办结率100%。"],
         [(P, "数量指标", "补助村级便民服务中心数量", "=", "12", "个", 25, Z),
          (P, "质量指标", "代办事项按时办结率", "=", "100", "%", 25, Z),
          (P, "时效指标", "补助资金拨付时间", "≤", "30", "日", 20, F),
          (E, "社会效益指标", "群众办事跑腿次数", "定性", "有效减少", None, 15, Z),
          (S, "服务对象满意度指标", "办事群众满意度", "≥", "95", "%", 15, Z)]),
        (G2, "高场镇高标准农田管护项目", 530000.00,
         ["完成已建高标准农田2.1万亩的日常管护", "损毁设施修复率100%，农田灌溉保证率稳定提升。"],
         [(P, "数量指标", "管护高标准农田面积", "≥", "2.1", "万亩", 25, Z),
          (P, "质量指标", "损毁设施修复率", "=", "100", "%", 20, Z),
          (P, "时效指标", "设施损毁报修响应时间", "≤", "72", "小时", 15, F),
          (E, "经济效益指标", "项目区粮食亩均增产", "≥", "30", "公斤", 25, Z),
          (S, "服务对象满意度指标", "受益农户满意度", "≥", "90", "%", 15, Z)]),
        (G2, "高场镇森林防灭火项目", 196000.00,
         ["组建镇级森林防灭火专业队伍1支", "全年不发生较大以上森林火灾。"],
         [(P, "数量指标", "森林防火巡查人次", "≥", "2400", "人次", 25, Z),
          (P, "数量指标", "开展防火宣传活动次数", "≥", "12", "次", 15, Z),
          (P, "质量指标", "森林火灾受害率", "≤", "0.9", "‰", 25, F),
          (E, "社会效益指标", "较大以上森林火灾发生次数", "=", "0", "次", 20, F),
          (S, "服务对象满意度指标", "辖区群众满意度", "≥", "90", "%", 15, Z)]),
    ]


def t7():
    title = "叙州区2025年乡镇项目支出绩效目标表"
    content = t7_content()
    inds, rows, pid, row_ids, pds = [], [], [], [], []
    total = sum(c[2] for c in content)
    rows.append(["合计", "", "{:,.2f}".format(total)] + [""] * 9)
    pid.append(-1)
    row_ids.append([])
    for n, (unit, name, amount, goals, irows) in enumerate(content):
        first = len(inds)
        for k, (l1, l2, l3, op, val, u, w, d) in enumerate(irows):
            ind = mk("annual", l1, l2, l3, val, unit=u, weight=float(w), direction=d, extra={"指标性质": op})
            inds.append(ind)
            proj = [unit, name, "{:,.2f}".format(amount), items_text(goals, "dot", "；") if len(goals) > 1
                    else goals[0]] if k == 0 else ["", "", "", ""]
            rows.append(proj + [l1, l2, l3, op, val, u or "", "%g" % w, d])
            pid.append(n)
            row_ids.append([len(inds) - 1])
        assert sum(r[6] for r in irows) == 100
        pds.append(PDoc(title, 2025, unit, None, project(name), "元",
                        [frow("project_funding", "预算数", amount)], [], list(goals),
                        {"annual": list(T7_COLS)}, list(range(first, len(inds)))))
    # project columns merged over the project's rows; levels within the project
    filled = [list(r) for r in rows]
    for i in range(1, len(filled)):
        if pid[i] == pid[i - 1]:
            for c in range(4):
                filled[i][c] = filled[i - 1][c]
            if inds[row_ids[i][0]].level1 == inds[row_ids[i - 1][0]].level1:
                filled[i][4] = filled[i - 1][4]
                if inds[row_ids[i][0]].level2 == inds[row_ids[i - 1][0]].level2:
                    filled[i][5] = filled[i - 1][5]
    merges = {c: (lambda i: pid[i] if pid[i] >= 0 else ("total", i)) for c in range(4)}
    merges[4] = lambda i: (pid[i], filled[i][4]) if pid[i] >= 0 else ("total", i)
    merges[5] = lambda i: (pid[i], filled[i][4], filled[i][5]) if pid[i] >= 0 else ("total", i)
    hdr = [(0, c, 1, 1, t) for c, t in enumerate(T7_HEADERS)]
    table = table_block([46, 56, 72, 80, 34, 42, 62, 26, 34, 30, 24, 30], hdr, filled, merges,
                        row_ids=row_ids, dump_breaks=(13,), repeat_header=True, left_cols=())
    form = Form(title, [table], inds, unit_line="金额单位：元", department_printed=content[0][0])
    return "t7-yibin-xuzhou-town-projects-2025", form, pds



# --- the workbook: a 目录 sheet and four central-style project sheets ------------------------------

def workbook_projects():
    """(sheet name, Central) of 湖北省林业局's four projects."""
    T, Y = "项目支出绩效目标表（2025年度）", 2025
    D, DC = "湖北省林业局", "136"
    return [
        ("森林防火", Central(T, Y, "全省森林防灭火能力提升项目", DC, D, "136001", "湖北省森林消防总队",
                         (1260.00, 1200.00, 60.00, 0.00),
                         ["新建森林防火视频监控点45个，全省重点林区监控覆盖率达到85%",
                          "开展森林防灭火专业队伍轮训1200人次，全年森林火灾受害率控制在0.9‰以内。"],
                         [(P, "数量指标", "新建森林防火视频监控点", "45个"),
                          (P, "数量指标", "专业队伍轮训人次", "≥1200人次"),
                          (P, "质量指标", "重点林区监控覆盖率", "≥85%"),
                          (P, "时效指标", "监控点建设完成时间", "2025年9月底前"),
                          (P, CB, "单个监控点建设成本", "≤18万元"),
                          (E, "生态效益指标", "森林火灾受害率", "≤0.9‰"),
                          (E, "社会效益指标", "重特大森林火灾发生次数", "0次"),
                          (S, "服务对象满意度指标", "林区群众满意度", "≥90%")])),
        ("松材线虫病防治", Central(T, Y, "松材线虫病疫情防控项目", DC, D, "136002", "湖北省林业有害生物防治检疫站",
                            (2350.50, 2350.50, 0.00, 0.00),
                            ["完成疫区病死松树除治65万株，疫情发生面积较上年下降10%",
                             "新增无疫情县级行政区3个。"],
                            [(P, "数量指标", "病死松树除治数量", "≥65万株"),
                             (P, "数量指标", "疫情监测普查面积", "≥1100万亩"),
                             (P, "质量指标", "除治质量检查合格率", "≥95%"),
                             (P, "时效指标", "秋季普查结果上报时间", "2025年11月底前"),
                             (E, "生态效益指标", "疫情发生面积下降率", "≥10%"),
                             (E, "可持续影响指标", "新增无疫情县级行政区", "3个"),
                             (S, "服务对象满意度指标", "疫区林农满意度", "≥85%")])),
        ("国家储备林", Central(T, Y, "国家储备林建设项目", DC, D, "136003", "湖北省林业科学研究院",
                          (980.00, 850.00, 100.00, 30.00),
                          ["新建国家储备林基地1.2万亩，改培现有林0.8万亩",
                           "培育珍稀树种和大径级用材林，造林成活率达到90%以上。"],
                          [(P, "数量指标", "新建国家储备林面积", "1.2万亩"),
                           (P, "数量指标", "现有林改培面积", "0.8万亩"),
                           (P, "质量指标", "造林成活率", "≥90%"),
                           (P, "质量指标", "苗木良种使用率", "≥85%"),
                           (P, CB, "亩均建设成本", "≤490元"),
                           (E, "经济效益指标", "林地亩均蓄积年增长量", "≥0.8立方米"),
                           (E, "生态效益指标", "项目区森林覆盖率提高", "≥0.3个百分点"),
                           (S, "服务对象满意度指标", "参与建设林农满意度", "≥90%")])),
        ("湿地保护", Central(T, Y, "长江湿地保护修复项目", DC, D, "136004", "湖北省湿地保护中心",
                         (1645.80, 1600.00, 45.80, 0.00),
                         ["修复退化湿地3600亩，新增湿地公园科普宣教点12个",
                          "重点湿地水鸟种类数量保持稳定。"],
                         [(P, "数量指标", "修复退化湿地面积", "≥3600亩"),
                          (P, "数量指标", "新增科普宣教点", "12个"),
                          (P, "质量指标", "修复工程验收合格率", "100%"),
                          (P, "时效指标", "修复工程完工时间", "2025年12月底前"),
                          (E, "生态效益指标", "重点湿地越冬水鸟种类", "≥60种"),
                          (E, "社会效益指标", "湿地公园年接待科普人次", "≥50万人次"),
                          (S, "服务对象满意度指标", "湿地公园游客满意度", "≥92%")])),
    ]


XLSX_NAME = "hubei-forestry-bureau-projects-2025.xlsx"
FIXED_TIME = "2025-01-01T00:00:00Z"


def workbook_docs():
    """(sheet name, Form, PDoc) of the workbook's project sheets; the
    indicators of each sheet are numbered from 0 (its own list)."""
    return [(name, *central_form(c)) for name, c in workbook_projects()]


def write_workbook(path):
    """The workbook: 目录 first, then one sheet per project laid out on
    five columns with real merged cells; amounts are numbers shown as 0.00."""
    import io
    import zipfile
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap_c = Alignment(horizontal="center", vertical="center", wrap_text=True)
    wrap_l = Alignment(horizontal="left", vertical="center", wrap_text=True)
    wb = Workbook()
    toc = wb.active
    toc.title = "目录"
    toc["A1"] = "湖北省林业局2025年项目支出绩效目标表目录"
    toc.merge_cells("A1:D1")
    toc["A1"].font = Font(bold=True, size=14)
    for k, h in enumerate(["序号", "项目名称", "实施单位", "工作表"]):
        toc.cell(row=2, column=k + 1, value=h)
    docs = workbook_docs()
    for n, (name, form, pd) in enumerate(docs):
        for k, v in enumerate([n + 1, pd.project["name"], pd.project["implementer"], name]):
            toc.cell(row=3 + n, column=k + 1, value=v)
    for col, w in zip("ABCD", (8, 36, 36, 16)):
        toc.column_dimensions[col].width = w

    for (name, c), (_, form, pd) in zip(workbook_projects(), docs):
        ws = wb.create_sheet(name)
        for col, w in zip("ABCDE", (16, 14, 18, 30, 18)):
            ws.column_dimensions[col].width = w

        def put(r, c1, value, c2=None, r2=None, left=False, fmt=None):
            cell = ws.cell(row=r, column=c1, value=value)
            cell.alignment = wrap_l if left else wrap_c
            if fmt:
                cell.number_format = fmt
            if c2 is not None or r2 is not None:
                ws.merge_cells(start_row=r, start_column=c1, end_row=r2 or r, end_column=c2 or c1)
            for rr in range(r, (r2 or r) + 1):
                for cc in range(c1, (c2 or c1) + 1):
                    ws.cell(row=rr, column=cc).border = box

        ws.cell(row=1, column=1, value=c.title).font = Font(bold=True, size=14)
        ws.cell(row=1, column=1).alignment = wrap_c
        ws.merge_cells("A1:E1")
        put(2, 1, "项目名称")
        put(2, 2, c.name, 5, left=True)
        put(3, 1, "主管部门")
        put(3, 2, "%s-%s" % (c.dept_code, c.dept), 3, left=True)
        put(3, 4, "实施单位")
        put(3, 5, "%s-%s" % (c.impl_code, c.impl), left=True)
        put(4, 1, "项目资金（万元）", r2=7)
        for k, (it, v) in enumerate(zip(MONEY_ITEMS, c.money)):
            put(4 + k, 2, it, 3)
            put(4 + k, 4, v, 5, fmt="0.00")
        put(8, 1, "年度总体目标")
        put(8, 2, items_text(c.goals, "dun", "；"), 5, left=True)
        ws.row_dimensions[8].height = 48
        top = 9
        nrows = len(c.rows)
        put(top, 1, "年度绩效指标", r2=top + nrows)
        for k, (h, _) in enumerate(CENTRAL_COLS):
            put(top, 2 + k, h)
        body = top + 1
        i = 0
        while i < nrows:                       # level 1 merged over its rows
            j = i
            while j + 1 < nrows and c.rows[j + 1][0] == c.rows[i][0]:
                j += 1
            put(body + i, 2, c.rows[i][0], r2=body + j if j > i else None)
            a = i
            while a <= j:                      # level 2 merged within level 1
                b = a
                while b + 1 <= j and c.rows[b + 1][1] == c.rows[a][1]:
                    b += 1
                put(body + a, 3, c.rows[a][1], r2=body + b if b > a else None)
                a = b + 1
            i = j + 1
        for k, row in enumerate(c.rows):
            put(body + k, 4, row[2], left=True)
            put(body + k, 5, row[3])
    for ws in wb.worksheets:
        ws.sheet_view.tabSelected = ws.title == "目录"
    buf = io.BytesIO()
    wb.save(buf)
    # fixed metadata: document dates and ZIP entry times
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)",
                              lambda m: m.group(1) + FIXED_TIME.encode() + m.group(3), data)
            zi = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            out.writestr(zi, data)


def workbook_expected():
    docs = []
    for n, (name, form, pd) in enumerate(workbook_docs()):
        docs.append(expected_doc(pd, form.indicators, None, part=n + 1, sheet=name))
    return {"documents": docs}



# --- the budget report: narrative, summary tables, then three project forms --------------------------

BUDGET_NAME = "hubei-water-resources-department-budget-2025.reportlab-cid.pdf"


def budget_projects():
    T, Y = "项目支出绩效目标表（2025年度）", 2025
    D, DC = "湖北省水利厅", "128"
    return [
        Central(T, Y, "中小河流治理项目", DC, D, "128003", "湖北省水利工程建设管理中心",
                (8650.00, 8200.00, 450.00, 0.00),
                ["完成中小河流治理河长186公里，新建和加固堤防92公里",
                 "治理河段防洪标准达到10—20年一遇，保护人口42万人。"],
                [(P, "数量指标", "治理河长", "≥186公里"),
                 (P, "数量指标", "新建和加固堤防长度", "≥92公里"),
                 (P, "质量指标", "单位工程验收合格率", "100%"),
                 (P, "时效指标", "主体工程完工时间", "2025年汛前"),
                 (P, CB, "每公里河道综合治理投资", "≤46.5万元"),
                 (E, "社会效益指标", "治理河段保护人口", "≥42万人"),
                 (E, "生态效益指标", "治理河段岸线生态化比例", "≥60%"),
                 (S, "服务对象满意度指标", "沿河群众满意度", "≥90%")]),
        Central(T, Y, "水文监测站网运行维护项目", DC, D, "128005", "湖北省水文水资源中心",
                (3120.40, 3120.40, 0.00, 0.00),
                ["保障全省1860处水文测站正常运行，汛期水情信息到报率达到99%以上。"],
                [(P, "数量指标", "运行维护水文测站数", "1860处"),
                 (P, "数量指标", "发布水情预报次数", "≥1500次"),
                 (P, "质量指标", "汛期水情信息到报率", "≥99%"),
                 (P, "质量指标", "测站设备完好率", "≥95%"),
                 (P, "时效指标", "水情信息传输时间", "≤20分钟"),
                 (E, "社会效益指标", "为防汛抗旱决策提供支撑", "及时有效"),
                 (S, "服务对象满意度指标", "防汛部门满意度", "≥95%")]),
        Central(T, Y, "河湖长制工作经费", DC, D, "128007", "湖北省河湖保护中心",
                (1480.00, 1350.00, 80.00, 50.00),
                ["开展全省河湖“清四乱”专项行动，问题整改销号率达到95%以上",
                 "完成省级河湖健康评价80个，河湖长巡河履职率100%。"],
                [(P, "数量指标", "完成省级河湖健康评价", "80个"),
                 (P, "数量指标", "河湖“清四乱”暗访检查次数", "≥24次"),
                 (P, "质量指标", "“四乱”问题整改销号率", "≥95%"),
                 (P, "时效指标", "河湖长制年度考核完成时间", "2026年2月底前"),
                 (E, "生态效益指标", "重点河湖水质优良比例", "≥92%"),
                 (E, "可持续影响指标", "河湖长巡河履职率", "100%"),
                 (S, "服务对象满意度指标", "沿河湖群众满意度", "≥90%")]),
    ]


def _spend_items():
    """(科目编码, 科目名称, 2025 budget, 2024 budget, reason) of the
    department's expenditure (万元)."""
    return [
        ("201", "一般公共服务支出", 286.40, 271.30, "机关运行保障支出略有增加"),
        ("205", "教育支出", 412.60, 398.20, "水利干部培训和职业教育经费增加"),
        ("206", "科学技术支出", 1265.00, 1180.50, "水利科技创新项目增加"),
        ("208", "社会保障和就业支出", 3188.72, 3050.16, "离退休人员增加及基本养老保险缴费基数调整"),
        ("210", "卫生健康支出", 956.30, 921.44, "职工基本医疗保险缴费基数调整"),
        ("213", "农林水支出", 52640.55, 49872.10, "中小河流治理、水文站网运行维护等项目支出增加"),
        ("221", "住房保障支出", 1854.00, 1802.35, "住房公积金缴存基数调整"),
        ("224", "灾害防治及应急管理支出", 2360.00, 2520.00, "水旱灾害防御物资储备采购减少"),
    ]


def budget_report():
    """Parts of the report in page order: ("prose", [entries]) with entries
    ("h1"|"h2"|"p"|"toc", text) and ("break",), ("table", Form) and
    ("form", Central)."""
    items = _spend_items()
    total = round(sum(i[2] for i in items), 2)
    last = round(sum(i[3] for i in items), 2)
    fin = round(total * 0.9125, 2)
    carry = round(total * 0.0350, 2)
    other = round(total - fin - carry, 2)
    basic = round(total * 0.2864, 2)
    proj = round(total - basic, 2)
    cover = [("h1", "湖北省水利厅"), ("h1", "2025年部门预算"), ("gap",), ("h2c", "湖北省水利厅"), ("h2c", "二〇二五年二月")]
    toc = [("h1", "目　录"),
           ("toc", "关于公开2025年部门预算的说明"),
           ("toc", "第一部分　湖北省水利厅概况"),
           ("toc", "　一、主要职能"), ("toc", "　二、部门预算单位构成"),
           ("toc", "第二部分　湖北省水利厅2025年部门预算表"),
           ("toc", "　一、部门收支总表"), ("toc", "　二、部门收入总表"), ("toc", "　三、部门支出总表"),
           ("toc", "　四、财政拨款收支总表"), ("toc", "　五、一般公共预算基本支出表"),
           ("toc", "　六、一般公共预算“三公”经费支出表"), ("toc", "　七、项目支出预算表"),
           ("toc", "第三部分　湖北省水利厅2025年部门预算情况说明"),
           ("toc", "第四部分　名词解释"),
           ("toc", "附件　重点项目支出绩效目标表")]
    letter = [("h1", "关于公开2025年部门预算的说明"),
              ("p", "根据《中华人民共和国预算法》和省财政厅关于做好2025年省级部门预算公开工作的通知要求，现将湖北省水利厅"
                    "2025年部门预算予以公开。本次公开的内容包括部门概况、部门预算表、部门预算情况说明、名词解释，"
                    "并附重点项目支出绩效目标表。"),
              ("p", "2025年部门预算经省人民代表大会审查批准后，由省财政厅批复。预算公开表格中金额单位除特别注明外均为万元，"
                    "部分合计数与各分项之和因四舍五入存在尾数差异。"),
              ("p", "如对本次公开内容有疑问，请与湖北省水利厅财务审计处联系，联系电话：027-87221536。"),
              ("gap",), ("right", "湖北省水利厅"), ("right", "2025年2月10日")]
    about = [("h1", "第一部分　湖北省水利厅概况"), ("h2", "一、主要职能"),
             ("p", "湖北省水利厅是省政府组成部门，为正厅级。主要职责是：负责保障水资源的合理开发利用，拟订全省水利战略规划和政策；"
                   "负责生活、生产经营和生态环境用水的统筹和保障；按规定制定水利工程建设有关制度并组织实施；"
                   "指导水资源保护工作，组织编制并实施水资源保护规划；负责节约用水工作；指导水文工作，"
                   "负责水文水资源监测、全省水文站网建设和管理；指导水利设施、水域及其岸线的管理、保护与综合利用；"
                   "指导监督水利工程建设与运行管理；负责水土保持工作；指导农村水利工作；负责重大涉水违法事件的查处；"
                   "开展水利科技和外事工作；负责落实综合防灾减灾规划相关要求，组织编制洪水干旱灾害防治规划和防护标准并指导实施；"
                   "完成省委、省政府交办的其他任务。"),
             ("h2", "二、部门预算单位构成"),
             ("p", "纳入湖北省水利厅2025年部门预算编制范围的单位共18个，包括：厅机关、湖北省水文水资源中心、"
                   "湖北省水利工程建设管理中心、湖北省河湖保护中心、湖北省水利水电科学研究院、湖北省水利水电规划勘测设计院、"
                   "湖北省水土保持监测中心、湖北省漳河工程管理局、湖北省汉江河道管理局、湖北省四湖工程管理局等。"
                   "其中行政单位1个，参照公务员法管理的事业单位6个，其他事业单位11个。")]
    explain = [("h1", "第三部分　湖北省水利厅2025年部门预算情况说明"),
               ("h2", "一、收支预算总体情况"),
               ("p", "按照综合预算的原则，湖北省水利厅所有收入和支出均纳入部门预算管理。2025年收入预算%.2f万元，"
                     "其中：一般公共预算拨款%.2f万元，上年结转%.2f万元，其他收入%.2f万元。支出预算%.2f万元，"
                     "比2024年预算增加%.2f万元，增长%.1f%%，主要是中小河流治理和水文站网运行维护等项目支出增加。"
                     % (total, fin, carry, other, total, total - last, (total - last) * 100 / last)),
               ("h2", "二、支出预算情况说明"),
               ("p", "2025年支出预算%.2f万元，其中：基本支出%.2f万元，占%.1f%%，主要用于保障人员工资福利和机关正常运转；"
                     "项目支出%.2f万元，占%.1f%%，主要用于水利工程建设与管理、水旱灾害防御、水资源节约管理与保护、"
                     "水文测报和河湖长制工作等。" % (total, basic, basic * 100 / total, proj, proj * 100 / total)),
               ("h2", "三、按支出功能分类的支出预算情况")]
    for k, (code, name, cur, prev, why) in enumerate(items):
        diff = cur - prev
        explain.append(("p", "（%s）%s（%s类）%.2f万元，比2024年预算%s%.2f万元，%s%.1f%%，主要原因是%s。"
                        "该类支出主要用于%s相关工作，资金安排严格按照预算管理规定执行，优先保障省委、省政府确定的重点任务，"
                        "对非急需、非刚性支出从严控制，确保财政资金安全规范高效使用。"
                        % ("一二三四五六七八"[k], name, code, cur, "增加" if diff >= 0 else "减少", abs(diff),
                           "增长" if diff >= 0 else "下降", abs(diff) * 100 / prev, why, name.replace("支出", ""))))
    explain += [
        ("h2", "四、“三公”经费预算情况说明"),
        ("p", "2025年一般公共预算安排“三公”经费预算186.40万元，比2024年预算减少12.60万元，下降6.3%。其中：因公出国（境）费"
              "18.00万元，与上年持平；公务用车购置及运行费142.40万元，减少10.20万元，主要是公务用车运行维护费减少；"
              "公务接待费26.00万元，减少2.40万元，主要是严格执行公务接待标准，压减接待批次和人数。"),
        ("h2", "五、政府采购预算情况"),
        ("p", "2025年政府采购预算总额9860.00万元，其中：货物类2150.00万元，工程类6230.00万元，服务类1480.00万元。"
              "面向中小企业预留采购份额不低于40%。"),
        ("h2", "六、国有资产占用情况"),
        ("p", "截至2024年12月31日，湖北省水利厅所属各预算单位共有车辆86辆，其中：应急保障用车52辆，执法执勤用车18辆，"
              "其他用车16辆；单位价值50万元以上的通用设备42台（套），单位价值100万元以上的专用设备28台（套）。"),
        ("h2", "七、预算绩效情况说明"),
        ("p", "2025年湖北省水利厅实行绩效目标管理的项目共46个，涉及一般公共预算项目支出资金%.2f万元，实现项目支出绩效目标全覆盖。"
              "本次公开中小河流治理项目、水文监测站网运行维护项目、河湖长制工作经费等3个重点项目的绩效目标表（见附件）。"
              % proj),
        ("h2", "八、重点项目情况说明")]
    for c in budget_projects():
        explain.append(("p", "%s：由%s负责实施，2025年安排预算%.2f万元，其中本年财政拨款%.2f万元、上年结转资金%.2f万元。"
                             "项目年度目标是%s项目资金按照工程进度和合同约定拨付，实行专款专用，"
                             "项目实施过程中开展绩效运行监控，年度终了开展绩效自评，评价结果作为以后年度预算安排的重要依据。"
                             % (c.name, c.impl, c.money[0], c.money[1], c.money[2], "，".join(
                                 g.rstrip("。") for g in c.goals) + "。")))
    terms = [("h1", "第四部分　名词解释"),
             ("p", "一、一般公共预算拨款：指省级财政当年拨付的资金。"),
             ("p", "二、上年结转：指以前年度尚未完成、结转到本年按有关规定继续使用的资金。"),
             ("p", "三、基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。"),
             ("p", "四、项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。"),
             ("p", "五、“三公”经费：指纳入省级财政预决算管理的“三公”经费，是指用一般公共预算拨款安排的因公出国（境）费、"
                   "公务用车购置及运行费和公务接待费。"),
             ("p", "六、绩效目标：指财政预算资金计划在一定期限内达到的产出和效果，由绩效指标予以细化、量化描述。")]

    def tbl(title, headers, rows, weights, unit="单位：万元"):
        hdr = [(0, c, 1, 1, h) for c, h in enumerate(headers)]
        b = table_block(weights, hdr, rows, {}, left_cols=(1,) if len(headers) > 4 else (0, 2))
        return Form(title, [b], [], unit_line=unit)

    def m(v):
        return "%.2f" % v
    sanmgong = [["186.40", "18.00", "142.40", "0.00", "142.40", "26.00"]]
    tables = [
        tbl("部门收支总表", ["收入项目", "预算数", "支出项目", "预算数"],
            [["一、一般公共预算拨款", m(fin)] + list(items[0][1:2]) + [m(items[0][2])]] +
            [["二、上年结转" if k == 1 else ("三、其他收入" if k == 2 else ""),
              m(carry) if k == 1 else (m(other) if k == 2 else ""), items[k][1], m(items[k][2])]
             for k in range(1, len(items))] +
            [["收入总计", m(total), "支出总计", m(total)]], [140, 80, 140, 80]),
        tbl("部门收入总表", ["科目编码", "科目名称", "合计", "一般公共预算拨款", "上年结转", "其他收入"],
            [["", "合计", m(total), m(fin), m(carry), m(other)]] +
            [[i[0], i[1], m(i[2]), m(round(i[2] * 0.9125, 2)), "", ""] for i in items],
            [50, 130, 70, 80, 60, 60]),
        tbl("部门支出总表", ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
            [["", "合计", m(total), m(basic), m(proj)]] +
            [[i[0], i[1], m(i[2]), m(round(i[2] * 0.2864, 2)), m(round(i[2] * 0.7136, 2))] for i in items],
            [50, 150, 80, 80, 80]),
        tbl("财政拨款收支总表", ["收入项目", "预算数", "支出项目", "预算数"],
            [["一、一般公共预算拨款", m(fin), i[1], m(round(i[2] * 0.9125, 2))] if k == 0 else
             ["", "", i[1], m(round(i[2] * 0.9125, 2))] for k, i in enumerate(items)] +
            [["收入总计", m(fin), "支出总计", m(fin)]], [140, 80, 140, 80]),
        tbl("一般公共预算基本支出表", ["经济分类科目编码", "经济分类科目名称", "合计", "人员经费", "公用经费"],
            [["", "合计", m(basic), m(round(basic * 0.836, 2)), m(round(basic - round(basic * 0.836, 2), 2))]] +
            [[k, n, m(v), m(v) if k.startswith("301") or k.startswith("303") else "",
              "" if k.startswith("301") or k.startswith("303") else m(v)]
             for k, n, v in [("30101", "基本工资", round(basic * 0.224, 2)), ("30102", "津贴补贴", round(basic * 0.186, 2)),
                             ("30103", "奖金", round(basic * 0.052, 2)),
                             ("30108", "机关事业单位基本养老保险缴费", round(basic * 0.098, 2)),
                             ("30110", "职工基本医疗保险缴费", round(basic * 0.046, 2)),
                             ("30113", "住房公积金", round(basic * 0.102, 2)),
                             ("30201", "办公费", round(basic * 0.021, 2)), ("30211", "差旅费", round(basic * 0.018, 2)),
                             ("30228", "工会经费", round(basic * 0.012, 2)),
                             ("30231", "公务用车运行维护费", round(basic * 0.008, 2)),
                             ("30302", "退休费", round(basic * 0.128, 2))]],
            [70, 160, 70, 70, 70]),
        tbl("一般公共预算“三公”经费支出表", ["合计", "因公出国（境）费", "公务用车购置及运行费",
                                           "其中：公务用车购置费", "其中：公务用车运行费", "公务接待费"],
            sanmgong, [70, 80, 90, 80, 80, 70]),
        tbl("项目支出预算表", ["项目名称", "实施单位", "预算数", "其中：财政拨款"],
            [[c.name, c.impl, m(c.money[0]), m(c.money[1])] for c in budget_projects()] +
            [["水利工程运行管理补助", "湖北省漳河工程管理局", "4260.00", "4260.00"],
             ["水土保持监测", "湖北省水土保持监测中心", "860.00", "860.00"],
             ["水旱灾害防御物资储备", "湖北省水利厅", "2360.00", "2360.00"]],
            [150, 150, 70, 70]),
    ]
    parts = [("prose", cover), ("prose", toc), ("prose", letter), ("prose", about),
             ("prose", [("h1", "第二部分　湖北省水利厅2025年部门预算表"), ("p", "（详见后附各表）")])]
    parts += [("table", t) for t in tables]
    parts += [("prose", explain), ("prose", terms)]
    parts += [("form", c) for c in budget_projects()]
    return parts


class _Prose:
    """Pages of running text: headings, indented paragraphs, table of
    contents lines (reportlab-cid metrics)."""

    def __init__(self, measure):
        from layout import PAGE_H, PAGE_W, Page, TextLine
        self.Page, self.TextLine = Page, TextLine
        self.W, self.H = PAGE_W, PAGE_H
        self.measure = measure
        self.left, self.right, self.top, self.bottom = 72.0, 72.0, 80.0, 80.0
        self.pages = []

    def run(self, entries):
        from textutil import wrap
        self.pages = [self.Page()]
        y = self.top
        width = self.W - self.left - self.right
        for e in entries:
            kind = e[0]
            if kind == "gap":
                y += 120
                continue
            size = {"h1": 20, "h2": 15, "h2c": 16}.get(kind, 13)
            lh = size * 1.75
            text = e[1]
            if kind == "p":
                lines = wrap("　　" + text, width, lambda s: self.measure(s, size))
            elif kind == "toc":
                lines = [text]
            else:
                lines = wrap(text, width, lambda s: self.measure(s, size))
            if kind == "h1":
                y += 8
            for ln in lines:
                if y + lh > self.H - self.bottom:
                    self.pages.append(self.Page())
                    y = self.top
                w = self.measure(ln, size)
                if kind in ("h1", "h2c"):
                    x = (self.W - w) / 2
                elif kind == "right":
                    x = self.W - self.right - w
                else:
                    x = self.left
                self.pages[-1].texts.append(self.TextLine(x, y + size, size, ln))
                y += lh
            if kind == "h1":
                y += 10
        return self.pages


def write_budget(path, no_verify):
    """Draws every part onto one reportlab-cid canvas with page numbers
    running through the report (none on the cover); returns (expected
    documents, page count, problems)."""
    import subprocess
    import tempfile

    from reportlab.pdfgen import canvas

    import render_rl
    import verify
    from layout import PAGE_H, PAGE_W, Layout, TextLine
    measure = render_rl.measurer("cid")
    name = render_rl.font("cid")
    pages, forms = [], []
    for kind, content in budget_report():
        if kind == "prose":
            pages += _Prose(measure).run(content)
        elif kind == "table":
            lay = Layout(form_doc("budget", content, Style(footer=None, font_size=10)), measure).run()
            pages += lay.pages
        else:
            form, pd = central_form(content, table_label="绩效指标")
            doc = form_doc("budget", form, Style(footer=None, font_size=12.5, repeat_header=True))
            lay = Layout(doc, measure).run()
            forms.append((len(pages), form, pd, doc, lay))
            pages += lay.pages
    for i, pg in enumerate(pages):
        if i == 0:
            continue
        t = "- %d -" % (i + 1)
        pg.texts.append(TextLine((PAGE_W - measure(t, 9)) / 2, PAGE_H - 34.0, 9, t))
    c = canvas.Canvas(path, pagesize=(PAGE_W, PAGE_H), invariant=1, pageCompression=1)
    c.setTitle("湖北省水利厅2025年部门预算")
    c.setAuthor("湖北省水利厅")
    c.setCreator("pifu scripts/pdfgen")
    for page in pages:
        if page.hsegs or page.vsegs:
            c.setLineWidth(0.5)
            p = c.beginPath()
            for y, x0, x1 in page.hsegs:
                p.moveTo(x0, PAGE_H - y)
                p.lineTo(x1, PAGE_H - y)
            for x, y0, y1 in page.vsegs:
                p.moveTo(x, PAGE_H - y0)
                p.lineTo(x, PAGE_H - y1)
            c.drawPath(p, stroke=1, fill=0)
        for tl in page.texts:
            c.setFont(name, tl.size)
            c.drawString(tl.x, PAGE_H - tl.y, tl.text)
        c.showPage()
    c.save()
    docs, problems = [], []
    for n, (offset, form, pd, doc, lay) in enumerate(forms):
        local = list(lay.row_pages)
        absolute = [offset + p for p in local]
        # the form's indicators are numbered from 0 within the form
        pd = dataclasses.replace(pd, ind=list(range(len(form.indicators))))
        docs.append(expected_doc(pd, form.indicators, absolute, part=n + 1,
                                 page_range=[offset + 1, offset + lay.npages], pdf=True))
        if not no_verify:
            with tempfile.TemporaryDirectory() as tmp:
                part = os.path.join(tmp, "part.pdf")
                subprocess.run(["qpdf", "--empty", "--pages", path, "%d-%d" % (offset + 1, offset + lay.npages),
                                "--", part], check=True)
                problems += ["form %d: %s" % (n + 1, x)
                             for x in verify.check(part, doc, "reportlab-cid", local, lay.npages, lay)]
    if not no_verify:
        probs, _ = verify.check_fonts(path, "reportlab-cid"), None
        problems += probs
        if verify.pdf_pages(path) != len(pages):
            problems.append("pdfinfo page count differs")
    return {"documents": docs}, len(pages), problems


# --- text dumps -------------------------------------------------------------------------------

def text_dump(form: Form) -> str:
    lines = ["", "", form.title, ""]
    if form.unit_line:
        lines.append(form.unit_line)
    for b in form.blocks:
        for r, row in enumerate(b.dump_rows()):
            if r in b.dump_breaks:
                lines.append("")
            lines.append("\t".join(row))
    return "\n".join(lines) + "\n"


def single_forms():
    return [t2(), t3(), t5(), t6(), central(), shanghai(), t7()]


def write_text_samples(only=""):
    """Writes every text dump and its expectation; returns the file names."""
    os.makedirs(OUT_DIR, exist_ok=True)
    os.makedirs(EXP_DIR, exist_ok=True)
    made = []
    for stem, form, pds in single_forms():
        if only not in stem:
            continue
        name = stem + ".txt"
        with open(os.path.join(OUT_DIR, name), "w", encoding="utf-8") as f:
            f.write(text_dump(form))
        multi = len(pds) > 1
        write_json(os.path.join(EXP_DIR, name + ".json"),
                   {"documents": [expected_doc(pd, form.indicators, None, part=(n + 1) if multi else None)
                                  for n, pd in enumerate(pds)]})
        made.append(name)
    return made



# --- PDFs ----------------------------------------------------------------------------------

# producers of each single form, with Style options
PDF = {
    "t2-xiangtan-huashi-town-living-environment-2025": [
        ("chromium", dict(footer="dash")), ("reportlab-cid", dict(footer="of", repeat_header=True))],
    "t3-wuhan-jiangan-pocket-parks-2025": [
        ("reportlab-ttf", dict(footer="of", font_size=10.5)), ("chromium", dict(footer=None))],
    "t5-hengyang-food-safety-sampling-2025": [("chromium", dict(footer="of"))],
    "t6-suizhou-river-cleaning-2026": [
        ("reportlab-cid", dict(footer="dash", repeat_header=True, font_size=10.5)), ("chromium", dict(footer="dash"))],
    "central-forest-resources-monitoring-2025": [("reportlab-ttf", dict(footer="dash", font_size=11))],
    "shanghai-xuhui-street-greening-2025": [("chromium", dict(footer="of")), ("gbk", dict(footer="dash"))],
    "t7-yibin-xuzhou-town-projects-2025": [
        ("reportlab-cid", dict(footer="of", font_size=9, continuation="repeat")),
        ("chromium", dict(footer="dash", font_size=8))],
}


def form_doc(stem, form: Form, style: Style) -> Doc:
    """The layout's Doc of a form: its grids as the plan."""
    for b in form.blocks:
        b.repeat_header = b.repeat_header or (style.repeat_header and b.header_rows > 0 and bool(b.row_ind))
    st = dataclasses.replace(style, unit_text=form.unit_line)
    return Doc(stem=stem, title=form.title, year=0, department=form.department_printed, history_years=[],
               unit="-" if form.unit_line else None, long_term_deadline=None, funding=[], functions=[],
               annual_tasks=[], long_term_goals=[], annual_goals=[], indicators=form.indicators, style=st,
               plan=[("grid", b) for b in form.blocks])


def fill_twins(form: Form, row_pages):
    """The page of every indicator printed on a row with another one (T3)."""
    pages = list(row_pages)
    for b in form.blocks:
        for ids in b.row_ind.values():
            for k in ids[1:]:
                pages[k] = pages[ids[0]]
    return pages


def pdf_expected(form, pds, pages, npages):
    multi = len(pds) > 1
    docs = []
    for n, pd in enumerate(pds):
        ps = [pages[k] for k in pd.ind]
        rng = [min(ps), max(ps)] if multi else [1, npages]
        docs.append(expected_doc(pd, form.indicators, pages, part=(n + 1) if multi else None,
                                 page_range=rng, pdf=True))
    return {"documents": docs}


def write_pdfs(only, no_verify, produce):
    import tempfile
    import verify
    made, ok = [], True
    for stem, form, pds in single_forms():
        for producer, over in PDF.get(stem, []):
            name = "%s.%s.pdf" % (stem, producer)
            if only not in name:
                continue
            doc = form_doc(stem, form, Style(**over))
            dst = os.path.join(OUT_DIR, name)
            with tempfile.TemporaryDirectory() as tmp:
                row_pages, npages, lay = produce(doc, producer, dst, tmp)
            pages = fill_twins(form, row_pages)
            write_json(os.path.join(EXP_DIR, name + ".json"), pdf_expected(form, pds, pages, npages))
            made.append(name)
            msg = "%-58s %-14s %d pages %4d rows %7d bytes" % (name, producer, npages, len(form.indicators),
                                                                os.path.getsize(dst))
            if lay is not None and lay.flowed:
                msg += "  (merged text cut by a page break)"
            if not no_verify:
                problems = verify.check(dst, doc, producer, row_pages, npages, lay)
                if problems:
                    ok = False
                    msg += "  FAILED\n    " + "\n    ".join(problems[:20])
                else:
                    msg += "  verified"
            print(msg, flush=True)
    return made, ok


# --- article pages, documents and a workbook of the single forms -------------------------------

# Where each form is published: (site, host, channel, 发布时间, 来源). The
# article pages carry the form as the chromium producer draws it.
SITES = {
    "t2-xiangtan-huashi-town-living-environment-2025":
        ("湘潭县人民政府", "www.xiangtanxian.example.gov.cn", "乡镇预决算公开", "2025-03-18 16:20", "花石镇人民政府"),
    "t3-wuhan-jiangan-pocket-parks-2025":
        ("武汉市江岸区人民政府", "www.jiangan.example.gov.cn", "部门预算", "2025-02-26 09:05", "区园林和林业局"),
    "t5-hengyang-food-safety-sampling-2025":
        ("衡阳市财政局", "czj.hengyang.example.gov.cn", "预算绩效管理", "2025-03-07 10:42", "市市场监督管理局"),
    "t6-suizhou-river-cleaning-2026":
        ("随州市财政局", "czj.suizhou.example.gov.cn", "绩效目标公开", "2026-01-23 15:30", "市水利和湖泊局"),
    "central-forest-resources-monitoring-2025":
        ("国家林业和草原局", "www.forestry.example.gov.cn", "部门预算", "2025-03-28 17:00", "规划财务司"),
    "shanghai-xuhui-street-greening-2025":
        ("上海市徐汇区人民政府", "www.xuhui.example.gov.cn", "预算公开", "2025-02-14 11:18", "区绿化和市容管理局"),
    "t7-yibin-xuzhou-town-projects-2025":
        ("宜宾市叙州区人民政府", "www.ybxz.example.gov.cn", "乡镇财政预决算", "2025-04-02 08:50", "区财政局"),
}
FORMATS = {     # stem -> the other formats it gets besides the article page
    "t2-xiangtan-huashi-town-living-environment-2025": ("docx",),
    "t5-hengyang-food-safety-sampling-2025": ("xlsx",),
    "t6-suizhou-river-cleaning-2026": ("docx",),
}
XLSX_SHEET = "项目支出绩效目标表"
NAV = ["首页", "走进政府", "政务公开", "政务服务", "互动交流", "专题专栏"]
PAGE_CSS = """body{margin:0;font-family:"Microsoft YaHei",SimSun,sans-serif;font-size:14px;color:#333}
.header{background:#0b5ca8;color:#fff}.header .logo{font-size:24px;padding:18px 40px}
.nav{margin:0;padding:0 40px;list-style:none}.nav li{display:inline-block}.nav a{color:#fff;padding:0 14px}
.breadcrumb{width:1000px;margin:12px auto}.main{width:1000px;margin:0 auto}
.article h1{font-size:22px;text-align:center}.info{text-align:center;color:#888;border-bottom:1px solid #ddd;padding-bottom:8px}
.TRS_Editor table{border-collapse:collapse;table-layout:fixed;margin:0 auto}
.TRS_Editor td{border:1px solid #000;padding:3px;text-align:center;vertical-align:middle}
.TRS_Editor td.list,.TRS_Editor td.left{text-align:left}.TRS_Editor td p{margin:0}.nw{white-space:nowrap}
.unit{text-align:right}.footer{margin-top:30px;background:#eee;text-align:center;padding:16px;color:#666}"""


def format_doc(stem, form):
    """The layout Doc of a form for the other formats (no page footer)."""
    return form_doc(stem, form, Style(footer=None))


def article_page(stem, form):
    """The form published as an article: navigation, breadcrumbs, the
    发布时间 line, the canonical address, the form as the chromium producer's
    table (the unit line above it), a footer."""
    import html as _html
    import render_html
    site, host, channel, published, source = SITES[stem]
    date = published.split(" ")[0]
    url = "https://%s/art/%s/art_%s.html" % (host, date.replace("-", "/"),
                                             "%04d" % (sum(map(ord, stem)) % 10000))
    doc = format_doc(stem, form)
    grid = render_html.Grid(doc)
    title = _html.escape(form.title)
    body = []
    if form.unit_line:
        body.append('<p class="unit">%s</p>' % _html.escape(form.unit_line))
    body += render_html.table_lines(grid)
    return """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>%(title)s_%(channel)s_%(site)s</title>
<link rel="canonical" href="%(url)s">
<meta name="ArticleTitle" content="%(title)s">
<meta name="PubDate" content="%(published)s">
<meta name="ContentSource" content="%(source)s">
<style>
%(css)s
</style>
<script>var _hmt = _hmt || []; /* 访问统计 */</script>
</head>
<body>
<div class="header">
  <div class="logo">%(site)s</div>
  <ul class="nav">%(nav)s</ul>
  <form class="search" action="/search"><input type="text" name="q" placeholder="请输入关键字"><button>搜索</button></form>
</div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/czzj/">财政资金</a> &gt; <a href="/zwgk/czzj/yjs/">%(channel)s</a></div>
<div class="main">
  <div class="article">
    <h1 class="title">%(title)s</h1>
    <div class="info">发布时间：%(published)s&nbsp;&nbsp;&nbsp;来源：%(source)s&nbsp;&nbsp;&nbsp;浏览次数：<span id="views">312</span>&nbsp;&nbsp;&nbsp;【字体：<a>大</a> <a>中</a> <a>小</a>】</div>
    <div class="TRS_Editor">
%(body)s
    </div>
    <div class="share">分享到：<a>微信</a> <a>微博</a> <a>QQ空间</a></div>
    <div class="tools">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
    <div class="prev-next"><p>上一篇：<a href="#">关于公开部门预算的说明</a></p><p>下一篇：<a href="#">政府采购意向公开</a></p></div>
  </div>
</div>
<div class="footer">
  <p>主办单位：%(site)s&nbsp;&nbsp;承办：%(site)s办公室</p>
  <p>网站标识码：4300000000&nbsp;&nbsp;ICP备案号：ICP备00000000号-1&nbsp;&nbsp;公安机关备案号：00000000000000</p>
</div>
</body>
</html>
""" % dict(title=title, channel=_html.escape(channel), site=_html.escape(site), url=url,
           published=published, source=_html.escape(source), css=PAGE_CSS,
           nav="".join('<li><a href="#">%s</a></li>' % n for n in NAV),
           body="\n".join("      " + line for line in body))


def placed_cells(stem, form):
    """Every cell of the form on the chromium producer's column grid:
    (row, column, rowspan, colspan, paragraphs, left-aligned), rows counted
    through all blocks; and the grid's column widths in pt."""
    import render_html
    doc = format_doc(stem, form)
    grid = render_html.Grid(doc)
    out, row0 = [], 0
    for si, sec in enumerate(grid.secs):
        for c in sec.cells:
            col, n = grid.span(si, c)
            out.append((row0 + c.row, col, c.rowspan, n, list(c.paras),
                        c.align == "left" or c.valign == "top"))
        row0 += sec.nrows
    widths = [b - a for a, b in zip(grid.bounds, grid.bounds[1:])]
    return out, row0, widths


AMOUNT = re.compile(r"-?(?:0|[1-9]\d*)\.\d\d")


def _fixed_zip(data, path):
    """Writes the archive `data` to `path` with fixed entry times and fixed
    dates in docProps/core.xml."""
    import io
    import zipfile
    src = zipfile.ZipFile(io.BytesIO(data))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)",
                              lambda m: m.group(1) + FIXED_TIME.encode() + m.group(3), body)
            zi = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            out.writestr(zi, body)


def write_form_xlsx(stem, form, path):
    """One sheet: the title merged over the top row, the unit line under
    it, then the form's cells with real merged cells; amounts are numbers
    shown as 0.00."""
    import datetime
    import io
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    cells, nrows, widths = placed_cells(stem, form)
    ncols = len(widths)
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wb = Workbook()
    ws = wb.active
    ws.title = XLSX_SHEET
    for k, w in enumerate(widths):
        ws.column_dimensions[get_column_letter(k + 1)].width = round(w / 5.6, 2)
    ws.cell(row=1, column=1, value=form.title).font = Font(bold=True, size=16)
    ws.cell(row=1, column=1).alignment = Alignment(horizontal="center", vertical="center")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncols)
    top = 2
    if form.unit_line:
        ws.cell(row=2, column=1, value=form.unit_line).alignment = Alignment(horizontal="right")
        ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=ncols)
        top = 3
    for r, c, rs, cs, paras, left in cells:
        text = "\n".join(paras)
        cell = ws.cell(row=top + r, column=1 + c)
        if AMOUNT.fullmatch(text):
            cell.value = float(text)
            cell.number_format = "0.00"
        elif text:
            cell.value = text
        cell.alignment = Alignment(horizontal="left" if left else "center", vertical="center", wrap_text=True)
        if rs > 1 or cs > 1:
            ws.merge_cells(start_row=top + r, start_column=1 + c, end_row=top + r + rs - 1,
                           end_column=c + cs)
        for rr in range(top + r, top + r + rs):
            for cc in range(1 + c, 1 + c + cs):
                ws.cell(row=rr, column=cc).border = box
    wb.properties.creator = "财政局"
    wb.properties.created = datetime.datetime(2025, 1, 1)
    wb.properties.modified = datetime.datetime(2025, 1, 1)
    buf = io.BytesIO()
    wb.save(buf)
    _fixed_zip(buf.getvalue(), path)


def write_form_docx(stem, form, path):
    """The title and unit line as paragraphs, the form as one Word table
    on the chromium producer's column grid: merged cells are real
    (gridSpan across columns, vMerge down rows); a cell's lines are
    paragraphs."""
    import datetime
    import io
    import docx
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    cells, nrows, widths = placed_cells(stem, form)
    d = docx.Document()
    cp = d.core_properties
    cp.author = cp.last_modified_by = "财政局"
    cp.created = cp.modified = datetime.datetime(2025, 1, 1)
    cp.revision = 1
    cp.comments = ""
    p = d.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run(form.title)
    run.font.size = Pt(16)
    run.bold = True
    if form.unit_line:
        d.add_paragraph(form.unit_line).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    t = d.add_table(rows=nrows, cols=len(widths))
    t.style = "Table Grid"
    t.autofit = False
    for k, w in enumerate(widths):
        t.columns[k].width = Pt(w)
    for r, c, rs, cs, paras, left in cells:
        cell = t.cell(r, c)
        if rs > 1 or cs > 1:
            cell = cell.merge(t.cell(r + rs - 1, c + cs - 1))
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        align = WD_ALIGN_PARAGRAPH.LEFT if left else WD_ALIGN_PARAGRAPH.CENTER
        for k, text in enumerate(paras):
            para = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
            if text:
                para.add_run(text)
            para.alignment = align
    buf = io.BytesIO()
    d.save(buf)
    _fixed_zip(buf.getvalue(), path)


def write_formats(only=""):
    """The single forms as article pages (all), DOCX (T2, T6) and XLSX
    (T5), with their expectations; returns the file names."""
    made = []
    for stem, form, pds in single_forms():
        multi = len(pds) > 1
        for ext in ("html",) + FORMATS.get(stem, ()):
            name = "%s.%s" % (stem, ext)
            if only not in name:
                continue
            path = os.path.join(OUT_DIR, name)
            if ext == "html":
                with open(path, "w", encoding="utf-8", newline="\n") as f:
                    f.write(article_page(stem, form))
            elif ext == "docx":
                write_form_docx(stem, form, path)
            else:
                write_form_xlsx(stem, form, path)
            sheet = XLSX_SHEET if ext == "xlsx" else None
            write_json(os.path.join(EXP_DIR, name + ".json"),
                       {"documents": [expected_doc(pd, form.indicators, None, part=(n + 1) if multi else None,
                                                   sheet=sheet)
                                      for n, pd in enumerate(pds)]})
            made.append(name)
            print("%-58s %s" % (name, ext), flush=True)
    return made


def generate(only, no_verify, produce):
    """Writes the corpus (all of it, or the files whose name contains
    `only`); a full run removes stale files from the two folders. Returns
    False when a check failed."""
    made = set()
    for name in write_text_samples(only):
        made.update([name, name + ".json"])
        print("%-58s text" % name, flush=True)
    names, ok = write_pdfs(only, no_verify, produce)
    names += write_formats(only)
    if only in XLSX_NAME:
        write_workbook(os.path.join(OUT_DIR, XLSX_NAME))
        write_json(os.path.join(EXP_DIR, XLSX_NAME + ".json"), workbook_expected())
        names.append(XLSX_NAME)
        print("%-58s xlsx %d sheets" % (XLSX_NAME, len(workbook_projects()) + 1), flush=True)
    if only in BUDGET_NAME:
        exp, npages, problems = write_budget(os.path.join(OUT_DIR, BUDGET_NAME), no_verify)
        write_json(os.path.join(EXP_DIR, BUDGET_NAME + ".json"), exp)
        names.append(BUDGET_NAME)
        msg = "%-58s reportlab-cid  %d pages, %d forms" % (BUDGET_NAME, npages, len(exp["documents"]))
        if problems:
            ok = False
            msg += "  FAILED\n    " + "\n    ".join(problems[:20])
        elif not no_verify:
            msg += "  verified"
        print(msg, flush=True)
    for name in names:
        made.update([name, name + ".json"])
    if not only:
        for d in (OUT_DIR, EXP_DIR):
            for name in sorted(os.listdir(d)):
                if name.endswith((".txt", ".pdf", ".html", ".docx", ".xlsx", ".json")) and name not in made:
                    print("removing stale %s" % os.path.join(d, name))
                    os.remove(os.path.join(d, name))
    return ok
