#!/usr/bin/env bash
# First command of the README: install what is missing, build, and run Chohyo on the
# bundled samples, then score the result against their ground truth.
set -euo pipefail
cd "$(dirname "$0")/.."
export OMP_THREAD_LIMIT=1

scripts/install-deps.sh
swift build -c release
bin=.build/release/chohyo

$bin forms check
$bin batch Samples/kyuyo --out out/samples
echo
$bin eval --truth Samples/kyuyo out/samples/results.jsonl
echo
echo "Done: results in out/samples/ (results.jsonl, kyuyo_shiharai_hokokusho.csv, summary.json)."
echo "The command is $bin; try '$bin --help'."
