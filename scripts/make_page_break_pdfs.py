"""Small PDFs of ruled indicator tables cut by a page break, each showing
one way such a cut used to be misread, for tests/pdf_misreads.rs.

    python3 scripts/make_page_break_pdfs.py   # writes tests/fixtures/misreads/

Needs reportlab (the non-embedded STSong-Light font, so no font files).
reportlab runs with invariant=1, so a rerun gives the same bytes.

| file | cut |
|---|---|
| row-cut-in-brackets.pdf | a row's name and target both go on after the break, each inside an open bracket |
| name-cut-target-after.pdf | a row's name goes on after the break, and its target is printed only there |
| names-after-the-break.pdf | level cells merged over the last row of a page and the first of the next print their names on the next page only |
| level2-after-the-break.pdf | a level-2 cell merged over the last row of a page and the first of the next prints its name on the next page only; its level 1 is printed on the first page |
| names-after-a-repeated-header.pdf | in a table whose rows print their own level names, the last row of a page leaves them blank; the next page repeats the header, then prints them |
| merged-level1-named-after-the-break.pdf | a level-1 cell merged over the last two rows of a page, beside a level 2 merged and printed there, prints its name on the next page only, under the header printed again |
| level2-named-after-the-break.pdf | in a table that merges its names, the last row of a page prints its level 1 and leaves its level 2 blank; the next page repeats the header, then prints both |
| level1-and-level2-named-after-the-break.pdf | a level-1 cell merged over every row of page 1 and the first of page 2 prints its name on page 2 only; a level-2 cell merged over the last two rows of page 1 does too, under the header printed again |
"""
from __future__ import annotations

import os

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = "STSong-Light"
W, H = 595.27, 841.89
# Column edges: 一级指标, 二级指标, 三级指标, 指标值.
XS = [40, 130, 240, 440, 555]
LINE = 12
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "misreads")

pdfmetrics.registerFont(UnicodeCIDFont(FONT))


class Sheet:
    """A canvas drawn top-down: `y` counts from the page's top edge."""

    def __init__(self, path: str):
        self.c = canvas.Canvas(path, pagesize=(W, H), invariant=1)

    def box(self, c0: int, c1: int, top: float, bottom: float, lines=()):
        """A ruled cell over columns c0..c1-1 from `top` down to `bottom`,
        its lines printed from its top."""
        x0, x1 = XS[c0], XS[c1]
        self.c.rect(x0, H - bottom, x1 - x0, bottom - top)
        self.c.setFont(FONT, 9)
        for i, s in enumerate(lines):
            self.c.drawString(x0 + 3, H - top - 12 - i * LINE, s)

    def row(self, top: float, bottom: float, texts: list):
        """A row's cells from `top` down to `bottom`, one per column: its
        text (\"\" for an empty box), or None where a cell merged from above
        stands."""
        for k, t in enumerate(texts):
            if t is not None:
                self.box(k, k + 1, top, bottom, [t] if t else [])

    def text(self, y: float, s: str, size: float = 9):
        self.c.setFont(FONT, size)
        self.c.drawCentredString(W / 2, H - y, s)

    def page_end(self, n: int, total: int):
        self.text(H - 20, f"第{n}页 共{total}页")
        self.c.showPage()

    def save(self):
        self.c.save()


def head(s: Sheet, top: float) -> float:
    """The title, the department's row and the header; the header's bottom."""
    s.text(50, "宜昌市应急管理局2026年部门整体支出绩效目标表", 14)
    s.box(0, 1, top, top + 18, ["部门名称"])
    s.box(1, 4, top, top + 18, ["宜昌市应急管理局"])
    top += 30
    for k, t in enumerate(["一级指标", "二级指标", "三级指标", "指标值"]):
        s.box(k, k + 1, top, top + 18, [t])
    return top + 18


def head_again(s: Sheet):
    """The header printed again at the top of a new page, down to y 58."""
    for k, t in enumerate(["一级指标", "二级指标", "三级指标", "指标值"]):
        s.box(k, k + 1, 40, 58, [t])


def output_group(s: Sheet, top: float) -> float:
    """产出指标 / 数量指标 merged over two rows; the bottom of the second."""
    s.box(0, 1, top, top + 60, ["产出指标"])
    s.box(1, 2, top, top + 60, ["数量指标"])
    s.row(top, top + 30, [None, None, "新建应急避难场所", "≥8个"])
    s.row(top + 30, top + 60, [None, None, "应急物资储备库", "2个"])
    return top + 60


def rest_of_cut_row(s: Sheet, name: list[str], target: list[str]):
    """Page 2: the rest of the row cut at the foot of page 1 (its level
    cells going on, empty), then 时效指标's row; the file ends."""
    top = 40
    s.box(0, 1, top, top + 60)
    s.box(1, 2, top, top + 30)
    s.box(2, 3, top, top + 30, name)
    s.box(3, 4, top, top + 30, target)
    s.box(1, 2, top + 30, top + 60, ["时效指标"])
    s.box(2, 3, top + 30, top + 60, ["灾情信息报送时限"])
    s.box(3, 4, top + 30, top + 60, ["≤2小时"])
    s.page_end(2, 2)
    s.save()


def row_cut_in_brackets(path: str):
    """产出指标 / 质量指标 merged over three rows at the foot of page 1 and
    one at the top of page 2; the third row's name and target both run on
    to page 2, cut inside their brackets. Then 时效指标's row."""
    s = Sheet(path)
    top = head(s, 620)
    foot = H - 40
    s.box(0, 1, top, foot, ["产出指标"])
    s.box(1, 2, top, foot, ["质量指标"])
    rows = [(["危化品企业风险隐患整改率"], ["100%"]), (["执法案卷合格率"], ["≥95%"])]
    for name, target in rows:
        s.box(2, 3, top, top + 30, name)
        s.box(3, 4, top, top + 30, target)
        top += 30
    s.box(2, 3, top, foot, ["自然灾害预警信息发布覆盖率（含", "短信、应急广播等渠道，按行政"])
    s.box(3, 4, top, foot, ["≥98%（以行政村为"])
    s.page_end(1, 2)
    rest_of_cut_row(s, ["村统计）"], ["单位统计）"])


def name_cut_target_after(path: str):
    """The last row of page 1 prints the start of its name only (its
    target, centred in the row, falls on page 2); page 2 prints the rest of
    the name and the target. Then 时效指标's row."""
    s = Sheet(path)
    top = head(s, 640)
    foot = H - 40
    s.box(0, 1, top, foot, ["产出指标"])
    s.box(1, 2, top, foot, ["质量指标"])
    s.box(2, 3, top, top + 30, ["执法案卷合格率"])
    s.box(3, 4, top, top + 30, ["≥95%"])
    top += 30
    s.box(2, 3, top, foot, ["自然灾害预警信息发布覆盖率（含短信、", "应急广播、农村大喇叭、户外电子显"])
    s.box(3, 4, top, foot)
    s.page_end(1, 2)
    rest_of_cut_row(s, ["示屏等多种渠道，按行政村统计）"], ["≥98%"])


def names_after_the_break(path: str):
    """效益指标's two rows, then 满意度指标 / 服务对象满意度指标 merged over
    the last row of page 1 and the first of page 2, their names centred in
    the merge and so printed in its part on page 2 only."""
    s = Sheet(path)
    top = head(s, 650)
    foot = H - 40
    s.box(0, 1, top, top + 60, ["效益指标"])
    s.row(top, top + 30, [None, "社会效益指标", "生产安全事故死亡人数下降率", "≥5%"])
    s.row(top + 30, top + 60, [None, "可持续影响指标", "应急管理体系和能力现代化水平", "持续提升"])
    top += 60
    s.row(top, foot, ["", "", "受灾群众满意度", "≥90%"])
    s.page_end(1, 2)
    s.row(40, 70, ["满意度指标", "服务对象满意度指标", "企业对执法服务满意度", "≥92%"])
    s.page_end(2, 2)
    s.save()


def level2_after_the_break(path: str):
    """效益指标 printed on page 1 over its last two rows; the second of them
    opens 社会效益指标, merged over it and the first row of page 2 and
    centred there, so printed in its part on page 2 only."""
    s = Sheet(path)
    top = head(s, 650)
    foot = H - 40
    s.row(top, top + 30, ["产出指标", "数量指标", "应急演练场次", "≥12场"])
    top += 30
    s.box(0, 1, top, foot, ["效益指标"])
    s.row(top, top + 30, [None, "经济效益指标", "灾害直接经济损失下降率", "≥5%"])
    top += 30
    s.row(top, foot, [None, "", "群众避险转移及时率", "100%"])
    s.page_end(1, 2)
    s.row(40, 70, ["", "社会效益指标", "生产安全事故死亡人数下降率", "≥5%"])
    s.row(70, 100, ["满意度指标", "服务对象满意度指标", "受灾群众满意度", "≥90%"])
    s.page_end(2, 2)
    s.save()


def names_after_a_repeated_header(path: str):
    """Every row prints its own level names, but the last of page 1
    leaves them blank: its cells merge with the first row of page 2, under
    the header printed again there, which prints 效益指标 / 社会效益指标."""
    s = Sheet(path)
    top = head(s, 650)
    foot = H - 40
    s.row(top, top + 30, ["产出指标", "数量指标", "新建应急广播终端", "≥600个"])
    top += 30
    s.row(top, foot, ["", "", "预警信息发布及时率", "≥98%"])
    s.page_end(1, 2)
    head_again(s)
    s.row(58, 88, ["效益指标", "社会效益指标", "预警覆盖人口", "≥50万人"])
    s.page_end(2, 2)
    s.save()


def merged_level1_named_after_the_break(path: str):
    """效益指标 merged over the last two rows of page 1 (beside 社会效益指标,
    merged and printed there) and centred in its part on page 2, under the
    header printed again, where the rows go on in 可持续影响指标."""
    s = Sheet(path)
    top = head(s, 600)
    foot = H - 40
    top = output_group(s, top)
    s.box(0, 1, top, foot, [])
    s.box(1, 2, top, foot, ["社会效益指标"])
    s.row(top, top + 30, [None, None, "预警信息发布及时率", "≥98%"])
    s.row(top + 30, foot, [None, None, "预警覆盖人口", "≥50万人"])
    s.page_end(1, 2)
    head_again(s)
    s.row(58, 88, ["效益指标", "可持续影响指标", "应急值守机制", "长效运行"])
    s.page_end(2, 2)
    s.save()


def level2_named_after_the_break(path: str):
    """Names merged over rows on page 1; its last row prints 效益指标 and
    leaves its level 2 blank: the cell goes on into page 2, which repeats
    the header and prints 效益指标 / 社会效益指标."""
    s = Sheet(path)
    top = head(s, 600)
    foot = H - 40
    top = output_group(s, top)
    s.row(top, foot, ["效益指标", "", "预警信息发布及时率", "≥98%"])
    s.page_end(1, 2)
    head_again(s)
    s.row(58, 88, ["效益指标", "社会效益指标", "预警覆盖人口", "≥50万人"])
    s.row(88, 118, ["满意度指标", "服务对象满意度指标", "受灾群众满意度", "≥90%"])
    s.page_end(2, 2)
    s.save()


def level1_and_level2_named_after_the_break(path: str):
    """产出指标 merged from the first row of page 1 into page 2, its name
    printed in its part there (as a spreadsheet prints a merged cell
    centred over a page break); 数量指标 printed on page 1 over three
    rows, then 质量指标 merged over the last two rows of page 1 and the
    first of page 2, named on page 2 only, under the header printed
    again."""
    s = Sheet(path)
    top = head(s, 560)
    foot = H - 40
    s.box(0, 1, top, foot, [])
    s.box(1, 2, top, top + 90, ["数量指标"])
    for name, target in [("新建应急避难场所", "≥8个"), ("应急物资储备库", "2个"), ("应急广播终端", "≥600个")]:
        s.row(top, top + 30, [None, None, name, target])
        top += 30
    s.box(1, 2, top, foot, [])
    s.row(top, top + 30, [None, None, "执法案卷合格率", "≥95%"])
    s.row(top + 30, foot, [None, None, "隐患整改率", "100%"])
    s.page_end(1, 2)
    head_again(s)
    s.row(58, 88, ["产出指标", "质量指标", "预警信息准确率", "≥98%"])
    s.row(88, 118, ["效益指标", "社会效益指标", "预警覆盖人口", "≥50万人"])
    s.page_end(2, 2)
    s.save()


def main():
    os.makedirs(OUT, exist_ok=True)
    row_cut_in_brackets(os.path.join(OUT, "row-cut-in-brackets.pdf"))
    name_cut_target_after(os.path.join(OUT, "name-cut-target-after.pdf"))
    names_after_the_break(os.path.join(OUT, "names-after-the-break.pdf"))
    level2_after_the_break(os.path.join(OUT, "level2-after-the-break.pdf"))
    names_after_a_repeated_header(os.path.join(OUT, "names-after-a-repeated-header.pdf"))
    merged_level1_named_after_the_break(os.path.join(OUT, "merged-level1-named-after-the-break.pdf"))
    level2_named_after_the_break(os.path.join(OUT, "level2-named-after-the-break.pdf"))
    level1_and_level2_named_after_the_break(
        os.path.join(OUT, "level1-and-level2-named-after-the-break.pdf")
    )


if __name__ == "__main__":
    main()
