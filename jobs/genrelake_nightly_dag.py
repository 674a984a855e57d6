"""Airflow DAG for the genrelake nightly run.

One task: jobs/nightly.sh (spark-submit of io.genrelake.jobs.NightlyJob) with the DAG run's logical date as
--run-date. max_active_runs=1 because one run at a time owns the nightly state; catchup=True so missed nights
are run in order (the job refuses a date before its latest run, and a rerun of the latest date is idempotent,
so Airflow's retries and "clear" are safe).

Install: copy into the DAGs folder and set the Airflow Variable genrelake_home (the checkout or install
folder holding jobs/ and conf/) and, for a cluster, genrelake_spark_env (conf/<env>.properties).
"""

from datetime import datetime, timedelta

from airflow import DAG
from airflow.models import Variable
from airflow.operators.bash import BashOperator

GENRELAKE_HOME = Variable.get("genrelake_home", default_var="/opt/genrelake")
SPARK_ENV = Variable.get("genrelake_spark_env", default_var="conf/standalone.properties")

with DAG(
    dag_id="genrelake_nightly",
    description="Classify new and changed tracks of the catalogue; keep the genre table current",
    schedule="30 2 * * *",
    start_date=datetime(2026, 1, 1),
    catchup=True,
    max_active_runs=1,
    default_args={"retries": 2, "retry_delay": timedelta(minutes=15)},
    tags=["genrelake"],
) as dag:
    BashOperator(
        task_id="nightly",
        cwd=GENRELAKE_HOME,
        # {{ ds }}: the logical date, YYYY-MM-DD. Exit 1 (refused, e.g. the catalogue could not be listed
        # whole) fails the task and changes nothing; a retry is a clean rerun.
        bash_command=(
            "jobs/nightly.sh --properties-file " + SPARK_ENV
            + " -- --conf conf/nightly.conf --run-date {{ ds }}"
        ),
        execution_timeout=timedelta(hours=6),
    )
