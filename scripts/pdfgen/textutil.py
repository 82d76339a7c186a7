"""Text helpers: enumerators, number formats, line wrapping."""
from __future__ import annotations

import re

CN_DIGITS = "零一二三四五六七八九"


def cn_number(n: int) -> str:
    assert 1 <= n <= 99
    if n < 10:
        return CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    s = ("" if tens == 1 else CN_DIGITS[tens]) + "十"
    return s + (CN_DIGITS[ones] if ones else "")


def enumerator(style: str, n: int) -> str:
    if style == "paren":
        return "(%s) " % cn_number(n)
    if style == "paren_tight":
        return "(%s)" % cn_number(n)
    if style == "fullparen":
        return "（%s）" % cn_number(n)
    if style == "cn_dun":
        return "%s、" % cn_number(n)
    if style == "dun":
        return "%d、" % n
    if style == "dot":
        return "%d." % n
    raise ValueError(style)


def list_paragraphs(items, enum_style, semicolons, as_paragraphs):
    """The printed paragraphs of a list cell: enumerator + item (+ "；")."""
    out = []
    for i, it in enumerate(items):
        s = enumerator(enum_style, i + 1) + it
        if semicolons and i < len(items) - 1 and not it.endswith("。"):
            s += "；"
        out.append(s)
    if as_paragraphs:
        return out
    return [" ".join(out)] if out else []


def fmt_amount(v, thousands=False):
    if v is None:
        return ""
    return "{:,.2f}".format(v) if thousands else "{:.2f}".format(v)


def fmt_share(v):
    if v is None:
        return ""
    return "{:.1f}%".format(v)


# --- wrapping -------------------------------------------------------------

_ASCII_WORD = re.compile(r"[A-Za-z0-9.%+\-/:=<>≥≤~_#]+")
CLOSING = set("，。；：、！？）》」』”’%．,;:!?)]")
OPENING = set("（《「『“‘([")


def tokenize(text: str):
    """Splits text into unbreakable tokens: one CJK character, one ASCII
    word; closing punctuation sticks to the token before it, opening
    punctuation to the token after it, and a space joins its neighbours (a
    line never breaks at a space, so no space is lost at a line end)."""
    raw = []
    i = 0
    while i < len(text):
        m = _ASCII_WORD.match(text, i)
        if m and m.end() > i:
            raw.append(m.group(0))
            i = m.end()
            continue
        raw.append(text[i])
        i += 1
    toks = []
    glue_next = False
    for t in raw:
        if t == " ":
            if toks:
                toks[-1] += t
            else:
                toks.append(t)
            glue_next = True
            continue
        if toks and (glue_next or t[0] in CLOSING):
            toks[-1] += t
        else:
            toks.append(t)
        glue_next = t[-1] in OPENING
    return toks


def wrap(text: str, width: float, measure) -> list:
    """Greedy line fill. `measure(s)` gives the width of s."""
    lines = []
    cur = ""
    for tok in tokenize(text):
        if measure(cur + tok) <= width:
            cur += tok
            continue
        if cur:
            lines.append(cur)
            cur = ""
        if measure(tok) <= width:
            cur = tok
            continue
        for ch in tok:                      # token wider than the line
            if cur and measure(cur + ch) > width:
                lines.append(cur)
                cur = ""
            cur += ch
    if cur:
        lines.append(cur)
    return lines or [""]
