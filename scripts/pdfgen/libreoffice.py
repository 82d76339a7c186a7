#!/usr/bin/env python3
"""Prints sample documents through LibreOffice Writer into
tests/fixtures/libreoffice/<sample stem>.pdf.

    apt-get install libreoffice-writer-nogui   # plus what setup.sh installs
    python3 scripts/pdfgen/libreoffice.py

Each document is the content model of one sample (samples/pdf/<stem>.pdf),
written as the HTML of the chromium producer with an HTML border on the
table, imported into Writer and exported as PDF. Writer lays the table out
itself and, like Word, lets a row break across pages: the cells' first lines
end one page and their last lines open the next, and a header row can be cut
the same way. The page of each row is Writer's choice, so these files have
no expectation files of their own: tests/pdf.rs checks that each gives the
same document as its sample, pages aside. Unlike the samples, the bytes
differ from run to run (Writer names its font subsets anew); the layout
does not.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import pikepdf  # noqa: E402

import bench  # noqa: E402
import generate  # noqa: E402
import render_html  # noqa: E402

OUT = os.path.join(generate.ROOT, "tests", "fixtures", "libreoffice")
# Samples whose Writer printing cuts a row or a header inside its cells.
STEMS = (
    "ezhou-data-bureau-2026.chromium",
    "huangshi-transport-bureau-2025.reportlab-ttf",
    "jingzhou-ecology-environment-bureau-2026.reportlab-cid",
    # a long one: 16 rows cut by page breaks, 7 of them inside the basis
    "bench06-xiaogan-water-resources-lakes-bureau-2026.reportlab-cid",
)


def soffice():
    for name in ("soffice", "libreoffice"):
        p = shutil.which(name)
        if p:
            return p
    sys.exit("soffice not found: apt-get install libreoffice-writer-nogui")


def main():
    os.makedirs(OUT, exist_ok=True)
    models = {stem: doc for stem, doc, _ in generate.jobs()}
    models.update((stem, doc) for stem, doc, _ in bench.documents(10))
    for stem in STEMS:
        doc = models[stem]
        with tempfile.TemporaryDirectory() as tmp:
            page = render_html.build_html(doc, render_html.Grid(doc))
            page = page.replace('<table id="t">',
                                '<table id="t" border="1" cellspacing="0" cellpadding="3">', 1)
            src = os.path.join(tmp, stem + ".html")
            with open(src, "w", encoding="utf-8") as f:
                f.write(page)
            subprocess.run([soffice(), "--headless", "-env:UserInstallation=file://" + tmp + "/profile",
                            "--infilter=HTML (StarWriter)", "--convert-to", "pdf:writer_pdf_Export",
                            "--outdir", tmp, src], check=True, capture_output=True, timeout=300)
            dst = os.path.join(OUT, stem + ".pdf")
            with pikepdf.open(os.path.join(tmp, stem + ".pdf")) as pdf:
                info = pdf.docinfo
                for k in ("/CreationDate", "/ModDate"):
                    if k in info:
                        info[k] = pikepdf.String("D:20260101000000+00'00'")
                pdf.save(dst, deterministic_id=True)
        with pikepdf.open(dst) as pdf:
            print("%-60s %d pages %7d bytes" % (stem, len(pdf.pages), os.path.getsize(dst)))


if __name__ == "__main__":
    main()
