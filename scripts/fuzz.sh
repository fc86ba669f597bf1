#!/usr/bin/env bash
# Long coverage-guided fuzzing runs of the Jazzer targets (src/test/java/org/bossa/fuzz/*FuzzTest.java),
# outside Maven: each target runs in its own JVM through Jazzer's libFuzzer driver, starting from the
# committed seed corpus (src/test/resources/fuzz) plus the corpus earlier runs grew under the output
# directory. The test phase only fuzzes each target for a few seconds; this is for the long runs.
#
#   scripts/fuzz.sh [--target NAME]... [--runs N | --seconds S] [--jobs J] [--out DIR] [--no-build]
#
#   --target NAME  a target class (Smb2Frame, Smb2FrameFuzzTest or org.bossa.fuzz.Smb2FrameFuzzTest);
#                  repeatable; default: every target
#   --runs N       executions per target (default 10000000)
#   --seconds S    run each target for S seconds instead
#   --jobs J       targets fuzzed at once (default 1; each is one busy core)
#   --out DIR      where corpora, findings and logs go (default target/fuzz-runs)
#   --no-build     do not recompile or recompute the class path
#
# Prints one line per target: executions, seconds, exec/s, findings. A finding's input is kept as
# DIR/findings/<Target>/crash-<sha1> (up to 20 distinct findings per run). To keep it as a regression
# seed, copy it to src/test/resources/fuzz/<Target>Inputs/<method>/; ./mvnw test -Dtest=<Target>
# replays it (and every other seed of that target) without fuzzing.
# Exit status 1 when any target had a finding.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
targets=()
runs=10000000
seconds=""
jobs=1
out=target/fuzz-runs
build=1
while (($#)); do
    case "$1" in
        --target) targets+=("$2"); shift 2 ;;
        --runs) runs=$2; seconds=""; shift 2 ;;
        --seconds) seconds=$2; shift 2 ;;
        --jobs) jobs=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        --no-build) build=0; shift ;;
        -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
        *) echo "fuzz.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
mkdir -p "$out"
out=$(cd "$out" && pwd)

# shellcheck source=scripts/java-home.sh
. scripts/java-home.sh
if ((build)); then
    ./mvnw -B -q -o test-compile
    ./mvnw -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$out/classpath.txt" >/dev/null
fi
[[ -f $out/classpath.txt ]] || { echo "fuzz.sh: no $out/classpath.txt; run without --no-build" >&2; exit 2; }

if ((${#targets[@]} == 0)); then
    for f in src/test/java/org/bossa/fuzz/*FuzzTest.java; do
        targets+=("$(basename "$f" .java)")
    done
fi

# Same set as pom.xml's fuzz.disabled.hooks: bug detectors for APIs the decoders never call.
disabled_hooks=$(sed -n 's:.*<fuzz.disabled.hooks>\(.*\)</fuzz.disabled.hooks>.*:\1:p' pom.xml)

run_one() {
    local t=$1
    t=${t##*.}
    [[ $t == *FuzzTest ]] || t=${t}FuzzTest
    [[ -f src/test/java/org/bossa/fuzz/$t.java ]] || { echo "fuzz.sh: no target $t" >&2; return 2; }
    local corpus=$out/corpus/$t findings=$out/findings/$t log=$out/logs/$t.log
    mkdir -p "$corpus" "$findings" "$out/logs" "$out/base"
    # Jazzer's own limits: they override the test-phase @FuzzTest(maxDuration) of the target.
    local limit=(--max_executions="$runs" --max_duration=1000h)
    [[ -n $seconds ]] && limit=(--max_duration="${seconds}s")
    local status=0
    # jazzer.internal.basedir keeps Jazzer from creating findings directories in the source tree;
    # the committed seeds are read from target/test-classes. keep_going: collect up to 20 distinct
    # findings per run instead of stopping at the first. -timeout: an input running 30 s is a hang.
    java -Xmx768m -XX:+UseSerialGC -XX:+EnableDynamicAgentLoading --enable-native-access=ALL-UNNAMED \
        -Djazzer.internal.basedir="$out/base" \
        -cp "$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$out/classpath.txt")" \
        com.code_intelligence.jazzer.Jazzer \
        --target_class="org.bossa.fuzz.$t" --disabled_hooks="$disabled_hooks" --keep_going=20 "${limit[@]}" \
        "$corpus" -artifact_prefix="$findings/" -timeout=30 -rss_limit_mb=0 -print_final_stats=1 \
        >"$log" 2>&1 || status=$?
    local execs secs rate found
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    secs=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
    found=$(find "$findings" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
    printf '%-28s executions=%-11s seconds=%-6s exec/s=%-8s findings=%s exit=%s\n' \
        "$t" "${execs:-?}" "${secs:-?}" "${rate:-?}" "$found" "$status"
    ((found == 0 && status == 0))
}
export -f run_one
export out runs seconds disabled_hooks ROOT

printf '%s\n' "${targets[@]}" | xargs -P "$jobs" -I{} bash -c 'run_one "$@"' _ {} || exit 1
