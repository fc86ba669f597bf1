# Shared by the benchmarks in bench/ (sourced, not run; it only defines functions): arguments,
# logging, the clock and load around the measured part, and the description of a run that each
# prints and writes into docs/benchmarks.md. The sourcing script sets here (the repository) and, before print_results,
# CONVENTION, TABLE, ENV_LINES and RAW.

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
