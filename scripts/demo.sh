#!/usr/bin/env bash
# Sets everything up, builds the package and serves the demo storefront on
# the bundled sample snapshot (www/sample-snapshot.json), and the merchant's
# health report of the bundled order history (www/sample-orders.json).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
# The merchant's page: the health report of the bundled order history, made
# by the package's own command line as a merchant would (/merchant.html).
mkdir -p build
node pkg/cli.js health www/sample-orders.json --html build/merchant.html --title "Northwind Supply" > /dev/null
exec node scripts/serve.mjs "${PORT:-8080}"
