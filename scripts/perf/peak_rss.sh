#!/usr/bin/env bash
# Peak memory of a whole reading, background work included: opens a file in the reader (in a
# detached tmux at 120x40), lets it run SECONDS (long enough for extraction, the cast and the
# sentences and connections after it), and prints the time until the sidebar showed the cast,
# the largest anonymous and file-backed RSS sampled, and VmHWM (the kernel's high-water mark).
# tui_probe.py stops measuring when its last key is answered; this covers the relations step
# that follows the cast.
#
#   scripts/perf/peak_rss.sh [FILE] [SECONDS]     # default /tmp/corpus/text_100m.txt, 15 s
#
# Needs tmux. Sampling costs a little CPU (every 50 ms), so the cast time reads ~0.2 s high.
set -euo pipefail
cd "$(dirname "$0")/../.."
FILE=${1:-/tmp/corpus/text_100m.txt}
SECS=${2:-15}
BIN=${BIN:-target/release/dramatis}
SESSION=dramatis-peak-$$
export XDG_STATE_HOME=${XDG_STATE_HOME:-/tmp/dramatis-peak-state}
tmux new-session -d -s "$SESSION" -x 120 -y 40 "exec $BIN --no-resume $(printf %q "$FILE")"
trap 'tmux kill-session -t "$SESSION" 2>/dev/null || true' EXIT
pid=$(tmux display -p -t "$SESSION" '#{pane_pid}')
start=$(date +%s%N)
anon=0 file=0 hwm=0 ready=""
while (( ($(date +%s%N) - start) / 1000000 < SECS * 1000 )); do
  status=$(cat "/proc/$pid/status" 2>/dev/null) || break
  a=$(awk '/^RssAnon/{print $2}' <<<"$status")
  f=$(awk '/^RssFile/{print $2}' <<<"$status")
  hwm=$(awk '/^VmHWM/{print $2}' <<<"$status")
  (( a > anon )) && anon=$a
  (( f > file )) && file=$f
  if [[ -z $ready ]] && tmux capture-pane -p -t "$SESSION" | grep -q 'Cast ·'; then
    ready=$(( ($(date +%s%N) - start) / 1000000 ))
  fi
  sleep 0.05
done
echo "cast shown after: ${ready:-not within ${SECS}s} ms"
echo "max RssAnon: $((anon / 1024)) MB, max RssFile: $((file / 1024)) MB, VmHWM: $((hwm / 1024)) MB"
