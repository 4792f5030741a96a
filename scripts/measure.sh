# Sourced by the bench scripts. measure CMD...: runs CMD, sets SECONDS_TAKEN
# (wall clock) and PEAK_MB (peak resident memory). MEASURE_OK lists the
# exit statuses that are success (default 0).
#
# GNU time gives the peak (the child's ru_maxrss) without watching the
# process; it is installed here when missing (as root). Without it /proc's
# VmHWM is polled, which forks a reader every 20 ms: on two cores that
# added about 0.05 s to a 0.45 s rebuild.
if [ ! -x /usr/bin/time ] && [ "$(id -u)" = 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends time >/dev/null 2>&1 || true
fi
measure() {
  local start end pid peak=0 rss status=0
  start=$(date +%s%N)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%M' -o /tmp/disclose-measure.rss "$@" >/tmp/disclose-measure.log 2>&1 || status=$?
    end=$(date +%s%N)
    peak=$(tail -1 /tmp/disclose-measure.rss)
  else
    "$@" >/tmp/disclose-measure.log 2>&1 &
    pid=$!
    while kill -0 "$pid" 2>/dev/null; do
      rss=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
      [ -n "$rss" ] && [ "$rss" -gt "$peak" ] && peak=$rss
      sleep 0.02
    done
    wait "$pid" || status=$?
    end=$(date +%s%N)
  fi
  case " ${MEASURE_OK:-0} " in
  *" $status "*) ;;
  *) tail -5 /tmp/disclose-measure.log >&2; return 1 ;;
  esac
  SECONDS_TAKEN=$(awk -v n=$((end - start)) 'BEGIN {printf "%.2f", n / 1e9}')
  PEAK_MB=$((peak / 1024))
}

# corpus NAME ARGS...: a synthetic corpus generated once into the cache.
corpus() {
  local name=$1; shift
  local dir=${DISCLOSE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/disclose}/bench/$name
  if [ ! -f "$dir/site.yaml" ]; then
    rm -rf "$dir"
    bin/disclose gen-corpus "$@" --seed 1 --out "$dir" >/dev/null
  fi
  echo "$dir"
}

# settle: waits until the file system has forgotten the large trees the
# benches deleted (removed records when). ext4 without a journal, as on
# this machine, passes over each inode freed within the last minute, or
# six while its inode table block is dirty (RECENTCY_MIN and
# RECENTCY_DIRTY), one by one, whenever it allocates an inode, and a build
# dirties those blocks itself. A build of 7,000 files within six minutes
# of a bench's cleanup of 100,000 took 4.3-4.9 s, 2.6-3.5 s of it system
# time, and 2.8-3.1 s after (Hugo alike): it measured that scan, not the
# program. BENCH_SETTLE=0 skips the wait.
bench_removed=${DISCLOSE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/disclose}/bench/.removed
removed() { # removed DIR...: rm -rf, remembering when
  rm -rf "$@"
  mkdir -p "$(dirname "$bench_removed")" && date +%s >"$bench_removed"
}
settle() {
  sync
  local last wait
  last=$(cat "$bench_removed" 2>/dev/null || echo 0)
  wait=$((last + ${BENCH_SETTLE:-361} - $(date +%s)))
  if [ "${BENCH_SETTLE:-361}" -gt 0 ] && [ "$wait" -gt 0 ]; then
    echo "bench: waiting ${wait}s for the file system to forget the files deleted at $(date -d "@$last" +%T)" >&2
    sleep "$wait"
  fi
}
