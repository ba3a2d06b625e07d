#!/usr/bin/env bash
# Runs the libFuzzer decode target for SMP_FUZZ_SECONDS (default 60), seeded with the
# fixture photos and small PNG/JPEG copies of them. Fails on any crash or sanitizer report.
# A fixed seed (SMP_FUZZ_SEED, default 1) keeps CI runs comparable; explore with others.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${SMP_FUZZ_SECONDS:-60}"
fixtures="${SMP_FIXTURES_DIR:-../shared/fixtures/photos}"
cli=build/native/src/cli/smp-preview

scripts/build.sh fuzz --target fuzz_decode

seeds=build/fuzz/seeds
corpus=build/fuzz/corpus
rm -rf "$seeds" && mkdir -p "$seeds" "$corpus"
for photo in "$fixtures"/*.jpg "$fixtures"/*.png; do
  cp "$photo" "$seeds/"
  if [[ -x "$cli" ]]; then  # small seeds run fast, so the fuzzer reaches deeper
    name=$(basename "${photo%.*}")
    "$cli" convert "$photo" -o "$seeds/$name-small.png" --max-side 40 >/dev/null
    "$cli" convert "$photo" -o "$seeds/$name-small.jpg" --max-side 40 >/dev/null
  fi
done

echo "fuzzing decode for ${seconds}s with $(ls "$seeds" | wc -l) seeds"
build/fuzz/tests/fuzz/fuzz_decode "$corpus" "$seeds" \
  -seed="${SMP_FUZZ_SEED:-1}" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix=build/fuzz/ 2>build/fuzz/fuzz.log || { tail -50 build/fuzz/fuzz.log; exit 1; }
grep -E "^(Done|stat::number_of_executed_units|stat::peak_rss_mb)" build/fuzz/fuzz.log || true
