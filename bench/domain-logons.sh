#!/usr/bin/env bash
# Domain logons per second, NTLM or Kerberos: Bossa and the reference Samba member (smbd +
# winbindd) side by side, in one run, both joined to the loopback AD DC (scripts/interop/dc.sh).
# A benchmark, not a test: it asserts nothing about speed, it measures and prints Bossa/Samba
# ratios.
#
#   bench/domain-logons.sh [--mech ntlm|kerberos] [--runs N] [--workers N] [--warmup S]
#                          [--duration S] [--no-doc] [--keep-logs DIR]
#
# Load: bench/lib/domain_logons.py (Samba's client library through its Python bindings), WORKERS
# processes (default 8) each making logons back to back for WARMUP + DURATION seconds (default
# 2 + 10), counting those that finish in the last DURATION seconds. One logon is a new TCP
# connection, NEGOTIATE, a SESSION_SETUP as the domain user alice and a TREE_CONNECT to the
# share; the connection is then dropped. N runs per side (default 3), interleaved (Samba, Bossa,
# Samba, ...), after a check per side. Any failed logon fails the run. Memory is sampled every
# 0.5 s over the measured runs: for Samba the sum over every process of the member (smbd, its
# per-connection children, winbindd and its children, samba-dcerpcd), for Bossa the JVM.
#
# --mech ntlm (the default): NTLM SESSION_SETUPs (Kerberos off), which each server passes to the
# DC over Netlogon; the check shows a logon lists the share and a wrong password is refused (so
# no guest mapping is measured). Members BENCHNS and BENCHN1, addressed by IP.
# --mech kerberos: each worker gets a TGT and the cifs/ service ticket once, into a credential
# cache of its own (MIT kinit and kvno), then its logons run with a krb5.conf whose KDC answers
# nothing: each SESSION_SETUP is an AP-REQ from the cached ticket, which the server checks with
# its keytab, and no logon reaches the DC (one that tried would fail the run). Members BENCHKS
# and BENCHK1, addressed by DNS name (the SPN's host): the client runs in a mount namespace whose
# /etc/hosts adds those names. The check shows a logon lists the share, and a cache holding only
# the TGT cannot log on.
#
#   Samba: scripts/interop/member.sh join + start, at BOSSA_MEMBER_IP:445
#   Bossa: scripts/bossa join + scripts/bossa serve at BOSSA_HOST_IP:445
# Both computer accounts are removed at the end (leave, or samba-tool if the leave failed).
#
# Prints the medians and Bossa/Samba (> 1 means Bossa is better) and rewrites the
# "## Domain NTLM logons" or "## Kerberos logons" section of docs/benchmarks.md unless --no-doc.
#
# Needs root (net ads join, smbd, port 445, the client's mount namespace), the DC running
# (`sudo scripts/interop/dc.sh start`; the BOSSA_DC_*, BOSSA_MEMBER_IP and BOSSA_HOST_IP variables
# of dc.sh select it and the addresses; run under `flock /tmp/bossa-dc.lock` when tests may use the
# DC too), Samba's smbd, winbindd, net and Python bindings (python3-samba), MIT kinit and kvno
# (krb5-user) for Kerberos, and Java 25 (scripts/bossa builds target/bossa.jar when missing).
# Port 445 must be free on both addresses.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"

. "$here/bench/lib/report.sh"

MECH=ntlm
RUNS=3
WORKERS=8
WARMUP=2
DURATION=10
WRITE_DOC=1
KEEP_LOGS=""
while [ $# -gt 0 ]; do
  case "$1" in
    --mech) need_value "$@"; MECH="$2"; shift 2 ;;
    --runs) need_value "$@"; RUNS="$2"; shift 2 ;;
    --workers) need_value "$@"; WORKERS="$2"; shift 2 ;;
    --warmup) need_value "$@"; WARMUP="$2"; shift 2 ;;
    --duration) need_value "$@"; DURATION="$2"; shift 2 ;;
    --no-doc) WRITE_DOC=0; shift ;;
    --keep-logs) need_value "$@"; KEEP_LOGS="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage_error "unknown argument: $1" ;;
  esac
done
positive_ints RUNS WORKERS DURATION
case "$MECH" in
  ntlm) LABEL=NTLM; SECTION_TITLE="Domain NTLM logons" ;;
  kerberos) LABEL=Kerberos; SECTION_TITLE="Kerberos logons" ;;
  *) usage_error "--mech must be ntlm or kerberos" ;;
esac
[[ "$WARMUP" =~ ^[0-9]+$ ]] || usage_error "--warmup must be a whole number of seconds"

[ "$(id -u)" -eq 0 ] || die "run as root (net ads join, smbd and port 445)"
for tool in net smbd winbindd samba-tool unshare nsenter ss kinit kvno; do
  command -v "$tool" >/dev/null || die "missing $tool: run scripts/install-peers.sh"
done
PY=/usr/bin/python3   # the interpreter Samba's bindings are installed for
"$PY" -c 'import samba.samba3.libsmb_samba_internal' 2>/dev/null \
  || die "Samba's Python bindings are missing ($PY -c 'import samba.samba3.libsmb_samba_internal' failed): install python3-samba"
CLIENT="$here/bench/lib/domain_logons.py"

# ---- the DC and the addresses ---------------------------------------------------------------
dc_env
if [ "$MECH" = kerberos ]; then SAMBA_NAME=BENCHKS; BOSSA_NAME=BENCHK1; else SAMBA_NAME=BENCHNS; BOSSA_NAME=BENCHN1; fi
SAMBA_IP="$BOSSA_MEMBER_IP"
BOSSA_IP="$BOSSA_HOST_IP"
SAMBA_FQDN="${SAMBA_NAME,,}.${BOSSA_DC_REALM,,}"
BOSSA_FQDN="${BOSSA_NAME,,}.${BOSSA_DC_REALM,,}"
USER_NAME=alice
export BENCH_PASSWORD='Alice!Passw0rd'   # dc.sh's test user (read by the client from the environment)
for ip in "$SAMBA_IP" "$BOSSA_IP"; do
  if ss -Htln "src $ip" | grep ':445\b' >/dev/null; then
    die "something already listens on $ip:445: stop it first"
  fi
done

# ---- temp dir and cleanup -----------------------------------------------------------------
WORK="$(mktemp -d "${BENCH_TMP:-/tmp}/bossa-$MECH-bench.XXXXXX")"
chmod 755 "$WORK"
mkdir -p "$WORK/logs" "$WORK/bossa/share"
chmod 1777 "$WORK/bossa/share"
export BOSSA_MEMBER_DIR="$WORK/samba" BOSSA_MEMBER_NAME="$SAMBA_NAME"
BOSSA_STATE="$WORK/bossa/state"
BOSSA_PID=""; SAMPLER_PID=""; SAMBA_JOINED=0

member() { scripts/interop/member.sh "$@" >> "$WORK/logs/member.log" 2>&1; }

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_pid "$SAMPLER_PID"
  stop_pid "$BOSSA_PID"
  # leave nothing running and nothing in the directory: our two bench computers
  member stop || true
  if [ "$SAMBA_JOINED" = 1 ] && computer_exists "$SAMBA_NAME"; then member leave || true; fi
  if computer_exists "$BOSSA_NAME"; then bossa_leave >> "$WORK/logs/bossa-leave.log" 2>&1 || true; fi
  delete_computers "$SAMBA_NAME" "$BOSSA_NAME" || true
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

# leftovers of an earlier, interrupted run would make the joins fail
delete_computers "$SAMBA_NAME" "$BOSSA_NAME" || die "leftover computer objects of an earlier run stay"

# ---- Samba: the reference member --------------------------------------------------------------
log "samba: joining $SAMBA_NAME and starting smbd + winbindd at $SAMBA_IP"
SAMBA_JOINED=1
member join || die "member.sh join failed (log: $WORK/logs/member.log; --keep-logs DIR keeps it)"
member start || die "member.sh start failed: $(tail -3 "$WORK/logs/member.log" | tr '\n' ' ')"
SAMBA_NS="$(awk '{ print $3 }' "$BOSSA_MEMBER_DIR/member.pid")"
[[ "$SAMBA_NS" =~ ^[0-9]+$ ]] || die "no mount namespace recorded in $BOSSA_MEMBER_DIR/member.pid"

# ---- Bossa: join, then serve ------------------------------------------------------------------
. "$here/scripts/java-home.sh"
JAVA_VERSION="$("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
log "bossa: joining $BOSSA_NAME and starting bossa serve at $BOSSA_IP"
bossa_join > "$WORK/logs/bossa-join.log" 2>&1 \
  || die "bossa join failed: $(tail -1 "$WORK/logs/bossa-join.log")"
cat > "$WORK/bossa/member.yml" <<EOF
bossa:
  state-dir: $BOSSA_STATE
  netbios-name: $BOSSA_NAME
  workgroup: $BOSSA_DC_DOMAIN
  domain:
    realm: $BOSSA_DC_REALM
    dns-servers: [$BOSSA_DC_IP]
  smb:
    bind: [$BOSSA_IP]
    port: 445
  shares:
    - name: share
      path: $WORK/bossa/share
EOF
# Spring would read BOSSA_* variables (ours, the DC's) as settings: only the file configures it
# (BOSSA_JAVA_OPTS stays, scripts/bossa reads it); scripts/bossa serve execs the JVM, so $! is it
unset_vars=()
for v in $(compgen -e); do
  case "$v" in BOSSA_JAVA_OPTS) ;; BOSSA_*|SPRING_*) unset_vars+=(-u "$v") ;; esac
done
env "${unset_vars[@]}" scripts/bossa serve --spring.config.additional-location="file:$WORK/bossa/member.yml" \
  > "$WORK/logs/bossa-serve.log" 2>&1 &
BOSSA_PID=$!
for i in $(seq 600); do
  kill -0 "$BOSSA_PID" 2>/dev/null || die "bossa serve exited: $(tail -3 "$WORK/logs/bossa-serve.log" | tr '\n' ' ')"
  ss -Htln "src $BOSSA_IP" | grep ':445\b' >/dev/null && break
  [ "$i" -lt 600 ] || die "bossa serve did not listen on $BOSSA_IP:445 within 60 s"
  sleep 0.1
done

# ---- the client ------------------------------------------------------------------------------------
# client ARGS...: bench/lib/domain_logons.py --mech MECH ARGS. For Kerberos it runs in a mount
# namespace of its own whose /etc/hosts adds the two bench names (the hosts of the SPNs it asks
# for), with its credential caches in WORK and the two krb5.conf files it needs.
if [ "$MECH" = kerberos ]; then
  { cat /etc/hosts; echo "$SAMBA_IP $SAMBA_FQDN ${SAMBA_NAME,,}"; echo "$BOSSA_IP $BOSSA_FQDN ${BOSSA_NAME,,}"; } > "$WORK/hosts"
  mkdir -p "$WORK/ccache"; chmod 700 "$WORK/ccache"
  # the realm as the DC's krb5.conf has it, but its KDC is an address nothing listens on
  sed -E 's/^([[:space:]]*(kdc|admin_server|kpasswd_server)[[:space:]]*=).*/\1 127.0.0.1:9/' "$BOSSA_DC_KRB5_CONF" > "$WORK/krb5-offline.conf"
  grep -q '127.0.0.1:9' "$WORK/krb5-offline.conf" || die "could not write the offline krb5.conf from $BOSSA_DC_KRB5_CONF"
  export BENCH_REALM="$BOSSA_DC_REALM" BENCH_KRB5_CONFIG="$BOSSA_DC_KRB5_CONF" \
    BENCH_OFFLINE_KRB5_CONFIG="$WORK/krb5-offline.conf" BENCH_CCACHE_DIR="$WORK/ccache"
fi
client() {
  if [ "$MECH" = kerberos ]; then
    unshare --mount --propagation private sh -c 'mount --bind "$1" /etc/hosts && shift && exec "$@"' \
      sh "$WORK/hosts" "$PY" "$CLIENT" --mech kerberos "$@"
  else
    "$PY" "$CLIENT" --mech ntlm "$@"
  fi
}
# the server as the client names it: by IP for NTLM, by DNS name (the SPN's host) for Kerberos
target() {
  if [ "$MECH" = kerberos ]; then
    [ "$1" = samba ] && echo "$SAMBA_FQDN" || echo "$BOSSA_FQDN"
  else
    [ "$1" = samba ] && echo "$SAMBA_IP" || echo "$BOSSA_IP"
  fi
}

# ---- checks: a logon works; NTLM: a wrong password does not; Kerberos: nothing without the ticket --
for side in samba bossa; do
  client check "$(target "$side")" share "$BOSSA_DC_DOMAIN" "$USER_NAME" > "$WORK/logs/$side-check.log" 2>&1 \
    || die "$side: the logon check failed: $(tail -1 "$WORK/logs/$side-check.log")"
  if [ "$MECH" = kerberos ]; then
    log "$side: $USER_NAME@$BOSSA_DC_REALM logs on to $(target "$side") from cached tickets and lists the share; without the service ticket no logon"
  else
    log "$side: $BOSSA_DC_DOMAIN\\$USER_NAME logs on and lists the share; a wrong password is refused"
  fi
done

# ---- memory sampler ---------------------------------------------------------------------------
MEM="$WORK/mem"   # written by sample_memory (bench/lib/report.sh)
# every process of the member: those in its mount namespace
member_pids() { stat -L -c '%n %i' /proc/[0-9]*/ns/mnt 2>/dev/null | awk -v i="$SAMBA_NS" '$2 == i { split($1, a, "/"); print a[3] }'; }

# ---- measuring ----------------------------------------------------------------------------------
RAW="$WORK/raw"; : > "$RAW"
declare -A RATES=([samba]="" [bossa]="") CPU=([samba]="" [bossa]="")
sample_memory member_pids &
SAMPLER_PID=$!
run_begin
for i in $(seq "$RUNS"); do
  for side in samba bossa; do
    out="$WORK/logs/$side-run$i.log"
    client run "$(target "$side")" share "$BOSSA_DC_DOMAIN" "$USER_NAME" "$WORKERS" "$WARMUP" "$DURATION" > "$out" 2>&1 \
      || die "$side run $i: the client failed: $(tail -1 "$out")"
    read -r _ logons _ rate _ errors _ cpu < <(grep '^logons ' "$out") || die "$side run $i: no result line in $out"
    [ "$errors" = 0 ] || die "$side run $i: $errors failed logons ($(grep '^first error' "$out" || true))"
    [ "$logons" -gt 0 ] || die "$side run $i: no logon finished in the measured $DURATION s"
    RATES[$side]+="$rate "; CPU[$side]+="$cpu "
    echo "$side run$i $logons logons in ${DURATION} s = $rate/s (client CPU ${cpu} s)" >> "$RAW"
  done
  log "run $i/$RUNS: $(grep " run$i " "$RAW" | sed 's/ (client.*//' | tr '\n' ';')"
done
run_end
sleep 0.6   # one more memory sample
stop_pid "$SAMPLER_PID"; SAMPLER_PID=""
SAMBA_PSS=0 SAMBA_RSS=0 SAMBA_NPROC=0 BOSSA_PSS=0 BOSSA_RSS=0
read -r SAMBA_PSS SAMBA_RSS SAMBA_NPROC BOSSA_PSS BOSSA_RSS < "$MEM" || true
BOSSA_HWM=$(kb VmHWM "/proc/$BOSSA_PID/status")
kill -0 "$BOSSA_PID" 2>/dev/null || die "bossa serve died during the run: $(tail -3 "$WORK/logs/bossa-serve.log" | tr '\n' ' ')"

# ---- table ----------------------------------------------------------------------------------
TABLE="$WORK/table.md"
sm=$(echo "${RATES[samba]}" | median)
bm=$(echo "${RATES[bossa]}" | median)
mib() { awk -v k="$1" 'BEGIN { printf "%.0f MiB", k / 1024 }'; }
{
  table_header
  echo "| $LABEL logons, $WORKERS clients (logons/s) | $(awk -v r="$sm" 'BEGIN { printf "%.0f/s", r }') | $(awk -v r="$bm" 'BEGIN { printf "%.0f/s", r }') | $(awk -v s="$sm" -v b="$bm" 'BEGIN { printf "%.2f", b / s }') |"
  echo "| peak server memory (PSS, sampled) | $(mib "$SAMBA_PSS") | $(mib "$BOSSA_PSS") | $(awk -v s="$SAMBA_PSS" -v b="$BOSSA_PSS" 'BEGIN { if (b > 0) printf "%.2f", s / b; else print "-" }') |"
} > "$TABLE"
CONVENTION="Bossa/Samba > 1 means Bossa is better: for the logon rate it is Bossa/Samba, for memory Samba/Bossa."

COMMIT="$(bossa_commit)"
if [ "$MECH" = kerberos ]; then
  LOAD_SETUP="Kerberos SESSION_SETUP ($USER_NAME@$BOSSA_DC_REALM; AP-REQ from the worker's cached cifs/ ticket, no KDC reachable)"
else
  LOAD_SETUP="NTLM SESSION_SETUP ($BOSSA_DC_DOMAIN\\$USER_NAME)"
fi
ENV_LINES="$(machine_lines)
- DC: Samba $(samba --version | sed 's/^Version //') AD DC on $BOSSA_DC_IP ($BOSSA_DC_REALM), scripts/interop/dc.sh
- Samba: $(smbd --version), smbd + winbindd as scripts/interop/member.sh runs them, computer $SAMBA_NAME at $SAMBA_IP:445
- Bossa: commit $COMMIT, $JAVA_VERSION, \`scripts/bossa serve\` joined as $BOSSA_NAME, at $BOSSA_IP:445
- load: bench/lib/domain_logons.py --mech $MECH (Samba $(smbd --version | sed 's/^Version //') client library), $WORKERS worker processes, logon = TCP connect + NEGOTIATE + $LOAD_SETUP + TREE_CONNECT, then disconnect
- parameters: runs=$RUNS per side, interleaved; each ${WARMUP} s warm-up + ${DURATION} s counted
- memory: Samba = sum over all the member's processes (at most $SAMBA_NPROC at once; RSS sum $(mib "$SAMBA_RSS")); Bossa = the JVM (RSS $(mib "$BOSSA_RSS"), VmHWM $(mib "$BOSSA_HWM"))
- client CPU per run (s): Samba $(echo "${CPU[samba]}" | xargs), Bossa $(echo "${CPU[bossa]}" | xargs)"

print_results text

# ---- docs/benchmarks.md: the section of this mechanism only -------------------------------------
if [ "$WRITE_DOC" = 1 ]; then
  SECTION="$WORK/section.md"
  {
    echo "## $SECTION_TITLE"
    echo
    if [ "$MECH" = kerberos ]; then
      echo "Written by \`bench/domain-logons.sh --mech kerberos\` (\`sudo bench/domain-logons.sh --mech kerberos"
      echo "--runs N\`, against the DC that \`sudo scripts/interop/dc.sh start\` runs). Both servers are joined"
      echo "members that check each Kerberos AP-REQ with their keytab, without the DC: Samba's smbd +"
      echo "winbindd (scripts/interop/member.sh) and \`bossa serve\`. The same client, Samba's client library"
      echo "driven from $WORKERS Python processes, makes full logons back to back: a new TCP connection,"
      echo "NEGOTIATE, a Kerberos SESSION_SETUP as a domain user and a TREE_CONNECT, then a disconnect."
      echo "Each process gets a TGT and the server's cifs/ ticket once, into a credential cache of its own"
      echo "(MIT kinit and kvno); its logons then run with a krb5.conf whose KDC answers nothing, so each is"
      echo "an AP-REQ from the cached ticket and none reaches the DC. Logons finishing in the ${DURATION} s after"
      echo "a ${WARMUP} s warm-up are counted, N runs per side interleaved, median shown. Any failed logon fails"
      echo "the run, and each side first shows that a cache without the service ticket cannot log on."
    else
      echo "Written by \`bench/domain-logons.sh\` (\`sudo bench/domain-logons.sh --runs N\`, against the DC that"
      echo "\`sudo scripts/interop/dc.sh start\` runs). Both servers are joined members that pass each NTLM"
      echo "response to the DC over Netlogon: Samba's smbd + winbindd (scripts/interop/member.sh) and"
      echo "\`bossa serve\`. The same client, Samba's client library driven from $WORKERS Python processes,"
      echo "makes full logons back to back: a new TCP connection, NEGOTIATE, an NTLM SESSION_SETUP as a"
      echo "domain user and a TREE_CONNECT, then a disconnect; logons finishing in the ${DURATION} s after a"
      echo "${WARMUP} s warm-up are counted, N runs per side interleaved, median shown. Any failed logon"
      echo "fails the run, and each side first shows that a wrong password is refused."
    fi
    print_results markdown
    echo
    if [ "$MECH" = kerberos ]; then
      echo "Caveats: client, both servers and the DC share the same CPUs. No logon goes to the KDC; what a"
      echo "server itself asks the DC or its caches after checking the ticket (the PAC already carries the"
      echo "user's groups) is part of what is measured. Samba forks an smbd per connection, which this load"
      echo "(one connection per logon) exercises on every logon. Bossa writes an audit line per logon."
      echo "Bossa's JVM keeps compiling through the first runs (the warm-up is only ${WARMUP} s per run), so"
      echo "its rate tends to rise from run to run."
    else
      echo "Caveats: client, both servers and the DC share the same CPUs, so every logon also pays for"
      echo "the DC's work and the client's; a side that leaves more CPU to the DC looks better. Samba"
      echo "forks an smbd per connection, which this load (one connection per logon) exercises on every"
      echo "logon. The member's own name resolves from its hosts file (member.sh), not from DNS. Bossa's"
      echo "JVM keeps compiling through the first runs (the warm-up is only ${WARMUP} s per run), so its rate"
      echo "tends to rise from run to run."
    fi
    echo
  } > "$SECTION"
  write_doc_section "$SECTION_TITLE" "$SECTION"
fi
