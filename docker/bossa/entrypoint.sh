#!/bin/sh
# Joins the domain on first start (the membership is kept in the bossa-state volume), then serves.
set -eu
java_opts="-XX:+UseSerialGC -Xmx512m --enable-native-access=ALL-UNNAMED"
bossa() { java $java_opts -jar /opt/bossa/bossa.jar "$@"; }
# join only when no membership is stored (info reads the state, it asks no DC): a DC that is
# briefly down must not make a restart take the account over again and rotate its keys
if ! bossa info >/dev/null 2>&1; then
  printf '%s\n' "$JOIN_PASSWORD" | bossa join -U "$JOIN_USER" --password-stdin --force
fi
exec java $java_opts -jar /opt/bossa/bossa.jar serve
