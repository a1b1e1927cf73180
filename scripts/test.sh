#!/usr/bin/env bash
# Second command of the README (and what CI runs): install what is missing, run all tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export OMP_THREAD_LIMIT=1
scripts/install-deps.sh
swift build --build-tests
swift test --skip-build
