# Sourced by the scripts: points JAVA_HOME at a Java 25 JDK (the machine default may be older).
# The version is read from the JDK's release file, not by starting a JVM: every command pays this.
java25() {
  [ -n "${1:-}" ] && [ -x "$1/bin/java" ] && grep -Eq '^JAVA_VERSION="2[5-9]' "$1/release" 2>/dev/null
}
if ! java25 "${JAVA_HOME:-}"; then
  for d in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/java-25-openjdk-amd64 /usr/lib/jvm/jdk-25*; do
    if java25 "$d"; then export JAVA_HOME="$d"; break; fi
  done
fi
if ! java25 "${JAVA_HOME:-}"; then
  echo "Bossa needs a Java 25 JDK: set JAVA_HOME" >&2
  exit 1
fi
unset -f java25
export PATH="$JAVA_HOME/bin:$PATH"
