#!/usr/bin/env bash
# Submits io.genrelake.jobs.ClassifyJob with spark-submit.
#
#   jobs/classify.sh [spark-submit options...] -- [job options...]
#
# Everything before -- goes to spark-submit (--master, --deploy-mode, --properties-file conf/<env>.properties,
# --conf k=v, --executor-memory ...); everything after it to the job (see: jobs/classify.sh -- --help).
# Uses $SPARK_HOME/bin/spark-submit when SPARK_HOME is set, else Spark's SparkSubmit from the project's own
# dependencies; the application jar is target/genrelake-VERSION-job.jar (built on first use).
set -euo pipefail
# shellcheck source=submit.sh
. "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/submit.sh"
submit io.genrelake.jobs.ClassifyJob "$@"
