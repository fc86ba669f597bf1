# Process tracking for daemons started in a mount namespace of their own (sourced by dc.sh and
# member.sh; not run by itself).
#
# The caller sets PID_FILE, which holds "PID STARTTIME MNTNS" once a start has recorded it:
# STARTTIME (field 22 of /proc/PID/stat) guards against pid reuse, MNTNS (the inode of the mount
# namespace made at start) names every process of the daemon. Samba's smbd, winbindd and
# samba-dcerpcd each make a session of their own, so neither session nor process group would do.
# Functions that may find nothing print nothing and return 0, so they are safe under set -e.

starttime() { awk '{ print $22 }' "/proc/$1/stat" 2>/dev/null; }
mntns() { stat -L -c %i "/proc/$1/ns/mnt" 2>/dev/null; }
ns_pids() { stat -L -c '%n %i' /proc/[0-9]*/ns/mnt 2>/dev/null | awk -v i="$1" '$2 == i { split($1, a, "/"); print a[3] }'; }
signal_ns() {  # signal_ns SIGNAL NS: send SIGNAL to every process in mount namespace NS
  local p
  for p in $(ns_pids "$2"); do kill "-$1" "$p" 2>/dev/null || true; done
}

# The recorded pid, if that process still exists (same start time); empty otherwise.
recorded_pid() {
  local pid st ns
  [ -f "$PID_FILE" ] || return 0
  read -r pid st ns < "$PID_FILE" || return 0
  [[ "$pid" =~ ^[0-9]+$ ]] && [ -d "/proc/$pid" ] && [ "$(starttime "$pid")" = "$st" ] || return 0
  echo "$pid"
}
# The recorded mount namespace (whether or not anything still runs in it).
recorded_ns() { [ -f "$PID_FILE" ] && awk '{ print $3 }' "$PID_FILE"; }

# record_started PID: PID was just started under 'unshare --mount'; wait (up to 5 s) until it is
# in a mount namespace other than ours, then record it in PID_FILE. Returns 1 if PID exited
# first, 2 if it never left our namespace (unshare failed).
record_started() {
  local pid="$1" st ns i
  for i in $(seq 50); do
    st=$(starttime "$pid") || true; ns=$(mntns "$pid") || true
    [ -n "$st" ] && [ -n "$ns" ] || return 1
    if [ "$ns" != "$(mntns $$)" ]; then
      echo "$pid $st $ns" > "$PID_FILE"
      return 0
    fi
    sleep 0.1
  done
  return 2
}

# orphans CONF: leftovers of a crashed start, the processes still in the recorded namespace whose
# command line names CONF (that check guards against a namespace inode reused since).
orphans() {
  local conf="$1" ns p
  ns=$(awk '{ print $3 }' "$PID_FILE" 2>/dev/null) || return 0
  [[ "$ns" =~ ^[0-9]+$ ]] || return 0
  for p in $(ns_pids "$ns"); do
    tr '\0' ' ' < "/proc/$p/cmdline" 2>/dev/null | grep -F -- "$conf" >/dev/null && echo "$p"
  done
  return 0
}
kill_orphans() {  # kill_orphans CONF: TERM them, KILL those left after 3 s
  local conf="$1" p i
  for p in $(orphans "$conf"); do kill -TERM "$p" 2>/dev/null || true; done
  for i in $(seq 30); do [ -n "$(orphans "$conf")" ] || return 0; sleep 0.1; done
  for p in $(orphans "$conf"); do kill -KILL "$p" 2>/dev/null || true; done
}

# drain_ns NS TICK: wait up to 20 s (200 ticks of 0.1 s) until mount namespace NS is empty,
# TERMing whatever is still in it at tick TICK. Returns at once when it empties; the caller
# checks (ns_pids) whether it did.
drain_ns() {
  local ns="$1" tick="$2" i
  for i in $(seq 200); do
    [ -n "$(ns_pids "$ns")" ] || return 0
    if [ "$i" = "$tick" ]; then signal_ns TERM "$ns"; fi
    sleep 0.1
  done
}
