"""reportlab renderers: `reportlab-cid` (STSong-Light, UniGB-UCS2-H, not
embedded; borders stroked) and `reportlab-ttf` (embedded TrueType subset;
borders as thin filled rectangles)."""
from __future__ import annotations

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from layout import PAGE_H, PAGE_W, Layout

WQY = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
_registered = set()


def font(kind: str) -> str:
    if kind == "cid":
        name = "STSong-Light"
        if name not in _registered:
            pdfmetrics.registerFont(UnicodeCIDFont(name))      # encoding UniGB-UCS2-H
    else:
        name = "WenQuanYiZenHei"
        if name not in _registered:
            pdfmetrics.registerFont(TTFont(name, WQY, subfontIndex=0))
    _registered.add(name)
    return name


def measurer(kind: str):
    name = font(kind)
    return lambda text, size: pdfmetrics.stringWidth(text, name, size)


def render(doc, path: str, kind: str, geo=None) -> Layout:
    name = font(kind)
    lay = Layout(doc, measurer(kind), geo).run()
    c = canvas.Canvas(path, pagesize=(PAGE_W, PAGE_H), invariant=1, pageCompression=1)
    c.setTitle(doc.title)
    c.setAuthor(doc.department)
    c.setCreator("pifu scripts/pdfgen")
    for page in lay.pages:
        if kind == "cid":
            c.setLineWidth(0.5)
            p = c.beginPath()
            for y, x0, x1 in page.hsegs:
                p.moveTo(x0, PAGE_H - y)
                p.lineTo(x1, PAGE_H - y)
            for x, y0, y1 in page.vsegs:
                p.moveTo(x, PAGE_H - y0)
                p.lineTo(x, PAGE_H - y1)
            c.drawPath(p, stroke=1, fill=0)
        else:
            t = 0.6
            for y, x0, x1 in page.hsegs:
                c.rect(x0 - t / 2, PAGE_H - y - t / 2, x1 - x0 + t, t, stroke=0, fill=1)
            for x, y0, y1 in page.vsegs:
                c.rect(x - t / 2, PAGE_H - y1 - t / 2, t, y1 - y0 + t, stroke=0, fill=1)
        for tl in page.texts:
            c.setFont(name, tl.size)
            c.drawString(tl.x, PAGE_H - tl.y, tl.text)
        c.showPage()
    c.save()
    return lay
