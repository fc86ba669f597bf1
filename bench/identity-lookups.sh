#!/usr/bin/env bash
# Identity lookups per second through winbindd's socket: getpwnam and getgrnam answered by Bossa's
# identity service (a joined `bossa serve` at /run/samba/winbindd) and by the reference Samba
# member's winbindd (scripts/interop/member.sh, in its own mount namespace), side by side in one
# run, both joined to the loopback AD DC (scripts/interop/dc.sh). A benchmark, not a test: it
# asserts nothing about speed, it measures and prints Bossa/Samba ratios.
#
#   bench/identity-lookups.sh [--runs N] [--workers N] [--duration S] [--members N] [--no-doc]
#                             [--keep-data] [--keep-logs DIR]
#
# Data: OU=IdBench in the DC with MEMBERS users (default 2000) idb0001.. and the group idbench
# holding them all (bench/lib/identity_data.py, over LDAP as the administrator); removed at the end
# unless --keep-data (a kept OU with the same users is reused by the next run).
# Load: bench/lib/identity_lookups.c, compiled at run time, calling libnss_winbind's
# _nss_winbind_getpwnam_r / _getgrnam_r directly (not through nsswitch.conf, whose nss-systemd
# would answer the Samba side from Bossa's userdb socket; see the C file), from WORKERS processes
# (default 4) back to back for DURATION seconds (default 10): getpwnam cycles through the MEMBERS
# users, getgrnam asks for the whole group every time. On the Samba side it runs inside the
# member's mount namespace (member.sh exec), where /run/samba/winbindd is winbindd's. Warm cache:
# each side first looks every user and the group up once. N runs per side (default 3),
# interleaved, median shown; any failed lookup fails the run. A check first shows both sides give
# the first user the same uid and gid and the group all MEMBERS members.
#
#   Samba: member.sh join + start as IDBENCHS at BOSSA_MEMBER_IP
#   Bossa: scripts/bossa join + serve as IDBENCHB at BOSSA_HOST_IP (SMB on port 1445; the
#          identity sockets at their defaults, /run/samba/winbindd and /run/systemd/userdb)
#
# Prints the medians and Bossa/Samba (> 1 means Bossa is better) and rewrites the
# "## Identity lookups" section of docs/benchmarks.md unless --no-doc.
#
# Needs root, the DC running (`sudo scripts/interop/dc.sh start`; run under
# `flock /tmp/bossa-dc.lock` when tests may use the DC too), Samba's smbd, winbindd, wbinfo, net,
# libnss_winbind and Python bindings (python3-samba), a C compiler, and Java 25. Nothing else may
# answer at /run/samba/winbindd/pipe on the host.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"

. "$here/bench/lib/report.sh"

RUNS=3
WORKERS=4
DURATION=10
MEMBERS=2000
WRITE_DOC=1
KEEP_DATA=0
KEEP_LOGS=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) need_value "$@"; RUNS="$2"; shift 2 ;;
    --workers) need_value "$@"; WORKERS="$2"; shift 2 ;;
    --duration) need_value "$@"; DURATION="$2"; shift 2 ;;
    --members) need_value "$@"; MEMBERS="$2"; shift 2 ;;
    --no-doc) WRITE_DOC=0; shift ;;
    --keep-data) KEEP_DATA=1; shift ;;
    --keep-logs) need_value "$@"; KEEP_LOGS="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage_error "unknown argument: $1" ;;
  esac
done
positive_ints RUNS WORKERS DURATION MEMBERS
[ "$MEMBERS" -le 9999 ] || usage_error "--members must be at most 9999 (names are idb0001..idb9999)"

[ "$(id -u)" -eq 0 ] || die "run as root (net ads join, winbindd, /run/samba/winbindd)"
for tool in net smbd winbindd wbinfo cc unshare nsenter samba-tool; do
  command -v "$tool" >/dev/null || die "missing $tool: run scripts/install-peers.sh"
done
PY=/usr/bin/python3
"$PY" -c 'import samba.samdb' 2>/dev/null || die "Samba's Python bindings are missing: install python3-samba"
WB_PIPE=/run/samba/winbindd/pipe
if [ -S "$WB_PIPE" ] && wbinfo -p >/dev/null 2>&1; then
  die "something already answers at $WB_PIPE (a winbindd, another bossa serve): stop it first"
fi

# ---- the DC and the data ------------------------------------------------------------------------
dc_env
export KRB5_CONFIG="$BOSSA_DC_KRB5_CONF"
SAMBA_NAME=IDBENCHS
BOSSA_NAME=IDBENCHB
SAMBA_IP="$BOSSA_MEMBER_IP"
BOSSA_IP="$BOSSA_HOST_IP"
BOSSA_PORT=1445
DOMAIN="$BOSSA_DC_DOMAIN"
PREFIX=idb
GROUP=idbench

WORK="$(mktemp -d "${BENCH_TMP:-/tmp}/bossa-identity-bench.XXXXXX")"
chmod 755 "$WORK"
mkdir -p "$WORK/logs" "$WORK/bossa/share"
export BOSSA_MEMBER_DIR="$WORK/samba" BOSSA_MEMBER_NAME="$SAMBA_NAME"
BOSSA_STATE="$WORK/bossa/state"
BOSSA_PID=""; SAMBA_JOINED=0; DATA_MADE=0

member() { scripts/interop/member.sh "$@" >> "$WORK/logs/member.log" 2>&1; }
data() { BENCH_ADMIN="$BOSSA_DC_ADMIN" BENCH_ADMIN_PASSWORD="$BOSSA_DC_ADMIN_PASSWORD" "$PY" bench/lib/identity_data.py "$@"; }

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_pid "$BOSSA_PID"
  member stop || true
  if [ "$SAMBA_JOINED" = 1 ] && computer_exists "$SAMBA_NAME"; then member leave || true; fi
  if computer_exists "$BOSSA_NAME"; then bossa_leave >> "$WORK/logs/bossa-leave.log" 2>&1 || true; fi
  delete_computers "$SAMBA_NAME" "$BOSSA_NAME" || true
  if [ "$DATA_MADE" = 1 ] && [ "$KEEP_DATA" = 0 ]; then
    data delete "$BOSSA_DC_IP" "$BOSSA_DC_BASE_DN" >> "$WORK/logs/data.log" 2>&1 || log "could not delete OU=IdBench: delete it by hand"
  fi
  if [ -n "$KEEP_LOGS" ]; then
    mkdir -p "$KEEP_LOGS"
    cp -r "$WORK/logs/." "$KEEP_LOGS/" 2>/dev/null || true
    cp -r "$WORK/samba/log" "$KEEP_LOGS/samba-member" 2>/dev/null || true
    log "logs kept in $KEEP_LOGS"
  fi
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT TERM

delete_computers "$SAMBA_NAME" "$BOSSA_NAME" || die "leftover computer objects of an earlier run stay"

log "building bench/lib/identity_lookups.c"
cc -O2 -Wall -o "$WORK/lookups" bench/lib/identity_lookups.c -ldl || die "could not compile bench/lib/identity_lookups.c"

log "data: $MEMBERS users in $GROUP (OU=IdBench)"
DATA_MADE=1
data create "$BOSSA_DC_IP" "$BOSSA_DC_BASE_DN" "$MEMBERS" "$PREFIX" "$GROUP" > "$WORK/logs/data.log" 2>&1 \
  || die "could not make the test data: $(tail -3 "$WORK/logs/data.log" | tr '\n' ' ')"
log "$(tail -1 "$WORK/logs/data.log")"

# ---- Samba: the reference member --------------------------------------------------------------
log "samba: joining $SAMBA_NAME and starting smbd + winbindd at $SAMBA_IP"
SAMBA_JOINED=1
member join || die "member.sh join failed (log: $WORK/logs/member.log; --keep-logs DIR keeps it)"
member start || die "member.sh start failed: $(tail -3 "$WORK/logs/member.log" | tr '\n' ' ')"

# ---- Bossa: join, then serve --------------------------------------------------------------------
. "$here/scripts/java-home.sh"
JAVA_VERSION="$("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
log "bossa: joining $BOSSA_NAME and starting bossa serve at $BOSSA_IP:$BOSSA_PORT"
bossa_join > "$WORK/logs/bossa-join.log" 2>&1 || die "bossa join failed: $(tail -1 "$WORK/logs/bossa-join.log")"
cat > "$WORK/bossa/member.yml" <<YML
bossa:
  state-dir: $BOSSA_STATE
  netbios-name: $BOSSA_NAME
  workgroup: $BOSSA_DC_DOMAIN
  domain:
    realm: $BOSSA_DC_REALM
    dns-servers: [$BOSSA_DC_IP]
  smb:
    bind: [$BOSSA_IP]
    port: $BOSSA_PORT
  shares:
    - name: share
      path: $WORK/bossa/share
YML
unset_vars=()
for v in $(compgen -e); do
  case "$v" in BOSSA_JAVA_OPTS) ;; BOSSA_*|SPRING_*) unset_vars+=(-u "$v") ;; esac
done
env "${unset_vars[@]}" scripts/bossa serve --spring.config.additional-location="file:$WORK/bossa/member.yml" \
  > "$WORK/logs/bossa-serve.log" 2>&1 &
BOSSA_PID=$!
for i in $(seq 600); do
  kill -0 "$BOSSA_PID" 2>/dev/null || die "bossa serve exited: $(tail -3 "$WORK/logs/bossa-serve.log" | tr '\n' ' ')"
  wbinfo -p >/dev/null 2>&1 && break
  [ "$i" -lt 600 ] || die "bossa serve did not answer at $WB_PIPE within 60 s (log: $WORK/logs/bossa-serve.log)"
  sleep 0.1
done

# ---- the client: on the host for Bossa, in the member's namespace for Samba ---------------------
lookups() {
  local side="$1"; shift
  if [ "$side" = samba ]; then
    scripts/interop/member.sh exec "$WORK/lookups" "$@"
  else
    "$WORK/lookups" "$@"
  fi
}

# ---- checks: the same answer on both sides; warm caches -----------------------------------------
declare -A CHECK
for side in samba bossa; do
  CHECK[$side]="$(lookups "$side" check "$DOMAIN" "$PREFIX" "$MEMBERS" "$GROUP" 2>"$WORK/logs/$side-check.err")" \
    || die "$side: the check failed: $(cat "$WORK/logs/$side-check.err")"
  read -r _ _ _ members < <(grep '^group ' <<<"${CHECK[$side]}")
  declare "MEMBERS_$side=$members"
  # Samba 4.17's winbindd on this testbed answers getgrnam of a domain group with no members
  # (wbinfo --group-info shows "EXAMPLE\engineers:x:11107:" too); Bossa lists them all
  [ "$side" = samba ] || [ "$members" = "$MEMBERS" ] || die "$side: $DOMAIN\\$GROUP has $members members, not $MEMBERS: ${CHECK[$side]}"
  log "$side: $(tr '\n' ';' <<<"${CHECK[$side]}")"
done
[ "$(grep '^user ' <<<"${CHECK[samba]}" | cut -d' ' -f3-4)" = "$(grep '^user ' <<<"${CHECK[bossa]}" | cut -d' ' -f3-4)" ] \
  || die "the sides differ on ${DOMAIN}\\${PREFIX}0001's ids: samba '${CHECK[samba]}', bossa '${CHECK[bossa]}'"
for side in samba bossa; do
  lookups "$side" warm "$DOMAIN" "$PREFIX" "$MEMBERS" "$GROUP" > "$WORK/logs/$side-warm.log" 2>&1 \
    || die "$side: warming failed: $(tail -1 "$WORK/logs/$side-warm.log")"
done

# ---- measuring ----------------------------------------------------------------------------------
RAW="$WORK/raw"; : > "$RAW"
declare -A RATES=([samba-pw]="" [bossa-pw]="" [samba-gr]="" [bossa-gr]="")
run_begin
for i in $(seq "$RUNS"); do
  for mode in pw gr; do
    for side in samba bossa; do
      out="$WORK/logs/$side-$mode-run$i.log"
      lookups "$side" "$mode" "$DOMAIN" "$PREFIX" "$MEMBERS" "$GROUP" "$WORKERS" "$DURATION" > "$out" 2>&1 \
        || die "$side $mode run $i: the client failed: $(tail -1 "$out")"
      read -r _ n _ rate _ errors < <(grep '^lookups ' "$out") || die "$side $mode run $i: no result line in $out"
      [ "$errors" = 0 ] || die "$side $mode run $i: $errors failed lookups"
      [ "$n" -gt 0 ] || die "$side $mode run $i: no lookup finished"
      RATES[$side-$mode]+="$rate "
      echo "$side get${mode}nam run$i $n lookups in ${DURATION} s = $rate/s" >> "$RAW"
    done
  done
  log "run $i/$RUNS: $(grep " run$i " "$RAW" | tr '\n' ';')"
done
run_end
kill -0 "$BOSSA_PID" 2>/dev/null || die "bossa serve died during the run: $(tail -3 "$WORK/logs/bossa-serve.log" | tr '\n' ' ')"
BOSSA_HWM=$(kb VmHWM "/proc/$BOSSA_PID/status")

# ---- table ----------------------------------------------------------------------------------------
TABLE="$WORK/table.md"
row() {
  local label="$1" s b
  s=$(echo "${RATES[samba-$2]}" | median); b=$(echo "${RATES[bossa-$2]}" | median)
  echo "| $label | $(awk -v r="$s" 'BEGIN { printf "%.0f/s", r }') | $(awk -v r="$b" 'BEGIN { printf "%.0f/s", r }') | $(awk -v s="$s" -v b="$b" 'BEGIN { printf "%.2f", b / s }') |"
}
{
  table_header
  row "getpwnam, $MEMBERS users in turn, $WORKERS processes (lookups/s)" pw
  row "getgrnam of a $MEMBERS-member group, $WORKERS processes (lookups/s; see the members line)" gr
} > "$TABLE"
CONVENTION="Bossa/Samba > 1 means Bossa is better (Bossa's rate / Samba's rate)."
COMMIT="$(bossa_commit)"
ENV_LINES="$(machine_lines)
- DC: Samba $(samba --version | sed 's/^Version //') AD DC on $BOSSA_DC_IP ($BOSSA_DC_REALM), scripts/interop/dc.sh
- Samba: $(winbindd --version) as scripts/interop/member.sh runs it (idmap: $DOMAIN rid 10000-999999, * tdb 3000-7999), computer $SAMBA_NAME
- Bossa: commit $COMMIT, $JAVA_VERSION, \`scripts/bossa serve\` joined as $BOSSA_NAME (VmHWM at the end $(awk -v k="$BOSSA_HWM" 'BEGIN { printf "%.0f MiB", k / 1024 }'))
- load: bench/lib/identity_lookups.c, libnss_winbind's getpwnam_r/getgrnam_r called directly, $WORKERS processes, ${DURATION} s per run, warm caches
- data: $MEMBERS users ${PREFIX}0001.. in OU=IdBench, all in the group $GROUP; runs=$RUNS per side and call, interleaved
- members in each getgrnam answer: Samba $MEMBERS_samba, Bossa $MEMBERS_bossa"

print_results text

if [ "$WRITE_DOC" = 1 ]; then
  SECTION="$WORK/section.md"
  {
    echo "## Identity lookups"
    echo
    echo "Written by \`bench/identity-lookups.sh\` (\`sudo bench/identity-lookups.sh --runs N\`, against the DC"
    echo "that \`sudo scripts/interop/dc.sh start\` runs). Name lookups through winbindd's socket protocol,"
    echo "as every NSS, PAM and smbd lookup on a member makes them: Samba's winbindd"
    echo "(scripts/interop/member.sh) and a joined \`bossa serve\` serving the same protocol at"
    echo "/run/samba/winbindd. The same client, Samba's libnss_winbind called from $WORKERS processes,"
    echo "asks getpwnam for $MEMBERS domain users in turn, then getgrnam for a group holding all of"
    echo "them, back to back for ${DURATION} s per run after every name was looked up once (warm caches);"
    echo "N runs per side interleaved, median shown. Any failed lookup fails the run, and a check first"
    echo "shows both sides give the same ids and the whole member list."
    print_results markdown
    echo
    echo "Caveats: client and both servers share the same CPUs. With warm caches neither side should"
    echo "reach the DC during the runs, so this measures each server's cache and its socket protocol;"
    echo "Samba's winbindd is one process (its cache a tdb), Bossa's service runs on virtual threads."
    echo "libnss_winbind serialises one process's calls, so the load comes from separate processes."
    echo "Samba's winbindd answers getgrnam with as many members as the line above says (0 on Samba"
    echo "4.17 here: it lists no members of a domain group), so its getgrnam answers are far smaller"
    echo "than Bossa's and the getgrnam row does not compare equal work."
    echo
  } > "$SECTION"
  write_doc_section "Identity lookups" "$SECTION"
fi
