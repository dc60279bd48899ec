#!/usr/bin/env bash
# Regenerates the bundled sample archive's DOCX and PDF files (and the Windows-1252 text file)
# from the sources in data/sample-src/. The generated files are committed, so CI never needs this.
# Needs LibreOffice: apt-get install -y libreoffice-writer-nogui
set -euo pipefail
cd "$(dirname "$0")/.."
command -v soffice >/dev/null || { echo "soffice not found: apt-get install -y libreoffice-writer-nogui" >&2; exit 2; }
src=data/sample-src
out=data/sample
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Sources named in DOCX_SOURCES become .docx; the others (with page headers/footers) become .pdf via ODT.
DOCX_SOURCES="206 207 208 209 210"
for html in "$src"/*.html; do
  base=$(basename "$html" .html)
  num=${base%%_*}
  if [[ " $DOCX_SOURCES " == *" $num "* ]]; then
    soffice --headless --convert-to 'docx:MS Word 2007 XML' --outdir "$work" "$html" >/dev/null
    cp "$work/$base.docx" "$out/$base.docx"
  else
    soffice --headless --convert-to odt --outdir "$work" "$html" >/dev/null
    soffice --headless --convert-to pdf:writer_pdf_Export --outdir "$work" "$work/$base.odt" >/dev/null
    cp "$work/$base.pdf" "$out/$base.pdf"
  fi
  echo "built $out/$base.$([[ " $DOCX_SOURCES " == *" $num "* ]] && echo docx || echo pdf)"
done

# An old archive file: Windows-1252, as Swedish Windows machines wrote them.
for txt in "$src"/*.utf8.txt; do
  base=$(basename "$txt" .utf8.txt)
  iconv -f UTF-8 -t WINDOWS-1252 "$txt" > "$out/$base.txt"
  echo "built $out/$base.txt (Windows-1252)"
done
