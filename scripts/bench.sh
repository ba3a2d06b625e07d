#!/usr/bin/env bash
# Prints markdown tables, native and WASM (Node) in one run, then the page in Chromium:
#   1. decode + EXIF orientation + resize for every fixture photo (bench_decode);
#   2. the simulation (bench_smp): re-filter, preview frames, export, next to the npm
#      peers timed by bench/peers.mjs, then which targets the WASM figures meet;
#   3. automatic placement on every fixture photo (bench_placement);
#   4. the real page in headless Chromium (bench/browser.mjs): input-to-paint latency of
#      slider and handle drags, the first preview of a 12 MP and a 48 MP photo, and the
#      first load's weight, gzipped. SMP_BENCH_BROWSER=0 skips it.
# Figures only: nothing here fails on speed. Expects the native and wasm presets to be
# built (scripts/test.sh does; or scripts/build.sh native wasm), and for the browser
# part /usr/bin/chromium (or CHROMIUM_PATH) and npm install (playwright-core).
set -euo pipefail
cd "$(dirname "$0")/.."
fixtures="${SMP_FIXTURES_DIR:-../shared/fixtures/photos}"
photos=("$fixtures"/*.jpg "$fixtures"/*.png)
node=(node --no-experimental-fetch)
start=$(date +%s.%N)
cpu="$(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs)"

echo "running bench_decode (native, WASM)…" >&2
native=$(build/native/bench/bench_decode "${photos[@]}")
wasm=$("${node[@]}" build/wasm/bench/bench_decode.cjs "${photos[@]}")

echo "Decode + EXIF orientation + resize to 2048 px (median of 7; $cpu)"
echo
echo "| photo | MP | native ms | native MP/s | WASM ms | WASM MP/s | WASM/native |"
echo "|---|---:|---:|---:|---:|---:|---:|"
paste <(echo "$native") <(echo "$wasm") |
  awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %.2f× |\n", $1, $2, $3, $4, $7, $8, $7 / $3 }'
echo

echo "running bench_smp (native, WASM) and bench/peers.mjs…" >&2
smp_native=$(build/native/bench/bench_smp "$fixtures")
smp_wasm=$("${node[@]}" build/wasm/bench/bench_smp.cjs "$fixtures")
# Peers as "key<TAB>ms<TAB>dot count, or side×side for an image" lines.
peers=$("${node[@]}" bench/peers.mjs --json |
  "${node[@]}" -e 'const f = JSON.parse(require("fs").readFileSync(0, "utf8"));
    for (const [k, v] of Object.entries(f)) { const side = Math.round(Math.sqrt(v.pixels));
      console.log([k, v.ms, v.pixels ? `${side}×${side}` : v.count].join("\t"));
    }')

# Per row: key, target in WASM ms (- for none), peer key (- for none), peer description
# (%s: the dot count or image size the peer reports).
spec='refilter300k	2	poissonVariable300k	poisson-disk-sampling, variable density (60→90/cm²): place %s dots
density300k	-	fastPoissonUniform300k	fast-2d-poisson-disk-sampling, uniform (75/cm²): place %s dots
density1MP	8	stackblur1MP	stackblur-canvas: blur %s RGBA, radius 2
shade1MP	8	stackblur1MP	stackblur-canvas: blur %s RGBA, radius 2
handles1MP	8	stackblur1MP	stackblur-canvas: blur %s RGBA, radius 2
density4MP	25	stackblur4MP	stackblur-canvas: blur %s RGBA, radius 2
shade4MP	25	stackblur4MP	stackblur-canvas: blur %s RGBA, radius 2
handles4MP	25	stackblur4MP	stackblur-canvas: blur %s RGBA, radius 2
export12MP	400	-	-'

echo "Simulation: median ms (15 runs for density/shade changes, 7 for handle moves, 3 for the export; after warm-up; $cpu)"
echo
echo "| work | native ms | WASM ms | target (WASM) | peer | peer ms |"
echo "|---|---:|---:|---:|---|---:|"
awk -F'\t' '
  function ms(v) { return v < 10 ? sprintf("%.2f", v) : sprintf("%.1f", v) }
  function grouped(n,   s) { if (n !~ /^[0-9]+$/) return n; s = sprintf("%d", n); while (s ~ /[0-9][0-9][0-9][0-9]/) sub(/[0-9][0-9][0-9]([,]|$)/, ",&", s); return s }
  FNR == 1 { file++ }
  file == 1 { order[++rows] = $1; label[$1] = $2; nat[$1] = $3; next }
  file == 2 { wlabel[$1] = $2; was[$1] = $3; next }
  file == 3 { peerMs[$1] = $2; peerSize[$1] = $3; next }
  file == 4 { target[$1] = $2; peerKey[$1] = $3; peerText[$1] = $4; next }
  END {
    for (i = 1; i <= rows; i++) {
      k = order[i]
      if (!(k in was)) { print "bench.sh: no WASM figure for " k > "/dev/stderr"; continue }
      if (wlabel[k] != label[k]) print "bench.sh: native and WASM differ: " label[k] " / " wlabel[k] > "/dev/stderr"
      t = target[k] == "-" || target[k] == "" ? "—" : "≤ " target[k] " ms"
      p = peerKey[k]
      if (p == "-" || p == "" || !(p in peerMs)) { peer = "—"; pms = "—" }
      else { peer = sprintf(peerText[k], grouped(peerSize[p])); pms = ms(peerMs[p]) }
      if (k == "refilter300k") t = t ", ≥ 100× faster than the peer"
      printf "| %s | %s | %s | %s | %s | %s |\n", label[k], ms(nat[k]), ms(was[k]), t, peer, pms
    }
    print ""
    print "Targets (WASM):"
    for (i = 1; i <= rows; i++) {
      k = order[i]
      if (target[k] == "-" || target[k] == "" || !(k in was)) continue
      printf "- %s: %s ms, target ≤ %s ms: %s\n", k, ms(was[k]), target[k], (was[k] <= target[k] + 0 ? "met" : "MISSED")
      if (k == "refilter300k" && (peerKey[k] in peerMs)) {
        x = peerMs[peerKey[k]] / was[k]
        printf "- %s vs %s: %.0f× faster, target ≥ 100×: %s\n", k, peerKey[k], x, (x >= 100 ? "met" : "MISSED")
      }
    }
  }
' <(echo "$smp_native") <(echo "$smp_wasm") <(echo "$peers") <(echo "$spec")

echo
echo "running bench_placement (native, WASM)…" >&2
place_native=$(build/native/bench/bench_placement "$fixtures")
place_wasm=$("${node[@]}" build/wasm/bench/bench_placement.cjs "$fixtures" web/build/smp_cascades.bin)
echo "Automatic placement (face, landmarks, handles): median ms per photo at the 2048 px working size ($cpu)"
echo
echo "| photo | native ms | WASM ms | target (WASM, 2 MP) |"
echo "|---|---:|---:|---:|"
awk -F'\t' '
  FNR == 1 { file++ }
  file == 1 { order[++rows] = $1; label[$1] = $2; nat[$1] = $3; next }
  file == 2 { was[$1] = $3; next }
  END {
    for (i = 1; i <= rows; i++) {
      k = order[i]
      verdict = (k in was) ? (was[k] <= 300 ? "≤ 300 ms: met" : "≤ 300 ms: MISSED") : "no WASM figure"
      printf "| %s | %.1f | %s | %s |\n", label[k], nat[k], (k in was) ? sprintf("%.1f", was[k]) : "—", verdict
    }
  }
' <(echo "$place_native") <(echo "$place_wasm")

if [[ "${SMP_BENCH_BROWSER:-1}" != 0 ]]; then
  echo
  echo "running bench/browser.mjs (headless Chromium, about two minutes)…" >&2
  # Plain node: playwright-core needs the fetch globals (Headers) that ${node[*]} turns off.
  SMP_FIXTURES_DIR="$fixtures" node bench/browser.mjs
fi

echo
awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "bench.sh total: %.0f s\n", e - s }'
