#!/usr/bin/env bash
# Fuzzes the core with cargo-fuzz (libFuzzer): snapshot parsing, the JSON
# parser against serde_json, decide, cart planning, message templates and
# the oversell invariant over kits,
# locations, limits and carts.
#   bash scripts/fuzz.sh [SECONDS] [TARGET...]   (default: 10 s, every target)
# Needs the nightly toolchain (this machine kind has one; it cannot be
# fetched); installs cargo-fuzz from crates.io when missing. New inputs go to
# target/fuzz-corpus/; committed seeds in fuzz/seeds/ are only read. A crash
# leaves its input in fuzz/artifacts/TARGET/ and fails the run: turn it into
# a regression test (tests/regressions.rs) before fixing it.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

seconds=${1:-10}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(snapshot json decide cart template oversell patch)

if ! rustup toolchain list | grep -q '^nightly'; then
  echo "fuzz: no nightly toolchain on this machine; cargo-fuzz needs one" >&2
  exit 3
fi
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked --version 0.13.2

cargo +nightly fuzz build -O
for target in "${targets[@]}"; do
  corpus=target/fuzz-corpus/$target
  mkdir -p "$corpus"
  dict=()
  [ "$target" = snapshot ] || [ "$target" = json ] && dict=(-dict=fuzz/json.dict)
  echo "fuzz: $target for ${seconds}s"
  log=target/fuzz-$target-${seconds}s.log
  status=0
  cargo +nightly fuzz run -O "$target" "$corpus" "fuzz/seeds/$target" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 "${dict[@]}" >"$log" 2>&1 || status=$?
  grep -a -E '^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+ +DONE)' "$log" || true
  if [ "$status" -ne 0 ]; then
    grep -a -E "panicked|==ERROR|SUMMARY|Test unit written|Base64" "$log" >&2 || tail -n 20 "$log" >&2
    echo "fuzz: $target FAILED; its input is in fuzz/artifacts/$target/" >&2
    exit 1
  fi
done
