#!/usr/bin/env bash
# Second command of the README (and what CI runs): install what is missing, run all tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export OMP_THREAD_LIMIT=1
scripts/install-deps.sh
swift build --build-tests
# All tests are XCTest; Swift Testing would close the run with a "0 tests" line of its own.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
swift test --skip-build --disable-swift-testing 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One plain closing line: the suite's totals.
summary=$(grep -E "Executed [0-9]+ tests?, with [0-9]+ failures?" "$log" | tail -1 || true)
if [[ -n "$summary" ]]; then
  total=$(sed -E 's/.*Executed ([0-9]+) tests?.*/\1/' <<<"$summary")
  failed=$(sed -E 's/.*with ([0-9]+) failures?.*/\1/' <<<"$summary")
  echo "$((total - failed)) passed, $failed failed"
fi
exit "$status"
