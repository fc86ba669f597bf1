#!/usr/bin/env bash
# The reference Samba domain member of docs/testbed.md (what Bossa replaces), joined to the DC of
# scripts/interop/dc.sh.
#
#   scripts/interop/member.sh config        write the member's smb.conf only
#   scripts/interop/member.sh join          config + net ads join (--no-dns-updates)
#   scripts/interop/member.sh start         winbindd -F and smbd -F in the background (idempotent)
#   scripts/interop/member.sh stop          stop them (by their recorded pids)
#   scripts/interop/member.sh leave         stop, then net ads leave and forget the secrets
#   scripts/interop/member.sh status        joined? running? (net ads testjoin)
#   scripts/interop/member.sh exec CMD...   run CMD in the member's mount namespace, e.g.
#                                           member.sh exec wbinfo -i 'EXAMPLE\alice'
#
# Parameters (environment, with defaults): the DC's (BOSSA_DC_*, see dc.sh), and
#   BOSSA_MEMBER_DIR    state dir             <repo>/target/interop/member
#   BOSSA_MEMBER_IP     its address           127.0.0.3
#   BOSSA_MEMBER_NAME   NetBIOS name          MEMBER1 (DNS name: lower case + .<realm>)
#
# winbindd and smbd run in a mount namespace of their own with a private tmpfs on /run/samba:
# wbinfo, libnss_winbind and smbd always use /run/samba/winbindd/pipe, and the host's pipe may
# belong to someone else (Bossa's identity service). smbd finds this winbindd there because both
# share the namespace; use 'member.sh exec wbinfo ...' to ask it.
set -euo pipefail

here="$(cd "$(dirname "$0")/../.." && pwd)"
eval "$("$here/scripts/interop/dc.sh" env)"

M="${BOSSA_MEMBER_DIR:-$here/target/interop/member}"
NAME="${BOSSA_MEMBER_NAME:-MEMBER1}"
NAME="${NAME^^}"
IP="$BOSSA_MEMBER_IP"
CONF="$M/smb.conf"
PID_FILE="$M/member.pid"   # "SMBD_PID SMBD_STARTTIME MNTNS": MNTNS holds smbd, winbindd and children
LOG="$M/log/member.out"
ADMIN="$BOSSA_DC_ADMIN%$BOSSA_DC_ADMIN_PASSWORD"
# net's own Kerberos calls (net ads leave's kinit) read the default krb5.conf, which knows
# nothing of this realm; the DC's client krb5.conf names its KDC
export KRB5_CONFIG="$BOSSA_DC_KRB5_CONF"

die() { echo "member.sh: error: $*" >&2; exit 1; }
log() { echo "member.sh: $*" >&2; }
need_root() { [ "$(id -u)" -eq 0 ] || die "'$1' needs root"; }
need_tools() {
  local t
  for t in "$@"; do command -v "$t" >/dev/null 2>&1 || die "missing $t: run scripts/install-peers.sh"; done
}

# smbd, winbindd and samba-dcerpcd each make a session of their own; the mount namespace made
# at start (recorded in PID_FILE) holds them all
. "$here/scripts/interop/lib/procs.sh"
winbindd_pid() { [ -f "$M/pid/winbindd.pid" ] && cat "$M/pid/winbindd.pid"; }

cmd_config() {
  mkdir -p "$M"/{private,lock,state,cache,pid,ncalrpc,log,share}
  chmod 1777 "$M/share"
  cat > "$CONF" <<EOF
[global]
  workgroup = $BOSSA_DC_DOMAIN
  realm = $BOSSA_DC_REALM
  security = ADS
  netbios name = $NAME
  interfaces = $IP
  bind interfaces only = yes
  disable netbios = yes
  # no DNS SRV lookups through the host resolver: the DC by name (the /etc/hosts lines of docs/testbed.md)
  password server = $BOSSA_DC_HOST
  private dir = $M/private
  lock directory = $M/lock
  state directory = $M/state
  cache directory = $M/cache
  pid directory = $M/pid
  ncalrpc dir = $M/ncalrpc
  log file = $M/log/log.%m
  log level = 1
  idmap config * : backend = tdb
  idmap config * : range = 3000-7999
  idmap config $BOSSA_DC_DOMAIN : backend = rid
  idmap config $BOSSA_DC_DOMAIN : range = 10000-999999
  template homedir = /home/%D/%U
  kerberos method = secrets and keytab
  dedicated keytab file = $M/krb5.keytab
  usershare path =
  load printers = no
  printing = bsd
  printcap name = /dev/null
  disable spoolss = yes

[share]
  path = $M/share
  read only = no
  vfs objects = acl_xattr streams_xattr
  store dos attributes = yes
  ea support = yes
  kernel oplocks = no
  kernel share modes = no
  posix locking = no
EOF
}

cmd_join() {
  need_root join
  need_tools net
  cmd_config
  log "joining $NAME to $BOSSA_DC_REALM at $BOSSA_DC_HOST"
  net ads join -s "$CONF" -U "$ADMIN" -S "$BOSSA_DC_HOST" --no-dns-updates "$@" \
    || die "net ads join failed"
}

cmd_start() {
  need_root start
  need_tools smbd winbindd unshare nsenter
  [ -f "$CONF" ] || die "no $CONF: run 'member.sh join' first"
  local pid; pid=$(recorded_pid)
  if [ -n "$pid" ]; then log "already running (smbd $pid, winbindd $(winbindd_pid))"; return 0; fi
  net ads testjoin -s "$CONF" >/dev/null 2>&1 || die "$NAME is not joined (net ads testjoin failed): run 'member.sh join'"
  kill_orphans "$CONF"
  rm -f "$M/pid/"*.pid
  echo "==== member.sh start $(date '+%F %T')" >> "$LOG"
  # one private mount namespace: winbindd in the background, smbd as the process $! names
  # (unshare and sh exec). No setsid: smbd -F and winbindd -F make their own sessions (and fail
  # if they already lead one).
  # The member's own names resolve inside its namespace, as on a real member (Samba's member
  # guide puts them in /etc/hosts): smbd looks its NetBIOS name up on every session setup
  # (name_to_fqdn), and a name the host does not know goes to DNS, which may be slow or drop
  # concurrent queries (5 s timeouts).
  { cat /etc/hosts; echo "$IP ${NAME,,}.${BOSSA_DC_REALM,,} ${NAME,,}"; } > "$M/hosts"
  unshare --mount --propagation private sh -c '
      mount -t tmpfs tmpfs /run/samba && mkdir -p /run/samba/winbindd || exit 1
      mount --bind "$2" /etc/hosts || exit 1
      winbindd -F -s "$1" </dev/null &
      exec smbd -F -s "$1" </dev/null' sh "$CONF" "$M/hosts" </dev/null >>"$LOG" 2>&1 &
  pid=$!
  local rc=0
  record_started "$pid" || rc=$?
  [ "$rc" != 1 ] || { tail -20 "$LOG" >&2; die "smbd exited at once (logs: $M/log)"; }
  [ "$rc" != 2 ] || { kill -TERM "$pid"; die "smbd is not in a mount namespace of its own (unshare failed?)"; }
  # ready when smbd listens and winbindd answers a ping inside the namespace
  local i
  for i in $(seq 150); do
    [ -d "/proc/$pid" ] || { tail -20 "$LOG" >&2; die "smbd exited while starting (log: $M/log)"; }
    if ss -Htln "src $IP" | grep ":445\b" >/dev/null && nsenter -t "$pid" -m wbinfo -p >/dev/null 2>&1 \
        && nsenter -t "$pid" -m wbinfo -t >/dev/null 2>&1; then
      log "running (smbd $pid, winbindd $(winbindd_pid)) at $IP"
      return 0
    fi
    sleep 0.2
  done
  tail -20 "$LOG" >&2
  cmd_stop
  die "smbd/winbindd not ready in 30 s (logs: $M/log)"
}

cmd_stop() {
  local pid ns p; pid=$(recorded_pid)
  if [ -z "$pid" ]; then
    if [ -n "$(orphans "$CONF")" ]; then need_root stop; log "smbd is gone; stopping what is left of it: $(orphans "$CONF" | tr '\n' ' ')"; kill_orphans "$CONF"; fi
    rm -f "$PID_FILE"; log "not running"; return 0
  fi
  need_root stop
  ns=$(recorded_ns)
  # smbd and winbindd first (both only if in our namespace), their children follow
  for p in "$pid" "$(winbindd_pid || true)"; do
    [ -n "$p" ] && [ "$(mntns "$p")" = "$ns" ] && kill -TERM "$p" 2>/dev/null || true
  done
  # samba-dcerpcd (started on demand by smbd) only exits when idle for a while: after 1 s,
  # TERM whatever of ours is left
  drain_ns "$ns" 10
  signal_ns KILL "$ns"
  rm -f "$PID_FILE"
  log "stopped"
}

cmd_leave() {
  need_root leave
  cmd_stop
  [ -f "$CONF" ] || die "no $CONF: nothing joined"
  net ads leave -s "$CONF" -U "$ADMIN" -S "$BOSSA_DC_HOST" || die "net ads leave failed"
  rm -f "$M/private/secrets.tdb" "$M/krb5.keytab"
}

cmd_status() {
  local pid; pid=$(recorded_pid)
  if [ -f "$CONF" ] && net ads testjoin -s "$CONF" >/dev/null 2>&1; then echo "joined as $NAME"; else echo "not joined"; fi
  if [ -n "$pid" ]; then echo "running (smbd $pid, winbindd $(winbindd_pid || echo '?'))"; else echo "not running"; return 3; fi
}

cmd_exec() {
  local pid; pid=$(recorded_pid)
  [ -n "$pid" ] || die "not running"
  exec nsenter -t "$pid" -m "$@"
}

case "${1:-}" in
  config) cmd_config ;;
  join) shift; cmd_join "$@" ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  leave) cmd_leave ;;
  status) cmd_status ;;
  exec) shift; [ $# -gt 0 ] || die "exec needs a command"; cmd_exec "$@" ;;
  -h|--help|help) sed -n '2,/^[^#]/{/^#/p}' "$0" | sed 's/^# \{0,1\}//' ;;
  *) echo "usage: $0 config|join|start|stop|leave|status|exec CMD... (see --help)" >&2; exit 2 ;;
esac
