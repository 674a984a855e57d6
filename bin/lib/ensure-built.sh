# Shared by bin/genrelake and bin/bench (sourced, not run): rebuild with the Maven wrapper when the
# build is missing or older than its sources, so the scripts always run what is in the checkout.

# ensure_built STAMP_NAME WHAT MAVEN_GOAL CLASSPATH_FILE WATCHED_PATH...
#   STAMP_NAME     file in the build folder (below) whose mtime records the sources a successful build saw
#   WHAT           words for the progress line ("genrelake", "genrelake benchmarks")
#   MAVEN_GOAL     the lifecycle phase to run (compile, package, test-compile)
#   CLASSPATH_FILE the class-path file in the build folder that the script reads and MAVEN_GOAL writes
#                  (runtime-classpath.txt from generate-resources on, test-classpath.txt from
#                  generate-test-resources on: the pom's maven-dependency-plugin executions). Only that one
#                  is required: asking for a file the goal never writes would rebuild on every call.
#   WATCHED_PATH   files and folders (relative to the root) whose changes call for a rebuild
# Expects GENRELAKE_ROOT to be set. Maven's own output goes to stderr so stdout stays the command's.
#
# The build folder is target/ unless GENRELAKE_BUILD_DIR names another (the pom's genrelake.build.dir, for
# checkouts built in several folders at once; a relative path is relative to the checkout). GENRELAKE_BUILD
# is that folder, absolute.
if [[ -n "${GENRELAKE_BUILD_DIR:-}" ]]; then
  case "$GENRELAKE_BUILD_DIR" in
    /*) GENRELAKE_BUILD="$GENRELAKE_BUILD_DIR" ;;
    *) GENRELAKE_BUILD="$GENRELAKE_ROOT/$GENRELAKE_BUILD_DIR" ;;
  esac
else
  GENRELAKE_BUILD="$GENRELAKE_ROOT/target"
fi

ensure_built() {
  local stamp="$GENRELAKE_BUILD/$1" what="$2" goal="$3" classpath="$GENRELAKE_BUILD/$4"
  shift 4
  local reason=""
  if [[ ! -f "$stamp" || ! -f "$classpath" ]]; then
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
  mkdir -p "$GENRELAKE_BUILD"
  # Stamped before the build starts, so an edit made while Maven runs still counts as newer next time.
  local pending="$stamp.pending.$$"
  touch "$pending"
  if ! (cd "$GENRELAKE_ROOT" && ./mvnw -q -B -DskipTests "-Dgenrelake.build.dir=$GENRELAKE_BUILD" "$goal" >&2); then
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

# The JVM option that resolves the incubating Vector API module, which the extractor uses when the JVM has it
# (median filters, FFTs, chroma sums, soft mask: the same numbers, ~40 % less CPU per clip; README "Speed").
# Printed only when the JVM has the module (a JVM asked for a module it lacks would not start) and
# GENRELAKE_VECTOR_API is not "off". The JVM then says "WARNING: Using incubator modules: jdk.incubator.vector"
# once on stderr. grep reads the whole list (no -q), so java never writes into a closed pipe under pipefail.
vector_api_options() {
  [[ "${GENRELAKE_VECTOR_API:-on}" == "off" ]] && return 0
  if "$(java_command)" --list-modules 2>/dev/null | grep '^jdk\.incubator\.vector@' >/dev/null; then
    echo "--add-modules=jdk.incubator.vector"
  fi
}

# ensure_cds_archive JSA_NAME SAMPLE CLASSPATH JAVA_AND_OPTIONS...
#   Makes, once per build, an AppCDS archive (class-data sharing: the classes a run loads, parsed and verified ahead
#   of time) for `genrelake identify`, by running it on SAMPLE with -XX:ArchiveClassesAtExit, with the same JVM
#   (JAVA_AND_OPTIONS: the java launcher and its options) and CLASSPATH (which starts with
#   $GENRELAKE_BUILD/genrelake-cli.jar) as the runs that will use it: the JVM refuses an archive made otherwise. CDS cannot archive
#   classes from a folder, so our classes go into that jar first (rebuilt when the build is newer). Returns non-zero
#   when no archive could be made (the caller then runs without one); quiet either way.
ensure_cds_archive() {
  local jsa="$GENRELAKE_BUILD/$1" sample="$2" classpath="$3"
  shift 3
  local jar="$GENRELAKE_BUILD/genrelake-cli.jar" stamp="$GENRELAKE_BUILD/.genrelake-compile.stamp"
  if [[ ! -f "$jar" || "$jar" -ot "$stamp" ]]; then
    rm -f "$jsa"
    local jar_tool
    jar_tool="$(dirname "$(readlink -f "$(command -v "$(java_command)")")")/jar"
    [[ -x "$jar_tool" ]] || return 1
    "$jar_tool" cf "$jar.tmp.$$" -C "$GENRELAKE_BUILD/classes" . && mv -f "$jar.tmp.$$" "$jar" || { rm -f "$jar.tmp.$$"; return 1; }
  fi
  if [[ ! -f "$jsa" ]]; then
    echo "preparing the start-up archive (once per build)…" >&2
    "$@" "-XX:ArchiveClassesAtExit=$jsa.tmp.$$" -cp "$classpath" io.genrelake.cli.GenreLake identify "$sample" \
      >/dev/null 2>&1 && mv -f "$jsa.tmp.$$" "$jsa" \
      || { rm -f "$jsa.tmp.$$"; return 1; }
  fi
  return 0
}
