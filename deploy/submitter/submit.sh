#!/usr/bin/env bash
# Submits the event analytics job to the session cluster, detached, with its options taken from
# the environment (docker-compose.yml fills it from .env). Exits 0 once the cluster has accepted
# the job, non-zero when the submission or the job's option check fails.
#
# Submitting is skipped when a job of the same name is already running or restarting, so that
# re-running `docker compose up` never starts a second copy reading the same topic.
#
# Cassandra credentials are not put on the command line (where the Flink UI would show them): the
# job's main method reads CASSANDRA_USERNAME and CASSANDRA_PASSWORD from this environment.
set -euo pipefail

jobmanager="${JOBMANAGER_ADDRESS:?}"
# The name EventAnalyticsJob gives the job (env.execute); Flink lists running jobs by it.
job_name="event-analytics"

# Captured first: grep -q stopping early must not turn into a failed `flink list` and a resubmit.
running_jobs="$(flink list -r -m "$jobmanager")"
if grep -qF " : ${job_name} (" <<< "$running_jobs"; then
    echo "job '${job_name}' is already running on ${jobmanager}; not submitting again"
    exit 0
fi

run_options=(-d -m "$jobmanager" -p "${PARALLELISM:?}")
if [[ -n "${SAVEPOINT_PATH:-}" ]]; then
    run_options+=(-s "$SAVEPOINT_PATH")
fi

job_options=(
    --bootstrap-servers "${KAFKA_BOOTSTRAP_SERVERS:?}"
    --topic "${EVENTS_TOPIC:?}"
    --dlq-topic "${DLQ_TOPIC:?}"
    --group-id "${CONSUMER_GROUP:?}"
    --cassandra-hosts "${CASSANDRA_HOSTS:?}"
    --cassandra-port "${CASSANDRA_PORT:?}"
    --cassandra-datacenter "${CASSANDRA_LOCAL_DATACENTER:?}"
    --keyspace "${CASSANDRA_KEYSPACE:?}"
    --replication "${CASSANDRA_REPLICATION:?}"
    --sink-consistency "${CASSANDRA_WRITE_CONSISTENCY:?}"
    --window-size "${WINDOW_SIZE:?}"
    --allowed-lateness "${ALLOWED_LATENESS:?}"
    --max-out-of-orderness "${MAX_OUT_OF_ORDERNESS:?}"
    --idle-timeout "${IDLE_TIMEOUT:?}"
    --provisional-interval "${PROVISIONAL_INTERVAL:?}"
    --checkpoint-interval "${CHECKPOINT_INTERVAL:?}"
)
# JOB_EXTRA_ARGS is split on whitespace: options whose values contain spaces belong above.
read -r -a extra_options <<< "${JOB_EXTRA_ARGS:-}"

echo "submitting '${job_name}' to ${jobmanager} with parallelism ${PARALLELISM}"
exec flink run "${run_options[@]}" /opt/flink/usrlib/job.jar \
    "${job_options[@]}" "${extra_options[@]}"
