# Sourced by scripts/bossa and bench/: the JVM settings Bossa runs with. A file server's heap holds
# request buffers (at most a few 8 MiB READ/WRITE payloads per connection) and small per-open state,
# so the heap is bounded and returned to the OS when idle instead of growing to a quarter of RAM.
# Override or extend with BOSSA_JAVA_OPTS.
# --add-exports: the VFS pins a virtual thread to its carrier while the carrier runs with a user's
# credentials (org.bossa.vfs.posix.CredentialScope); the jar manifest says the same for plain java -jar.
BOSSA_JVM_OPTS=(--enable-native-access=ALL-UNNAMED --add-exports java.base/jdk.internal.vm=ALL-UNNAMED -XX:+UseSerialGC -XX:+UseCompactObjectHeaders
  -Xms16m -Xmx1g -XX:MinHeapFreeRatio=5 -XX:MaxHeapFreeRatio=20 -XX:ReservedCodeCacheSize=64m
  -XX:MaxDirectMemorySize=256m)
if [ -n "${BOSSA_JAVA_OPTS:-}" ]; then
  read -r -a _extra <<< "$BOSSA_JAVA_OPTS"
  BOSSA_JVM_OPTS+=("${_extra[@]}")
fi
