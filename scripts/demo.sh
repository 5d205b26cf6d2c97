#!/usr/bin/env bash
# Sets everything up, builds the package and serves the demo storefront on
# the bundled sample snapshot (www/sample-snapshot.json).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
exec node scripts/serve.mjs "${PORT:-8080}"
