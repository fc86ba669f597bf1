#!/usr/bin/env bash
# Domain join time: Bossa's `bossa join` / `bossa leave` beside Samba's `net ads join` /
# `net ads leave`, in one run, against the running loopback AD DC (scripts/interop/dc.sh). A
# benchmark, not a test: it asserts nothing about speed, it measures and prints ratios.
#
#   bench/join-vs-net-ads.sh [--runs N] [--samba-only] [--no-doc] [--keep-logs DIR]
#
# N cycles (default 10) per side, interleaved (Samba join, Samba leave, Bossa join, Bossa leave,
# then again), after one untimed warm-up cycle per side that also checks the computer object
# appears after the join and is gone after the leave. Each step is one process, timed whole with
# GNU /usr/bin/time (%e): for Samba `net ads join -s SMB.CONF -U administrator%... -S DC
# --no-dns-updates` and `net ads leave` with a member smb.conf written by
# scripts/interop/member.sh (NetBIOS name BENCHS1); for Bossa `scripts/bossa join --realm REALM
# -U administrator --password-stdin --netbios-name BENCHJ1 --dns-servers DCIP --state-dir DIR`
# and `scripts/bossa leave -U administrator --password-stdin --state-dir DIR` (JVM start
# included, as a user runs it). Prints the medians (join, leave, join+leave) and Bossa/Samba
# = Samba time / Bossa time (> 1 means Bossa is faster), and rewrites the "## Domain join"
# section of docs/benchmarks.md unless --no-doc or --samba-only.
#
# Needs root (net ads join writes its secrets as root), the DC running (`sudo
# scripts/interop/dc.sh start`; the BOSSA_DC_* variables of dc.sh select it), Samba's net, GNU
# time and Java 25 (scripts/bossa builds target/bossa.jar when missing). --samba-only measures
# the Samba half alone (for a Bossa without `join`); it prints and writes no doc.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"

. "$here/bench/lib/report.sh"

RUNS=10
WRITE_DOC=1
SAMBA_ONLY=0
KEEP_LOGS=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) need_value "$@"; RUNS="$2"; shift 2 ;;
    --samba-only) SAMBA_ONLY=1; WRITE_DOC=0; shift ;;
    --no-doc) WRITE_DOC=0; shift ;;
    --keep-logs) need_value "$@"; KEEP_LOGS="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage_error "unknown argument: $1" ;;
  esac
done
positive_ints RUNS

[ "$(id -u)" -eq 0 ] || die "run as root (net ads join writes the member's secrets as root)"
for tool in net samba-tool /usr/bin/time; do
  command -v "$tool" >/dev/null || die "missing $tool: run scripts/install-peers.sh"
done

# ---- the DC -------------------------------------------------------------------------------
dc_env
export KRB5_CONFIG="$BOSSA_DC_KRB5_CONF"   # net ads leave's own kinit needs the realm's KDC
SAMBA_NAME=BENCHS1
BOSSA_NAME=BENCHJ1

# ---- temp dir and cleanup -----------------------------------------------------------------
WORK="$(mktemp -d "${BENCH_TMP:-/tmp}/bossa-join-bench.XXXXXX")"
SAMBA_DIR="$WORK/samba"
BOSSA_STATE="$WORK/bossa-state"
SAMBA_CONF="$SAMBA_DIR/smb.conf"
mkdir -p "$WORK/logs" "$BOSSA_STATE"

samba_join()  { net ads join -s "$SAMBA_CONF" -U "$ADMIN" -S "$BOSSA_DC_HOST" --no-dns-updates; }
samba_leave() { net ads leave -s "$SAMBA_CONF" -U "$ADMIN" -S "$BOSSA_DC_HOST"; }

# GNU time runs a program: the steps run as 'bash -c STEP' (a few ms, the same for both sides)
export -f samba_join samba_leave bossa_join bossa_leave
export ADMIN SAMBA_CONF BOSSA_STATE SAMBA_NAME BOSSA_NAME BOSSA_DC_HOST BOSSA_DC_IP BOSSA_DC_REALM \
  BOSSA_DC_ADMIN BOSSA_DC_ADMIN_PASSWORD

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  # leave nothing in the directory: our two bench computers, whatever state a failure left
  if computer_exists "$SAMBA_NAME"; then samba_leave >/dev/null 2>&1 || true; fi
  if [ "$SAMBA_ONLY" = 0 ] && computer_exists "$BOSSA_NAME"; then bossa_leave >/dev/null 2>&1 || true; fi
  delete_computers "$SAMBA_NAME" "$BOSSA_NAME" || true
  if [ -n "$KEEP_LOGS" ]; then
    mkdir -p "$KEEP_LOGS"; cp -r "$WORK/logs/." "$KEEP_LOGS/" 2>/dev/null || true
    log "logs kept in $KEEP_LOGS"
  fi
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT TERM

# leftovers of an earlier, interrupted run would make the first join fail
delete_computers "$SAMBA_NAME" "$BOSSA_NAME" || die "leftover computer objects of an earlier run stay"

# ---- Samba: the member's smb.conf, under its own name ---------------------------------------
BOSSA_MEMBER_DIR="$SAMBA_DIR" BOSSA_MEMBER_NAME="$SAMBA_NAME" scripts/interop/member.sh config

# ---- Bossa: it must have a join command ---------------------------------------------------
JAVA_VERSION="-"
if [ "$SAMBA_ONLY" = 0 ]; then
  . "$here/scripts/java-home.sh"
  JAVA_VERSION="$("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
  # picocli answers 'bossa join --help' with the top-level usage (exit 0) when it has no join
  # command: the subcommand's own usage line is the proof
  for cmd in join leave; do
    scripts/bossa "$cmd" --help > "$WORK/logs/bossa-$cmd-help.log" 2>&1 || true
    if ! grep -q "^Usage: bossa $cmd" "$WORK/logs/bossa-$cmd-help.log"; then
      head -8 "$WORK/logs/bossa-$cmd-help.log" | sed 's/^/    /' >&2
      die "this Bossa has no '$cmd' command ('scripts/bossa $cmd --help' printed the above): the domain join is not built yet; use --samba-only to measure Samba alone"
    fi
  done
fi

# ---- measuring -----------------------------------------------------------------------------
RAW="$WORK/raw"; : > "$RAW"
declare -A VALS=([samba-join]="" [samba-leave]="" [samba-cycle]="" [bossa-join]="" [bossa-leave]="" [bossa-cycle]="")

# timed STEP LOG: runs the function STEP under GNU time; prints the elapsed seconds or fails
timed() {
  local step="$1" out="$2" t
  if ! /usr/bin/time -f 'elapsed %e' -o "$out.time" bash -c "$step" > "$out" 2>&1; then
    return 1
  fi
  t=$(awk '/^elapsed / { print $2 }' "$out.time")
  [ -n "$t" ] || return 1
  echo "$t"
}

# one_cycle SIDE RUN: join then leave, timed; fails naming the step (and its log) that failed
one_cycle() {
  local side="$1" run="$2" tj tl ok
  tj=$(timed "${side}_join" "$WORK/logs/$side-join-$run.log") || { echo "join failed (run $run): $(tail -1 "$WORK/logs/$side-join-$run.log")"; return 1; }
  if [ "$side" = samba ]; then
    grep -q "^Joined '$SAMBA_NAME'" "$WORK/logs/$side-join-$run.log" || { echo "join printed no 'Joined' (run $run)"; return 1; }
  fi
  if [ "$run" = warmup ]; then
    ok=$([ "$side" = samba ] && echo "$SAMBA_NAME" || echo "$BOSSA_NAME")
    computer_exists "$ok" || { echo "no computer object $ok after the join"; return 1; }
  fi
  tl=$(timed "${side}_leave" "$WORK/logs/$side-leave-$run.log") || { echo "leave failed (run $run): $(tail -1 "$WORK/logs/$side-leave-$run.log")"; return 1; }
  if [ "$run" = warmup ]; then
    ! computer_exists "$ok" || { echo "computer object $ok still there after the leave"; return 1; }
    return 0
  fi
  VALS[$side-join]+="$tj "
  VALS[$side-leave]+="$tl "
  VALS[$side-cycle]+="$(awk -v a="$tj" -v b="$tl" 'BEGIN { printf "%.2f", a + b }') "
  echo "$side run$run join ${tj}s leave ${tl}s" >> "$RAW"
}

SIDES=(samba); [ "$SAMBA_ONLY" = 1 ] || SIDES+=(bossa)
run_begin
for side in "${SIDES[@]}"; do
  log "$side: warm-up cycle (checks the computer object)"
  r=$(one_cycle "$side" warmup) || die "$side warm-up: $r"
done
for i in $(seq "$RUNS"); do
  for side in "${SIDES[@]}"; do
    one_cycle "$side" "$i" > "$WORK/cycle.msg" || die "$side: $(cat "$WORK/cycle.msg")"
  done
  log "run $i/$RUNS: $(grep " run$i " "$RAW" | tr '\n' ';')"
done
run_end

# ---- table ----------------------------------------------------------------------------------
TABLE="$WORK/table.md"
{
  table_header
  for step in join leave cycle; do
    case "$step" in
      join) label="join (\`net ads join\` / \`bossa join\`)" ;;
      leave) label="leave (\`net ads leave\` / \`bossa leave\`)" ;;
      cycle) label="join + leave" ;;
    esac
    sm=$(echo "${VALS[samba-$step]}" | median)
    bm=$(echo "${VALS[bossa-$step]}" | median)
    scell=$(awk -v t="$sm" 'BEGIN { printf "%.2f s", t }')
    if [ -n "$bm" ]; then
      bcell=$(awk -v t="$bm" 'BEGIN { printf "%.2f s", t }')
      ratio=$(awk -v s="$sm" -v b="$bm" 'BEGIN { printf "%.2f", s / b }')
    else
      bcell="not run"; ratio="-"
    fi
    echo "| $label | $scell | $bcell | $ratio |"
  done
} > "$TABLE"
CONVENTION="Bossa/Samba is Samba's time / Bossa's time: > 1 means Bossa is faster."

SAMBA_VERSION="$(net --version)"
COMMIT="$(bossa_commit)"
ENV_LINES="$(machine_lines)
- DC: Samba $(samba --version | sed 's/^Version //') AD DC on $BOSSA_DC_IP ($BOSSA_DC_REALM), scripts/interop/dc.sh
- Samba: $SAMBA_VERSION, \`net ads join -s SMB.CONF -U administrator%... -S $BOSSA_DC_HOST --no-dns-updates\`, computer $SAMBA_NAME
- Bossa: commit $COMMIT, $JAVA_VERSION, \`scripts/bossa join --password-stdin --netbios-name $BOSSA_NAME --dns-servers $BOSSA_DC_IP ...\` (JVM start included)
- parameters: runs=$RUNS join+leave cycles per side, interleaved, after 1 untimed warm-up cycle each"

print_results text

# ---- docs/benchmarks.md: the "## Domain join" section only ------------------------------------
if [ "$WRITE_DOC" = 1 ]; then
  SECTION="$WORK/section.md"
  {
    echo "## Domain join"
    echo
    echo "Written by \`bench/join-vs-net-ads.sh\` (\`sudo bench/join-vs-net-ads.sh --runs N\`, against the DC"
    echo "that \`sudo scripts/interop/dc.sh start\` runs). Each side joins and leaves the domain N times,"
    echo "interleaved, after one untimed warm-up cycle that checks the computer object appears and goes;"
    echo "each step is one process timed whole with GNU \`/usr/bin/time\` (\`%e\`), the JVM's start included"
    echo "for Bossa. The median of the runs is shown."
    print_results markdown
    echo
  } > "$SECTION"
  write_doc_section "Domain join" "$SECTION"
fi
