#!/usr/bin/env bash
# Bossa and Samba's smbd side by side, in one run, on 127.0.0.1. A benchmark, not a test: it
# asserts nothing about speed, it measures and prints Bossa/Samba ratios.
#
#   bench/smb-vs-samba.sh [--runs N] [--size-mib N] [--timelimit S] [--nprocs N] [--qdepth N]
#                         [--only REGEX] [--no-doc] [--keep-logs DIR]
#
# Needs root (creates the Unix user benchuser, runs smbd), Samba 4.17+ (smbd, smbpasswd,
# smbclient, smbtorture from samba-testsuite), GNU time, and a Java 25 JDK.
#
# Workloads, each against both servers in the same run, N timed runs each, interleaved
# (Samba, Bossa, Samba, Bossa, ...) after one untimed warm-up/check run per server:
#   - smbclient get of a SIZE file to /dev/null, and put of a SIZE file, each with
#     --client-protection=off (plain), =sign (signed) and =encrypt (AES-128-GCM forced with
#     "client smb3 encryption algorithms = AES-128-GCM"), max protocol SMB3_11;
#   - smbtorture smb2.bench.echo and smb2.bench.path-contention-shared (torture:timelimit,
#     torture:nprocs, torture:qdepth), reading the final average "num/s" line;
#   - peak server memory, sampled every 0.5 s for the whole run: the sum of PSS over every smbd
#     process of our instance, and the Bossa JVM's PSS (plus its VmHWM, printed).
# Prints a table (median per scenario; ratio > 1 means Bossa is better) and rewrites
# docs/benchmarks.md with it unless --no-doc.
#
# Environment overrides: SAMBA_PORT, BOSSA_PORT (default: first free port from 14450 up),
# BENCH_TMP (parent of the temp dir; default /tmp; both shares live there, so on one filesystem).
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"

. "$here/bench/lib/report.sh"

RUNS=3
SIZE_MIB=1024
TIMELIMIT=10
NPROCS=2
QDEPTH=1
ONLY=""
WRITE_DOC=1
KEEP_LOGS=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) need_value "$@"; RUNS="$2"; shift 2 ;;
    --size-mib) need_value "$@"; SIZE_MIB="$2"; shift 2 ;;
    --timelimit) need_value "$@"; TIMELIMIT="$2"; shift 2 ;;
    --nprocs) need_value "$@"; NPROCS="$2"; shift 2 ;;
    --qdepth) need_value "$@"; QDEPTH="$2"; shift 2 ;;
    --only) need_value "$@"; ONLY="$2"; shift 2 ;;
    --no-doc) WRITE_DOC=0; shift ;;
    --keep-logs) need_value "$@"; KEEP_LOGS="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage_error "unknown argument: $1" ;;
  esac
done
positive_ints RUNS SIZE_MIB TIMELIMIT NPROCS QDEPTH

[ "$(id -u)" -eq 0 ] || die "run as root (needs useradd and smbd)"
for tool in smbd smbpasswd smbclient smbtorture /usr/bin/time ss; do
  command -v "$tool" >/dev/null || die "missing $tool (Debian: samba smbclient samba-testsuite time iproute2)"
done

# ---- Java and the jar -------------------------------------------------------------------
. "$here/scripts/java-home.sh"
JAR="$here/target/bossa.jar"
if [ ! -f "$JAR" ]; then
  log "building $JAR"
  ./mvnw -B -q -o -T1 package -DskipTests >&2 || die "build failed"
fi

# ---- temp dir and cleanup ---------------------------------------------------------------
WORK="$(mktemp -d "${BENCH_TMP:-/tmp}/bossa-bench.XXXXXX")"
chmod 755 "$WORK"     # benchuser must reach the share directories below it
SMBD_PID=""; BOSSA_PID=""; SAMPLER_PID=""
SAMBA_CONF="$WORK/samba/smbd.conf"

smbd_pids() { pgrep -f -- "-s $SAMBA_CONF" || true; }   # every process of our smbd (forks keep argv)

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_pid "$SAMPLER_PID" 5
  stop_pid "$BOSSA_PID" 5
  stop_pid "$SMBD_PID" 5
  local p; for p in $(smbd_pids); do stop_pid "$p" 5; done
  if [ -n "$KEEP_LOGS" ]; then
    mkdir -p "$KEEP_LOGS"
    cp -r "$WORK/logs/." "$KEEP_LOGS/" 2>/dev/null || true
    cp "$WORK"/samba/log/* "$KEEP_LOGS/" 2>/dev/null || true
    log "logs kept in $KEEP_LOGS"
  fi
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT TERM

mkdir -p "$WORK"/{logs,data,samba/{private,lock,state,cache,pid,ncalrpc,log,share},bossa/{state,share}}

# ---- ports and the user -----------------------------------------------------------------
port_free() { ! ss -Htln "sport = :$1" | grep -q .; }
pick_port() {
  local p
  for p in $(seq "$1" $(( $1 + 200 ))); do
    [ "$p" = "${2:-}" ] && continue
    if port_free "$p"; then echo "$p"; return; fi
  done
  die "no free port from $1"
}
SAMBA_PORT="${SAMBA_PORT:-$(pick_port 14450)}"
BOSSA_PORT="${BOSSA_PORT:-$(pick_port 14450 "$SAMBA_PORT")}"
port_free "$SAMBA_PORT" || die "port $SAMBA_PORT is in use"
port_free "$BOSSA_PORT" || die "port $BOSSA_PORT is in use"

BENCH_USER=benchuser
BENCH_PASS="Bench-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
if ! id "$BENCH_USER" >/dev/null 2>&1; then
  log "creating Unix user $BENCH_USER"
  useradd --system --no-create-home --shell /usr/sbin/nologin "$BENCH_USER"
fi
BENCH_UID="$(id -u "$BENCH_USER")"; BENCH_GID="$(id -g "$BENCH_USER")"
chown "$BENCH_USER:" "$WORK/samba/share" "$WORK/bossa/share"

AUTH="$WORK/auth"     # one credentials file for smbclient and smbtorture
( umask 077; printf 'username = %s\npassword = %s\n' "$BENCH_USER" "$BENCH_PASS" > "$AUTH" )
CLIENT_CONF="$WORK/client.conf"   # keeps /etc/samba/smb.conf out of the clients
printf '[global]\n  client min protocol = SMB2_02\n  client max protocol = SMB3_11\n' > "$CLIENT_CONF"

wait_port() {  # wait_port PORT PID NAME
  local i
  for i in $(seq 120); do
    ss -Htln "sport = :$1" | grep -q . && return 0
    kill -0 "$2" 2>/dev/null || return 1
    sleep 0.25
  done
  return 1
}

# ---- Samba smbd, standalone -------------------------------------------------------------
S="$WORK/samba"
cat > "$SAMBA_CONF" <<EOF
[global]
  server role = standalone server
  security = user
  workgroup = WORKGROUP
  netbios name = SAMBABENCH
  passdb backend = tdbsam:$S/private/passdb.tdb
  interfaces = 127.0.0.1
  bind interfaces only = yes
  smb ports = $SAMBA_PORT
  disable netbios = yes
  server min protocol = SMB2_02
  server max protocol = SMB3_11
  # the client chooses the protection per scenario (like Bossa's signing: enabled, encryption: off)
  server signing = auto
  server smb encrypt = if_required
  private dir = $S/private
  lock directory = $S/lock
  state directory = $S/state
  cache directory = $S/cache
  pid directory = $S/pid
  ncalrpc dir = $S/ncalrpc
  log file = $S/log/smbd.log
  log level = 0
  load printers = no
  printing = bsd
  printcap name = /dev/null
  disable spoolss = yes

[share]
  path = $S/share
  read only = no
EOF
printf '%s\n%s\n' "$BENCH_PASS" "$BENCH_PASS" | smbpasswd -a -s -c "$SAMBA_CONF" "$BENCH_USER" >"$WORK/logs/smbpasswd.log" 2>&1 \
  || { cat "$WORK/logs/smbpasswd.log" >&2; die "smbpasswd -a failed"; }
log "starting smbd on 127.0.0.1:$SAMBA_PORT"
# Not --no-process-group: smbd signals its whole process group when it stops, which would be
# this script; in its own group (the default with -F) the TERM reaches only smbd's children.
smbd -F -s "$SAMBA_CONF" >"$WORK/logs/smbd.out" 2>&1 &
SMBD_PID=$!
wait_port "$SAMBA_PORT" "$SMBD_PID" || { tail -20 "$WORK/logs/smbd.out" "$S/log/smbd.log" >&2 2>/dev/null; die "smbd did not start"; }

# ---- Bossa ------------------------------------------------------------------------------
B="$WORK/bossa"
cat > "$B/bossa.yml" <<EOF
bossa:
  state-dir: $B/state
  netbios-name: BOSSABENCH
  workgroup: WORKGROUP
  smb:
    bind: [127.0.0.1]
    port: $BOSSA_PORT
    signing: enabled
    encryption: "off"
  shares:
    - name: share
      path: $B/share
EOF
. "$here/scripts/jvm-options.sh"
JAVA_OPTS=("${BOSSA_JVM_OPTS[@]}")   # as scripts/bossa runs it
DIAG_OPTS=("-XX:ErrorFile=$WORK/logs/hs_err_%p.log")                # a JVM crash log is kept with the logs
printf '%s\n' "$BENCH_PASS" | "$JAVA_HOME/bin/java" "${JAVA_OPTS[@]}" -jar "$JAR" user add "$BENCH_USER" \
  --password-stdin --state-dir "$B/state" --uid "$BENCH_UID" --gid "$BENCH_GID" >"$WORK/logs/bossa-user.log" 2>&1 \
  || { cat "$WORK/logs/bossa-user.log" >&2; die "bossa user add failed"; }
log "starting Bossa on 127.0.0.1:$BOSSA_PORT"
# a wrapper subshell records the JVM's exit status, so a crash is reported with its cause
( SPRING_CONFIG_ADDITIONAL_LOCATION="$B/bossa.yml" "$JAVA_HOME/bin/java" "${JAVA_OPTS[@]}" "${DIAG_OPTS[@]}" -jar "$JAR" serve \
    >"$WORK/logs/bossa.log" 2>&1 &
  echo $! > "$WORK/bossa.pid"; st=0; wait $! || st=$?; echo "$st" > "$WORK/logs/bossa.exit" ) &
for i in $(seq 50); do [ -s "$WORK/bossa.pid" ] && break; sleep 0.1; done
BOSSA_PID=$(cat "$WORK/bossa.pid")
wait_port "$BOSSA_PORT" "$BOSSA_PID" || { tail -30 "$WORK/logs/bossa.log" >&2; die "Bossa did not start"; }

# ---- data: one random file, hard-linked into both shares (same bytes, same page cache) ---
SIZE_BYTES=$(( SIZE_MIB * 1024 * 1024 ))
if [ "$SIZE_MIB" -ge 1024 ] && [ $(( SIZE_MIB % 1024 )) -eq 0 ]; then SIZE_LABEL="$(( SIZE_MIB / 1024 )) GiB"; else SIZE_LABEL="$SIZE_MIB MiB"; fi
SRC="$WORK/data/src.bin"
XFER_TIMEOUT=$(( SIZE_MIB / 4 > 60 ? SIZE_MIB / 4 : 60 ))   # a transfer slower than 4 MiB/s counts as failed
log "writing a $SIZE_LABEL random file"
head -c "$SIZE_BYTES" /dev/urandom > "$SRC"
chown "$BENCH_USER:" "$SRC"
ln "$SRC" "$S/share/get.bin"
ln "$SRC" "$B/share/get.bin"

# ---- memory sampler ---------------------------------------------------------------------
MEM="$WORK/mem"   # written by sample_memory (bench/lib/report.sh), smbd's processes as Samba's
sample_memory smbd_pids &
SAMPLER_PID=$!

# ---- helpers ----------------------------------------------------------------------------
RESULTS="$WORK/results"   # lines: key|kind|label|samba_values|bossa_values|samba_fail|bossa_fail
RAW="$WORK/raw"           # one line per measurement
: > "$RESULTS"; : > "$RAW"
port_of() { [ "$1" = samba ] && echo "$SAMBA_PORT" || echo "$BOSSA_PORT"; }
share_dir() { [ "$1" = samba ] && echo "$S/share" || echo "$B/share"; }
alive() {
  if [ "$1" = samba ]; then kill -0 "$SMBD_PID" 2>/dev/null; else kill -0 "$BOSSA_PID" 2>/dev/null; fi
}
exit_note() {  # why a server is gone, for a table cell
  local st
  if [ "$1" = bossa ]; then
    for i in 1 2 3 4 5; do [ -s "$WORK/logs/bossa.exit" ] && break; sleep 0.2; done
    st=$(cat "$WORK/logs/bossa.exit" 2>/dev/null || true)
    if [ -z "$st" ]; then echo "server process exited"
    elif [ "$st" -gt 128 ]; then echo "server process exited (killed by SIG$(kill -l $(( st - 128 ))))"
    else echo "server process exited (status $st)"; fi
  else
    echo "server process exited"
  fi
}
reason() {  # first NT_STATUS / error line of a log, cleaned for a table cell
  local r
  r=$(grep -m1 -oE 'timed out after [0-9]+s|server process exited.*' "$1" 2>/dev/null || true)
  [ -n "$r" ] || r=$(grep -oE 'NT_STATUS_[A-Z0-9_]+' "$1" 2>/dev/null | head -1 || true)
  [ -n "$r" ] || r=$(grep -m1 -oE '(failure|error): .*|[Ee]rror.*' "$1" 2>/dev/null || true)
  [ -n "$r" ] || r=$(grep -v '^\s*$' "$1" 2>/dev/null | tail -1 || true)
  [ -n "$r" ] || r="no output"
  printf '%s' "$r" | tr '|\r\n' '/  ' | cut -c1-90
}
fail_reason() {  # fail_reason LOG SERVER: the log's reason, plus the server's exit if it died
  local r; r=$(reason "$1")
  if ! alive "$2" && [[ "$r" != "server process exited"* ]]; then r="$r; $(exit_note "$2")"; fi
  printf '%s' "$r"
}
should_run() { [ -z "$ONLY" ] || [[ "$1" =~ $ONLY ]]; }

# smbclient_once SERVER OP PROT LOG: one transfer; prints elapsed seconds, or returns 1
smbclient_once() {
  local server="$1" op="$2" prot="$3" out="$4" cmd dir
  dir=$(share_dir "$server")
  local args=(-s "$CLIENT_CONF" "//127.0.0.1/share" -p "$(port_of "$server")" -A "$AUTH" -m SMB3_11
              "--client-protection=$prot")
  [ "$prot" = encrypt ] && args+=("--option=client smb3 encryption algorithms=AES-128-GCM")
  if [ "$op" = get ]; then
    cmd="get get.bin /dev/null"
  else
    cmd="put $SRC put.bin"
    rm -f "$dir/put.bin"; sync     # untimed: start every put from the same state
  fi
  alive "$server" || { exit_note "$server" > "$out"; return 1; }
  local rc=0
  timeout "$XFER_TIMEOUT" /usr/bin/time -f 'TIME %e %M' -o "$out.time" smbclient "${args[@]}" -c "$cmd" >"$out" 2>&1 || rc=$?
  if [ "$rc" -eq 124 ]; then echo "timed out after ${XFER_TIMEOUT}s" >> "$out"; return 1; fi
  [ "$rc" -eq 0 ] || return 1
  grep -q 'NT_STATUS_' "$out" && return 1
  if [ "$op" = get ]; then
    grep -q "of size $SIZE_BYTES as" "$out" || { echo "short read: $(tail -1 "$out")" >> "$out"; return 1; }
  else
    local got; got=$(stat -c %s "$dir/put.bin" 2>/dev/null || echo 0)
    [ "$got" = "$SIZE_BYTES" ] || { echo "put.bin has $got bytes, expected $SIZE_BYTES" >> "$out"; return 1; }
  fi
  awk '$1 == "TIME" { print $2 }' "$out.time"
}

# transfer_scenario OP PROT LABEL
transfer_scenario() {
  local op="$1" prot="$2" label="$3" key="$1-$2" server i t
  should_run "$key" || return 0
  declare -A vals=([samba]="" [bossa]="") fail=([samba]="" [bossa]="")
  log "$label: warm-up"
  for server in samba bossa; do
    if ! smbclient_once "$server" "$op" "$prot" "$WORK/logs/$key-$server-warmup.log" >/dev/null; then
      fail[$server]="failed: $(fail_reason "$WORK/logs/$key-$server-warmup.log" "$server")"
      cp "$WORK/logs/$key-$server-warmup.log" "$WORK/logs/$key-$server-failed.log"
    fi
  done
  for i in $(seq "$RUNS"); do
    for server in samba bossa; do
      [ -n "${fail[$server]}" ] && continue
      if t=$(smbclient_once "$server" "$op" "$prot" "$WORK/logs/$key-$server-$i.log"); then
        vals[$server]+="$t "
        echo "$key $server run$i ${t}s" >> "$RAW"
      else
        fail[$server]="failed (run $i): $(fail_reason "$WORK/logs/$key-$server-$i.log" "$server")"
      fi
    done
    log "$label: run $i/$RUNS samba=[${vals[samba]}] bossa=[${vals[bossa]}]"
  done
  rm -f "$S/share/put.bin" "$B/share/put.bin"
  echo "$key|time|$label|${vals[samba]}|${vals[bossa]}|${fail[samba]}|${fail[bossa]}" >> "$RESULTS"
}

# torture_once SERVER TEST LOG: prints the final average num/s, or returns 1
torture_once() {
  local server="$1" test="$2" out="$3" pat
  alive "$server" || { exit_note "$server" > "$out"; return 1; }
  timeout $(( TIMELIMIT + 60 )) smbtorture -s "$CLIENT_CONF" "//127.0.0.1/share" -p "$(port_of "$server")" \
    -A "$AUTH" -m SMB3_11 "--option=torture:timelimit=$TIMELIMIT" "--option=torture:nprocs=$NPROCS" \
    "--option=torture:qdepth=$QDEPTH" "smb2.bench.$test" 2>&1 | tr '\r' '\n' > "$out" || true
  grep -q "^success: $test" "$out" || { grep -q . "$out" || echo "no output (timed out?)" > "$out"; return 1; }
  [ "$test" = echo ] && pat='echo\[num/s=' || pat='open\[num/s='
  # progress lines end in \r, the final average (total / timelimit) is the last one
  grep -E "$pat" "$out" | tail -1 | grep -oE "${pat}[0-9]+" | grep -oE '[0-9]+$'
}

torture_scenario() {
  local test="$1" label="$2" key="torture-$1" server i r
  should_run "$key" || return 0
  declare -A vals=([samba]="" [bossa]="") fail=([samba]="" [bossa]="")
  for i in $(seq "$RUNS"); do
    for server in samba bossa; do
      [ -n "${fail[$server]}" ] && continue
      if r=$(torture_once "$server" "$test" "$WORK/logs/$key-$server-$i.log") && [ -n "$r" ]; then
        vals[$server]+="$r "
        echo "$key $server run$i ${r}/s" >> "$RAW"
      else
        fail[$server]="failed (run $i): $(fail_reason "$WORK/logs/$key-$server-$i.log" "$server")"
        cp "$WORK/logs/$key-$server-$i.log" "$WORK/logs/$key-$server-failed.log"
      fi
    done
    log "$label: run $i/$RUNS samba=[${vals[samba]}] bossa=[${vals[bossa]}]"
  done
  echo "$key|rate|$label|${vals[samba]}|${vals[bossa]}|${fail[samba]}|${fail[bossa]}" >> "$RESULTS"
}

# ---- run --------------------------------------------------------------------------------
run_begin
for prot in off sign encrypt; do
  case "$prot" in off) pl=plain ;; sign) pl=signed ;; encrypt) pl="encrypted AES-128-GCM" ;; esac
  transfer_scenario get "$prot" "get $SIZE_LABEL, $pl"
  transfer_scenario put "$prot" "put $SIZE_LABEL, $pl"
done
torture_scenario echo "smb2.bench.echo"
torture_scenario path-contention-shared "smb2.bench.path-contention-shared (opens)"
run_end

sleep 0.6   # one more memory sample
SMBD_PSS=0 SMBD_RSS=0 SMBD_NPROC=0 BOSSA_PSS=0 BOSSA_RSS=0
read -r SMBD_PSS SMBD_RSS SMBD_NPROC BOSSA_PSS BOSSA_RSS < "$MEM" || true
BOSSA_HWM=$(kb VmHWM "/proc/$BOSSA_PID/status")
SMBD_MAIN_HWM=$(kb VmHWM "/proc/$SMBD_PID/status")
BOSSA_ALIVE=yes; alive bossa || BOSSA_ALIVE="no, $(exit_note bossa) during the run"
mem_fail_b=""; [ "${BOSSA_PSS:-0}" -gt 0 ] || mem_fail_b="failed: no sample"
echo "memory|mem|peak server memory (PSS, sampled)|$SMBD_PSS|$BOSSA_PSS||$mem_fail_b" >> "$RESULTS"

# ---- table ------------------------------------------------------------------------------
fmt_cell() {  # fmt_cell KIND MEDIAN
  case "$1" in
    time) awk -v t="$2" -v m="$SIZE_MIB" 'BEGIN { printf "%.2f s (%.0f MiB/s)", t, m / t }' ;;
    rate) awk -v r="$2" 'BEGIN { printf "%.0f /s", r }' ;;
    mem)  awk -v k="$2" 'BEGIN { printf "%.0f MiB", k / 1024 }' ;;
  esac
}
TABLE="$WORK/table.md"
{
  table_header
  while IFS='|' read -r key kind label sv bv sf bf; do
    sm=""; bm=""; ratio="-"
    [ -z "$sf" ] && sm=$(echo "$sv" | median)
    [ -z "$bf" ] && bm=$(echo "$bv" | median)
    [ -z "$sf" ] && [ -z "$sm" ] && sf="failed: no value"
    [ -z "$bf" ] && [ -z "$bm" ] && bf="failed: no value"
    if [ -z "$sf" ] && [ -z "$bf" ]; then
      case "$kind" in
        time|mem) ratio=$(awk -v s="$sm" -v b="$bm" 'BEGIN { printf "%.2f", s / b }') ;;
        rate)     ratio=$(awk -v s="$sm" -v b="$bm" 'BEGIN { printf "%.2f", b / s }') ;;
      esac
    fi
    scell="${sf:-$(fmt_cell "$kind" "$sm")}"
    bcell="${bf:-$(fmt_cell "$kind" "$bm")}"
    echo "| $label | $scell | $bcell | $ratio |"
  done < "$RESULTS"
} > "$TABLE"
CONVENTION="Bossa/Samba > 1 means Bossa is better: for times and memory the ratio is Samba/Bossa, for rates Bossa/Samba."

JAVA_VERSION="$("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
SAMBA_VERSION="$(smbd --version)"
COMMIT="$(bossa_commit)"
FS="$(stat -f -c %T "$WORK") ($(df --output=source "$WORK" | tail -1))"
ENV_LINES="$(machine_lines)
- Samba: $SAMBA_VERSION; smbclient/smbtorture: $(smbclient --version)
- Bossa: commit $COMMIT, $JAVA_VERSION, JVM flags ${JAVA_OPTS[*]}
- filesystem of both shares: $FS
- parameters: runs=$RUNS (after 1 untimed warm-up per transfer scenario), size=$SIZE_LABEL, smbtorture timelimit=${TIMELIMIT}s nprocs=$NPROCS qdepth=$QDEPTH
- memory: smbd = sum of PSS over all its processes (at most $SMBD_NPROC at once; RSS sum $(( SMBD_RSS / 1024 )) MiB, main process VmHWM $(( SMBD_MAIN_HWM / 1024 )) MiB); Bossa = JVM PSS (RSS $(( BOSSA_RSS / 1024 )) MiB, VmHWM $(( BOSSA_HWM / 1024 )) MiB); Bossa alive at the end: $BOSSA_ALIVE"

print_results text

FAILED_LOGS=$(ls "$WORK"/logs/*-failed.log 2>/dev/null || true)
if [ -n "$FAILED_LOGS" ]; then
  echo
  echo "Failures (last lines of each failing log; Bossa log tail below):"
  for f in $FAILED_LOGS; do echo "--- $(basename "$f")"; tail -5 "$f"; done
  echo "--- bossa.log (tail)"; tail -20 "$WORK/logs/bossa.log"
fi

# ---- docs/benchmarks.md -----------------------------------------------------------------
if [ "$WRITE_DOC" = 1 ]; then
  DOC="$here/docs/benchmarks.md"
  domain_sections="$(awk '/^## Domain join$/{p=1} p' "$DOC" 2>/dev/null || true)"
  mkdir -p "$here/docs"
  {
    cat <<'EOF'
# Benchmarks: Bossa and Samba side by side

This page is written by `bench/smb-vs-samba.sh`; rerun the script to refresh it. The figures are
measurements on one machine at one moment, not promises: nothing asserts on them.

## How to run

    sudo bench/smb-vs-samba.sh                  # N=3 runs, 1 GiB, 5 to 8 minutes
    sudo bench/smb-vs-samba.sh --runs 5 --timelimit 20 --nprocs 4
    sudo bench/smb-vs-samba.sh --only 'get|echo' --no-doc --keep-logs /tmp/bench-logs

Needs root (it creates the Unix user `benchuser` and runs `smbd`), the Debian packages `samba`,
`smbclient`, `samba-testsuite`, `time`, and Java 25; it builds `target/bossa.jar` when it is
missing. Everything runs on 127.0.0.1 on free ports from 14450 up; temp files (the 1 GiB files) and
both servers are removed on exit, Ctrl-C included.

## Method

- Both servers run at the same time on the same machine: Samba's `smbd` standalone
  (`server role = standalone server`, `security = user`, tdbsam, its own smb.conf with every
  directory in a temp dir, `bind interfaces only`, `disable netbios`, SMB2_02 to SMB3_11, default
  share options) and Bossa (`serve`, the same JVM flags as `scripts/bossa`). Both shares live in
  one temp directory, so on the same filesystem, and the same user name and password exist in
  both (`smbpasswd -a`, `bossa user add --uid --gid` of the Unix user `benchuser`).
- Both servers let the client choose the protection (Samba: `server signing = auto`,
  `server smb encrypt = if_required`; Bossa: `signing: enabled`, `encryption: off`). The same
  `smbclient` and `smbtorture` binaries talk to both, with a minimal client smb.conf and
  `-m SMB3_11`.
- Transfers: `smbclient -c 'get get.bin /dev/null'` and `-c 'put src.bin put.bin'` of one random
  file, hard-linked into both shares (same bytes; the get reads from the page cache after the
  warm-up, so it measures the server and the protocol, not the disk). Protection per scenario:
  `--client-protection=off`, `=sign` (the signing algorithm is negotiated: AES-128-GMAC with
  both servers, seen in `smbstatus` for Samba and in a thread dump for Bossa), `=encrypt` with `--option='client smb3 encryption algorithms=AES-128-GCM'`
  (the client then insists on encryption, so a finished run was encrypted). One untimed warm-up
  per server, then N timed runs interleaved Samba, Bossa, Samba, Bossa; the time is GNU
  `/usr/bin/time` `%e` of the whole smbclient process (connect, session setup and transfer).
  Before each put, the previous target is deleted and `sync` runs, untimed. A run counts only if
  smbclient exits 0, prints no NT_STATUS error and moved the full size; a transfer slower than
  4 MiB/s is stopped and counts as failed. After a failure that server skips the scenario's
  remaining runs.
- `smbtorture smb2.bench.echo` and `smb2.bench.path-contention-shared` with
  `torture:timelimit`, `torture:nprocs` and `torture:qdepth`; the figure is the final average
  line (`echo[num/s=...]`, `open[num/s=...]`; each open there is followed by a close at the
  same rate).
- Memory: sampled every 0.5 s for the whole run from `/proc/PID/smaps_rollup`; smbd is the sum of
  PSS over all its processes (one per client connection, so it is the peak with all clients
  connected; PSS does not count shared pages twice), Bossa is the JVM's PSS. The JVM's VmHWM and
  the smbd RSS sum are listed under the table.
- The median of the runs is shown; `Bossa/Samba` is Samba/Bossa for times and memory and
  Bossa/Samba for rates, so above 1 always means Bossa did better. A scenario a server failed
  shows `failed: <reason>` instead of a number.

## Results
EOF
    print_results markdown
    cat <<'EOF'

Caveats: the client, both servers and the memory sampler share the same CPUs, so a server that
leaves more CPU to the client looks better; loopback has no network latency, so per-request
costs dominate; figures from a machine with other work running (see the load average) are noisy.
Bossa runs with the JVM's default heap limit (a quarter of RAM), as `scripts/bossa` starts it, so
its memory figure shows how far the heap grew under this load, not what it needs.

EOF
    # the domain sections belong to bench/join-vs-net-ads.sh and the NTLM logon benchmark: keep them
    if [ -n "$domain_sections" ]; then printf '%s\n' "$domain_sections"; else cat <<'EOF'
## Domain join

Not measured yet (needs the domain issues): `bossa join` against `net ads join` on the loopback
AD DC of docs/testbed.md.

## Domain NTLM logons

Not measured yet (needs the domain issues): session setups per second with NTLM pass-through
over Netlogon, Bossa against a Samba member with winbindd.
EOF
    fi
  } > "$DOC.new"
  mv "$DOC.new" "$DOC"
  log "wrote $DOC"
fi
