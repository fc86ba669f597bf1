# smbtorture's subunit output (sourced by smbtorture.sh and smbtorture-domain.sh; not run by itself).

# Parse subunit output into TAB-separated "name result seconds message"; a test that started but
# has no result (smbtorture was stopped) is reported as error with the reason given in $1.
parse_subunit() {
  awk -v why="$1" '
    function secs(line,   t, h) {
      # "time: 2026-11-23 20:57:07.471126"
      split(line, t, " "); split(t[3], h, ":")
      return h[1] * 3600 + h[2] * 60 + h[3]
    }
    function emit(name, result, msg,   d) {
      d = (name in start && now != "") ? now - start[name] : 0
      if (d < 0) d += 86400
      gsub(/\t/, " ", msg)
      printf "%s\t%s\t%.1f\t%s\n", name, result, d, msg
      done[name] = 1
    }
    /^time: / { now = secs($0); next }
    /^test: / { name = substr($0, 7); start[name] = now; order[++n] = name; next }
    inmsg {
      if ($0 == "]") { emit(cur, curres, msg); inmsg = 0; next }
      if (msg == "" && $0 !~ /^[ \t]*$/) {
        m = $0; sub(/^[^ ]*\.c:[0-9]+: /, "", m); sub(/^\(?[^ ]*\.c:[0-9]+\) /, "", m); sub(/:? ?\([^ ]*\.c:[0-9]+\)$/, "", m); sub(/:[ ]*$/, "", m); msg = m
      }
      next
    }
    /^(success|failure|error|skip|xfail|uxsuccess|skipped|fail): / {
      res = $1; sub(/:$/, "", res); rest = substr($0, length($1) + 2)
      if (res == "xfail" || res == "fail") res = "failure"
      if (res == "uxsuccess") res = "success"
      if (res == "skipped") res = "skip"
      if (rest ~ / \[$/) { cur = substr(rest, 1, length(rest) - 2); curres = res; msg = ""; inmsg = 1; next }
      sub(/ \[.*\]$/, "", rest)
      emit(rest, res, "")
      next
    }
    END {
      if (inmsg) emit(cur, curres, msg)
      for (i = 1; i <= n; i++) if (!(order[i] in done)) { now = ""; emit(order[i], "error", why) }
    }'
}
