#!/usr/bin/env python3
"""Derives variants of the seed's text dump in other bureaus' column orders.

Each variant is the seed with its indicator tables' columns changed the way
other templates print them, so that a reader that maps columns by their
headers must read every row exactly as it reads the seed:

  remark       a 备注 column after 指标分类 in the long-term table
  swapped      指标分类 before 指标值确定依据 in both tables
  nocategory-lt  no 指标分类 column in the long-term table
  nocategory   no 指标分类 column in either table
  weight-unit  权重 and 计量单位 columns after 指标分类 in both tables

The seed's quirks (shifted rows, a lost 指标分类 cell, trailing tabs, page
breaks) are kept: only the cells of the changed columns are touched, found
from the right of each row by their values. Run from the repository root:
    python3 scripts/make_seed_variants.py
"""
import os

SEED = "samples/ezhou-data-bureau-2026.txt"
OUT = "samples/variants"
BASIS = {"计划标准", "行业标准", "历史标准", "其他标准"}
CATEGORY = {"绩效基本型", "绩效提升型"}


def remark_for(k):
    """The long-term row k's remark (1-based): every fourth row has one."""
    return f"见说明{k}" if k % 4 == 1 else ""


def split_tail(cells):
    """(body, basis, category, trailing empties) of a data row."""
    n = len(cells)
    while n and cells[n - 1].strip() == "":
        n -= 1
    trailing = cells[n:]
    body = cells[:n]
    category = body.pop() if body and body[-1].strip() in CATEGORY else None
    basis = body.pop() if body and body[-1].strip() in BASIS else None
    return body, basis, category, trailing


def transform(lines, variant):
    out = []
    table = None  # "long_term" | "annual"
    k = 0
    for line in lines:
        cells = line.split("\t")
        first = cells[0].strip()
        if first.startswith("长期绩效指标"):
            table, k = "long_term", 0
        elif first.startswith("年度绩效指标"):
            table, k = "annual", 0
        elif first and table == "long_term":
            table = None  # 年度目标 ends the long-term table
        if table is None or not line.strip():
            out.append(line)
            continue
        touch = variant in ("swapped", "nocategory", "weight-unit") or table == "long_term"
        if not touch:
            out.append(line)
            continue
        if "指标分类" in cells:  # the header row that names the columns
            i = cells.index("指标分类")
            j = cells.index("指标值确定依据")
            if variant == "remark":
                cells.insert(i + 1, "备注")
            elif variant == "swapped":
                cells[i], cells[j] = cells[j], cells[i]
            elif variant.startswith("nocategory"):
                del cells[i]
            elif variant == "weight-unit":
                cells[i + 1:i + 1] = ["权重", "计量单位"]
            out.append("\t".join(cells))
            continue
        body, basis, category, trailing = split_tail(cells)
        if basis is None and category is None:  # a header's lower rows
            out.append(line)
            continue
        k += 1
        if variant == "remark":
            tail = [basis, category, remark_for(k)]
        elif variant == "swapped":
            tail = [category, basis]
        elif variant.startswith("nocategory"):
            tail = [basis]
        else:
            target = body[-1].strip() if body else ""
            tail = [basis, category, "5", "%" if target.endswith("%") else ""]
        tail = [c for c in tail if c is not None]
        out.append("\t".join(body + tail + trailing))
    return out


def main():
    with open(SEED, encoding="utf-8") as f:
        lines = f.read().split("\n")
    os.makedirs(OUT, exist_ok=True)
    for variant in ["remark", "swapped", "nocategory-lt", "nocategory", "weight-unit"]:
        path = os.path.join(OUT, f"ezhou-data-bureau-2026.{variant}.txt")
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write("\n".join(transform(lines, variant)))
        print(path)


if __name__ == "__main__":
    main()
