# Shared by jobs/*.sh (sourced, not run): spark-submit for genrelake's jobs.
#
#   submit CLASS [spark-submit options...] -- [job options...]
#
# Uses $SPARK_HOME/bin/spark-submit when SPARK_HOME is set (a cluster's Spark); otherwise runs Spark's own
# SparkSubmit class from this project's dependencies (target/runtime-classpath.txt), which is enough for
# local[*], a standalone cluster, or YARN/Kubernetes when their client configuration is at hand.
#
# The application jar is target/genrelake-VERSION-job.jar, built by ./mvnw -q -B -DskipTests package when it
# is missing or older than the sources (in GENRELAKE_BUILD_DIR instead of target/ when that is set). Set
# GENRELAKE_JOB_JAR to use another (e.g. one on s3a:// or hdfs://).
# Extra JVM options for a local driver go in GENRELAKE_JAVA_OPTS.
set -euo pipefail

GENRELAKE_ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
# shellcheck source=../bin/lib/ensure-built.sh
. "$GENRELAKE_ROOT/bin/lib/ensure-built.sh"

# The job jar named by the pom's version, e.g. target/genrelake-0.1.0-SNAPSHOT-job.jar.
job_jar() {
  if [[ -n "${GENRELAKE_JOB_JAR:-}" ]]; then
    echo "$GENRELAKE_JOB_JAR"
    return
  fi
  ensure_built .genrelake-package.stamp "the genrelake job jar" package runtime-classpath.txt src/main pom.xml
  local jar
  jar="$(ls "$GENRELAKE_BUILD"/genrelake-*-job.jar 2>/dev/null | head -n 1)"
  if [[ -z "$jar" ]]; then
    echo "no $GENRELAKE_BUILD/genrelake-*-job.jar after the build" >&2
    exit 1
  fi
  echo "$jar"
}

# Spark 4 on Java 17 needs these (the pom's spark.jvm.opens); spark-submit scripts add them themselves.
SPARK_JVM_OPENS=(
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false
  -Dio.netty.tryReflectionSetAccessible=true
)

submit() {
  local class="$1"
  shift
  local submit_args=()
  while [[ $# -gt 0 && "$1" != "--" ]]; do
    submit_args+=("$1")
    shift
  done
  [[ "${1:-}" == "--" ]] && shift
  local jar
  jar="$(job_jar)"
  if [[ -n "${SPARK_HOME:-}" ]]; then
    exec "$SPARK_HOME/bin/spark-submit" --class "$class" "${submit_args[@]}" "$jar" "$@"
  fi
  # No Spark installation: SparkSubmit from the project's own dependencies (Spark is a provided dependency,
  # so it is in runtime-classpath.txt but not in the job jar). Log4j2 reads conf/log4j2.properties.
  # shellcheck disable=SC2086,SC2046
  exec "$(java_command)" $(vector_api_options) ${GENRELAKE_JAVA_OPTS:-} "${SPARK_JVM_OPENS[@]}" \
    -Dlog4j2.configurationFile="${GENRELAKE_LOG4J:-$GENRELAKE_ROOT/conf/log4j2.properties}" \
    -cp "$(cat "$GENRELAKE_BUILD/runtime-classpath.txt")" \
    org.apache.spark.deploy.SparkSubmit --class "$class" "${submit_args[@]}" "$jar" "$@"
}
