#!/usr/bin/env bash
# Builds the npm package into pkg/: a size-first, LTO'd wasm module, the
# wasm-bindgen `web` glue, a Node entry, and prints raw/gzip/brotli sizes.
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
cargo rustc -q --lib --release --target wasm32-unknown-unknown --crate-type cdylib
wasm=target/wasm32-unknown-unknown/release/$name.wasm

rm -rf pkg && mkdir -p pkg
# The reset function lets js/index.js replace a trapped instance by a fresh one.
wasm-bindgen "$wasm" --out-dir pkg --target web --out-name "$name" --experimental-reset-state-function
# binaryen from npm (Debian's 108 corrupts LTO builds).
npx --no-install wasm-opt -Oz --converge --strip-debug --strip-producers --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals \
  "pkg/${name}_bg.wasm" -o "pkg/${name}_bg.wasm"
# wasm-bindgen's types use Symbol.dispose: name the lib it needs, so strict
# consumers whose tsconfig targets an older lib still type-check.
{ echo '/// <reference lib="esnext.disposable" />'; cat "pkg/$name.d.ts"; } > "pkg/$name.d.ts.tmp"
mv "pkg/$name.d.ts.tmp" "pkg/$name.d.ts"
# Our JavaScript ships minified (its documentation is in the .d.ts files).
for file in index elements error; do
  npx --no-install esbuild "js/$file.js" --minify --keep-names --format=esm --log-level=warning --outfile="pkg/$file.js"
done
# The importer runs on servers and build steps: shipped readable, not minified.
cp js/index.d.ts js/elements.d.ts js/error.d.ts js/node.js js/node.d.ts js/import.js js/import.d.ts pkg/

node scripts/sizes.mjs "pkg/${name}_bg.wasm" "pkg/${name}.js" pkg/index.js pkg/error.js pkg/elements.js
