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
# All bundled samples in one mixed batch: three forms and pages that are none of them.
$bin batch Samples --out out/samples
echo
$bin eval --truth Samples/kyuyo --truth Samples/ido --truth Samples/koza --truth Samples/other \
    out/samples/results.jsonl
echo
echo "Done: results in out/samples/ (results.jsonl, one CSV per form, summary.json)."
echo "The command is $bin; try '$bin --help'."
