# Shared by bin/genrelake and bin/bench (sourced, not run): rebuild with the Maven wrapper when the
# build is missing or older than its sources, so the scripts always run what is in the checkout.

# ensure_built STAMP_NAME WHAT MAVEN_GOAL WATCHED_PATH...
#   STAMP_NAME   file under target/ whose mtime records the sources a successful build saw
#   WHAT         words for the progress line ("genrelake", "genrelake benchmarks")
#   MAVEN_GOAL   the lifecycle phase to run (package, test-compile)
#   WATCHED_PATH files and folders (relative to the root) whose changes call for a rebuild
# Expects GENRELAKE_ROOT to be set. Maven's own output goes to stderr so stdout stays the command's.
ensure_built() {
  local stamp="$GENRELAKE_ROOT/target/$1" what="$2" goal="$3"
  shift 3
  local reason=""
  if [[ ! -f "$stamp" || ! -f "$GENRELAKE_ROOT/target/runtime-classpath.txt" \
        || ! -f "$GENRELAKE_ROOT/target/test-classpath.txt" ]]; then
    reason="first use"
  else
    local path
    for path in "$@"; do
      if [[ -e "$GENRELAKE_ROOT/$path" && -n "$(find "$GENRELAKE_ROOT/$path" -newer "$stamp" -print -quit)" ]]; then
        reason="sources changed"
        break
      fi
    done
  fi
  [[ -z "$reason" ]] && return 0

  echo "building $what ($reason)…" >&2
  mkdir -p "$GENRELAKE_ROOT/target"
  # Stamped before the build starts, so an edit made while Maven runs still counts as newer next time.
  local pending="$stamp.pending.$$"
  touch "$pending"
  if ! (cd "$GENRELAKE_ROOT" && ./mvnw -q -B -DskipTests "$goal" >&2); then
    rm -f "$pending"
    echo "build failed: fix the errors above, then run again" >&2
    exit 1
  fi
  mv -f "$pending" "$stamp"
}

# The java launcher of JAVA_HOME if set, else the one on PATH.
java_command() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    echo "$JAVA_HOME/bin/java"
  else
    echo java
  fi
}
