"""Producers made by rewriting a reportlab-cid PDF.

- `overlay`: qpdf lays the document over blank pages, so every page's
  content ends up inside a form XObject drawn by the blank page.
- `gbk`: the STSong-Light font gets the predefined CMap GBK-EUC-H; every
  string shown with it is re-encoded from UCS-2BE to GBK (ASCII as single
  bytes). No ToUnicode is added (reportlab writes none).
"""
from __future__ import annotations

import os
import subprocess
import tempfile

import pikepdf
from pikepdf import Array, Name, String

from layout import PAGE_H, PAGE_W


def _blank(path: str, pages: int):
    pdf = pikepdf.new()
    for _ in range(pages):
        pdf.add_blank_page(page_size=(PAGE_W, PAGE_H))
    pdf.save(path, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.disable)


def overlay(src: str, dst: str):
    with pikepdf.open(src) as p:
        n = len(p.pages)
    with tempfile.TemporaryDirectory() as td:
        blank = os.path.join(td, "blank.pdf")
        _blank(blank, n)
        subprocess.run(["qpdf", "--deterministic-id", blank, "--overlay", src, "--", dst], check=True)


def _to_gbk(data: bytes) -> bytes:
    return data.decode("utf-16-be").encode("gbk")


def _cid_widths(w):
    """{cid: width} from a /W array (`c [w1 w2 ...]` and `c_first c_last w`)."""
    out = {}
    i = 0
    while i < len(w):
        c = int(w[i])
        if isinstance(w[i + 1], Array):
            for k, x in enumerate(w[i + 1]):
                out[c + k] = x
            i += 2
        else:
            for cc in range(c, int(w[i + 1]) + 1):
                out[cc] = w[i + 2]
            i += 3
    return out


def gbk(src: str, dst: str, exact_widths: bool = False):
    """exact_widths=True (what the generator uses) gives CIDs 814-907 and
    7716 the widths of CIDs 2-95 and 1, so every line keeps the length
    reportlab measured. exact_widths=False copies only the first array of
    reportlab's /W (CIDs 2-9), so other ASCII falls back to /DW 1000 and is
    drawn full-width."""
    pdf = pikepdf.open(src)
    fixed_fonts = set()
    for page in pdf.pages:
        fonts = page.Resources.Font
        cid_names = set()
        for name, f in fonts.items():
            if f.get("/Subtype") == "/Type0" and (f.objgen in fixed_fonts or
                                                  str(f.get("/Encoding")) == "/UniGB-UCS2-H"):
                cid_names.add(name)
                if f.objgen not in fixed_fonts:
                    fixed_fonts.add(f.objgen)
                    f.Encoding = Name("/GBK-EUC-H")
                    desc = f.DescendantFonts[0]
                    w = desc.W
                    # reportlab gives widths for CIDs 1.. (proportional Latin,
                    # what UniGB-UCS2-H maps ASCII to). GBK-EUC-H maps bytes
                    # 0x21-0x7E to CIDs 814-907 and 0x20 to 7716: give those
                    # CIDs the same widths so that every line keeps its length.
                    assert int(w[0]) == 1
                    if exact_widths:
                        cw = _cid_widths(w)
                        missing = [c for c in range(1, 96) if c not in cw]
                        assert not missing, missing
                        w.append(814)
                        w.append(Array([cw[c] for c in range(2, 96)]))
                        w.append(7716)
                        w.append(Array([cw[1]]))
                    else:
                        widths = [int(x) for x in w[1]]
                        w.append(814)
                        w.append(Array(widths[1:95]))
                        w.append(7716)
                        w.append(Array([widths[0]]))
        ops = []
        current = None
        for operands, op in pikepdf.parse_content_stream(page):
            o = str(op)
            if o == "Tf":
                current = str(operands[0])
            elif current in cid_names and o in ("Tj", "'", '"'):
                operands = list(operands)
                operands[-1] = String(_to_gbk(bytes(operands[-1])))
            elif current in cid_names and o == "TJ":
                arr = Array([String(_to_gbk(bytes(x))) if isinstance(x, pikepdf.String) else x
                             for x in operands[0]])
                operands = [arr]
            ops.append((operands, op))
        page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(ops))
    pdf.save(dst, deterministic_id=True)
