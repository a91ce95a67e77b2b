#!/bin/sh
# Builds the seed corpora of the fuzz targets in fuzz/corpus/<target>/ (not committed: derived
# from the real pages of ../shared/corpus, or the bundled sample, and a few real reports of
# ../shared/corpus-extra when it is present). Inputs are cut to 64 KiB, the size the runs use.
set -eu
cd "$(dirname "$0")"
shared=../../shared
pages=$shared/corpus
[ -d "$pages" ] || pages=../sample
extra=$shared/corpus-extra
mkdir -p corpus/load corpus/outline corpus/compare

cut64() { head -c 65536 "$1"; }

n=0
for f in "$pages"/*; do
    n=$((n + 1))
    cut64 "$f" > corpus/load/page$n
    cut64 "$f" > corpus/outline/page$n
done
if [ -d "$extra" ]; then
    # A few real reports of different decades and issuers, the GBK twins and their UTF-8 originals.
    for f in $(ls "$extra"/gov-work-reports/* | awk 'NR % 97 == 1') \
             $(ls "$extra"/wikisource-national/* | awk 'NR % 29 == 1') \
             $(ls "$extra"/gbk/* | head -3); do
        n=$((n + 1))
        cut64 "$f" > corpus/load/report$n
        cut64 "$f" > corpus/outline/report$n
    done
    # Pairs for compare: consecutive years of one issuer share most of their template phrasing.
    set -- $(ls "$extra"/gov-work-reports/*_浙江省_* | tail -4)
    k=0
    while [ $# -ge 2 ]; do
        k=$((k + 1))
        { head -c 32000 "$1"; printf '\000'; head -c 32000 "$2"; } > corpus/compare/pair$k
        shift
    done
fi
# Pairs of the sample pages (they share salutations, closings and stock phrases).
set -- "$pages"/*
first=$1
k=100
for f in "$@"; do
    k=$((k + 1))
    { head -c 32000 "$first"; printf '\000'; head -c 32000 "$f"; } > corpus/compare/pair$k
    first=$f
done
# Settings: configs (with their theme choice and key overrides) joined by a NUL to a theme file.
mkdir -p corpus/settings
k=0
for theme in ../themes/*.toml; do
    for config in 'theme = "fuzz"' \
                  'theme = "fuzz"
[keys]
quit = ["q", "Ctrl-q"]
save = "w"
down = ["j", "Down", "Ctrl-n"]
help = []' \
                  'theme = "light"
[keys]
next_passage = "Alt-]"
prev_passage = ["S-Tab", "F5", "Ctrl-Alt-x", "↑"]
compare = ["Space"]' \
                  'colour = 1
theme = "../config"
[keys]
fly = "f"
quit = 3
top = ["Hyper-g", "g"]'; do
        k=$((k + 1))
        { printf '%s\n' "$config"; printf '\000'; cat "$theme"; } > corpus/settings/seed$k
    done
done
echo "seed corpora: $(ls corpus/load | wc -l) load, $(ls corpus/outline | wc -l) outline, $(ls corpus/compare | wc -l) compare, $(ls corpus/settings | wc -l) settings"
