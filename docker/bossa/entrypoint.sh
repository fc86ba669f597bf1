#!/bin/sh
# Joins the domain on first start (the membership is kept in the bossa-state volume), then serves.
set -eu
java_opts="-XX:+UseSerialGC -Xmx512m --enable-native-access=ALL-UNNAMED"
bossa() { java $java_opts -jar /opt/bossa/bossa.jar "$@"; }
if ! bossa testjoin >/dev/null 2>&1; then
  printf '%s\n' "$JOIN_PASSWORD" | bossa join -U "$JOIN_USER" --password-stdin --force
fi
exec java $java_opts -jar /opt/bossa/bossa.jar serve
