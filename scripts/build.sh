#!/usr/bin/env bash
# Builds the npm package into pkg/: three LTO'd wasm modules (page and
# checkout size-first, server speed-first), their wasm-bindgen `web` glue,
# the JavaScript entries, the Node entry and the command line, and prints
# raw/gzip/brotli sizes.
set -euo pipefail
cd "$(dirname "$0")/.."

name=storefront_availability
# `--crate-type cdylib` here (not in Cargo.toml) so that LTO really applies:
# cargo drops LTO silently when a crate lists both cdylib and rlib.
# No absolute path of the build machine in the shipped module: the cargo
# registry and this folder are remapped (panic locations of dependencies
# keep their crate-relative paths). tests/consumers/robustness checks it.
cargo_home=${CARGO_HOME:-$HOME/.cargo}
# rustc uses the last matching prefix: the most specific goes last.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--remap-path-prefix=$HOME/=~/ --remap-path-prefix=$PWD/= --remap-path-prefix=$cargo_home/registry/src/="
# One wasm module per use (README "Which entry to import"), each with its
# own wasm-bindgen glue: OUT_NAME PROFILE WASM_OPT_LEVEL CARGO_FEATURES...
#   page     (storefront_availability*): decisions, products, messages;
#   checkout (storefront_availability_checkout*): the page plus planCart;
#   server   (storefront_availability_server*): everything, compiled for speed.
build_wasm() {
  local out=$1 profile=$2 level=$3; shift 3
  cargo rustc -q --lib --profile "$profile" --target wasm32-unknown-unknown --crate-type cdylib "$@"
  # The reset function lets js/index.js replace a trapped instance by a fresh one.
  wasm-bindgen "target/wasm32-unknown-unknown/$profile/$name.wasm" --out-dir pkg --target web --out-name "$out" --experimental-reset-state-function
  # binaryen from npm (Debian's 108 corrupts LTO builds).
  npx --no-install wasm-opt "$level" --converge --strip-debug --strip-producers --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals \
    "pkg/${out}_bg.wasm" -o "pkg/${out}_bg.wasm"
}
rm -rf pkg && mkdir -p pkg
build_wasm "$name" release -Oz --no-default-features
build_wasm "${name}_checkout" release -Oz --no-default-features --features cart
build_wasm "${name}_server" server -O3

# wasm-bindgen's types use Symbol.dispose: name the lib it needs, so strict
# consumers whose tsconfig targets an older lib still type-check.
for glue in "$name" "${name}_checkout" "${name}_server"; do
  { echo '/// <reference lib="esnext.disposable" />'; cat "pkg/$glue.d.ts"; } > "pkg/$glue.d.ts.tmp"
  mv "pkg/$glue.d.ts.tmp" "pkg/$glue.d.ts"
done
# Our JavaScript ships minified (its documentation is in the .d.ts files).
minify() { npx --no-install esbuild "$1" --allow-overwrite --minify --keep-names --format=esm --log-level=warning --outfile="$2"; }
for file in elements error structured-data; do minify "js/$file.js" "pkg/$file.js"; done
# The wasm-bindgen glue too (a bundler keeps its `new URL(…, import.meta.url)`).
for glue in "$name" "${name}_checkout" "${name}_server"; do minify "pkg/$glue.js" "pkg/$glue.js"; done
# Each entry is js/index.js on its own wasm module (the same Catalog
# class), with error.js inside (js/error.js keeps one AvailabilityError per
# page under a global symbol). The page and checkout entries carry their
# glue inside too: a cold page imports one module, not three (each module
# fewer saved ~6 ms of a ~30 ms import, measured side by side in
# Chromium). The server entry imports its glue, which node.js initialises
# synchronously.
[ "$(grep -o '"./storefront_availability.js"' js/index.js | wc -l)" = 1 ] || { echo "js/index.js must import its glue once" >&2; exit 1; }
entry() { # OUT GLUE [ESBUILD FLAGS…]
  sed 's|"./storefront_availability.js"|"./'"$2"'.js"|' js/index.js |
    (cd pkg && npx --no-install esbuild --bundle "${@:3}" --minify --keep-names --format=esm --log-level=warning --sourcefile=js/index.js --outfile="$1.js")
}
entry index "$name"
entry checkout "${name}_checkout"
entry server "${name}_server" --external:"./${name}_server.js"
# The importer and the command line run on servers and build steps: shipped readable, not minified.
cp js/index.d.ts js/checkout.d.ts js/server.d.ts js/elements.d.ts js/error.d.ts js/node.js js/node.d.ts js/import.js js/import.d.ts js/cli.js js/report.js js/feed.js js/shard.js pkg/
chmod +x pkg/cli.js

node scripts/sizes.mjs pkg/*.wasm pkg/${name}*.js pkg/index.js pkg/checkout.js pkg/error.js pkg/elements.js
