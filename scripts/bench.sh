#!/usr/bin/env bash
# npm run bench: sets everything up, builds the package, runs bench/run.mjs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
node bench/run.mjs "$@"
