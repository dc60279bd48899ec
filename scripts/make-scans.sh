#!/usr/bin/env bash
# Test scans made from the project's own PDFs: every page rendered to a greyscale image, turned by
# a small angle, given mild noise, saved as JPEG (what office scanners write) and put back into a
# PDF without a text layer — what an archive of scanned protocols holds. Deterministic: the angle
# and the noise seed come from the file name, so a rerun makes the same files.
#
#   scripts/make-scans.sh OUT_DIR [--dpi 200] [--mixed] PDF...
#
# --mixed also writes NAME-mixed.pdf: the original's first page (text layer) followed by the
# scanned rest, a PDF that mixes text and scanned pages.
# Needs poppler-utils (pdftoppm, pdfseparate, pdfunite), imagemagick and img2pdf.
# Never pass the extraction set-aside (data/real/authorities/102_*, 104_*): they are not read.
set -euo pipefail

usage() { echo "usage: $0 OUT_DIR [--dpi N] [--mixed] PDF..." >&2; exit 2; }
[ $# -ge 2 ] || usage
out=$1; shift
dpi=200
mixed=0
files=()
while [ $# -gt 0 ]; do
  case "$1" in
    --dpi) dpi=$2; shift 2 ;;
    --mixed) mixed=1; shift ;;
    *) files+=("$1"); shift ;;
  esac
done
[ ${#files[@]} -gt 0 ] || usage
for tool in pdftoppm pdfseparate pdfunite convert img2pdf; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install poppler-utils imagemagick img2pdf" >&2; exit 2; }
done
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for pdf in "${files[@]}"; do
  name=$(basename "$pdf" .pdf)
  case "$name" in 102_*|104_*) echo "skipping $name (extraction set-aside)" >&2; continue ;; esac
  # A number from the name: the same file always gets the same angle (−0.9° … +0.9°) and noise.
  seed=$(( 0x$(printf '%s' "$name" | sha256sum | cut -c1-6) ))
  angle=$(awk -v s="$seed" 'BEGIN { a = (s % 19 - 9) / 10; if (a == 0) a = 0.4; printf "%.1f", a }')
  rm -f "$work"/*
  pdftoppm -r "$dpi" -gray "$pdf" "$work/p"
  pages=()
  for img in "$work"/p-*.pgm; do
    jpg="${img%.pgm}.jpg"
    convert "$img" -seed "$seed" -attenuate 0.25 +noise Gaussian -background white -rotate "$angle" \
      -gravity center -extent "$(identify -format '%wx%h' "$img")" -colorspace Gray -quality 60 "$jpg"
    pages+=("$jpg")
  done
  img2pdf --pagesize A4 "${pages[@]}" -o "$out/$name.pdf"
  if [ "$mixed" = 1 ] && [ ${#pages[@]} -ge 2 ]; then
    pdfseparate -f 1 -l 1 "$pdf" "$work/text-1.pdf"
    pdfseparate -f 2 "$out/$name.pdf" "$work/scan-%d.pdf"
    pdfunite "$work/text-1.pdf" $(ls "$work"/scan-*.pdf | sort -V) "$out/$name-mixed.pdf"
  fi
  echo "$out/$name.pdf: ${#pages[@]} pages at $dpi dpi, turned ${angle}°"
done
