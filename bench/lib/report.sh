# Shared by the benchmarks in bench/ (sourced, not run; it only defines functions): arguments,
# logging, stopping processes and sampling their memory, the DC's computer objects, the clock and
# load around the measured part, and the description of a run that each prints and writes into
# docs/benchmarks.md. The sourcing script sets here (the repository, also the working directory),
# WORK (its temp dir) and, before print_results, CONVENTION, TABLE, ENV_LINES and RAW.

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# ---- arguments ---------------------------------------------------------------------------------
# usage: the script's header comment (from line 2 to the first line that is not a comment)
usage() { sed -n '2,/^[^#]/{/^#/p}' "$0" | sed 's/^# \{0,1\}//'; }
usage_error() { echo "$* (see --help)" >&2; exit 2; }
# need_value "$@": the option in $1 has a value in $2
need_value() { [ $# -ge 2 ] || usage_error "$1 needs a value"; }
# positive_ints VAR...: each variable holds a positive integer (VAR is named as its option --var)
positive_ints() {
  local v opt
  for v; do
    opt="${v,,}"
    [[ "${!v}" =~ ^[1-9][0-9]*$ ]] || usage_error "--${opt//_/-} must be a positive integer"
  done
}

# ---- processes -----------------------------------------------------------------------------------
# stop_pid PID [SECONDS]: TERM, wait up to SECONDS (default 10), then KILL
stop_pid() {
  local pid="$1" i
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq $(( ${2:-10} * 10 ))); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}

# kb KEY FILE: the kB value of "KEY:" in a /proc file (status, smaps_rollup); 0 when absent
kb() { awk -v k="$1" '$1 == k":" { print $2; f=1 } END { if (!f) print 0 }' "$2" 2>/dev/null || echo 0; }

# sample_memory SAMBA_PIDS_FUNCTION: every 0.5 s until killed, the maxima so far written to $MEM as
# "samba_pss_kb samba_rss_kb samba_nproc bossa_pss_kb bossa_rss_kb"; Samba is the sum over the
# processes the function prints, Bossa the process $BOSSA_PID. Run it in the background.
sample_memory() {
  local list="$1" mp=0 mr=0 mn=0 bp=0 br=0 p sp sr n v
  while :; do
    sp=0; sr=0; n=0
    for p in $("$list"); do
      v=$(kb Pss "/proc/$p/smaps_rollup"); sp=$(( sp + ${v:-0} ))
      v=$(kb Rss "/proc/$p/smaps_rollup"); sr=$(( sr + ${v:-0} ))
      n=$(( n + 1 ))
    done
    (( sp > mp )) && mp=$sp; (( sr > mr )) && mr=$sr; (( n > mn )) && mn=$n
    v=$(kb Pss "/proc/$BOSSA_PID/smaps_rollup"); (( ${v:-0} > bp )) && bp=${v:-0}
    v=$(kb Rss "/proc/$BOSSA_PID/smaps_rollup"); (( ${v:-0} > br )) && br=${v:-0}
    echo "$mp $mr $mn $bp $br" > "$MEM.tmp" && mv "$MEM.tmp" "$MEM"
    sleep 0.5
  done
}

# ---- the domain benchmarks: the DC of scripts/interop/dc.sh and Bossa's join ---------------------
# dc_env: the BOSSA_DC_* variables of dc.sh, and ADMIN (user%password for samba-tool and net);
# dies when the DC is not running and answering
dc_env() {
  eval "$(scripts/interop/dc.sh env)"
  scripts/interop/dc.sh status >/dev/null 2>&1 \
    || die "the DC ($BOSSA_DC_REALM at $BOSSA_DC_IP, state $BOSSA_DC_DIR) is not running and answering: run 'sudo scripts/interop/dc.sh start' (and provision first if needed)"
  ADMIN="$BOSSA_DC_ADMIN%$BOSSA_DC_ADMIN_PASSWORD"
}
computer_exists() { samba-tool computer show "$1" -H "ldap://$BOSSA_DC_IP" -U "$ADMIN" >/dev/null 2>&1; }
# delete_computers NAME...: deletes those computer objects that exist; fails when one stays
delete_computers() {
  local n rc=0
  for n; do
    computer_exists "$n" || continue
    log "deleting computer $n"
    samba-tool computer delete "$n" -H "ldap://$BOSSA_DC_IP" -U "$ADMIN" >/dev/null \
      || { log "could not delete computer $n: delete it by hand"; rc=1; }
  done
  return "$rc"
}
# bossa_join / bossa_leave: BOSSA_NAME joined as the DC's administrator with state in BOSSA_STATE
bossa_join() {
  printf '%s\n' "$BOSSA_DC_ADMIN_PASSWORD" | scripts/bossa join --realm "$BOSSA_DC_REALM" -U "$BOSSA_DC_ADMIN" \
    --password-stdin --netbios-name "$BOSSA_NAME" --dns-servers "$BOSSA_DC_IP" --state-dir "$BOSSA_STATE"
}
bossa_leave() {
  printf '%s\n' "$BOSSA_DC_ADMIN_PASSWORD" | scripts/bossa leave -U "$BOSSA_DC_ADMIN" --password-stdin \
    --state-dir "$BOSSA_STATE"
}

# median: of the numbers on stdin (separated by spaces or newlines); nothing for no numbers
median() { tr ' ' '\n' | awk NF | sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) exit; if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# run_begin / run_end: STARTED, T0 and LOAD_BEFORE; ELAPSED and LOAD_AFTER
run_begin() {
  LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
  STARTED="$(date -u '+%Y-%m-%d %H:%M UTC')"
  T0=$SECONDS
}
run_end() {
  ELAPSED=$(( SECONDS - T0 ))
  LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
}

# The commit measured, marked when src or pom.xml differ from it (what goes into the jar).
bossa_commit() {
  local commit
  commit="$(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  git -C "$here" diff --quiet HEAD -- src pom.xml 2>/dev/null || commit="$commit (with uncommitted changes)"
  printf '%s\n' "$commit"
}

# The first lines of ENV_LINES (after run_end): when, on what machine, under what load.
machine_lines() {
  local cpu
  cpu="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
  printf '%s\n' "- date: $STARTED; run took ${ELAPSED} s" \
    "- machine: $(nproc) CPUs ($cpu), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM, kernel $(uname -r)" \
    "- load average before/after: $LOAD_BEFORE / $LOAD_AFTER"
}

# The head of every results table in docs/benchmarks.md.
table_header() {
  echo "| scenario | Samba (median) | Bossa (median) | Bossa/Samba |"
  echo "|---|---|---|---|"
}

# print_results text|markdown: the convention, the table, the run's description and the per-run
# values, as printed at the end of a run (text) or written into docs/benchmarks.md (markdown,
# where the values are an indented code block).
print_results() {
  echo
  echo "$CONVENTION"
  echo
  cat "$TABLE"
  echo
  echo "$ENV_LINES"
  echo
  echo "Per-run values:"
  if [ "$1" = markdown ]; then
    echo
    sed 's/^/    /' "$RAW"
  else
    sed 's/^/  /' "$RAW"
  fi
}

# write_doc_section TITLE FILE: replaces the "## TITLE" section of docs/benchmarks.md (up to the
# next "## " heading) with FILE, which starts with that heading (copied over, so the file keeps
# its owner when the benchmark runs as root)
write_doc_section() {
  local title="$1" section="$2" doc="$here/docs/benchmarks.md"
  [ -f "$doc" ] || die "$doc is missing (bench/smb-vs-samba.sh writes it)"
  grep -qxF "## $title" "$doc" || die "$doc has no '## $title' section"
  awk -v heading="## $title" -v section="$section" '
    $0 == heading { while ((getline line < section) > 0) print line; skip = 1; next }
    skip && /^## / { skip = 0 }
    !skip { print }
  ' "$doc" > "$WORK/benchmarks.md"
  cp "$WORK/benchmarks.md" "$doc"
  log "wrote the $title section of $doc"
}
