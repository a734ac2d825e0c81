#!/usr/bin/env bash
# End-to-end check of a running compose stack: sends a small known set of events through Redpanda,
# then checks that
#   - GET /stats reports, per event type, exactly the events sent (on top of what it reported
#     before, so the check can be re-run against a stack that already holds data, as long as
#     nothing else writes to the topic meanwhile or has pushed event time past these events),
#   - the malformed record reached the dead-letter topic with reason invalid-json,
#   - /metrics of stats-api and of a TaskManager is Prometheus text that promtool can parse,
#   - Prometheus scrapes every target (stats-api, JobManager, TaskManagers), and has every metric
#     the Grafana dashboard queries,
#   - the job's per-type event gauge in Prometheus equals the /stats totals of the types sent.
#
# Run from anywhere after `docker compose up -d --build --wait` (CI does). Expected figures are
# computed here from the same lines that are sent. Every wait is bounded by SMOKE_TIMEOUT_SECONDS.
set -euo pipefail
cd "$(dirname "$0")/../.."

timeout_seconds="${SMOKE_TIMEOUT_SECONDS:-180}"

# The value of a variable in .env, else the given default (the stack reads the same file).
env_value() {
    local value
    value="$(grep -E "^$1=" .env 2> /dev/null | tail -n 1 | cut -d= -f2-)"
    echo "${value:-$2}"
}

stats_url="http://localhost:$(env_value STATS_API_EXTERNAL_PORT 8080)"
prometheus_url="http://localhost:$(env_value PROMETHEUS_PORT 9090)"
events_topic="$(env_value EVENTS_TOPIC events)"
dlq_topic="$(env_value DLQ_TOPIC events-dlq)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

# Retries "$@" once a second until it succeeds; returns 1 once the timeout has passed.
wait_until() {
    local deadline=$((SECONDS + timeout_seconds))
    until "$@"; do
        ((SECONDS < deadline)) || return 1
        sleep 1
    done
}

# Per-type event totals as a sorted JSON object, e.g. {"click":3,"page_view":5}.
current_totals() {
    curl -fsS "${stats_url}/stats" | jq -cS '[(.totals // [])[] | {(.type): .events}] | add // {}'
}

# --- The events: the default event shape, event times a few seconds in the past --------------
run_id="ci-$(date +%s)-$$"
now_ms="$(($(date +%s) * 1000))"
cat > "${work}/events.jsonl" << EOF
{"event_id":"${run_id}-01","type":"page_view","user_id":"user-1","ts":$((now_ms - 9000)),"page":"/products/1"}
{"event_id":"${run_id}-02","type":"page_view","user_id":"user-2","ts":$((now_ms - 8800)),"page":"/products/2"}
{"event_id":"${run_id}-03","type":"click","user_id":"user-1","ts":$((now_ms - 8500)),"page":"/products/1"}
{"event_id":"${run_id}-04","type":"page_view","user_id":"user-3","ts":$((now_ms - 8000)),"page":"/"}
{"event_id":"${run_id}-05","type":"search","user_id":"user-2","ts":$((now_ms - 7600)),"page":"/search"}
{"event_id":"${run_id}-06","type":"add_to_cart","user_id":"user-1","ts":$((now_ms - 7000)),"page":"/products/1"}
{"event_id":"${run_id}-07","type":"click","user_id":"user-3","ts":$((now_ms - 6900)),"page":"/"}
{"event_id":"${run_id}-08","type":"page_view","user_id":"user-1","ts":$((now_ms - 6500)),"page":"/cart"}
{"event_id":"${run_id}-09","type":"purchase","user_id":"user-1","ts":$((now_ms - 6000)),"page":"/checkout"}
{"event_id":"${run_id}-10","type":"search","user_id":"user-4","ts":$((now_ms - 5800)),"page":"/search"}
{"event_id":"${run_id}-11","type":"click","user_id":"user-4","ts":$((now_ms - 5500)),"page":"/products/7"}
{"event_id":"${run_id}-12","type":"page_view","user_id":"user-4","ts":$((now_ms - 5000)),"page":"/products/7"}
{"event_id":"${run_id}-13","type":"add_to_cart","user_id":"user-4","ts":$((now_ms - 4500)),"page":"/products/7"}
{"event_id":"${run_id}-14","type":"page_view","user_id":"user-2","ts":$((now_ms - 4000)),"page":"/products/3"}
{"event_id":"${run_id}-15","type":"click","user_id":"user-2","ts":$((now_ms - 3500)),"page":"/products/3"}
{not valid json ${run_id}
EOF

# Expected: the lines that are JSON objects, counted by type; the rest are dead letters.
jq -R 'fromjson? | objects' "${work}/events.jsonl" > "${work}/valid.json"
sent_by_type="$(jq -cS -s 'group_by(.type) | map({(.[0].type): length}) | add' "${work}/valid.json")"
malformed_lines="$(($(wc -l < "${work}/events.jsonl") - $(jq -s 'length' "${work}/valid.json")))"
before="$(current_totals)"
expected="$(jq -cnS --argjson before "$before" --argjson sent "$sent_by_type" \
    'reduce ($sent | to_entries[]) as $e ($before; .[$e.key] = ((.[$e.key] // 0) + $e.value))')"
echo "totals before: ${before}"
echo "sending: ${sent_by_type} and ${malformed_lines} malformed line(s)"
echo "expected totals: ${expected}"

# --- Send them, keyed by line number so they spread over the topic's partitions --------------
awk '{ print NR " " $0 }' "${work}/events.jsonl" \
    | docker compose exec -T redpanda rpk topic produce "$events_topic" -f '%k %v\n'

# --- /stats must reach exactly the expected totals ---------------------------------------------
totals_match() {
    [[ "$(current_totals)" == "$expected" ]]
}
wait_until totals_match \
    || fail "/stats totals are $(current_totals), expected ${expected} (waited ${timeout_seconds}s)"
echo "OK /stats totals: $(current_totals)"

# --- The malformed line must be in the dead-letter topic, with its reason ---------------------
dead_letter_found() {
    # -o :end reads every partition from its start to its current end, then exits.
    docker compose exec -T redpanda rpk topic consume "$dlq_topic" -o :end \
        | jq -e -s --arg run "$run_id" --argjson n "$malformed_lines" \
            'map(select((.value | contains($run))
                and any(.headers[]?; .key == "dlq.reason" and .value == "invalid-json")))
             | length == $n' > /dev/null
}
if ((malformed_lines > 0)); then
    wait_until dead_letter_found \
        || fail "no dead letter with reason invalid-json for run ${run_id} in ${dlq_topic}"
    echo "OK dead letter with reason invalid-json in ${dlq_topic}"
fi

# --- /metrics must parse: promtool exits 1 on a parse error, 3 on style (lint) findings only ---
check_metrics() {
    local name="$1" status=0
    docker compose exec -T prometheus promtool check metrics > "${work}/promtool.out" 2>&1 \
        || status=$?
    if ((status != 0 && status != 3)); then
        cat "${work}/promtool.out" >&2
        fail "${name} metrics do not parse (promtool exit ${status})"
    fi
    echo "OK ${name} metrics parse (promtool exit ${status}, $(wc -l < "${work}/promtool.out") lint note(s))"
}
curl -fsS "${stats_url}/metrics" | check_metrics stats-api
docker compose exec -T prometheus wget -qO- http://taskmanager:9249/ > "${work}/taskmanager.prom"
grep -q '^flink_taskmanager_job_task_operator_events_in_total' "${work}/taskmanager.prom" \
    || fail "the TaskManager reporter does not export the job's events_in_total"
check_metrics taskmanager < "${work}/taskmanager.prom"

# --- Prometheus must scrape every target successfully ----------------------------------------
all_targets_up() {
    curl -fsS "${prometheus_url}/api/v1/targets" | jq -e '
        [.data.activeTargets[] | .labels.job] as $jobs
        | ($jobs | index("stats-api")) and ($jobs | index("flink-jobmanager"))
          and ($jobs | index("flink-taskmanager"))
          and all(.data.activeTargets[]; .health == "up")' > /dev/null
}
wait_until all_targets_up \
    || fail "Prometheus targets not all up: $(curl -fsS "${prometheus_url}/api/v1/targets" \
        | jq -c '[.data.activeTargets[] | {job: .labels.job, health, lastError}]')"
echo "OK Prometheus scrapes: $(curl -fsS "${prometheus_url}/api/v1/targets" \
    | jq -c '[.data.activeTargets[] | {job: .labels.job, health}]')"

# --- Every metric the Grafana dashboard queries must exist in Prometheus ------------------------
# Micrometer registers an error counter at the first error only, so a healthy run lacks it.
appears_only_after_errors='^cassandra_query_errors_total$'
dashboard_metrics="$(jq -r '.panels[].targets[]?.expr' deploy/grafana/dashboards/eventpipe.json \
    | grep -oE '\b(flink_[A-Za-z0-9_]+|http_server_[a-z_]+|cassandra_query_[a-z_]+)\b' \
    | sort -u | grep -vE "$appears_only_after_errors")"
metric_in_prometheus() {
    curl -fsS -G "${prometheus_url}/api/v1/query" \
        --data-urlencode "query=count({__name__=\"$1\"})" \
        | jq -e '.data.result | length > 0' > /dev/null
}
all_dashboard_metrics_present() {
    local name
    for name in $dashboard_metrics; do
        metric_in_prometheus "$name" || return 1
    done
}
if ! wait_until all_dashboard_metrics_present; then
    for name in $dashboard_metrics; do
        metric_in_prometheus "$name" || echo "missing in Prometheus: ${name}" >&2
    done
    fail "metrics the dashboard queries are missing"
fi
echo "OK all $(echo "$dashboard_metrics" | wc -l) metrics the dashboard queries are in Prometheus"

# --- The per-type gauge must equal the /stats totals of the types sent ---------------------------
# max, not sum: after a job restart the old task attempt's series may still be in Prometheus.
type_gauges() {
    curl -fsS -G "${prometheus_url}/api/v1/query" --data-urlencode \
        'query=max by (event_type) (flink_taskmanager_job_task_operator_event_type_events_total)' \
        | jq -cS '[.data.result[] | {(.metric.event_type): (.value[1] | tonumber)}] | add // {}'
}
type_gauges_match() {
    jq -e -n --argjson gauges "$(type_gauges)" --argjson expected "$expected" \
        --argjson sent "$sent_by_type" 'all($sent | keys[]; $gauges[.] == $expected[.])' > /dev/null
}
wait_until type_gauges_match \
    || fail "per-type gauges in Prometheus are $(type_gauges), expected ${expected} for the types sent"
echo "OK per-type event gauges in Prometheus: $(type_gauges)"

echo "smoke test passed"
