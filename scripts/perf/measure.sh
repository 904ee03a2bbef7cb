#!/usr/bin/env bash
# Measures the reader from outside, as a person sees it, beside `less` in the same run:
# first screen (3 KB and 100 MB), G, g, a page down, next/previous mention, peak RSS, and the
# time until background extraction has filled the sidebar. Medians of 5 runs after a warm-up,
# at 120x40. Needs: python3 with pexpect and pyte (pip install pexpect pyte), less.
#
#   scripts/perf/measure.sh            # corpus in /tmp/corpus (made if missing), results in /tmp/perf
#   CORPUS=/x OUT=/y REPEAT=3 scripts/perf/measure.sh
#   NO_SEARCH=1 scripts/perf/measure.sh   # skip `/Quorvalesh` in dramatis (a build without `/`)
#
# The probe uses a whole core while it renders: run nothing else beside it.
set -euo pipefail
cd "$(dirname "$0")/../.."
TOOLS=${TOOLS:-../shared/tools}
CORPUS=${CORPUS:-/tmp/corpus}
OUT=${OUT:-/tmp/perf}
REPEAT=${REPEAT:-5}
BIN=${BIN:-target/release/dramatis}
mkdir -p "$OUT"
[ -f "$CORPUS/text_100m.txt" ] || python3 "$TOOLS/make_corpus.py" "$CORPUS"
[ -n "${NO_BUILD:-}" ] || cargo build --release --quiet
# dramatis remembers where each file was left and resumes there: measure first opens, and keep
# the positions these runs leave out of the user's own state.
export XDG_STATE_HOME="$OUT/state"
D=("$BIN" --no-resume)
probe() {
  local name=$1; shift
  echo "== $name" >&2
  python3 "$TOOLS/tui_probe.py" --size 120x40 --repeat "$REPEAT" --warmup 1 --no-screen \
    --compact --quit q "$@" >"$OUT/$name.json" || echo "   (probe exit $?)" >&2
}
BIG=$CORPUS/text_100m.txt
SMALL=$CORPUS/news_3k.txt

# First screen of a short article.
probe small-dramatis --wait-for 'PORT STRIKE ENDS' -- "${D[@]}" "$SMALL"
probe small-less --wait-for 'PORT STRIKE ENDS' -- less "$SMALL"

# 100 MB: first screen, end, top, page down, while extraction runs in the background; then
# the reader alone (DRAMATIS_EXTRACT=off: no extraction thread), so its own figures and memory
# show apart from the extractor's.
KEYS='G=>END OF CORPUS 7f3a,g=>NATIONAL WATER,<PgDn>,<PgDn>'
probe big-dramatis --wait-for 'NATIONAL WATER' --keys "$KEYS" -- "${D[@]}" "$BIG"
probe big-less --wait-for 'NATIONAL WATER' --keys "$KEYS" -- less "$BIG"
probe big-dramatis-alone --env DRAMATIS_EXTRACT=off --wait-for 'NATIONAL WATER' --keys "$KEYS" \
  -- "${D[@]}" "$BIG"

# 100 MB, after extraction: time until the sidebar says "Cast ·" (extraction throughput),
# peak RSS with every mention indexed, then select the first entity and walk its mentions:
# n (near), N back, N again (wraps to the last mention, at the far end of the file), G, g.
probe cast-dramatis --wait-for 'Cast ·' --startup-timeout 300 \
  --keys 'G=>END OF CORPUS 7f3a,g=>NATIONAL WATER,<Tab>,<Enter>=>mention 1/,n=>mention 2/,N=>mention 1/,N' \
  -- "${D[@]}" "$BIG"

# Search to the sentinel at 99 %.
probe search-less --wait-for 'NATIONAL WATER' --keys '/Quorvalesh<Enter>=>signed the Tarnwick' \
  --step-timeout 60 -- less "$BIG"
if [ -z "${NO_SEARCH:-}" ]; then
  probe search-dramatis --wait-for 'NATIONAL WATER' --step-timeout 60 \
    --keys '/Quorvalesh<Enter>=>signed the Tarnwick' -- "${D[@]}" "$BIG"
fi

python3 scripts/perf/summarize.py "$OUT"
