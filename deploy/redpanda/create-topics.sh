#!/usr/bin/env bash
# Creates the pipeline's topics on the Redpanda broker, once: a topic that already exists keeps its
# partitions (re-running `docker compose up` must not fail, and partitions are never changed here
# because that would move keys between partitions under a running job).
#
# The dead-letter topic gets a larger max.message.bytes than the events topic, also when it already
# exists: a dead letter is a whole event plus its dlq.* headers, so the dead letter of an event
# near the events topic's limit would not fit otherwise, and the job refuses to start then.
set -euo pipefail

brokers="${REDPANDA_BROKERS:?REDPANDA_BROKERS is not set}"

topic_exists() {
    # `rpk topic list` prints a header line, then one topic per line with its name first.
    rpk topic list -X brokers="$brokers" | awk 'NR > 1 { print $1 }' | grep -qxF "$1"
}

create_topic() {
    local name="$1" partitions="$2"
    shift 2
    if topic_exists "$name"; then
        echo "topic ${name} exists, partitions left unchanged"
        return
    fi
    rpk topic create "$name" -p "$partitions" -r 1 "$@" -X brokers="$brokers"
}

create_topic "${EVENTS_TOPIC:?}" "${EVENTS_TOPIC_PARTITIONS:?}"
dlq_max_bytes="${DLQ_TOPIC_MAX_MESSAGE_BYTES:?}"
create_topic "${DLQ_TOPIC:?}" "${DLQ_TOPIC_PARTITIONS:?}" -c max.message.bytes="$dlq_max_bytes"
# Also on a dead-letter topic made before this setting existed; setting it again is harmless.
rpk topic alter-config "$DLQ_TOPIC" --set max.message.bytes="$dlq_max_bytes" -X brokers="$brokers"
rpk topic list -X brokers="$brokers"
