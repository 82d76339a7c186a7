#!/usr/bin/env python3
"""Writes the seed and some template documents as HTML, XLSX, XLS and DOCX.

    pip install openpyxl xlwt python-docx
    python3 scripts/formats/make_samples.py

The content comes from the PDF generator's content model
(scripts/pdfgen: model.py, templates.py, layout.py), so every format
carries exactly what the text dumps and PDFs carry: one grid of sections
(label column on the left, merged level cells, multi-row headers with
colspans) as `layout.build_sections` plans it. Numbers are stored as
numbers with the number format that displays them as printed (`0.00`,
`#,##0.00`, `0%`, `0.0%`), so readers must apply number formats.

Outputs (deterministic: fixed metadata and ZIP timestamps):
  samples/html/   the seed as an article page in UTF-8, in GBK with a
                  declaration and in GBK without one (an old table-layout
                  page); the templates as UTF-8 article pages, and as
                  the finance bureau's letter (*.letter.html, GBK)
  samples/xlsx/   the seed (with a 目录 sheet first) and the templates
  samples/xls/    the seed
  samples/docx/   the seed, and one template's letter (*.letter.docx)
  tests/expected/formats/<file>.json  the templates' expected documents
                  (a letter's: the template's, without what a letter
                  does not print)
                  (the seed's are tests/expected/ezhou-data-bureau-2026.*)
"""
from __future__ import annotations

import dataclasses
import datetime
import html
import io
import os
import re
import sys
import zipfile

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "scripts", "pdfgen"))

from layout import Cell, _indicator_section, build_sections  # noqa: E402
from model import Style, load_expected  # noqa: E402
import templates  # noqa: E402

SAMPLES = os.path.join(ROOT, "samples")
EXPECTED = os.path.join(ROOT, "tests", "expected")
FIXED = datetime.datetime(2026, 1, 1, 0, 0, 0)

# The seed as the chromium producer prints it (generate.py's EZHOU with
# annual goals as paragraphs).
EZHOU = Style(enum_functions="paren", enum_tasks="dun", enum_long_term="dun", enum_annual="dun",
              semicolons_tasks=True, semicolons_annual=True, paragraphs_annual=True,
              long_term_label="长期目标：\n(截止{deadline}年)", annual_goal_label="年度目标:",
              year_label="{y} 年", ind_year_label="{y}年", footer="dash",
              continuation="repeat", annual_header="three")

TEMPLATE_STEMS = ("t4-", "t6-", "s-weight-")


# --- one grid for the whole document ----------------------------------------

@dataclasses.dataclass
class GCell:
    row: int
    col: int
    rowspan: int
    colspan: int
    paras: list
    is_list: bool          # a list cell: one paragraph per item


def grid(doc):
    """Every cell of the document's table on one column grid: (cells,
    number of rows, number of columns). Column boundaries are the union of
    every section's boundaries (as the chromium producer lays them out), so
    a cell spans the grid columns between its own boundaries."""
    secs = build_sections(doc)
    width = 1000.0
    label_w = 120.0
    bounds = set()
    sec_x = []
    for sec in secs:
        lw = label_w if sec.label is not None else 0.0
        tot = float(sum(sec.weights))
        b = [0.0, lw]
        acc = 0.0
        for w in sec.weights:
            acc += w
            b.append(round(lw + (width - lw) * acc / tot, 2))
        b[-1] = width
        sec_x.append(b)
        bounds.update(b)
    bounds = sorted(bounds)
    cells = []
    row0 = 0
    for si, sec in enumerate(secs):
        b = sec_x[si]
        own = ([Cell(0, -1, rowspan=sec.nrows, paras=sec.label.split("\n"))]
               if sec.label is not None else []) + sec.cells
        for c in own:
            x0, x1 = (b[0], b[1]) if c.col < 0 else (b[c.col + 1], b[c.col + 1 + c.colspan])
            i0, i1 = bounds.index(x0), bounds.index(x1)
            if i1 == i0:            # a zero-width label column (no label)
                continue
            cells.append(GCell(row0 + c.row, i0, c.rowspan, i1 - i0, list(c.paras),
                               c.col >= 0 and c.valign == "top"))
        row0 += sec.nrows
    return cells, row0, len(bounds) - 1


def number_of(text, thousands):
    """(value, number format) when a cell prints a number, else None."""
    t = text.strip()
    if re.fullmatch(r"-?\d{1,3}(,\d{3})+\.\d\d", t):
        return float(t.replace(",", "")), "#,##0.00"
    if re.fullmatch(r"-?(0|[1-9]\d*)\.\d\d", t):
        return float(t), "#,##0.00" if thousands else "0.00"
    m = re.fullmatch(r"(0|[1-9]\d*)(\.(\d))?%", t)
    if m:
        return float(t[:-1]) / 100.0, "0.0%" if m.group(2) else "0%"
    if re.fullmatch(r"-?(0|[1-9]\d*)(\.\d+)?", t):
        v = float(t)
        return (int(v) if v.is_integer() and "." not in t else v), "General"
    return None


# --- HTML ---------------------------------------------------------------------

def table_html(cells, nrows, indent="  "):
    out = [indent + '<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse;width:100%">',
           indent + "<tbody>"]
    for r in range(nrows):
        out.append(indent + "<tr>")
        for c in sorted((c for c in cells if c.row == r), key=lambda c: c.col):
            attrs = ""
            if c.colspan > 1:
                attrs += ' colspan="%d"' % c.colspan
            if c.rowspan > 1:
                attrs += ' rowspan="%d"' % c.rowspan
            if c.is_list:
                body = "".join("<p>%s</p>" % html.escape(p, quote=False) for p in c.paras)
            else:
                body = "<br>".join(html.escape(p, quote=False) for p in c.paras)
            out.append(indent + "  <td%s>%s</td>" % (attrs, body))
        out.append(indent + "</tr>")
    out += [indent + "</tbody>", indent + "</table>"]
    return "\n".join(out)


NAV = ["首页", "机构概况", "政务公开", "政策文件", "预决算公开", "互动交流"]


def article_page(doc, url, published, charset_meta):
    cells, nrows, _ = grid(doc)
    unit = '    <p style="text-align:right">单位：%s</p>\n' % doc.unit if doc.unit else ""
    return """<!DOCTYPE html>
<html lang="zh-CN">
<head>
%s
<title>%s_预决算公开_财政局</title>
<link rel="canonical" href="%s">
<meta name="PubDate" content="%s 09:30">
<style>body{font-family:SimSun,serif} .nav a{margin:0 8px}</style>
<script>var _hmt = _hmt || []; /* 访问统计 */</script>
</head>
<body>
<div class="header"><div class="logo">财政局门户网站</div>
  <ul class="nav">%s</ul></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a>政务公开</a> &gt; <a>预决算公开</a> &gt; 部门整体绩效目标批复</div>
<div class="main">
  <div class="article">
    <h1 class="title">%s</h1>
    <div class="info">发布时间：%s 09:30&nbsp;&nbsp;来源：财政局&nbsp;&nbsp;【字体：<a>大</a> <a>中</a> <a>小</a>】</div>
    <div class="TRS_Editor">
%s%s
    </div>
    <div class="share">分享到：微信 微博</div>
    <div class="print">【打印本页】【关闭窗口】</div>
  </div>
  <div class="sidebar"><h3>相关链接</h3><ul><li>部门预算公开</li><li>绩效目标批复汇总</li></ul></div>
</div>
<div class="footer">主办单位：财政局&nbsp;&nbsp;网站标识码：4207000001&nbsp;&nbsp;ICP备案号：鄂ICP备00000000号</div>
</body>
</html>
""" % (charset_meta, html.escape(doc.title), url, published,
       "".join("<li><a href=\"#\">%s</a></li>" % n for n in NAV), html.escape(doc.title),
       published, unit, table_html(cells, nrows, "      "))


def layout_table_page(doc, url, published):
    """An older site: the whole page is a layout table, the approval sits
    in a cell of it; no charset declaration."""
    cells, nrows, _ = grid(doc)
    return """<html>
<head>
<title>%s</title>
<meta property="og:url" content="%s">
</head>
<body>
<table width="1000" border="0" align="center">
  <tr><td class="top_nav">%s</td></tr>
  <tr><td class="location">您现在的位置：首页 &gt;&gt; 财政预决算 &gt;&gt; 绩效目标</td></tr>
  <tr><td align="center" class="zw_title"><strong>%s</strong></td></tr>
  <tr><td align="center">发布日期：%s&nbsp;&nbsp;&nbsp;浏览次数：128</td></tr>
  <tr><td class="zw">
%s
  </td></tr>
  <tr><td class="bottom">版权所有 财政局</td></tr>
</table>
</body>
</html>
""" % (html.escape(doc.title), url, " | ".join(NAV), html.escape(doc.title),
       published.replace("-", "年", 1).replace("-", "月", 1) + "日",
       table_html(cells, nrows, "    "))


# --- approval letters ---------------------------------------------------------------

# An approval published as the finance bureau's letter (通知) to the
# department: addressee line, body, the department and goals as lines of
# prose, then only the indicator tables, each under its caption line.
LETTERS = {
    # stem prefix: (issuer, 部门名称 line, goals each on its own line)
    "t6-": ("岳西县财政局", True, True),
    "s-weight-": ("十堰市财政局", False, False),
    "t4-": ("株洲市芦淞区财政局", False, True),
}


def letter_title(doc, issuer):
    return "%s关于批复%s%d年部门整体绩效目标的通知" % (issuer, doc.department, doc.year)


def goal_lines(label, goals, own_lines):
    """`label：` then `1.goal；` lines, or all on the label's line."""
    items = ["%d.%s%s" % (k + 1, g, "；" if k + 1 < len(goals) and not g.endswith("。") else "")
             for k, g in enumerate(goals)]
    return [label + "："] + items if own_lines else [label + "：" + "".join(items)]


def letter_blocks(td, issuer, dept_line, own_lines):
    """The letter as ("p", text) and ("table", caption, cells, nrows) blocks."""
    doc = td.doc
    blocks = [("p", "%s：" % doc.department),
              ("p", "根据预算绩效管理有关规定，经审核，现将你单位%d年部门整体绩效目标批复如下，"
                    "请严格按照批复的绩效目标组织实施。" % doc.year)]
    if dept_line:
        blocks.append(("p", "部门名称：%s" % doc.department))
    if doc.long_term_goals:
        label = "中长期目标（截止%d年）" % doc.long_term_deadline
        blocks += [("p", t) for t in goal_lines(label, doc.long_term_goals, own_lines)]
    blocks += [("p", t) for t in goal_lines("年度总体目标", doc.annual_goals, own_lines)]
    first = 0
    for table in ("long_term", "annual"):
        if not doc.table(table):
            continue
        sec = _indicator_section(doc, table, first)
        first += len(doc.table(table))
        cells = [GCell(c.row, c.col, c.rowspan, c.colspan, list(c.paras), False) for c in sec.cells]
        blocks.append(("table", sec.label, cells, sec.nrows))
    blocks += [("p", issuer), ("p", "%d年1月15日" % doc.year)]
    return blocks


def letter_page(td, issuer, dept_line, own_lines, url, published):
    doc = td.doc
    title = html.escape(letter_title(doc, issuer))
    body = []
    for b in letter_blocks(td, issuer, dept_line, own_lines):
        if b[0] == "p":
            body.append("      <p>%s</p>" % html.escape(b[1], quote=False))
        else:
            if b[1]:
                body.append("      <p><strong>%s</strong></p>" % html.escape(b[1], quote=False))
            body.append(table_html(b[2], b[3], "      "))
    return """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>%s</title>
<meta property="og:url" content="%s">
</head>
<body>
<div class="top"><a href="/">首页</a> | <a>通知公告</a> | <a>财政资金</a></div>
<div class="position">您当前的位置：首页 &gt; 通知公告</div>
<div class="content">
  <h2>%s</h2>
  <div class="source">发布日期：%s&nbsp;&nbsp;浏览次数：57</div>
  <div class="text">
%s
  </div>
</div>
<div class="bottom">版权所有：%s</div>
</body>
</html>
""" % (title, url, title, published, "\n".join(body), issuer)


def write_letter_docx(td, issuer, dept_line, own_lines, path):
    from docx.shared import Pt

    doc = td.doc
    d = new_docx()
    d.add_paragraph(letter_title(doc, issuer)).runs[0].font.size = Pt(16)
    for b in letter_blocks(td, issuer, dept_line, own_lines):
        if b[0] == "p":
            d.add_paragraph(b[1])
            continue
        _, caption, cells, nrows = b
        if caption:
            d.add_paragraph(caption)
        ncols = max(c.col + c.colspan for c in cells)
        for cell, c in docx_table(d, cells, nrows, ncols):
            cell.paragraphs[0].add_run("\n".join(c.paras))
    d.save(path)
    normalise_zip(path)


def write_letter_expectation(td, issuer, name):
    """The template's expectation without what a letter does not print
    (funding, functions, tasks, the department's code), under the
    letter's title; its body is text pifu reports as unread."""
    exp = templates.expected(td, None, td.pdf_warnings)
    exp["title"] = letter_title(td.doc, issuer)
    exp["department_code"] = None
    exp["funding"] = {"unit": None, "rows": []}
    exp["functions"] = []
    exp["annual_tasks"] = []
    exp["warning_codes"] = sorted(set(exp["warning_codes"]) | {"unknown_section"})
    os.makedirs(os.path.join(EXPECTED, "formats"), exist_ok=True)
    templates.write_json(os.path.join(EXPECTED, "formats", name + ".json"), exp)


# --- XLSX ------------------------------------------------------------------------

def write_xlsx(doc, path, contents_sheet=False):
    import openpyxl
    from openpyxl.styles import Alignment

    cells, nrows, ncols = grid(doc)
    wb = openpyxl.Workbook()
    if contents_sheet:
        toc = wb.active
        toc.title = "目录"
        toc.append(["序号", "表名"])
        toc.append([1, doc.title])
        ws = wb.create_sheet("绩效目标表")
    else:
        ws = wb.active
        ws.title = "绩效目标表"
    top = 1
    ws.cell(row=top, column=1, value=doc.title)
    ws.merge_cells(start_row=top, start_column=1, end_row=top, end_column=ncols)
    top += 1
    if doc.unit:
        ws.cell(row=top, column=1, value="单位：%s" % doc.unit)
        ws.merge_cells(start_row=top, start_column=1, end_row=top, end_column=ncols)
        top += 1
    wrap = Alignment(wrap_text=True, vertical="center")
    for c in cells:
        r, col = top + c.row, 1 + c.col
        text = "\n".join(c.paras)
        num = number_of(text, doc.style.thousands) if len(c.paras) == 1 else None
        cell = ws.cell(row=r, column=col)
        if num is not None:
            cell.value = num[0]
            cell.number_format = num[1]
        elif text:
            cell.value = text
        cell.alignment = wrap
        if c.rowspan > 1 or c.colspan > 1:
            ws.merge_cells(start_row=r, start_column=col, end_row=r + c.rowspan - 1,
                           end_column=col + c.colspan - 1)
    wb.properties.creator = "pifu samples"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.save(path)
    normalise_zip(path)


def normalise_zip(path):
    """Rewrites an archive with fixed entry times (the writers stamp the
    current time) and a fixed modification time in docProps/core.xml."""
    with zipfile.ZipFile(path) as z:
        entries = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            if name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)",
                              rb"\g<1>2026-01-01T00:00:00Z\2", data)
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)
    with open(path, "wb") as f:
        f.write(buf.getvalue())


# --- XLS -----------------------------------------------------------------------------

def write_xls(doc, path):
    import xlwt

    cells, nrows, ncols = grid(doc)
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("绩效目标表")
    styles = {}

    def style(fmt):
        if fmt not in styles:
            st = xlwt.easyxf("align: wrap on, vert centre")
            st.num_format_str = fmt
            styles[fmt] = st
        return styles[fmt]

    top = 0
    ws.write_merge(top, top, 0, ncols - 1, doc.title, style("General"))
    top += 1
    if doc.unit:
        ws.write_merge(top, top, 0, ncols - 1, "单位：%s" % doc.unit, style("General"))
        top += 1
    for c in cells:
        r = top + c.row
        text = "\n".join(c.paras)
        num = number_of(text, doc.style.thousands) if len(c.paras) == 1 else None
        value, fmt = num if num is not None else (text, "General")
        if c.rowspan > 1 or c.colspan > 1:
            ws.write_merge(r, r + c.rowspan - 1, c.col, c.col + c.colspan - 1, value, style(fmt))
        else:
            ws.write(r, c.col, value, style(fmt))
    wb.save(path)


# --- DOCX ---------------------------------------------------------------------------------

def new_docx():
    """An empty document with fixed metadata (deterministic output)."""
    import docx

    d = docx.Document()
    d.core_properties.author = "pifu samples"
    d.core_properties.created = FIXED
    d.core_properties.modified = FIXED
    d.core_properties.last_modified_by = "pifu samples"
    d.core_properties.revision = 1
    return d


def docx_table(d, cells, nrows, ncols):
    """A bordered table of the grid's cells, merged as they span: each
    (docx cell, grid cell), for the caller to fill."""
    t = d.add_table(rows=nrows, cols=ncols)
    t.style = "Table Grid"
    out = []
    for c in cells:
        cell = t.cell(c.row, c.col)
        if c.rowspan > 1 or c.colspan > 1:
            cell = cell.merge(t.cell(c.row + c.rowspan - 1, c.col + c.colspan - 1))
        out.append((cell, c))
    return out


def write_docx(doc, path):
    from docx.shared import Pt

    cells, nrows, ncols = grid(doc)
    d = new_docx()
    d.add_paragraph(doc.title).runs[0].font.size = Pt(16)
    if doc.unit:
        d.add_paragraph("单位：%s" % doc.unit)
    for cell, c in docx_table(d, cells, nrows, ncols):
        if c.is_list:
            # one paragraph per list item
            cell.paragraphs[0].text = c.paras[0] if c.paras else ""
            for p in c.paras[1:]:
                cell.add_paragraph(p)
        else:
            # other cells: lines separated by <w:br/> in one paragraph
            run = cell.paragraphs[0].add_run()
            for k, p in enumerate(c.paras):
                if k:
                    run.add_break()
                run.add_text(p)
    d.save(path)
    normalise_zip(path)


# --- expectations -------------------------------------------------------------------------

def write_expectation(td, name):
    exp = templates.expected(td, None, td.pdf_warnings)
    os.makedirs(os.path.join(EXPECTED, "formats"), exist_ok=True)
    templates.write_json(os.path.join(EXPECTED, "formats", name + ".json"), exp)


def main():
    for sub in ("html", "xlsx", "xls", "docx"):
        os.makedirs(os.path.join(SAMPLES, sub), exist_ok=True)
    seed = load_expected(EXPECTED, "ezhou-data-bureau-2026", EZHOU)
    stem = "ezhou-data-bureau-2026"
    url = "https://czj.ezhou.example.gov.cn/art/2026/1/20/art_1001_1.html"
    published = "2026-01-20"
    utf8 = article_page(seed, url, published, '<meta charset="utf-8">')
    with open(os.path.join(SAMPLES, "html", stem + ".html"), "w", encoding="utf-8", newline="\n") as f:
        f.write(utf8)
    gbk = article_page(seed, url, published,
                       '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')
    with open(os.path.join(SAMPLES, "html", stem + ".gbk.html"), "wb") as f:
        f.write(gbk.encode("gbk"))
    old = layout_table_page(seed, url, published)
    with open(os.path.join(SAMPLES, "html", stem + ".gbk-undeclared.htm"), "wb") as f:
        f.write(old.encode("gbk"))
    write_xlsx(seed, os.path.join(SAMPLES, "xlsx", stem + ".xlsx"), contents_sheet=True)
    write_xls(seed, os.path.join(SAMPLES, "xls", stem + ".xls"))
    write_docx(seed, os.path.join(SAMPLES, "docx", stem + ".docx"))
    for td in templates.documents():
        if not td.doc.stem.startswith(TEMPLATE_STEMS):
            continue
        s = td.doc.stem
        page = article_page(td.doc, "https://czj.example.gov.cn/art/%s.html" % s, "2025-12-30",
                            '<meta charset="utf-8">')
        with open(os.path.join(SAMPLES, "html", s + ".html"), "w", encoding="utf-8", newline="\n") as f:
            f.write(page)
        write_expectation(td, s + ".html")
        write_xlsx(td.doc, os.path.join(SAMPLES, "xlsx", s + ".xlsx"))
        write_expectation(td, s + ".xlsx")
        issuer, dept_line, own_lines = next(v for k, v in LETTERS.items() if s.startswith(k))
        name = s + ".letter"
        page = letter_page(td, issuer, dept_line, own_lines,
                           "https://czj.example.gov.cn/tzgg/%s.html" % s, "2025-12-31")
        with open(os.path.join(SAMPLES, "html", name + ".html"), "wb") as f:
            f.write(page.encode("gbk"))
        write_letter_expectation(td, issuer, name + ".html")
        if dept_line:
            write_letter_docx(td, issuer, dept_line, own_lines,
                              os.path.join(SAMPLES, "docx", name + ".docx"))
            write_letter_expectation(td, issuer, name + ".docx")
    print("samples written")


if __name__ == "__main__":
    main()
