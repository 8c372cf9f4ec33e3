# Sourced by the launchers: sets JAVA to the newest JDK 21+ on this machine (JAVA_HOME, PATH, /usr/lib/jvm).
# The major version of a java binary: from the JDK's release file when there is one (no JVM start), else
# by asking the binary.
java_major() {
  local home release v
  home="$(cd "$(dirname "$(readlink -f "$1")")/.." 2>/dev/null && pwd)"
  release="$home/release"
  if [ -f "$release" ]; then
    v="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")"
    [ -n "$v" ] && { echo "$v"; return; }
  fi
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1
}
find_java() {
  local candidates=() best="" best_v=0 j v
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
  candidates+=("$(command -v java 2>/dev/null || true)")
  for d in /usr/lib/jvm/*/; do candidates+=("${d}bin/java"); done
  for j in "${candidates[@]}"; do
    [ -x "$j" ] || continue
    v="$(java_major "$j")" || continue
    if [ -n "$v" ] && [ "$v" -ge 21 ] && [ "$v" -gt "$best_v" ]; then best="$j"; best_v="$v"; fi
  done
  [ -n "$best" ] || { echo "no JDK 21+ found (set JAVA_HOME or install one under /usr/lib/jvm)" >&2; return 1; }
  echo "$best"
}
JAVA="$(find_java)"
CHRONICLE_FLAGS=(--add-exports=java.base/sun.nio.ch=ALL-UNNAMED --add-exports=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --enable-native-access=ALL-UNNAMED
  -Dchronicle.analytics.disable=true -Dchronicle.announcer.disable=true -Xlog:disable -Xlog:all=warning:stderr)
