#!/usr/bin/env bash
# Measures the TUI in a real terminal (tmux, 80x24, TERM=xterm-256color):
#   tui_trace.sh first-frame BIN [RUNS]     first frame and first library frame on the sample corpus
#   tui_trace.sh keys BIN CORPUS [SECONDS]  key-to-frame latency while CORPUS loads and is indexed
# The binary writes its own timings when SPEECHTUI_TRACE names a file (see src/tui/mod.rs, Trace).
set -euo pipefail
mode=$1 bin=$2
work=$(mktemp -d)
trap 'tmux -L tuitrace kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
run() { # $1: trace file, $2: corpus path or "", $3: cache dir
  tmux -L tuitrace kill-server 2>/dev/null || true
  sleep 0.5 # let the old server go before a new one takes its socket
  tmux -L tuitrace -f /dev/null new-session -d -s t -x 80 -y 24 \
    "TERM=xterm-256color SPEECHTUI_CONFIG_DIR=$work/cfg SPEECHTUI_CACHE_DIR=$3 SPEECHTUI_TRACE=$1 $bin $2; sleep 60"
}
case $mode in
  first-frame)
    for i in $(seq "${3:-10}"); do
      run "$work/t$i" "" "$work/cache"
      sleep 1.5
      tmux -L tuitrace send-keys -t t q
      sleep 0.5
      cat "$work/t$i" | grep -E 'first_frame|library_frame' | tr '\n' ' '; echo
    done ;;
  keys)
    corpus=$3 secs=${4:-20}
    run "$work/keys" "$corpus" "$work/cache-empty"
    end=$((SECONDS + secs))
    while ((SECONDS < end)); do
      for k in j j j k; do tmux -L tuitrace send-keys -t t "$k"; sleep 0.05; done
    done
    tmux -L tuitrace send-keys -t t q
    sleep 1
    grep -v '^key_ms' "$work/keys" || true
    awk '/^key_ms/ {print $2}' "$work/keys" | sort -n | awk '
      {v[NR]=$1} END {
        if (NR == 0) { print "no key timings"; exit }
        printf "keys %d  median %.2f ms  p95 %.2f ms  p99 %.2f ms  max %.2f ms\n",
          NR, v[int(NR*0.5)+1], v[int(NR*0.95)+1], v[int(NR*0.99)+1], v[NR] }'
    echo "slowest keys (ms, at ms since start):"
    grep '^key_ms' "$work/keys" | sort -k2 -n -r | head -5
    ;;
esac
