#!/usr/bin/env bash
# One command, one run: how fast the evaluation engine drains deterministic evaluations end to end,
# how fast the bare metrics score the same texts on the same number of threads, and the ratio.
#   bench/evaluation-engine.sh [evaluations] [port] [jfr-file]
# 1. starts the server (workers off) with a fresh data dir under target/, queues EVALUATIONS
#    deterministic evaluations (BLEU, ROUGE, METEOR, Text Similarity, Text Match of one ~120-word
#    turn against a ~120-word expected output) through POST /evaluations/fromInferenceResult;
# 2. restarts it with the workers on (ASSAY_EVALUATION_WORKER_THREADS, default 2) and times the
#    drain from the first look at the queue to an empty queue, with the CPU seconds PostgreSQL and
#    the JVM spent meanwhile; with a third argument the drain is recorded by JFR into that file;
# 3. stops the server and scores the same texts with the bare metrics on as many threads
#    (dev.assay.benchmarks.BareMetricsThroughput).
# It prints the rates per second of wall time and, since the machine may be shared, per CPU second.
# Needs curl, jq and bc. Builds the jars first when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
EVALUATIONS=${1:-20000}
PORT=${2:-18090}
JFR_FILE=${3:-}
THREADS=${ASSAY_EVALUATION_WORKER_THREADS:-2}
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
METRICS=(BLEU ROUGE METEOR "Text Similarity" "Text Match")
SERVER_JAR=${SERVER_JAR:-assay-server/target/assay-server.jar}
BENCH_JAR=assay-benchmarks/target/benchmarks.jar
if [ ! -f "$SERVER_JAR" ] || [ ! -f "$BENCH_JAR" ]; then
    mvn -B -q -DskipTests package -pl assay-server,assay-benchmarks -am
fi
DATA=$PWD/target/bench-engine
API=http://127.0.0.1:$PORT
KEY=gsk_bench-key-000000001
H="Authorization: Bearer $KEY"
J="Content-Type: application/json"
rm -rf "$DATA" && mkdir -p "$DATA"
SERVER=

start_server() { # $1 = workers enabled, $2... = extra JVM options
    local workers=$1
    shift
    ASSAY_DATA_DIR=$DATA/data ASSAY_BOOTSTRAP_API_KEY=$KEY SERVER_PORT=$PORT ASSAY_EVALUATION_WORKER_ENABLED=$workers \
        ASSAY_EVALUATION_WORKER_THREADS=$THREADS "$JAVA" "$@" -jar "$SERVER_JAR" > "$DATA/server-$workers.log" 2>&1 &
    SERVER=$!
    for _ in $(seq 1 1200); do
        curl -sf "$API/actuator/health" > /dev/null 2>&1 && return 0
        kill -0 "$SERVER" 2> /dev/null || { tail -20 "$DATA/server-$workers.log"; exit 1; }
        sleep 0.25
    done
    echo "server did not start" >&2
    exit 1
}
stop_server() {
    if [ -n "$SERVER" ]; then
        kill "$SERVER" 2> /dev/null || true
        wait "$SERVER" 2> /dev/null || true
        SERVER=
    fi
}
trap stop_server EXIT
prometheus() { curl -sf "$API/actuator/prometheus"; }
completed() { prometheus | awk '/^assay_evaluations_completed_total/ {sum += $NF} END {printf "%d", sum}'; }
depth() { prometheus | awk '/^assay_evaluations_queue_depth/ {printf "%d", $NF}'; }
# CPU seconds (user + system, children included) of a process tree
cpu_seconds() {
    local total=0 pid
    for pid in "$@"; do
        [ -r "/proc/$pid/stat" ] || continue
        total=$((total + $(awk '{print $14 + $15 + $16 + $17}' "/proc/$pid/stat")))
    done
    echo "scale=2; $total / $(getconf CLK_TCK)" | bc
}
postgres_pids() {
    local postmaster
    postmaster=$(pgrep -f -- "-D $DATA/data" | head -1 || true)
    [ -n "$postmaster" ] && echo "$postmaster $(pgrep -P "$postmaster" | tr '\n' ' ')"
}

# 1. Queue the evaluations with the workers off.
start_server false
PRODUCT=$(curl -sf -X POST "$API/products" -H "$H" -H "$J" -d "{\"name\":\"bench\"}" | jq -r .id)
VERSION=$(curl -sf -X POST "$API/versions" -H "$H" -H "$J" -d "{\"productId\":\"$PRODUCT\",\"name\":\"v1\"}" | jq -r .id)
TEST=$(curl -sf -X POST "$API/tests" -H "$H" -H "$J" -d "{\"productId\":\"$PRODUCT\",\"name\":\"bench\",\"type\":\"ACCURACY\"}" | jq -r .id)
REFERENCE=$(printf 'The refund policy allows customers to return any item within thirty days of delivery %.0s' {1..8})
ANSWER=$(printf 'Our refund policy lets customers return items within 30 days after they were delivered %.0s' {1..8})
TEST_CASE=$(curl -sf -X POST "$API/testCases" -H "$H" -H "$J" \
    -d "{\"testId\":\"$TEST\",\"input\":\"What is the refund policy?\",\"expectedOutput\":\"$REFERENCE\"}" | jq -r .id)
SESSION=$(curl -sf -X POST "$API/sessions" -H "$H" -H "$J" -d "{\"versionId\":\"$VERSION\",\"testCaseId\":\"$TEST_CASE\"}" | jq -r .id)
TURN=$(curl -sf -X POST "$API/inferenceResults" -H "$H" -H "$J" \
    -d "{\"sessionId\":\"$SESSION\",\"input\":\"What is the refund policy?\",\"actualOutput\":\"$ANSWER\"}" | jq -r .id)
BODY=$(jq -cn --arg turn "$TURN" '{inferenceResultId: $turn, metrics: $ARGS.positional}' --args "${METRICS[@]}")
REQUESTS=$(( (EVALUATIONS + ${#METRICS[@]} - 1) / ${#METRICS[@]} ))
QUOTED_BODY=$(jq -Rn --arg body "$BODY" '$body')
ENTRY=$(printf 'url = "%s/evaluations/fromInferenceResult"\nheader = "%s"\nheader = "%s"\ndata = %s\noutput = /dev/null' \
    "$API" "$H" "$J" "$QUOTED_BODY")
# "next" separates the requests; none may follow the last one.
for ((i = 0; i < REQUESTS; i++)); do [ "$i" -gt 0 ] && echo next; echo "$ENTRY"; done > "$DATA/requests.curl"
queue_start=$(date +%s.%N)
curl -fsS --no-progress-meter --parallel --parallel-max 4 -K "$DATA/requests.curl"
QUEUED=$(depth)
echo "queued $QUEUED evaluations in $(echo "$(date +%s.%N) - $queue_start" | bc) s"
stop_server

# 2. Drain them with the workers on.
JVM_OPTIONS=()
[ -n "$JFR_FILE" ] && JVM_OPTIONS+=("-XX:StartFlightRecording=filename=$JFR_FILE,settings=profile")
start_server true "${JVM_OPTIONS[@]}"
PG=$(postgres_pids)
before=$(completed)
start=$(date +%s.%N)
pg_before=$(cpu_seconds $PG)
jvm_before=$(cpu_seconds "$SERVER")
while [ "$(depth)" != "0" ]; do sleep 0.2; done
end=$(date +%s.%N)
after=$(completed)
pg_after=$(cpu_seconds $PG)
jvm_after=$(cpu_seconds "$SERVER")
DRAINED=$((after - before))
E2E=$(echo "scale=1; $DRAINED / ($end - $start)" | bc)
stop_server

# 3. The bare metrics on the same number of threads, with the server stopped.
read -r BARE BARE_PER_CPU < <("$JAVA" -cp "$BENCH_JAR" dev.assay.benchmarks.BareMetricsThroughput "$THREADS" 10 \
    "$ANSWER" "$REFERENCE" "${METRICS[@]}")
CPU=$(echo "$pg_after - $pg_before + $jvm_after - $jvm_before" | bc)
E2E_PER_CPU=$(echo "scale=1; $DRAINED / $CPU" | bc)

echo "worker threads:                  $THREADS"
echo "drained:                         $DRAINED evaluations in $(echo "$end - $start" | bc) s"
echo "CPU during the drain:            PostgreSQL $(echo "$pg_after - $pg_before" | bc) s, JVM $(echo "$jvm_after - $jvm_before" | bc) s"
echo "end-to-end evaluations/s:        $E2E"
echo "bare-metric scores/s:            $BARE"
echo "ratio end-to-end / bare metrics: $(echo "scale=4; $E2E / $BARE" | bc)"
echo "per CPU second (PostgreSQL + JVM for the drain, the whole JVM for the bare metrics):"
echo "  end-to-end evaluations:        $E2E_PER_CPU"
echo "  bare-metric scores:            $BARE_PER_CPU"
echo "  ratio:                         $(echo "scale=4; $E2E_PER_CPU / $BARE_PER_CPU" | bc)"
echo "load average:                    $(cut -d' ' -f1-3 /proc/loadavg)"
