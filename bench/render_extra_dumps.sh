#!/usr/bin/env bash
# Render the benchmark's HTML pages with text renderers and settings that are NOT in
# BENCH_DIR/textdumps, to check that the text-dump rules generalise beyond the six renderers
# they were developed on. Needs Debian's lynx, w3m, links, elinks, pandoc and html2text:
#   apt-get install lynx w3m links elinks pandoc html2text
# Then: python -m clean_article.bench text --dumps OUT_DIR
set -euo pipefail
bench=${1:-../shared/bench}
out=${2:-/tmp/extra_dumps}
pages=$(mktemp -d)
trap 'rm -rf "$pages"' EXIT
for gz in "$bench"/scrapinghub/html/*.html.gz; do
  gunzip -c "$gz" > "$pages/$(basename "$gz" .gz)"
done
mkdir -p "$out"/{lynx-refs,lynx72,w3m80,links,elinks,pandoc,html2text-c}
for f in "$pages"/*.html; do
  id=$(basename "$f" .html)
  # lynx with its numbered link list: "[12]" markers and a trailing References section.
  timeout 20 lynx -dump -width=72 -assume_charset=utf-8 -display_charset=utf-8 "$f" > "$out/lynx-refs/$id.txt" || true
  timeout 20 lynx -dump -nolist -width=72 -assume_charset=utf-8 -display_charset=utf-8 "$f" > "$out/lynx72/$id.txt" || true
  timeout 20 w3m -dump -cols 80 -I UTF-8 -O UTF-8 -T text/html "$f" > "$out/w3m80/$id.txt" || true
  timeout 20 links -dump -codepage utf-8 "$f" > "$out/links/$id.txt" || true
  timeout 20 elinks -dump -dump-charset utf-8 -no-references -no-numbering "$f" > "$out/elinks/$id.txt" || true
  timeout 20 pandoc -f html -t plain --wrap=auto "$f" -o "$out/pandoc/$id.txt" || true
  timeout 20 html2text -utf8 "$f" > "$out/html2text-c/$id.txt" || true
done
echo "rendered $(ls "$pages" | wc -l) pages into $out"
