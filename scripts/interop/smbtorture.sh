#!/usr/bin/env bash
# Runs Samba's smbtorture smb2.* suites against a Bossa server started from target/bossa.jar and
# compares the outcome with the committed knownfail list.
#
#   scripts/interop/smbtorture.sh [options] [path/to/bossa.jar]
#
#   --suites a,b,c        run only these suites (names without "smb2.", e.g. lock,rename)
#   --update-knownfail    rewrite the knownfail list from this run's results (the entries of the
#                         suites that were run; reasons already written by hand are kept)
#   --timeout SECONDS     time limit of one suite (default 300; env SMBTORTURE_SUITE_TIMEOUT)
#   --test-timeout SECONDS  time limit of one test (default 60; env SMBTORTURE_TEST_TIMEOUT): a test
#                         still running then is recorded as an error and the suite goes on with
#                         the next test (smbtorture is started again for the rest)
#   --no-docs             do not rewrite docs/conformance.md
#   --keep                keep the temporary share and state directory (printed at the end)
#
# Builds nothing: the jar must exist (./mvnw -B -q -o -T1 package -DskipTests).
# Output under target/interop/:
#   smbtorture-results.txt      one line per test: "NAME RESULT" (RESULT is the last field:
#                               success, failure, error or skip; names may contain spaces);
#                               "# suite ..." comment lines give the wall time per suite
#   smbtorture-times.txt        seconds per test, slowest first
#   smbtorture-failures.txt     the first line of smbtorture's message per failing test
#   smbtorture/<suite>.log      smbtorture's full subunit output; smbtorture/bossa.log the server log
# Exit status: 0 when the results match the knownfail list; 1 when a test outside the list failed
# or a listed test passed (both lists are printed); 2 when the run itself could not be made.
#
# The torture user is a local Bossa user mapped to uid 0 / gid 0, like Samba's selftest, which runs
# smbtorture as an administrator that smbd treats as root (and with SeBackup/SeRestore): file-mode
# checks on disk never get in the way, so what is tested is the server's own SMB semantics (share
# modes, NT access checks, delete-on-close ...). Set SMBTORTURE_UID/SMBTORTURE_GID to test as an
# ordinary user instead.
set -euo pipefail

here="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$here"

ALL_SUITES="connect read rw dir getinfo setinfo create compound compound_find credits lock sharemode
rename delete-on-close-perms maxfid tcon timestamps fileid session"
KNOWNFAIL="src/test/resources/interop/smbtorture-knownfail.txt"
# Tests not run at all (they would wait for long timeouts); one name per line, # comments.
EXCLUDE="src/test/resources/interop/smbtorture-exclude.txt"
OUT="target/interop"
DOC="docs/conformance.md"

jar="target/bossa.jar"
suites=""
update=0
docs=1
keep=0
suite_timeout="${SMBTORTURE_SUITE_TIMEOUT:-300}"
test_timeout="${SMBTORTURE_TEST_TIMEOUT:-60}"
usage_error() { echo "smbtorture.sh: $* (see --help)" >&2; exit 2; }
need_value() { [ $# -ge 2 ] || usage_error "$1 needs a value"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --suites) need_value "$@"; suites="${2//,/ }"; shift 2 ;;
    --suites=*) suites="${1#--suites=}"; suites="${suites//,/ }"; shift ;;
    --update-knownfail) update=1; shift ;;
    --timeout) need_value "$@"; suite_timeout="$2"; shift 2 ;;
    --timeout=*) suite_timeout="${1#--timeout=}"; shift ;;
    --test-timeout) need_value "$@"; test_timeout="$2"; shift 2 ;;
    --test-timeout=*) test_timeout="${1#--test-timeout=}"; shift ;;
    --no-docs) docs=0; shift ;;
    --keep) keep=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) usage_error "unknown option $1" ;;
    *) jar="$1"; shift ;;
  esac
done
# the limits go into shell arithmetic, where a word that is not a number would be evaluated
[[ "$suite_timeout" =~ ^[1-9][0-9]*$ ]] || usage_error "--timeout (SMBTORTURE_SUITE_TIMEOUT) must be a positive number of seconds"
[[ "$test_timeout" =~ ^[1-9][0-9]*$ ]] || usage_error "--test-timeout (SMBTORTURE_TEST_TIMEOUT) must be a positive number of seconds"
[ -n "$suites" ] || suites="$(echo $ALL_SUITES)"
partial=0
[ "$(echo $suites)" = "$(echo $ALL_SUITES)" ] || partial=1

if ! command -v smbtorture >/dev/null 2>&1; then
  echo "smbtorture.sh: smbtorture not found: run scripts/install-peers.sh (Debian package samba-testsuite)" >&2
  exit 2
fi
if [ ! -f "$jar" ]; then
  echo "smbtorture.sh: $jar not found: build it with ./mvnw -B -q -o -T1 package -DskipTests" >&2
  exit 2
fi
. scripts/java-home.sh

mkdir -p "$OUT/smbtorture"
rm -f "$OUT"/smbtorture/*.log "$OUT"/smbtorture/*.tsv
tmp="$(mktemp -d /tmp/bossa-torture.XXXXXX)"
server_pid=""
cleanup() {
  local rc=$?
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [ "$keep" = 1 ]; then echo "smbtorture.sh: kept $tmp"; else rm -rf "$tmp"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- server
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port="${SMBTORTURE_PORT:-}"
if [ -z "$port" ]; then
  for _ in $(seq 1 50); do
    port=$(( 20000 + RANDOM % 20000 ))
    port_free "$port" && break
  done
fi

share="$tmp/share"
mkdir -p "$share" "$tmp/state"
chmod 0777 "$share"
cat > "$tmp/bossa.yml" <<EOF
bossa:
  netbios-name: BOSSATORTURE
  workgroup: WORKGROUP
  smb:
    signing: enabled
    encryption: "off"
  shares:
    - name: torture
      path: $share
      comment: smbtorture share
EOF
# smbtorture reads smb.conf: give it its own, so the host's /etc/samba/smb.conf does not matter
cat > "$tmp/client.conf" <<EOF
[global]
  workgroup = WORKGROUP
  client min protocol = SMB2_02
  client max protocol = SMB3
EOF

user=torture
pass='Torture!Passw0rd1'
uid="${SMBTORTURE_UID:-0}"
gid="${SMBTORTURE_GID:-0}"
. "$here/scripts/jvm-options.sh"
java_cmd=("$JAVA_HOME/bin/java" "${BOSSA_JVM_OPTS[@]}" -jar "$jar")
printf '%s\n' "$pass" | "${java_cmd[@]}" user add "$user" --password-stdin --uid "$uid" --gid "$gid" \
  --state-dir "$tmp/state" > "$OUT/smbtorture/useradd.log" 2>&1 \
  || { cat "$OUT/smbtorture/useradd.log" >&2; echo "smbtorture.sh: user add failed" >&2; exit 2; }

# Starts Bossa (again, after it died: the same port, share and state) and waits for the port.
server_starts=0
server_deaths=""
start_server() {
  local i try st
  for try in 1 2 3; do
    server_starts=$((server_starts + 1))
    echo "=== start $server_starts $(date -u +%H:%M:%S)" >> "$OUT/smbtorture/bossa.log"
    SPRING_CONFIG_ADDITIONAL_LOCATION="$tmp/bossa.yml" "${java_cmd[@]}" serve --bossa.smb.port="$port" \
      --bossa.smb.bind=127.0.0.1 --bossa.state-dir="$tmp/state" >> "$OUT/smbtorture/bossa.log" 2>&1 &
    server_pid=$!
    for i in $(seq 1 120); do
      if ! kill -0 "$server_pid" 2>/dev/null; then
        st=0; wait "$server_pid" 2>/dev/null || st=$?
        echo "=== exited with status $st during start-up" >> "$OUT/smbtorture/bossa.log"
        # killed by a signal from outside: try again; any other exit is Bossa's own failure
        if [ "$st" = 143 ] || [ "$st" = 137 ]; then
          server_deaths="$server_deaths  Bossa exited with status $st during start-up"$'\n'
          continue 2
        fi
        tail -40 "$OUT/smbtorture/bossa.log" >&2
        echo "smbtorture.sh: Bossa exited during start-up (status $st)" >&2; exit 2
      fi
      port_free "$port" || return 0
      sleep 0.5
    done
    echo "smbtorture.sh: Bossa does not answer on port $port after 60 s" >&2; exit 2
  done
  echo "smbtorture.sh: Bossa was killed during start-up three times" >&2; exit 2
}
# Returns 1 when Bossa is gone; then records why in server_deaths and starts it again.
check_server() {
  kill -0 "$server_pid" 2>/dev/null && return 0
  local st=0
  wait "$server_pid" 2>/dev/null || st=$?
  server_deaths="$server_deaths  Bossa exited with status $st during $1 (server log: $OUT/smbtorture/bossa.log)"$'\n'
  echo "smbtorture.sh: Bossa exited with status $st during $1; starting it again" >&2
  echo "=== exited with status $st during $1" >> "$OUT/smbtorture/bossa.log"
  start_server
  return 1
}
: > "$OUT/smbtorture/bossa.log"
start_server

# credentials in a file, not on smbtorture's command line
printf 'username = %s\npassword = %s\ndomain = WORKGROUP\n' "$user" "$pass" > "$tmp/auth"
chmod 0600 "$tmp/auth"

# sed reads all the output (head would close the pipe early, and under pipefail the producer's
# SIGPIPE, or a smbtorture without --version, would end the script instead of falling back)
version="$({ smbtorture --version 2>/dev/null || true; } | sed -n '/^Version /{s///;p;}' | sed -n 1p)"
[ -n "$version" ] || version="$({ smbtorture --help 2>&1 || true; } | sed -n '1{s/^smbtorture //;p;}')"
echo "smbtorture.sh: Bossa pid $server_pid on 127.0.0.1:$port; smbtorture $version; limits ${suite_timeout}s a suite, ${test_timeout}s a test"

# ---------------------------------------------------------------- suites
mkdir -p "$tmp/basedir"
# as Samba's selftest (source3/selftest/tests.py): shorter waits in the timestamp and share tests
torture_opts=(--option=torture:sharedelay=100000 --option=torture:writetimeupdatedelay=500000)
# The name smbtorture reports for a test: --list gives "smb2.read.eof.eof" (suite.tcase.test); a
# run with --fullname reports "smb2.read.eof" when tcase and test share a name.
canon() { awk -F. '{ if (NF > 2 && $NF == $(NF-1)) { NF--; } print }' OFS=.; }

# parse_subunit: subunit output to TAB-separated "name result seconds message"
. "$here/scripts/interop/lib/subunit.sh"

# The test running now: the last "test:" line of the log when no result follows it.
running_test() {
  awk '/^test: / { t = substr($0, 7); r = 0; next }
       /^(success|failure|error|skip|xfail|uxsuccess|skipped|fail): / { r = 1 }
       END { if (t != "" && !r) print t }' "$1" 2>/dev/null || true
}

# Runs the tests listed in $2 of suite $1, appending smbtorture's output to $3. A test running
# longer than $test_timeout is stopped (smbtorture is killed) and recorded as an error; smbtorture
# is then started again for the tests that have no result yet. Stops at the suite deadline $4.
# Writes the results (TSV, see parse_subunit) to stdout; sets suite_status to ok|timeout.
run_suite() {
  local suite="$1" list="$2" log="$3" deadline="$4"
  local todo="$tmp/todo" part="$tmp/part.log" results="$tmp/results.tsv"
  local pid cur prev cur_start now why attempt=0 before after
  : > "$results"; : > "$log"; : > "$tmp/victims"
  cp "$list" "$todo"
  check_server "the pause before $suite" || true
  suite_status=ok
  while [ -s "$todo" ]; do
    attempt=$((attempt + 1))
    : > "$part"
    smbtorture "//127.0.0.1/torture" -p "$port" -s "$tmp/client.conf" -A "$tmp/auth" --target=samba3 \
      --format=subunit --fullname --basedir="$tmp/basedir" "${torture_opts[@]}" \
      --load-list="$todo" "$suite" > "$part" 2>&1 &
    pid=$!
    prev=""; cur_start=$(date +%s); why=""
    while kill -0 "$pid" 2>/dev/null; do
      sleep 1
      now=$(date +%s)
      cur="$(running_test "$part")"
      if [ "$cur" != "$prev" ]; then prev="$cur"; cur_start=$now; fi
      if ! kill -0 "$server_pid" 2>/dev/null; then
        why="no result: Bossa exited during this test"
      elif [ "$now" -ge "$deadline" ]; then
        why="timeout: no result before the suite limit (${suite_timeout}s)"; suite_status=timeout
      elif [ -n "$cur" ] && [ $((now - cur_start)) -ge "$test_timeout" ]; then
        why="timeout: no result after ${test_timeout}s (test limit)"
      fi
      if [ -n "$why" ]; then
        kill "$pid" 2>/dev/null || true
        sleep 1; kill -9 "$pid" 2>/dev/null || true
        break
      fi
    done
    wait "$pid" 2>/dev/null || true
    died=0
    check_server "${cur:-$suite}" || died=1
    [ -n "$why" ] || why="no result: smbtorture stopped in this test"
    cat "$part" >> "$log"
    before=$(wc -l < "$results")
    if [ "$died" = 1 ]; then
      # Bossa was gone (and has been started again): the results from the first test that lost or
      # could not make its connection on are void. That test and the rest run again; a test during
      # which Bossa dies a second time is recorded as an error.
      parse_subunit "$why" < "$part" | awk -F'\t' -v OFS='\t' -v victims="$tmp/victims" '
        BEGIN { while ((getline l < victims) > 0) seen[l] = 1 }
        !cut && ($4 ~ /connection failed|NT_STATUS_CONNECTION_|NT_STATUS_NO_MEMORY|NT_STATUS_END_OF_FILE|^no result|^timeout/) {
          cut = 1
          if ($1 in seen) print $1, "error", $3, "Bossa exited during this test, twice (" $4 ")"
          else print $1 >> victims
          next }
        !cut { print }' >> "$results"
    else
      parse_subunit "$why" < "$part" >> "$results"
    fi
    after=$(wc -l < "$results")
    cut -f1 "$results" > "$tmp/have"
    grep -vxF -f "$tmp/have" "$list" > "$todo" || true
    # again for the rest only when this attempt gave results (or Bossa died) and time is left
    [ "$suite_status" = ok ] && { [ "$after" -gt "$before" ] || [ "$died" = 1 ]; } || break
    [ "$attempt" -lt 50 ] || break
  done
  if [ -s "$todo" ]; then
    if [ "$suite_status" = timeout ]; then why="timeout: not started before the suite limit (${suite_timeout}s)"
    else why="no result: smbtorture did not run it"; fi
    while IFS= read -r t; do printf '%s\terror\t0\t%s\n' "$t" "$why"; done < "$todo" >> "$results"
  fi
  cat "$results"
}

: > "$OUT/smbtorture/all.tsv"
: > "$OUT/smbtorture/walltime.tsv"
total_start=$(date +%s)
for s in $suites; do
  suite="smb2.$s"
  # the suite's tests: --list matches by prefix (smb2.compound also lists smb2.compound_find.*)
  smbtorture --list "$suite" 2>/dev/null | grep -F "$suite." | while IFS= read -r t; do
    case "$t" in "$suite".*) printf '%s\n' "$t" ;; esac
  done | canon > "$tmp/$s.list" || true
  if [ -f "$EXCLUDE" ]; then
    sed -e 's/[[:space:]]*#.*$//' -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' "$EXCLUDE" | grep -v '^$' > "$tmp/exclude" || true
    grep -vxF -f "$tmp/exclude" "$tmp/$s.list" > "$tmp/$s.run" || true
  else
    cp "$tmp/$s.list" "$tmp/$s.run"
  fi
  if [ ! -s "$tmp/$s.list" ]; then
    echo "smbtorture.sh: $suite: smbtorture knows no such suite" >&2
    printf '%s\terror\t0\tno such suite in this smbtorture\n' "$suite" >> "$OUT/smbtorture/all.tsv"
    printf '%s\t0\t0\n' "$suite" >> "$OUT/smbtorture/walltime.tsv"
    continue
  fi
  nrun=$(wc -l < "$tmp/$s.run")
  nexcl=$(( $(wc -l < "$tmp/$s.list") - nrun ))
  t0=$(date +%s)
  suite_status=ok
  : > "$tmp/$s.tsv"
  if [ "$nrun" -gt 0 ]; then
    run_suite "$suite" "$tmp/$s.run" "$OUT/smbtorture/$s.log" $((t0 + suite_timeout)) > "$tmp/$s.tsv"
  fi
  t1=$(date +%s)
  cat "$tmp/$s.tsv" >> "$OUT/smbtorture/all.tsv"
  printf '%s\t%s\t%s\n' "$suite" "$(( t1 - t0 ))" "$nexcl" >> "$OUT/smbtorture/walltime.tsv"
  awk -F'\t' -v s="$suite" -v w="$(( t1 - t0 ))" -v x="$nexcl" -v st="$suite_status" '
    { c[$2]++; if ($4 ~ /^timeout/) to++ } END {
      printf "  %-28s %3d passed %3d failed %3d skipped  %4ds%s%s%s\n", s, c["success"], c["failure"] + c["error"],
        c["skip"], w, (x > 0 ? "  (" x " excluded)" : ""), (to > 0 ? "  " to " timed out" : ""),
        (st == "timeout" ? "  SUITE LIMIT" : "")
    }' "$tmp/$s.tsv"
done
total_wall=$(( $(date +%s) - total_start ))
echo "  total wall time ${total_wall}s"

# ---------------------------------------------------------------- results files
{
  echo "# smbtorture $version against Bossa ($(git rev-parse --short HEAD 2>/dev/null || echo unknown)), $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  awk -F'\t' '{ printf "# suite %s wall %ss excluded %s\n", $1, $2, $3 }' "$OUT/smbtorture/walltime.tsv"
  echo "# total wall ${total_wall}s"
  printf '%s' "$server_deaths" | sed 's/^ */# /'
  awk -F'\t' '{ print $1 " " $2 }' "$OUT/smbtorture/all.tsv"
} > "$OUT/smbtorture-results.txt"
sort -t"$(printf '\t')" -k3,3 -rn "$OUT/smbtorture/all.tsv" | awk -F'\t' '{ printf "%7.1f %s %s\n", $3, $2, $1 }' \
  > "$OUT/smbtorture-times.txt"
awk -F'\t' '$2 == "failure" || $2 == "error" { printf "%s [%s] %s\n", $1, $2, $4 }' "$OUT/smbtorture/all.tsv" \
  > "$OUT/smbtorture-failures.txt"

# ---------------------------------------------------------------- knownfail
# Entries: one test name per line; "# reason" on the same line or on the line(s) just above.
# The suites that were run, as name prefixes ("smb2.lock.").
printf '%s\n' $suites | sed 's/^/smb2./' > "$tmp/ran-suites"
in_ran_suites='
  BEGIN { while ((getline l < ranfile) > 0) ran[++nr] = l }
  function ran_suite(name,   i) {
    for (i = 1; i <= nr; i++) if (name == ran[i] || index(name, ran[i] ".") == 1) return 1
    return 0
  }'
kf_names() {  # the names in the knownfail file
  [ -f "$KNOWNFAIL" ] || return 0
  sed -e 's/[[:space:]]*#.*$//' -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' "$KNOWNFAIL" | grep -v '^$' || true
}
kf_names > "$tmp/knownfail"

if [ "$update" = 1 ]; then
  mkdir -p "$(dirname "$KNOWNFAIL")"
  awk -F'\t' -v ranfile="$tmp/ran-suites" -v kf="$KNOWNFAIL" -v order="$(echo $ALL_SUITES | sed 's/[^ ]*/smb2.&/g')" "$in_ran_suites"'
    function trim(s) { sub(/^[ \t]+/, "", s); sub(/[ \t]+$/, "", s); return s }
    BEGIN {
      # old entries with their reasons (comment lines just above, or a trailing comment)
      pending = ""
      while ((getline l < kf) > 0) {
        if (l ~ /^[ \t]*$/) { pending = ""; continue }
        if (l ~ /^[ \t]*#/) { if (l !~ /^# (---|smbtorture knownfail|Regenerate|Each entry|A test)/) pending = pending l "\n"; continue }
        name = l; sub(/[ \t]*#.*$/, "", name); name = trim(name)
        tail = ""; if (l ~ /#/) { tail = l; sub(/^[^#]*#/, "#", tail) }
        oldorder[++no] = name; oldreason[name] = pending; oldtail[name] = tail; pending = ""
      }
    }
    $2 == "failure" || $2 == "error" { fail[++nf] = $1; msg[$1] = $4; res[$1] = $2 }
    END {
      print "# smbtorture knownfail: the smb2 tests Bossa is expected to fail (scripts/interop/smbtorture.sh)."
      print "# A test listed here that passes, or a test not listed that fails, fails the build."
      print "# Each entry has its reason: a comment on the line above or at the end of the line."
      print "# Regenerate: scripts/interop/smbtorture.sh --update-knownfail (hand-written reasons are kept)."
      # suite by suite in the usual order: the old entries of suites that were not run stay as they
      # are, the suites that were run get the failures of this run
      ns = split(order, so, " ")
      for (i = 1; i <= no; i++) { split(oldorder[i], sp, "."); known_suite[sp[1] "." sp[2]] = 1 }
      for (i = 1; i <= nf; i++) { split(fail[i], sp, "."); known_suite[sp[1] "." sp[2]] = 1 }
      for (k in known_suite) { found = 0; for (j = 1; j <= ns; j++) if (so[j] == k) found = 1; if (!found) so[++ns] = k }
      for (j = 1; j <= ns; j++) {
        s = so[j]; header = 0
        for (i = 1; i <= no; i++) {
          split(oldorder[i], sp, "."); if (sp[1] "." sp[2] != s || ran_suite(oldorder[i])) continue
          if (!header) { printf "\n# --- %s ---\n", s; header = 1 }
          printf "%s%s%s\n", oldreason[oldorder[i]], oldorder[i], (oldtail[oldorder[i]] != "" ? " " oldtail[oldorder[i]] : "")
        }
        for (i = 1; i <= nf; i++) {
          n = fail[i]; split(n, sp, "."); if (sp[1] "." sp[2] != s) continue
          if (!header) { printf "\n# --- %s ---\n", s; header = 1 }
          if ((n in oldreason) && (oldreason[n] != "" || oldtail[n] != "")) {
            printf "%s%s%s\n", oldreason[n], n, (oldtail[n] != "" ? " " oldtail[n] : "")
          } else {
            m = msg[n]; if (m == "") m = res[n]; if (length(m) > 150) m = substr(m, 1, 147) "..."
            printf "# %s\n%s\n", m, n
          }
        }
      }
    }' "$OUT/smbtorture/all.tsv" > "$tmp/knownfail.new"
  mv "$tmp/knownfail.new" "$KNOWNFAIL"
  kf_names > "$tmp/knownfail"
  echo "smbtorture.sh: rewrote $KNOWNFAIL ($(wc -l < "$tmp/knownfail") entries)"
fi

awk -F'\t' -v kf="$tmp/knownfail" '
  BEGIN { while ((getline l < kf) > 0) known[l] = 1 }
  ($2 == "failure" || $2 == "error") && !($1 in known) { printf "NEW\t%s\t%s\t%s\n", $1, $2, $4 }
  $2 == "success" && ($1 in known) { printf "FIXED\t%s\n", $1 }
  $2 == "skip" && ($1 in known) { printf "SKIPKNOWN\t%s\n", $1 }
  { seen[$1] = 1 }
  END { for (k in known) if (!(k in seen)) printf "NOTRUN\t%s\n", k }' "$OUT/smbtorture/all.tsv" > "$tmp/verdict"
# known failures of suites that were run but whose test no longer exists: stale
awk -F'\t' -v ranfile="$tmp/ran-suites" "$in_ran_suites"'$1 == "NOTRUN" && ran_suite($2) { print $2 }' \
  "$tmp/verdict" > "$tmp/stale"

# ---------------------------------------------------------------- docs/conformance.md
if [ "$docs" = 1 ]; then
  mkdir -p "$(dirname "$DOC")"
  # a partial run merges its rows into the existing table
  old_rows="$tmp/old-rows"; : > "$old_rows"
  if [ "$partial" = 1 ] && [ -f "$DOC" ]; then
    grep -E '^\| smb2\.' "$DOC" > "$old_rows" || true
  fi
  awk -F'\t' -v wall="$OUT/smbtorture/walltime.tsv" -v old="$old_rows" -v order="$(echo $ALL_SUITES)" '
    BEGIN {
      while ((getline l < wall) > 0) { split(l, w, "\t"); secs[w[1]] = w[2]; excl[w[1]] = w[3]; ran[w[1]] = 1 }
      while ((getline l < old) > 0) { split(l, c, "|"); s = c[2]; gsub(/ /, "", s); oldrow[s] = l }
    }
    {
      s = $1; sub(/^smb2\./, "", s); sub(/\..*$/, "", s); s = "smb2." s
      if ($2 == "success") p[s]++; else if ($2 == "skip") k[s]++; else f[s]++
    }
    END {
      print "| suite | passed | failed | skipped | total | excluded | wall time |"
      print "|---|---:|---:|---:|---:|---:|---:|"
      n = split(order, o, " ")
      for (i = 1; i <= n; i++) {
        s = "smb2." o[i]
        if (s in ran) {
          t = p[s] + f[s] + k[s]
          printf "| %s | %d | %d | %d | %d | %d | %ds |\n", s, p[s], f[s], k[s], t, excl[s], secs[s]
          tp += p[s]; tf += f[s]; tk += k[s]; tx += excl[s]; tw += secs[s]
        } else if (s in oldrow) {
          print oldrow[s]; split(oldrow[s], c, "|")
          tp += c[3]; tf += c[4]; tk += c[5]; tx += c[7]; x = c[8]; gsub(/[ s]/, "", x); tw += x
        }
      }
      printf "| **total** | **%d** | **%d** | **%d** | **%d** | **%d** | **%ds** |\n", tp, tf, tk, tp + tf + tk, tx, tw
    }' "$OUT/smbtorture/all.tsv" > "$tmp/table"
  {
    echo "# Conformance"
    echo
    echo "## smbtorture"
    echo
    echo "Samba's \`smbtorture\` (\`--target=samba3\`) run against Bossa by \`scripts/interop/smbtorture.sh\`"
    echo "(the interop phase of \`./mvnw verify\` runs it through \`SmbtortureIT\`). Each test runs under a"
    echo "${test_timeout} s limit and each suite under ${suite_timeout} s; a test without a result then counts as failed. *Failed* counts"
    echo "failures and errors; the tests Bossa is expected to fail, each with its reason, are listed in"
    echo "[\`src/test/resources/interop/smbtorture-knownfail.txt\`](../src/test/resources/interop/smbtorture-knownfail.txt)."
    echo "*Excluded* tests are not run at all; see"
    echo "[\`smbtorture-exclude.txt\`](../src/test/resources/interop/smbtorture-exclude.txt). The tests that need"
    echo "Kerberos logons (smb2.session.expire*) are skipped here; \`scripts/interop/smbtorture-domain.sh\` runs them"
    echo "against Bossa as a domain member (\`KerberosSmbtortureIT\`, see docs/testbed.md)."
    echo
    echo "- Date: $(date -u +%Y-%m-%d)$([ "$partial" = 1 ] && echo " (partial run: $(echo $suites); other rows from an earlier run)")"
    echo "- smbtorture: $version"
    echo "- Bossa: commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- src/main 2>/dev/null || echo ' (with uncommitted changes)')"
    echo "- Share: one share, a directory of mode 0777; the user is a local Bossa user mapped to uid 0/gid 0 (as"
    echo "  Samba's selftest runs smbtorture as an administrator smbd treats as root)"
    echo
    cat "$tmp/table"
    if grep -q '^# \[' "$KNOWNFAIL" 2>/dev/null; then
      echo
      echo "Known failures by cause (the \`[cause]\` tags of the knownfail list):"
      echo
      echo "| cause | tests |"
      echo "|---|---:|"
      sed -n 's/^# \[\([^]]*\)\].*/\1/p' "$KNOWNFAIL" | sort | uniq -c | sort -rn \
        | awk '{ n = $1; $1 = ""; sub(/^ /, ""); printf "| %s | %d |\n", $0, n }'
      untagged=$(awk '/^#/ { c = $0; next } /^[^#[:space:]]/ { if (c !~ /^# \[/) n++; c = "" } END { print n + 0 }' "$KNOWNFAIL")
      echo "| (no cause tag yet) | $untagged |"
    fi
    echo
    echo "Regenerate (after \`./mvnw -B -q -o -T1 package -DskipTests\`):"
    echo
    echo "    scripts/interop/smbtorture.sh                     # run, compare with the knownfail list, rewrite this file"
    echo "    scripts/interop/smbtorture.sh --update-knownfail  # also rewrite the knownfail list from the results"
    echo "    scripts/interop/smbtorture.sh --suites lock,rename  # some suites only"
    echo
    echo "Per-test results, times and failure messages: \`target/interop/smbtorture-*.txt\`."
  } > "$DOC"
fi

# ---------------------------------------------------------------- verdict
status=0
if grep -q '^NEW' "$tmp/verdict"; then
  status=1
  echo
  echo "FAILED, not in the knownfail list ($(grep -c '^NEW' "$tmp/verdict")):"
  grep '^NEW' "$tmp/verdict" | awk -F'\t' '{ printf "  %s [%s] %s\n", $2, $3, $4 }'
fi
if grep -q '^FIXED' "$tmp/verdict"; then
  status=1
  echo
  echo "PASSED, but in the knownfail list: remove them from $KNOWNFAIL ($(grep -c '^FIXED' "$tmp/verdict")):"
  grep '^FIXED' "$tmp/verdict" | cut -f2 | sed 's/^/  /'
fi
if grep -q '^SKIPKNOWN' "$tmp/verdict"; then
  echo
  echo "note: skipped, but in the knownfail list:"
  grep '^SKIPKNOWN' "$tmp/verdict" | cut -f2 | sed 's/^/  /'
fi
if [ -s "$tmp/stale" ]; then
  echo
  echo "note: in the knownfail list but not run (no such test, or excluded):"
  sed 's/^/  /' "$tmp/stale"
fi
if [ -n "$server_deaths" ]; then
  # killed by a signal (143 TERM, 137 KILL) is someone else's doing; any other exit is Bossa's own
  printf '%s' "$server_deaths" | grep -qvE 'status (137|143) ' && status=1
  echo
  echo "Bossa exited during the run (started again each time; the test running then is an error):"
  printf '%s' "$server_deaths"
fi
counts=$(awk -F'\t' '{ c[$2]++ } END { printf "%d passed, %d failed, %d skipped", c["success"], c["failure"] + c["error"], c["skip"] }' "$OUT/smbtorture/all.tsv")
echo
if [ "$status" = 0 ]; then
  echo "smbtorture.sh: OK: $counts; all failures are known (${total_wall}s)"
else
  echo "smbtorture.sh: MISMATCH with $KNOWNFAIL: $counts (${total_wall}s)"
  echo "  after fixing the server, or to accept the new state: scripts/interop/smbtorture.sh --update-knownfail"
fi
exit "$status"
