"""Small PDFs, each showing one way a PDF used to be misread, for
tests/pdf_misreads.rs. Each is a fragment of a 部门整体绩效目标批复: the title
line and one bordered table with a label column.

    python3 scripts/make_misread_pdfs.py   # writes tests/fixtures/misreads/

Needs reportlab 4.2.5, pikepdf 9.4.2 and fonts-wqy-zenhei (see
scripts/pdfgen/setup.sh). The output is deterministic: reportlab runs with
invariant=1 and pikepdf writes deterministic IDs, so a rerun gives the same
bytes.

| file | misread |
|---|---|
| radicals.pdf | ToUnicode names Kangxi radicals / CJK radicals supplement (`⽬`, `⻔`) and compatibility ideographs for ideographs |
| scaled-form.pdf | every page drawn through a scaled form XObject, footers included |
| hanging-punct.pdf | `、` hanging past a list cell's right border at a line end |
| merged-level1-first.pdf | level-1 cell 管理效率 cut by a page break, name printed on page 1 only |
| merged-level1-second.pdf | the same, name printed on page 2 only |
| empty-category.pdf | annual row whose 指标分类 cell is empty |
| wrapped-level2.pdf | level-2 cell 服务对象满意度指标 wrapped, its two lines cut apart by a page break |
"""
from __future__ import annotations

import os
import sys

import pikepdf
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

PAGE_W, PAGE_H = 595.0, 842.0
# STSong-Light (not embedded, UniGB-UCS2-H) keeps the files small; the
# radicals need an embedded TrueType subset, whose ToUnicode is rewritten.
CID_FONT = "STSong-Light"
TTF_FONT = "WenQuanYiZenHei"
WQY = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
FONT = CID_FONT
SIZE = 8.0
LEAD = 11.0
PAD = 2.0
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "misreads")

# Columns: label, 一级, 二级, 三级, 2024年, 2025年, 预期当年实现值, 依据, 分类.
XS = [50, 110, 165, 225, 315, 360, 405, 455, 505, 555]
# Characters allowed to hang past a cell's right border at a line end.
HANGING = "、，。；："

pdfmetrics.registerFont(UnicodeCIDFont(CID_FONT))
pdfmetrics.registerFont(TTFont(TTF_FONT, WQY, subfontIndex=0))


def width(text: str, size: float = SIZE) -> float:
    return pdfmetrics.stringWidth(text, FONT, size)


def wrap(text: str, avail: float) -> list[str]:
    """Lines of `text` in `avail` points; `\\n` forces a break and a
    character of HANGING that does not fit stays on the line, past the
    border, as typesetters print it."""
    lines = []
    for para in text.split("\n"):
        line = ""
        for ch in para:
            if line and width(line + ch) > avail and ch not in HANGING:
                lines.append(line)
                line = ""
            line += ch
        lines.append(line)
    return lines


class Page:
    """One page: text lines (x, top-down baseline, text, size) and cells."""

    def __init__(self):
        self.texts: list[tuple[float, float, str, float]] = []
        self.cells: list[tuple[float, float, float, float]] = []

    def text(self, x: float, y: float, s: str, size: float = SIZE):
        self.texts.append((x, y, s, size))

    def table(self, top: float, rows: list[float | None], cells, xs=XS):
        """A bordered table from `top`: `rows` are row heights (None: as
        the single-row cells need), `cells` (row, col, rowspan, colspan,
        text). Every cell strokes its own four sides; its text is wrapped
        and centred vertically. Returns the table's bottom."""
        heights = list(rows)
        for i, h in enumerate(heights):
            if h is None:
                need = [
                    len(wrap(t, xs[c + cs] - xs[c] - 2 * PAD)) * LEAD + 2 * PAD
                    for (r, c, rs, cs, t) in cells
                    if r == i and rs == 1 and t
                ]
                heights[i] = max([18.0] + need)
        ys = [top]
        for h in heights:
            ys.append(ys[-1] + h)
        for (r, c, rs, cs, t) in cells:
            x0, x1, y0, y1 = xs[c], xs[c + cs], ys[r], ys[r + rs]
            self.cells.append((x0, y0, x1, y1))
            if not t:
                continue
            lines = wrap(t, x1 - x0 - 2 * PAD)
            first = (y0 + y1) / 2 - (len(lines) - 1) * LEAD / 2 + 0.35 * SIZE
            for k, line in enumerate(lines):
                self.text(x0 + PAD, first + k * LEAD, line)
        return ys[-1]


def render(path: str, pages: list[Page], title: str = "2026年部门整体绩效目标批复"):
    c = canvas.Canvas(path, pagesize=(PAGE_W, PAGE_H), invariant=1, pageCompression=1)
    c.setTitle(title)
    c.setCreator("pifu scripts/make_misread_pdfs.py")
    for page in pages:
        c.setLineWidth(0.5)
        p = c.beginPath()
        for (x0, y0, x1, y1) in page.cells:
            p.rect(x0, PAGE_H - y1, x1 - x0, y1 - y0)
        c.drawPath(p, stroke=1, fill=0)
        for (x, y, s, size) in page.texts:
            c.setFont(FONT, size)
            c.drawString(x, PAGE_H - y, s)
        c.showPage()
    c.save()


def save(pdf: pikepdf.Pdf, path: str):
    pdf.save(path, deterministic_id=True, compress_streams=True,
             object_stream_mode=pikepdf.ObjectStreamMode.disable)


def title(page: Page, text: str = "2026 年部门整体绩效目标批复"):
    page.text((PAGE_W - width(text, 16)) / 2, 60, text, 16)


def footer(page: Page, n: int, total: int, baseline: float = 30):
    """`第 n 页 共 total 页`, centred, its baseline `baseline` above the
    page's bottom edge."""
    s = f"第 {n} 页 共 {total} 页"
    page.text((PAGE_W - width(s, 9)) / 2, PAGE_H - baseline, s, 9)


HEAD_LONG = [
    (0, 1, 1, 1, "一级指标"), (0, 2, 1, 1, "二级指标"), (0, 3, 1, 1, "三级指标"),
    (0, 4, 1, 3, "指标值"), (0, 7, 1, 1, "指标值确定依据"), (0, 8, 1, 1, "指标分类"),
]


def head_annual(r: int):
    """The annual table's three header rows from grid row `r`."""
    return [
        (r, 1, 3, 1, "一级指标"), (r, 2, 3, 1, "二级指标"), (r, 3, 3, 1, "三级指标"),
        (r, 4, 1, 3, "指标值"), (r, 7, 3, 1, "指标值确定依据"), (r, 8, 3, 1, "指标分类"),
        (r + 1, 4, 1, 2, "近两年指标值"), (r + 1, 6, 2, 1, "预期当年实现值"),
        (r + 2, 4, 1, 1, "2024年"), (r + 2, 5, 1, 1, "2025年"),
    ]


def long_row(r: int, l1: str | None, l2: str | None, l3: str, value: str, rs1=1, rs2=1):
    """A long-term indicator row; a level of None is covered by a merged
    cell from above."""
    out = []
    if l1 is not None:
        out.append((r, 1, rs1, 1, l1))
    if l2 is not None:
        out.append((r, 2, rs2, 1, l2))
    out += [(r, 3, 1, 1, l3), (r, 4, 1, 3, value), (r, 7, 1, 1, "计划标准"), (r, 8, 1, 1, "绩效基本型")]
    return out


def annual_row(r: int, l1, l2, l3, h24, h25, target, basis="计划标准", category="绩效基本型", rs1=1, rs2=1):
    out = []
    if l1 is not None:
        out.append((r, 1, rs1, 1, l1))
    if l2 is not None:
        out.append((r, 2, rs2, 1, l2))
    out += [(r, 3, 1, 1, l3), (r, 4, 1, 1, h24), (r, 5, 1, 1, h25), (r, 6, 1, 1, target),
            (r, 7, 1, 1, basis), (r, 8, 1, 1, category)]
    return out


def info_rows(functions: str, tasks: str):
    return [
        (0, 0, 1, 1, "部门（单位）名称"), (0, 1, 1, 8, "鄂州市数据局"),
        (1, 0, 1, 1, "部门职能概述"), (1, 1, 1, 8, functions),
        (2, 0, 1, 1, "年度工作任务"), (2, 1, 1, 8, tasks),
    ]


# ---------------------------------------------------------------- radicals

# What the ToUnicode says instead of what the page shows: Kangxi radicals,
# CJK radicals supplement, a compatibility ideograph.
RADICALS = {"目": "\u2F6C", "门": "\u2ED4", "长": "\u2ED3", "一": "\u2F00", "年": "\uF98E"}


def radicals(path: str):
    global FONT
    FONT = TTF_FONT
    p = Page()
    title(p)
    cells = info_rows(
        "（一）拟订和组织实施数字鄂州规划。\n（二）统筹全市数据基础制度建设。",
        "1、建设政务云安全资源池。\n2、深化政务服务改革。",
    )
    cells += [(3, 0, 4, 1, "长期绩效指标")] + [(r + 3, c, rs, cs, t) for (r, c, rs, cs, t) in HEAD_LONG]
    cells += long_row(4, "运行成本", "公用经费控制", "公用经费控制率", "≤100%", rs1=2)
    cells += long_row(5, None, "项目支出成本控制", "会议费控制率", "100%")
    cells += long_row(6, "管理效率", "预算执行", "预算执行率", "≥90%")
    cells += [(7, 0, 1, 1, "年度目标:"), (7, 1, 1, 8, "1、引导企业完成数据资产入表。")]
    p.table(90, [None] * 8, cells)
    tmp = path + ".tmp"
    render(tmp, [p])
    FONT = CID_FONT
    with pikepdf.open(tmp) as pdf:
        rewrite_to_unicode(pdf, RADICALS)
        save(pdf, path)
    os.remove(tmp)


def rewrite_to_unicode(pdf: pikepdf.Pdf, table: dict[str, str]):
    """Every ToUnicode destination naming a key of `table` names its value
    instead (reportlab writes one `<code> <utf16>` bfchar per glyph)."""
    def utf16(ch: str) -> bytes:
        return ("<%s>" % ch.encode("utf-16-be").hex().upper()).encode()

    done = set()
    for page in pdf.pages:
        for _, font in page.Resources.Font.items():
            cmap = font.get("/ToUnicode")
            if cmap is None or cmap.objgen in done:
                continue
            done.add(cmap.objgen)
            data = cmap.read_bytes()
            for src, dst in table.items():
                data = data.replace(b" " + utf16(src) + b"\n", b" " + utf16(dst) + b"\n")
            for dst in table.values():
                if utf16(dst) not in data:
                    sys.exit(f"{dst!r} not written into the ToUnicode")
            cmap.write(data)


# ----------------------------------------------------------- scaled form

def scaled_form(path: str):
    """Three pages of the long-term table, each with a footer, every page's
    content then moved into a form XObject drawn at 90% (as a print-to-fit
    or n-up step does). Groups run on across the page breaks: their level-1
    cells are cut, printed on the page where the group starts."""
    pages_rows = [
        [("运行成本", 3, "公用经费控制", "公用经费控制率", "≤100%"),
         (None, 0, "在职人员控制", "在职人员控制率", "≤100%"),
         (None, 0, "项目支出成本控制", "会议费控制率", "100%"),
         ("管理效率", 1, "战略管理", "中长期规划相符性", "相符")],
        [("", 2, "预算编制", "预算编制科学性", "科学"),
         (None, 0, "预算执行", "预算执行率", "≥90%"),
         ("履职效能", 2, "政务服务", "“一网通办”事项办结率", "100%"),
         (None, 0, "数据安全", "数据归集准确率", "100%")],
        [("", 1, "数据基础建设", "政务云平台稳定运行率", "100%"),
         ("满意度", 2, "服务对象满意度", "群众满意度", "≥95%"),
         (None, 0, "联系部门满意度", "联系部门满意度", "≥95%")],
    ]
    pages = []
    for n, rows in enumerate(pages_rows, 1):
        p = Page()
        if n == 1:
            title(p)
        # The header is printed on the first page only; the label column
        # goes on, empty, on the later pages.
        head = 1 if n == 1 else 0
        cells = [(0, 0, head + len(rows), 1, "长期绩效指标" if n == 1 else "")]
        cells += HEAD_LONG if n == 1 else []
        for k, (l1, rs1, l2, l3, v) in enumerate(rows):
            cells += long_row(head + k, l1, l2, l3, v, rs1=rs1)
        p.table(90 if n == 1 else 60, [None] * (head + len(rows)), cells)
        # Where Word puts a footer (1.75 cm from the edge, plus the
        # line's height): inside the bottom 12% of the page as printed,
        # just outside it once the page is drawn at 90%.
        footer(p, n, len(pages_rows), baseline=62)
        pages.append(p)
    tmp = path + ".tmp"
    render(tmp, pages)
    with pikepdf.open(tmp) as pdf:
        for page in pdf.pages:
            form = pdf.make_stream(
                page.obj.Contents.read_bytes(),
                Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form,
                BBox=[0, 0, PAGE_W, PAGE_H], Resources=page.obj.Resources)
            page.obj.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Fx0=form))
            page.obj.Contents = pdf.make_stream(b"q 0.9 0 0 0.9 30 40 cm /Fx0 Do Q\n")
        save(pdf, path)
    os.remove(tmp)


# -------------------------------------------------------- hanging punctuation

def hanging_list(items: list[str], avail: float) -> str:
    """`items` numbered 1、2、… in one paragraph, the first padded so that
    the second's `、` is the first character past the line's end."""
    filler = "统筹推进数字政府建设协调政府管理服务数字技术应用推进政府履职和政务运行数字化转型"
    rest = "".join(f"{i}、{t}；" for i, t in enumerate(items[1:], 2))
    for k in range(len(filler) + 1):
        text = "1、" + items[0] + filler[:k] + "；" + rest
        line = wrap(text, avail)[0]
        if line.endswith("2、") and width(line[:-1]) <= avail < width(line):
            return text
    sys.exit("no padding puts 、 past the border")


def hanging(path: str):
    avail = XS[-1] - XS[1] - 2 * PAD
    functions = hanging_list(["拟订和组织实施数字鄂州规划，促进经济社会数字化转型",
                              "统筹全市数据基础制度建设，构建数据标准规范体系",
                              "协调推进数据要素市场化配置改革"], avail)
    tasks = hanging_list(["建设政务云安全资源池和数据安全防护系统",
                          "深化政务服务改革，大幅提升办事便利度",
                          "充分发挥数字底座作用，深化数据治理"], avail)
    p = Page()
    title(p)
    cells = info_rows(functions, tasks)
    cells += [(3, 0, 3, 1, "长期绩效指标")] + [(r + 3, c, rs, cs, t) for (r, c, rs, cs, t) in HEAD_LONG]
    cells += long_row(4, "运行成本", "公用经费控制", "公用经费控制率", "≤100%")
    cells += long_row(5, "管理效率", "预算执行", "预算执行率", "≥90%")
    p.table(90, [None] * 6, cells)
    render(path, [p])


# ------------------------------------------------ level-1 cut by a page break

FUNCTIONS = [
    "拟订和组织实施数字鄂州、数字经济、数字社会、数字政府规划。",
    "统筹全市数据基础制度建设，构建数据相关法规与标准规范体系。",
    "协调推进数据要素市场化配置改革，推动数据要素产业发展。",
    "组织拟订有关数字基础设施布局规划，协调推进数字基础设施建设。",
    "统筹数据资源整合共享和开发利用，构建数化鄂州资源体系。",
    "协调推进数字经济发展，促进数字产业化和产业数字化。",
    "统筹推进数字社会建设，构建普惠便捷数字社会。",
    "统筹推进数字政府建设，推进政府履职和政务运行数字化转型。",
    "统筹推进政府职能转变，负责政务服务事项管理。",
    "协调推进数据领域核心技术、关键设备等重大科技攻关。",
    "负责数据领域对外合作，落实相关数字治理规则。",
    "完成市委、市政府交办的其他任务。",
]
NUMERALS = "一二三四五六七八九十"
TASKS = [
    "建设政务云安全资源池和数据安全防护系统，常态化开展自查整治，监管数据归集准确率保持100%。",
    "深化政务服务改革，大幅提升办事便利度，推动100项高频证照免提交。",
    "充分发挥数字底座作用，深化数据治理，探索数字监管等场景应用。",
    "引导企业完成数据资产入表，实现数据资源向资产转化。",
    "城市综合服务平台聚合公共与社会数据资源，提供场景化智能服务。",
    "建立健全上下联动、部门协同的数字经济统计监测机制。",
    "进一步提升12345政务服务便民热线工作效能，建立接诉即办快速响应机制。",
    "统筹推进云网资源管理、公共数据治理，实现一屏统揽、一网统管。",
    "全域推进200项容缺承诺办事项落实落地。",
    "加强城市运营管理中心建设，完善基础设施配套。",
    "做强数据产业，吸引数据要素型企业集聚。",
    "建成公共数据开放平台，升级数据共享交换平台。",
    "成立数字鄂州规划编制与实施工作领导小组及专班。",
    "完成市级大数据能力平台深化改造。",
    "培育平台经济，发展新产业、新业态、新模式。",
    "开展数据安全攻防演练，及时修复高危漏洞。",
]


def numbered(items: list[str]) -> str:
    def numeral(i: int) -> str:
        return NUMERALS[i - 1] if i <= 10 else "十" + NUMERALS[i - 11]
    return "\n".join(f"（{numeral(i)}）{t}" for i, t in enumerate(items, 1))


def page_one(rows: list) -> Page:
    """Page 1: the department's functions, tasks and goals, then the annual
    table with `rows` (from row 7), with as many of the tasks as leave the
    table ending near the page bottom, above the footer."""
    for n in range(len(TASKS), 0, -1):
        p1 = Page()
        title(p1)
        cells = [
            (0, 0, 1, 1, "部门（单位）名称"), (0, 1, 1, 8, "鄂州市数据局"),
            (1, 0, 1, 1, "部门职能概述"), (1, 1, 1, 8, numbered(FUNCTIONS)),
            (2, 0, 1, 1, "年度工作任务"),
            (2, 1, 1, 8, "\n".join(f"{i}、{t}" for i, t in enumerate(TASKS[:n], 1))),
            (3, 0, 1, 1, "年度目标:"),
            (3, 1, 1, 8, "\n".join(f"{i}、{t}" for i, t in enumerate(reversed(TASKS), 1))),
            (4, 0, 7, 1, "年度绩效指标"),
        ]
        cells += [(r + 4, c, rs, cs, t) for (r, c, rs, cs, t) in head_annual(0)]
        bottom = p1.table(90, [None] * 11, cells + rows)
        if bottom < PAGE_H - 80:
            break
    assert bottom > PAGE_H - 110, bottom
    footer(p1, 1, 2)
    return p1


def merged_level1(path: str, printed_on: int):
    """The department's functions, then the annual table: 运行成本 (2
    rows), then 管理效率 merged over 2 rows at the bottom of page 1 and 3
    more at the top of page 2 (after the header printed again), then 产出指标.
    管理效率 is printed in the part on page `printed_on` only."""
    first = "管理效率" if printed_on == 1 else ""
    second = "管理效率" if printed_on == 2 else ""
    rows = annual_row(7, "运行成本", "公用经费控制", "公用经费控制率", "100%", "100%", "100%", rs1=2)
    rows += annual_row(8, None, "在职人员控制", "在职人员控制率", "100%", "100%", "100%")
    rows += annual_row(9, first, "战略管理", "中长期规划相符性", "完全相符", "完全相符", "完全相符", rs1=2)
    rows += annual_row(10, None, "预算编制", "预算编制科学性", "科学", "科学", "科学")
    p1 = page_one(rows)
    p2 = Page()
    cells = [(0, 0, 7, 1, "")] + head_annual(0)
    cells += annual_row(3, second, "预算执行", "预算执行率", "99%", "99%", "≥95%", rs1=3, rs2=2)
    cells += annual_row(4, None, None, "结转结余率", "0%", "0%", "0%")
    cells += annual_row(5, None, "资产管理", "资产管理规范性", "100%", "100%", "100%")
    cells += annual_row(6, "产出指标", "数量指标", "数据资产登记数量", "10项", "20项", "≥27项")
    p2.table(60, [None] * 7, cells)
    footer(p2, 2, 2)
    render(path, [p1, p2])


# ------------------------------------------------------------ wrapped level 2

def wrapped_level2(path: str):
    """The department's functions, then the annual table ending at the
    bottom of page 1 with 满意度指标 / 服务对象满意度指标 merged over its
    last two rows and one more on page 2. The level-2 name wraps in its
    merged cell: its first line, 服务对象满意度指, is printed on page 1, the
    rest, 标, on page 2."""
    rows = annual_row(7, "运行成本", "公用经费控制", "公用经费控制率", "100%", "100%", "100%", rs1=2)
    rows += annual_row(8, None, "在职人员控制", "在职人员控制率", "100%", "100%", "100%")
    rows += annual_row(9, "满意度指标", "服务对象满意度指", "企业满意度", "95%", "96%", "≥95%",
                       rs1=2, rs2=2)
    rows += annual_row(10, None, None, "群众满意度", "93%", "94%", "≥90%")
    p1 = page_one(rows)
    p2 = Page()
    cells = [(0, 0, 4, 1, "")] + head_annual(0)
    cells += annual_row(3, "", "标", "投诉处理满意度", "90%", "91%", "≥90%")
    cells += annual_row(4, "产出指标", "数量指标", "数据资产登记数量", "10项", "20项", "≥27项")
    p2.table(60, [None] * 7, cells)
    footer(p2, 2, 2)
    render(path, [p1, p2])


# ------------------------------------------------------------ empty category

def empty_category(path: str):
    p = Page()
    title(p)
    cells = [(0, 0, 6, 1, "年度绩效指标")] + head_annual(0)
    cells += annual_row(3, "运行成本", "公用经费控制", "公用经费控制率", "100%", "100%", "100%", rs1=2)
    # A basis in words of its own, not a listed one, and no category.
    cells += annual_row(4, None, "在职人员控制", "在职人员控制率", "98%", "99%", "≥98%",
                        basis="参考近两年完成情况", category="")
    cells += annual_row(5, "管理效率", "预算执行", "预算执行率", "99%", "99%", "≥95%")
    p.table(90, [None] * 6, cells)
    render(path, [p])


def main():
    os.makedirs(OUT, exist_ok=True)
    radicals(os.path.join(OUT, "radicals.pdf"))
    scaled_form(os.path.join(OUT, "scaled-form.pdf"))
    hanging(os.path.join(OUT, "hanging-punct.pdf"))
    merged_level1(os.path.join(OUT, "merged-level1-first.pdf"), 1)
    merged_level1(os.path.join(OUT, "merged-level1-second.pdf"), 2)
    empty_category(os.path.join(OUT, "empty-category.pdf"))
    wrapped_level2(os.path.join(OUT, "wrapped-level2.pdf"))
    for name in sorted(os.listdir(OUT)):
        print(name, os.path.getsize(os.path.join(OUT, name)))


if __name__ == "__main__":
    main()
