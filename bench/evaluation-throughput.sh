#!/usr/bin/env bash
# Measures how fast the workers of a running Assay server score deterministic evaluations.
# Needs wrk and jq (Debian packages) and a server started with ASSAY_BOOTSTRAP_API_KEY set.
#   bench/evaluation-throughput.sh [base-url] [seconds-of-load] [earlier-turns]
# wrk queues evaluations for SECONDS (each request: one turn, the metrics in bench/evaluation-throughput.lua);
# the script then waits until the queue is empty and reports completed evaluations per second.
set -euo pipefail
API=${1:-http://localhost:8080}
SECONDS_TO_RUN=${2:-20}
EARLIER_TURNS=${3:-0}
export ASSAY_KEY=${ASSAY_BOOTSTRAP_API_KEY:?set ASSAY_BOOTSTRAP_API_KEY to the server\'s bootstrap key}
H="Authorization: Bearer $ASSAY_KEY"
J="Content-Type: application/json"
PRODUCT=$(curl -sf -X POST "$API/products" -H "$H" -H "$J" -d "{\"name\":\"bench-$(date +%s%N)\"}" | jq -r .id)
VERSION=$(curl -sf -X POST "$API/versions" -H "$H" -H "$J" -d "{\"productId\":\"$PRODUCT\",\"name\":\"v1\"}" | jq -r .id)
TEST=$(curl -sf -X POST "$API/tests" -H "$H" -H "$J" -d "{\"productId\":\"$PRODUCT\",\"name\":\"bench\",\"type\":\"ACCURACY\"}" | jq -r .id)
REFERENCE=$(printf 'The refund policy allows customers to return any item within thirty days of delivery %.0s' {1..8})
ANSWER=$(printf 'Our refund policy lets customers return items within 30 days after they were delivered %.0s' {1..8})
TEST_CASE=$(curl -sf -X POST "$API/testCases" -H "$H" -H "$J" \
    -d "{\"testId\":\"$TEST\",\"input\":\"What is the refund policy?\",\"expectedOutput\":\"$REFERENCE\"}" | jq -r .id)
SESSION=$(curl -sf -X POST "$API/sessions" -H "$H" -H "$J" -d "{\"versionId\":\"$VERSION\",\"testCaseId\":\"$TEST_CASE\"}" | jq -r .id)
# Optionally a long conversation before the evaluated turn (at most 500 turns per batch).
for ((done = 0; done < EARLIER_TURNS; done += 500)); do
    count=$(( EARLIER_TURNS - done < 500 ? EARLIER_TURNS - done : 500 ))
    jq -n --arg session "$SESSION" --argjson count "$count" '{sessionId: $session, conversationTurns:
        [range($count) | ({role: "user", content: "Earlier question \(.)"}, {role: "assistant", content: "Earlier answer \(.)"})]}' \
        | curl -sf -X POST "$API/inferenceResults/batch" -H "$H" -H "$J" -d @- > /dev/null
done
export ASSAY_TURN=$(curl -sf -X POST "$API/inferenceResults" -H "$H" -H "$J" \
    -d "{\"sessionId\":\"$SESSION\",\"input\":\"What is the refund policy?\",\"actualOutput\":\"$ANSWER\"}" | jq -r .id)

completed() {
    curl -sf "$API/actuator/prometheus" | awk '/^assay_evaluations_completed_total/ {sum += $NF} END {printf "%d", sum}'
}
depth() {
    curl -sf "$API/actuator/prometheus" | awk '/^assay_evaluations_queue_depth/ {printf "%d", $NF}'
}

before=$(completed)
start=$(date +%s.%N)
wrk -t1 -c2 -d"${SECONDS_TO_RUN}s" -s "$(dirname "$0")/evaluation-throughput.lua" "$API/evaluations/fromInferenceResult" | tail -4
sleep 1
while [ "$(depth)" != "0" ]; do sleep 0.5; done
end=$(date +%s.%N)
after=$(completed)
echo "evaluations completed: $((after - before)) in $(echo "$end - $start" | bc) s: $(echo "($after - $before) / ($end - $start)" | bc) per second"
