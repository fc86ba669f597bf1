#!/usr/bin/env bash
# Runs the smbtorture tests that need a domain (Kerberos logons; the session expiry tests) against
# Bossa joined to the loopback AD DC, and compares the outcome with the committed domain knownfail
# list. The standalone run (scripts/interop/smbtorture.sh) cannot run them: it logs on a local user
# with NTLM, and smbtorture skips these without --use-kerberos=required.
#
#   scripts/interop/smbtorture-domain.sh [options] [path/to/bossa.jar]
#
#   --update-knownfail    rewrite the domain knownfail list from this run's results (reasons
#                         already written by hand are kept)
#   --test-timeout SECONDS  time limit of one test (default 90; env SMBTORTURE_TEST_TIMEOUT): a
#                         test still running then is stopped and recorded as an error
#   --keep                keep the temporary share and state directory (printed at the end)
#
# The tests: src/test/resources/interop/smbtorture-domain-tests.txt. The knownfail list:
# src/test/resources/interop/smbtorture-domain-knownfail.txt, the same rule as the standalone run:
# a listed test that passes, or an unlisted test that fails, is a mismatch.
#
# Needs the DC running and answering (sudo scripts/interop/dc.sh start; its BOSSA_DC_* and
# BOSSA_HOST_IP variables select it), smbtorture (samba-testsuite) and target/bossa.jar (built by
# ./mvnw -B -q -o -T1 package -DskipTests). Bossa is joined as BOSSA with `bossa join` (a
# computer BOSSA left over from an interrupted run is deleted first) and serves on BOSSA_HOST_IP
# (127.0.0.4, bossa.<realm> in /etc/hosts: the name is the host part of the cifs/ SPN the client
# asks the DC for) on a free port; it leaves the domain at the end.
# smbtorture logs on as the domain user alice, one smbtorture process per test; each asks the DC
# for its own short tickets (the tests throw the credential cache away and get new ones).
#
# Output under target/interop/:
#   smbtorture-domain-results.txt   "NAME RESULT" per test
#   smbtorture-domain/<test>.log    smbtorture's subunit output; smbtorture-domain/bossa.log the server log
# Exit status: 0 when the results match the knownfail list; 1 when they do not (the differences are
# printed); 2 when the run itself could not be made.
set -euo pipefail

here="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$here"
PATH="$PATH:/usr/sbin:/sbin"
. "$here/scripts/interop/lib/subunit.sh"   # parse_subunit

TESTS="src/test/resources/interop/smbtorture-domain-tests.txt"
KNOWNFAIL="src/test/resources/interop/smbtorture-domain-knownfail.txt"
OUT="target/interop"
LOGS="$OUT/smbtorture-domain"
NAME=BOSSA
USER_NAME=alice
USER_PASS='Alice!Passw0rd'   # dc.sh's test user

jar="target/bossa.jar"
update=0
keep=0
test_timeout="${SMBTORTURE_TEST_TIMEOUT:-90}"
usage_error() { echo "smbtorture-domain.sh: $* (see --help)" >&2; exit 2; }
die() { echo "smbtorture-domain.sh: $*" >&2; exit 2; }
need_value() { [ $# -ge 2 ] || usage_error "$1 needs a value"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --update-knownfail) update=1; shift ;;
    --test-timeout) need_value "$@"; test_timeout="$2"; shift 2 ;;
    --test-timeout=*) test_timeout="${1#--test-timeout=}"; shift ;;
    --keep) keep=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) usage_error "unknown option $1" ;;
    *) jar="$1"; shift ;;
  esac
done
[[ "$test_timeout" =~ ^[1-9][0-9]*$ ]] || usage_error "--test-timeout must be a positive number of seconds"

command -v smbtorture >/dev/null 2>&1 || die "smbtorture not found: run scripts/install-peers.sh (Debian package samba-testsuite)"
command -v samba-tool >/dev/null 2>&1 || die "samba-tool not found: run scripts/install-peers.sh"
[ -f "$jar" ] || die "$jar not found: build it with ./mvnw -B -q -o -T1 package -DskipTests"
[ -f "$TESTS" ] || die "$TESTS is missing"

eval "$(scripts/interop/dc.sh env)"
scripts/interop/dc.sh status >/dev/null 2>&1 \
  || die "the DC ($BOSSA_DC_REALM at $BOSSA_DC_IP) is not running and answering: run 'sudo scripts/interop/dc.sh start'"
ADMIN="$BOSSA_DC_ADMIN%$BOSSA_DC_ADMIN_PASSWORD"
HOST="${NAME,,}.${BOSSA_DC_REALM,,}"
getent hosts "$HOST" | grep "^$BOSSA_HOST_IP " >/dev/null \
  || die "$HOST does not resolve to $BOSSA_HOST_IP: run 'sudo scripts/interop/dc.sh host-setup'"
export KRB5_CONFIG="$BOSSA_DC_KRB5_CONF"

. scripts/java-home.sh
. scripts/jvm-options.sh
java_cmd=("$JAVA_HOME/bin/java" "${BOSSA_JVM_OPTS[@]}" -jar "$jar")

# Spring reads BOSSA_* variables as settings: only the file and the options configure the server
unset_vars=()
for v in $(compgen -e); do
  case "$v" in BOSSA_*|SPRING_*) unset_vars+=(-u "$v") ;; esac
done

mkdir -p "$LOGS"
rm -f "$LOGS"/*.log
tmp="$(mktemp -d /tmp/bossa-torture-domain.XXXXXX)"
# Kerberos credential caches of this run only: never the host's default cache
export KRB5CCNAME="FILE:$tmp/ccache"
server_pid=""
joined=0
computer_exists() { samba-tool computer show "$1" -H "ldap://$BOSSA_DC_IP" -U "$ADMIN" >/dev/null 2>&1; }
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [ "$joined" = 1 ]; then
    printf '%s\n' "$BOSSA_DC_ADMIN_PASSWORD" | env "${unset_vars[@]}" "${java_cmd[@]}" leave -U "$BOSSA_DC_ADMIN" \
      --password-stdin --state-dir "$tmp/state" >> "$LOGS/leave.log" 2>&1 \
      || { computer_exists "$NAME" && samba-tool computer delete "$NAME" -H "ldap://$BOSSA_DC_IP" -U "$ADMIN" >/dev/null 2>&1; } \
      || echo "smbtorture-domain.sh: could not remove the computer $NAME: delete it by hand" >&2
  fi
  if [ "$keep" = 1 ]; then echo "smbtorture-domain.sh: kept $tmp"; else rm -rf "$tmp"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- join and serve
if computer_exists "$NAME"; then
  echo "smbtorture-domain.sh: deleting the computer $NAME left by an earlier run" >&2
  samba-tool computer delete "$NAME" -H "ldap://$BOSSA_DC_IP" -U "$ADMIN" >/dev/null || die "could not delete the computer $NAME"
fi
share="$tmp/share"
mkdir -p "$share" "$tmp/state"
chmod 0777 "$share"
joined=1
printf '%s\n' "$BOSSA_DC_ADMIN_PASSWORD" | env "${unset_vars[@]}" "${java_cmd[@]}" join --realm "$BOSSA_DC_REALM" \
  --netbios-name "$NAME" --dns-servers "$BOSSA_DC_IP" -U "$BOSSA_DC_ADMIN" --password-stdin --state-dir "$tmp/state" \
  > "$LOGS/join.log" 2>&1 || { cat "$LOGS/join.log" >&2; die "bossa join failed"; }

port_free() { ! (exec 3<>"/dev/tcp/$BOSSA_HOST_IP/$1") 2>/dev/null; }
port=""
for _ in $(seq 1 50); do
  port=$(( 20000 + RANDOM % 20000 ))
  port_free "$port" && break
done
cat > "$tmp/member.yml" <<EOF
bossa:
  state-dir: $tmp/state
  netbios-name: $NAME
  workgroup: $BOSSA_DC_DOMAIN
  domain:
    realm: $BOSSA_DC_REALM
    dns-servers: [$BOSSA_DC_IP]
  smb:
    bind: [$BOSSA_HOST_IP]
    port: $port
  shares:
    - name: torture
      path: $share
EOF
env "${unset_vars[@]}" "${java_cmd[@]}" serve --spring.config.additional-location="file:$tmp/member.yml" \
  > "$LOGS/bossa.log" 2>&1 &
server_pid=$!
for i in $(seq 1 120); do
  kill -0 "$server_pid" 2>/dev/null || { tail -20 "$LOGS/bossa.log" >&2; die "bossa serve exited during start-up"; }
  port_free "$port" || break
  [ "$i" -lt 120 ] || die "bossa serve does not answer on $BOSSA_HOST_IP:$port after 60 s"
  sleep 0.5
done

# smbtorture reads smb.conf: its own, so the host's /etc/samba/smb.conf does not matter
cat > "$tmp/client.conf" <<EOF
[global]
  workgroup = $BOSSA_DC_DOMAIN
  realm = $BOSSA_DC_REALM
  client min protocol = SMB2_02
  client max protocol = SMB3
EOF
# credentials in a file, not on the command line; the realm makes the principal alice@REALM
printf 'username = %s\npassword = %s\ndomain = %s\nrealm = %s\n' "$USER_NAME" "$USER_PASS" "$BOSSA_DC_DOMAIN" \
  "$BOSSA_DC_REALM" > "$tmp/auth"
chmod 0600 "$tmp/auth"

version="$({ smbtorture --version 2>/dev/null || true; } | sed -n '/^Version /{s///;p;}' | sed -n 1p)"
echo "smbtorture-domain.sh: Bossa (pid $server_pid) joined as $NAME, serving //$HOST/torture on port $port;" \
  "smbtorture $version as $USER_NAME@$BOSSA_DC_REALM with Kerberos; ${test_timeout}s a test"

# ---------------------------------------------------------------- tests
sed -e 's/[[:space:]]*#.*$//' -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' "$TESTS" | grep -v '^$' > "$tmp/tests" || true
[ -s "$tmp/tests" ] || die "$TESTS names no test"
: > "$tmp/all.tsv"
t0=$(date +%s)
while IFS= read -r t; do
  suite="${t%.*}"
  log="$LOGS/${t##*.}.log"
  printf '%s\n' "$t" > "$tmp/one"
  rc=0
  timeout -k 5 "$test_timeout" smbtorture "//$HOST/torture" -p "$port" -s "$tmp/client.conf" -A "$tmp/auth" \
    --use-kerberos=required --target=samba3 --format=subunit --fullname --basedir="$tmp" \
    --load-list="$tmp/one" "$suite" > "$log" 2>&1 < /dev/null || rc=$?
  why="no result: smbtorture exited with status $rc"
  [ "$rc" != 124 ] || why="timeout: no result after ${test_timeout}s (test limit)"
  parse_subunit "$why" < "$log" | awk -F'\t' -v t="$t" '$1 == t' > "$tmp/r"
  [ -s "$tmp/r" ] || printf '%s\terror\t0\t%s\n' "$t" "$why" > "$tmp/r"
  cat "$tmp/r" >> "$tmp/all.tsv"
  awk -F'\t' '{ printf "  %-36s %-8s %5.1fs  %s\n", $1, $2, $3, $4 }' "$tmp/r"
  kill -0 "$server_pid" 2>/dev/null || die "bossa serve exited during $t (log: $LOGS/bossa.log)"
done < "$tmp/tests"
wall=$(( $(date +%s) - t0 ))

{
  echo "# smbtorture $version against Bossa as a domain member ($(git rev-parse --short HEAD 2>/dev/null || echo unknown)), $(date -u +%Y-%m-%dT%H:%M:%SZ), ${wall}s"
  awk -F'\t' '{ print $1 " " $2 }' "$tmp/all.tsv"
} > "$OUT/smbtorture-domain-results.txt"

# ---------------------------------------------------------------- knownfail
kf_names() {
  [ -f "$KNOWNFAIL" ] || return 0
  sed -e 's/[[:space:]]*#.*$//' -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' "$KNOWNFAIL" | grep -v '^$' || true
}
if [ "$update" = 1 ]; then
  # the failures of this run, each with its old reason (comment lines just above it, or a
  # trailing comment) when it had one, else smbtorture's message
  awk -F'\t' -v kf="$KNOWNFAIL" '
    BEGIN {
      pending = ""
      while ((getline l < kf) > 0) {
        if (l ~ /^[ \t]*$/) { pending = ""; continue }
        if (l ~ /^[ \t]*#/) { if (l !~ /^# (smbtorture domain knownfail|A test|Each entry|Regenerate)/) pending = pending l "\n"; continue }
        name = l; sub(/[ \t]*#.*$/, "", name); gsub(/^[ \t]+|[ \t]+$/, "", name)
        tail = ""; if (l ~ /#/) { tail = l; sub(/^[^#]*#/, " #", tail) }
        reason[name] = pending; trailing[name] = tail; pending = ""
      }
      print "# smbtorture domain knownfail: the tests of smbtorture-domain-tests.txt Bossa is expected to fail"
      print "# (scripts/interop/smbtorture-domain.sh). A test listed here that passes, or a test not listed that"
      print "# fails, fails the build. Each entry has its reason: a comment on the line above or at the end of the line."
      print "# Regenerate: scripts/interop/smbtorture-domain.sh --update-knownfail (hand-written reasons are kept)."
    }
    $2 == "failure" || $2 == "error" {
      print ""
      if ($1 in reason && (reason[$1] != "" || trailing[$1] != "")) printf "%s%s%s\n", reason[$1], $1, trailing[$1]
      else { m = ($4 != "" ? $4 : $2); if (length(m) > 150) m = substr(m, 1, 147) "..."; printf "# %s\n%s\n", m, $1 }
    }' "$tmp/all.tsv" > "$tmp/knownfail.new"
  mv "$tmp/knownfail.new" "$KNOWNFAIL"
  echo "smbtorture-domain.sh: rewrote $KNOWNFAIL ($(kf_names | wc -l) entries)"
fi
kf_names > "$tmp/knownfail"

awk -F'\t' -v kf="$tmp/knownfail" '
  BEGIN { while ((getline l < kf) > 0) known[l] = 1 }
  ($2 == "failure" || $2 == "error") && !($1 in known) { printf "NEW\t%s\t%s\t%s\n", $1, $2, $4 }
  $2 == "success" && ($1 in known) { printf "FIXED\t%s\n", $1 }
  $2 == "skip" { printf "SKIPPED\t%s\t%s\n", $1, $4 }
  { seen[$1] = 1 }
  END { for (k in known) if (!(k in seen)) printf "NOTRUN\t%s\n", k }' "$tmp/all.tsv" > "$tmp/verdict"

status=0
if grep -q '^NEW' "$tmp/verdict"; then
  status=1
  echo; echo "FAILED, not in $KNOWNFAIL:"
  grep '^NEW' "$tmp/verdict" | awk -F'\t' '{ printf "  %s [%s] %s\n", $2, $3, $4 }'
fi
if grep -q '^FIXED' "$tmp/verdict"; then
  status=1
  echo; echo "PASSED, but in $KNOWNFAIL: remove them from it:"
  grep '^FIXED' "$tmp/verdict" | cut -f2 | sed 's/^/  /'
fi
if grep -q '^SKIPPED' "$tmp/verdict"; then
  # these tests skip only when the logon is not Kerberos: the run did not test what it is for
  status=1
  echo; echo "SKIPPED (smbtorture did not get a Kerberos logon?):"
  grep '^SKIPPED' "$tmp/verdict" | awk -F'\t' '{ printf "  %s %s\n", $2, $3 }'
fi
if grep -q '^NOTRUN' "$tmp/verdict"; then
  echo; echo "note: in $KNOWNFAIL but not in $TESTS (stale entries):"
  grep '^NOTRUN' "$tmp/verdict" | cut -f2 | sed 's/^/  /'
fi
counts=$(awk -F'\t' '{ c[$2]++ } END { printf "%d passed, %d failed, %d skipped", c["success"], c["failure"] + c["error"], c["skip"] }' "$tmp/all.tsv")
echo
if [ "$status" = 0 ]; then
  echo "smbtorture-domain.sh: OK: $counts; all failures are known (${wall}s)"
else
  echo "smbtorture-domain.sh: MISMATCH with $KNOWNFAIL: $counts (${wall}s)"
  echo "  after fixing the server, or to accept the new state: scripts/interop/smbtorture-domain.sh --update-knownfail"
fi
exit "$status"
