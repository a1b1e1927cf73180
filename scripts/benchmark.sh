#!/usr/bin/env bash
# Benchmark: throughput, per-field speed against one `tesseract` command per crop, and
# peak memory of a 50-page and a 500-page batch. Results go in docs/BENCHMARKS.md.
#
#   scripts/benchmark.sh            # 50 and 500 pages made from the committed samples
#   scripts/benchmark.sh 50 200     # other batch sizes
#
# The batches are the 82 committed sample pages (three forms and pages that are none of them)
# repeated under new names (hard links in a temporary folder), so every page is a real,
# degraded scan with the same mix of forms, formats, resolutions and orientations as Samples/;
# nothing large is committed. All definitions in FormDefinitions/ are loaded.
set -euo pipefail
cd "$(dirname "$0")/.."
export OMP_THREAD_LIMIT=1
sizes=("$@")
((${#sizes[@]})) || sizes=(50 500)

scripts/install-deps.sh
swift build -c release >/dev/null
bin=$PWD/.build/release/chohyo
work=$(mktemp -d /tmp/chohyo-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

mapfile -t scans < <(find Samples -type f \( -name '*.png' -o -name '*.jpg' -o -name '*.tif' \) | sort -t_ -k2,2 -k1,1)   # interleaved: ido_0001, koza_0001, kyuyo_0001, other_0001, ido_0002 …
echo "machine: $(nproc --all) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(lscpu | sed -n 's/^Model name: *//p')"
for n in "${sizes[@]}"; do
  dir="$work/pages-$n"; mkdir -p "$dir"
  for ((i = 0; i < n; i++)); do
    src=${scans[i % ${#scans[@]}]}
    ln "$src" "$dir/$(printf 'p%04d' "$i").${src##*.}" 2>/dev/null || cp "$src" "$dir/$(printf 'p%04d' "$i").${src##*.}"
  done
  zonal=5; ((n >= 500)) && zonal=0   # the zonal comparison runs once, on the smaller batch
  echo; echo "== $n pages =="
  "$bin" bench "$dir" --out "$work/out-$n" --zonal-pages "$zonal"
done
