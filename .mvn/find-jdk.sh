# Sourced by ./borderid and .ci/run. Prints the home of a JDK >= $1 (default 21), searching JAVA_HOME, the java on
# PATH, and the usual install folders (Linux /usr/lib/jvm, macOS, SDKMAN, ~/.jdks). Returns 1 if none is found.
borderid_java_feature() { # $1 = path to a java binary; prints its feature version (17, 21, 25, ...)
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}
borderid_find_jdk() {
  local min=${1:-21} candidate best="" best_v=0 v
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(cd "$(dirname "$(readlink -f "$(command -v java)")")/.." && pwd)")
  fi
  for candidate in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* /opt/java/* /opt/jdk*; do
    [ -d "$candidate" ] && candidates+=("$candidate")
  done
  for candidate in "${candidates[@]}"; do
    [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    v=$(borderid_java_feature "$candidate/bin/java")
    [ -n "$v" ] || continue
    # JAVA_HOME wins when it is new enough; otherwise prefer the newest JDK found.
    if [ "$v" -ge "$min" ] && [ "$candidate" = "${JAVA_HOME:-}" ]; then best=$candidate; break; fi
    if [ "$v" -ge "$min" ] && [ "$v" -gt "$best_v" ]; then best=$candidate; best_v=$v; fi
  done
  [ -n "$best" ] || return 1
  printf '%s\n' "$best"
}
