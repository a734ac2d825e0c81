#!/usr/bin/env bash
# Creates the pipeline's topics on the Redpanda broker, once: a topic that already exists is left
# as it is (re-running `docker compose up` must not fail, and partitions are never changed here
# because that would move keys between partitions under a running job).
set -euo pipefail

brokers="${REDPANDA_BROKERS:?REDPANDA_BROKERS is not set}"

create_topic() {
    local name="$1" partitions="$2"
    # `rpk topic list` prints a header line, then one topic per line with its name first.
    if rpk topic list -X brokers="$brokers" | awk 'NR > 1 { print $1 }' | grep -qxF "$name"; then
        echo "topic ${name} exists, left unchanged"
        return
    fi
    rpk topic create "$name" -p "$partitions" -r 1 -X brokers="$brokers"
}

create_topic "${EVENTS_TOPIC:?}" "${EVENTS_TOPIC_PARTITIONS:?}"
create_topic "${DLQ_TOPIC:?}" "${DLQ_TOPIC_PARTITIONS:?}"
rpk topic list -X brokers="$brokers"
