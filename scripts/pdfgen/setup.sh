#!/usr/bin/env bash
# Installs everything scripts/pdfgen/generate.py needs (Debian bookworm + PyPI).
set -euo pipefail
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends \
    chromium fonts-wqy-zenhei fonts-arphic-uming fonts-noto-cjk qpdf poppler-utils poppler-data python3-pip
python3 -m pip install --quiet "reportlab==4.2.5" "pikepdf==9.4.2" "openpyxl==3.1.5" "python-docx==1.2.0" \
  || python3 -m pip install --quiet --break-system-packages "reportlab==4.2.5" "pikepdf==9.4.2" "openpyxl==3.1.5" "python-docx==1.2.0"
