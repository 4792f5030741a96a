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

# settle: waits until the file system has forgotten the files deleted just
# before (by an earlier bench's cleanup, say). ext4 without a journal, as
# on this machine, passes over each inode freed within the last minute,
# one by one, whenever it allocates one; a build of thousands of files
# right after a large deletion measured that scan (up to half its time,
# and Hugo's alike), not the program. Synced first: the window is longer
# while the inode tables are dirty. BENCH_SETTLE=0 skips it.
settle() { sync; sleep "${BENCH_SETTLE:-61}"; }
