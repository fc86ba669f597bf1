#!/usr/bin/env bash
# A Samba AD DC on a loopback address, as the interop tests use it (see docs/testbed.md).
#
#   scripts/interop/dc.sh host-setup   loopback aliases and /etc/hosts lines (idempotent; root)
#   scripts/interop/dc.sh provision    a fresh DC in the state dir, plus the test data below (root)
#   scripts/interop/dc.sh start        start it (idempotent) and wait until Kerberos and LDAP answer
#   scripts/interop/dc.sh stop         stop the DC this state dir started (by its recorded pid)
#   scripts/interop/dc.sh status       say what state the DC is in (exit codes below)
#   scripts/interop/dc.sh env          shell assignments describing the DC (source-able, KEY='value')
#
# Parameters (environment, with defaults):
#   BOSSA_DC_DIR       state dir                          <repo>/target/interop/dc
#   BOSSA_DC_IP        the DC's address                   127.0.0.2
#   BOSSA_DC_REALM     Kerberos realm / DNS domain         EXAMPLE.TEST
#   BOSSA_DC_DOMAIN    NetBIOS domain                      EXAMPLE
#   BOSSA_MEMBER_IP    the reference Samba member          127.0.0.3 (member1.<realm>)
#   BOSSA_HOST_IP      the address Bossa serves on          127.0.0.4 (bossa.<realm>)
# The administrator password is Passw0rd!Admin. The DC's host name is dc1.<realm>.
#
# Test data made by provision: users alice (Alice!Passw0rd), bob (Bob!Passw0rd),
# carol (Carol!Passw0rd), joiner (Joiner!Passw0rd, no special rights); group Engineers
# (alice, bob); OU=Members (an ordinary OU) and OU=Locked, whose DACL begins with a deny of
# create-child for Everyone, so nobody, Administrator included, can create objects in it.
#
# status exit codes: 0 running and answering; 1 running but not answering (yet);
# 3 provisioned, not running; 4 not provisioned (or provisioned with other parameters).
#
# The DC runs in its own mount namespace with a private tmpfs on /run/samba, so its winbindd
# socket does not replace the host's /run/samba/winbindd/pipe (docs/testbed.md). Several DCs (other
# state dirs, other addresses) can run side by side; this script only ever signals the pid it
# recorded for its own state dir.
set -euo pipefail
# (never "producer | grep -q" under pipefail: grep -q exits at the first match and the producer
# may then die of SIGPIPE, failing the pipeline; grep >/dev/null reads to the end)

here="$(cd "$(dirname "$0")/../.." && pwd)"
PATH="$PATH:/usr/sbin:/sbin"   # samba lives in /usr/sbin; a test JVM's PATH may lack it
SCRIPT_VERSION=1

DIR="${BOSSA_DC_DIR:-$here/target/interop/dc}"
IP="${BOSSA_DC_IP:-127.0.0.2}"
REALM="${BOSSA_DC_REALM:-EXAMPLE.TEST}"
REALM="${REALM^^}"
DOMAIN="${BOSSA_DC_DOMAIN:-EXAMPLE}"
DOMAIN="${DOMAIN^^}"
MEMBER_IP="${BOSSA_MEMBER_IP:-127.0.0.3}"
HOST_IP="${BOSSA_HOST_IP:-127.0.0.4}"
ADMIN_USER=administrator
ADMIN_PASS='Passw0rd!Admin'
DC_SHORT=dc1
DNS_DOMAIN="${REALM,,}"
DC_FQDN="$DC_SHORT.$DNS_DOMAIN"
BASE_DN="DC=${DNS_DOMAIN//./,DC=}"

SMB_CONF="$DIR/etc/smb.conf"
KRB5_CONF="$DIR/krb5.conf"
CA_PEM="$DIR/private/tls/ca.pem"
PID_FILE="$DIR/samba.pid"          # "PID STARTTIME MNTNS": starttime guards against pid reuse,
                                   # MNTNS (inode of its mount namespace) names all its processes
LOG="$DIR/samba.log"               # the DC's stdout and stderr (it runs with -i)
MARKER="$DIR/provisioned"          # written last by provision: the parameters it used
LOCK="$DIR.lock"                   # serialises provision/start/stop of one state dir
READY_TIMEOUT="${BOSSA_DC_READY_TIMEOUT:-60}"

die() { echo "dc.sh: error: $*" >&2; exit 1; }
log() { echo "dc.sh: $*" >&2; }

need_root() { [ "$(id -u)" -eq 0 ] || die "'$1' needs root (it $2)"; }
need_tools() {
  local t
  for t in "$@"; do
    command -v "$t" >/dev/null 2>&1 || die "missing $t: run scripts/install-peers.sh"
  done
}

params() {  # what makes a provisioned DC this one; compared with the marker
  printf 'version=%s\nrealm=%s\ndomain=%s\nip=%s\ndir=%s\n' "$SCRIPT_VERSION" "$REALM" "$DOMAIN" "$IP" "$DIR"
}
provisioned() { [ -f "$MARKER" ] && [ "$(cat "$MARKER")" = "$(params)" ]; }

lock() {  # one provision/start/stop per state dir at a time
  mkdir -p "$(dirname "$DIR")"
  exec 9>"$LOCK"
  flock -w 120 9 || die "could not lock $LOCK within 120 s (another dc.sh still running?)"
}

# ---- the recorded pid ---------------------------------------------------------------------
# PID_FILE names the DC's root process and the mount namespace made for it at start, which holds
# all its processes (its smbd and winbindd make sessions of their own).
. "$here/scripts/interop/lib/procs.sh"

# ---- readiness: a Kerberos AS exchange and an LDAP query ----------------------------------
kinit_ok() {
  local cc="$DIR/.ready.ccache" rc=0
  printf '%s\n' "$ADMIN_PASS" | KRB5_CONFIG="$KRB5_CONF" KRB5CCNAME="FILE:$cc" \
    timeout 5 kinit "$ADMIN_USER@$REALM" >/dev/null 2>&1 || rc=$?
  rm -f "$cc"
  return "$rc"
}
ldap_ok() {
  # LDAPS with a simple bind, verifying the DC's certificate with its CA (the DC refuses simple
  # binds without TLS); the CA file appears at the DC's first start.
  [ -f "$CA_PEM" ] || return 1
  LDAPTLS_CACERT="$CA_PEM" LDAPTLS_REQCERT=demand timeout 5 ldapsearch -LLL -o nettimeout=4 \
    -H "ldaps://$DC_FQDN" -x -D "$ADMIN_USER@$REALM" -w "$ADMIN_PASS" \
    -b "$BASE_DN" -s base dn 2>/dev/null | grep -i "^dn: $BASE_DN" >/dev/null
}
answering() { kinit_ok && ldap_ok; }

# ---- host-setup --------------------------------------------------------------------------
has_alias() { ip -o -4 addr show dev lo | grep " inet $1/" >/dev/null; }
add_alias() {
  has_alias "$1" && return 0
  ip addr add "$1/8" dev lo || die "could not add $1 to lo"
  log "added $1/8 to lo"
}
hosts_ip() {  # the address /etc/hosts gives NAME, if any
  awk -v n="$1" '$1 !~ /^#/ { for (i = 2; i <= NF; i++) if (tolower($i) == n) { print $1; exit } }' /etc/hosts
}
add_host() {  # add_host IP FQDN SHORT: append unless present; refuse a conflicting line
  local ip="$1" fqdn="$2" short="$3" have line
  have=$(hosts_ip "$fqdn")
  if [ -n "$have" ]; then
    [ "$have" = "$ip" ] || die "/etc/hosts maps $fqdn to $have, not $ip: fix that line by hand"
    return 0
  fi
  line="$ip $fqdn"
  # the short name only when no other line claims it (dc1 may already name another realm's DC)
  [ -n "$(hosts_ip "$short")" ] || line="$line $short"
  printf '%s\n' "$line" >> /etc/hosts
  log "added '$line' to /etc/hosts"
}
cmd_host_setup() {
  need_tools ip
  local missing=() a
  for a in "$IP" "$MEMBER_IP" "$HOST_IP"; do has_alias "$a" || missing+=("address $a on lo"); done
  [ "$(hosts_ip "$DC_FQDN")" = "$IP" ] || missing+=("/etc/hosts: $IP $DC_FQDN")
  [ "$(hosts_ip "member1.$DNS_DOMAIN")" = "$MEMBER_IP" ] || missing+=("/etc/hosts: $MEMBER_IP member1.$DNS_DOMAIN")
  [ "$(hosts_ip "bossa.$DNS_DOMAIN")" = "$HOST_IP" ] || missing+=("/etc/hosts: $HOST_IP bossa.$DNS_DOMAIN")
  [ ${#missing[@]} -gt 0 ] || return 0
  local list; list=$(printf '%s, ' "${missing[@]}"); list=${list%, }
  need_root host-setup "must add: $list"
  add_alias "$IP"; add_alias "$MEMBER_IP"; add_alias "$HOST_IP"
  add_host "$IP" "$DC_FQDN" "$DC_SHORT"
  add_host "$MEMBER_IP" "member1.$DNS_DOMAIN" member1
  add_host "$HOST_IP" "bossa.$DNS_DOMAIN" bossa
}
check_host() {
  ip -o -4 addr show | grep " inet $IP/" >/dev/null || die "no interface carries $IP: run 'scripts/interop/dc.sh host-setup' (as root)"
  getent hosts "$DC_FQDN" | grep "^$IP " >/dev/null \
    || die "$DC_FQDN does not resolve to $IP: run 'scripts/interop/dc.sh host-setup' (as root)"
}

# ---- provision ---------------------------------------------------------------------------
write_krb5_conf() {
  cat > "$KRB5_CONF" <<EOF
[libdefaults]
  default_realm = $REALM
  dns_lookup_kdc = false
  dns_lookup_realm = false
  rdns = false
[realms]
  $REALM = {
    kdc = $IP
    admin_server = $IP
    kpasswd_server = $IP
  }
[domain_realm]
  .$DNS_DOMAIN = $REALM
  $DNS_DOMAIN = $REALM
EOF
}

# Test data, written straight into the stopped DC's sam.ldb (one Python process: samba-tool
# once per object costs about a second each). Uses Samba's own Python bindings, the same calls
# samba-tool makes.
add_test_data() {
  /usr/bin/python3 - "$SMB_CONF" "$DIR/private/sam.ldb" "$BASE_DN" <<'PY'
import sys
from samba.param import LoadParm
from samba.samdb import SamDB
from samba.auth import system_session
from samba.ndr import ndr_pack, ndr_unpack
from samba.dcerpc import security
import ldb
import re

conf, url, base = sys.argv[1:4]
lp = LoadParm()
lp.load(conf)
db = SamDB(url=url, session_info=system_session(), lp=lp)
db.transaction_start()
try:
    for name, pw in [("alice", "Alice!Passw0rd"), ("bob", "Bob!Passw0rd"),
                     ("carol", "Carol!Passw0rd"), ("joiner", "Joiner!Passw0rd")]:
        db.newuser(name, pw)   # CN=name,CN=Users, as 'samba-tool user create name' makes it
    # no password ever expires: a state dir may be reused for longer than the default 42 days
    m = ldb.Message()
    m.dn = ldb.Dn(db, base)
    m["maxPwdAge"] = ldb.MessageElement("-9223372036854775808", ldb.FLAG_MOD_REPLACE, "maxPwdAge")
    db.modify(m)
    db.newgroup("Engineers")
    db.add_remove_group_members("Engineers", ["alice", "bob"], add_members_operation=True)
    for ou in ("Members", "Locked"):
        db.add({"dn": "OU=%s,%s" % (ou, base), "objectClass": "organizationalUnit"})
    # OU=Locked: a deny ACE first in the DACL (Everyone, create-child of any class). ACEs are
    # evaluated in DACL order, so it has to precede every allow. As 'samba-tool dsacl set' does:
    # inherited (ID) ACEs are dropped from what is written, the DC recomputes them.
    dn = "OU=Locked,%s" % base
    res = db.search(dn, scope=ldb.SCOPE_BASE, attrs=["nTSecurityDescriptor"])
    sd = ndr_unpack(security.descriptor, res[0]["nTSecurityDescriptor"][0])
    sid = security.dom_sid(db.get_domain_sid())
    sddl = sd.as_sddl(sid)
    def inherited(ace):   # ACE flags are the second field, two letters each (CI, OI, ID ...)
        flags = ace[1:-1].split(";")[1]
        return "ID" in [flags[i:i + 2] for i in range(0, len(flags), 2)]
    for ace in re.findall(r"\(.*?\)", sddl):
        if inherited(ace):
            sddl = sddl.replace(ace, "")
    first = sddl.index("(", sddl.index("D:"))   # the DACL's first ACE (the DACL precedes the SACL)
    sddl = sddl[:first] + "(D;;CC;;;WD)" + sddl[first:]
    m = ldb.Message()
    m.dn = ldb.Dn(db, dn)
    m["nTSecurityDescriptor"] = ldb.MessageElement(
        ndr_pack(security.descriptor.from_sddl(sddl, sid)), ldb.FLAG_MOD_REPLACE, "nTSecurityDescriptor")
    db.modify(m)
    db.transaction_commit()
except Exception:
    db.transaction_cancel()
    raise
PY
}

cmd_provision() {
  need_root provision "provisions a Samba AD DC, which stores NT ACLs in security.* xattrs"
  need_tools samba-tool samba python3
  lock
  [ -z "$(recorded_pid)" ] || die "the DC of $DIR is running (pid $(recorded_pid)): run 'dc.sh stop' first"
  local t0=$SECONDS
  rm -rf "$DIR"
  mkdir -p "$DIR/log" "$DIR/ntp_signd"
  chmod 750 "$DIR/ntp_signd"
  log "provisioning $REALM ($DOMAIN) for $IP in $DIR"
  # Paths Samba would otherwise share with every other DC on the host go into the state dir:
  # the log files and the ntp_signd socket. /run/samba is private to the DC's mount namespace.
  if ! samba-tool domain provision --targetdir="$DIR" --realm="$REALM" --domain="$DOMAIN" \
      --server-role=dc --dns-backend=SAMBA_INTERNAL --adminpass="$ADMIN_PASS" \
      --host-name="$DC_SHORT" --host-ip="$IP" --use-rfc2307 \
      --option="interfaces=$IP" --option="bind interfaces only=yes" \
      --option="log file=$DIR/log/log.%m" --option="ntp signd socket directory=$DIR/ntp_signd" \
      > "$DIR/provision.log" 2>&1; then
    tail -20 "$DIR/provision.log" >&2
    die "samba-tool domain provision failed (log: $DIR/provision.log)"
  fi
  write_krb5_conf
  log "adding test data"
  add_test_data > "$DIR/testdata.log" 2>&1 || { cat "$DIR/testdata.log" >&2; die "adding test data failed"; }
  params > "$MARKER"
  log "provisioned in $(( SECONDS - t0 )) s"
}

# ---- start / stop ------------------------------------------------------------------------
tail_log() {
  echo "---- last lines of $LOG" >&2
  tail -n 30 "$LOG" >&2 2>/dev/null || true
}

cmd_start() {
  need_root start "mounts a tmpfs in a private mount namespace"
  need_tools samba unshare setsid kinit ldapsearch
  lock
  provisioned || die "$DIR holds no DC provisioned for these parameters: run 'dc.sh provision' first"
  check_host
  write_krb5_conf   # cheap, and keeps it in line with the script
  local pid t0=$SECONDS
  pid=$(recorded_pid)
  if [ -z "$pid" ]; then
    kill_orphans "$SMB_CONF"
    # the addresses the DC binds must be free: another DC on this IP would answer in its place
    if ss -Htln "src $IP" 2>/dev/null | grep -E ":(88|389)\b" >/dev/null; then
      die "something else already listens on $IP ($(ss -Htln "src $IP" | awk '{ printf "%s ", $4 }')): another DC? Stop it or use another BOSSA_DC_IP"
    fi
    : >> "$LOG"
    echo "==== dc.sh start $(date '+%F %T')" >> "$LOG"
    # setsid: a session of its own, so no terminal or test JVM signal reaches it. unshare and sh
    # exec, so $! is samba's own pid.
    # stdin is /dev/null: samba -i exits when stdin is a pipe that closes. fd 9 (the lock) closed.
    setsid unshare --mount --propagation private \
      sh -c 'mount -t tmpfs tmpfs /run/samba && mkdir -p /run/samba/winbindd && exec samba -s "$1" -i' \
      sh "$SMB_CONF" </dev/null >>"$LOG" 2>&1 9>&- &
    pid=$!
    # setsid would fork (and $! be wrong) only if we were a process group leader. Wait until the
    # process is in its new mount namespace (unshare has run), so the namespace can be recorded.
    local rc=0
    record_started "$pid" || rc=$?
    [ "$rc" != 1 ] || { tail_log; die "samba exited at once"; }
    [ "$rc" != 2 ] || { kill -TERM "$pid"; die "samba is not in a mount namespace of its own (unshare failed?)"; }
    log "started samba (pid $pid), waiting until Kerberos and LDAP answer"
  elif answering; then
    log "already running (pid $pid) and answering"
    return 0
  else
    log "running (pid $pid) but not answering yet; waiting"
  fi
  while :; do
    if [ -z "$(recorded_pid)" ]; then
      tail_log
      die "the DC (pid $pid) exited while starting"
    fi
    if answering; then
      log "ready in $(( SECONDS - t0 )) s (pid $pid)"
      return 0
    fi
    if (( SECONDS - t0 >= READY_TIMEOUT )); then
      tail_log
      stop_pid "$pid"
      die "the DC did not answer Kerberos (AS for $ADMIN_USER@$REALM at $IP) and LDAPS ($DC_FQDN) within ${READY_TIMEOUT} s; stopped it"
    fi
    sleep 0.5
  done
}

stop_pid() {  # TERM the DC, wait for every process in its namespace; KILL them after 20 s
  local pid="$1" ns i
  ns=$(recorded_ns)
  [[ "$ns" =~ ^[0-9]+$ ]] || ns=$(mntns "$pid")
  kill -TERM "$pid" 2>/dev/null || true
  # the root process gone, its children follow; TERM those still there after 5 s
  drain_ns "$ns" 50
  if [ -n "$(ns_pids "$ns")" ]; then
    log "the DC's processes (mount namespace $ns) did not exit in 20 s: killing them"
    signal_ns KILL "$ns"
    for i in $(seq 50); do [ -n "$(ns_pids "$ns")" ] || break; sleep 0.1; done
  fi
  rm -f "$PID_FILE"
}

cmd_stop() {
  lock
  local pid; pid=$(recorded_pid)
  if [ -z "$pid" ]; then
    if [ -n "$(orphans "$SMB_CONF")" ]; then
      [ "$(id -u)" -eq 0 ] || die "'stop' needs root (the DC runs as root)"
      log "samba is gone; stopping what is left of it: $(orphans "$SMB_CONF" | tr '\n' ' ')"
      kill_orphans "$SMB_CONF"
    fi
    rm -f "$PID_FILE"
    log "not running"
    return 0
  fi
  [ "$(id -u)" -eq 0 ] || die "'stop' needs root (the DC runs as root)"
  stop_pid "$pid"
  echo "==== dc.sh stop $(date '+%F %T')" >> "$LOG"
  log "stopped (pid $pid)"
}

cmd_status() {
  local pid; pid=$(recorded_pid)
  if ! provisioned; then
    if [ -n "$pid" ]; then echo "running (pid $pid) but provisioned with other parameters"; else echo "not provisioned ($DIR)"; fi
    return 4
  fi
  if [ -z "$pid" ]; then echo "provisioned, not running ($DIR)"; return 3; fi
  if answering; then echo "running (pid $pid), answering at $IP ($DC_FQDN, $REALM)"; return 0; fi
  echo "running (pid $pid), not answering"
  return 1
}

cmd_env() {
  q() { printf "%s='%s'\n" "$1" "${2//\'/\'\\\'\'}"; }
  q BOSSA_DC_REALM "$REALM"
  q BOSSA_DC_DOMAIN "$DOMAIN"
  q BOSSA_DC_HOST "$DC_FQDN"
  q BOSSA_DC_IP "$IP"
  q BOSSA_DC_ADMIN "$ADMIN_USER"
  q BOSSA_DC_ADMIN_PASSWORD "$ADMIN_PASS"
  q BOSSA_DC_KRB5_CONF "$KRB5_CONF"
  q BOSSA_DC_CA "$CA_PEM"
  q BOSSA_DC_DIR "$DIR"
  q BOSSA_DC_BASE_DN "$BASE_DN"
  q BOSSA_DC_SMB_CONF "$SMB_CONF"
  q BOSSA_MEMBER_IP "$MEMBER_IP"
  q BOSSA_HOST_IP "$HOST_IP"
}

case "${1:-}" in
  host-setup) cmd_host_setup ;;
  provision) cmd_provision ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  env) cmd_env ;;
  -h|--help|help) sed -n '2,/^[^#]/{/^#/p}' "$0" | sed 's/^# \{0,1\}//' ;;
  *) echo "usage: $0 host-setup|provision|start|stop|status|env (see --help)" >&2; exit 2 ;;
esac
