#!/usr/bin/env bash
# What each unstable option of the release wasm saves (see ./dev
# release_env): builds the split wasm with every option, then with each
# left out in turn, and prints the gzip -9 bytes of the first part and of
# every wasm file. Not a test; run after ./dev setup (about 2 minutes a
# build): tests/bench/options.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
ALL="build-std std-size immediate-abort"
# Measured once more, to show they no longer pay: the Debug and location
# options dropped from ./dev (set L5_UNSTABLE by hand to try them).
out="target/options"
gz() { gzip -9c "$1" | wc -c; }
measure() { # label, options
  rm -rf "$out" && mkdir -p "$out"
  L5_UNSTABLE="$2" ./dev wasm "$out" >/dev/null
  local first total=0 file
  first=$(gz "$out/l5-selfcheck_bg.wasm")
  for file in "$out"/*.wasm; do total=$((total + $(gz "$file"))); done
  printf '%-28s first part %7d B   all wasm %7d B\n' "$1" "$first" "$total"
}
measure "all options" "$ALL"
for option in $ALL; do
  rest=" $ALL "
  rest="${rest/ $option / }"
  # std-size and immediate-abort need build-std: leaving it out leaves them out.
  [ "$option" = build-std ] && rest="${rest/ std-size / }" && rest="${rest/ immediate-abort / }"
  measure "without $option" "$rest"
done
measure "none of them" ""
