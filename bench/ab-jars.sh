#!/usr/bin/env bash
# Before/after of a change: two server jars, started in turn on one data directory that
# bench/ratios.sh loaded (its WORK), each measured with the same wrk runs, ROUNDS times, A then B.
#
#   WORK=/tmp/ratios PARTS=lists bench/ratios.sh                 # load 1M turns once
#   bench/ab-jars.sh /tmp/before.jar /tmp/after.jar /tmp/ratios  # session turns, session evaluations, ingest at 4 clients
#
# Prints one line per run: requests in DURATION seconds, p50 and p99. The jars share the data, so
# the ingest runs grow the table as the rounds go: compare A and B within a round.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR_A=${1:?jar A}; JAR_B=${2:?jar B}; WORK=${3:?the WORK directory of a bench/ratios.sh run}
ROUNDS=${ROUNDS:-3}; DURATION=${DURATION:-10}; PORT=${PORT:-18320}
export ASSAY_KEY=gsk_ratios-bench-key-0000001
API=http://127.0.0.1:$PORT
if [ -z "${JAVA:-}" ]; then
    for candidate in /usr/lib/jvm/*/bin/java; do
        version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$(dirname "$(dirname "$candidate")")/release" 2>/dev/null || true)
        if [ -n "$version" ] && [ "$version" -ge 21 ]; then JAVA=$candidate; fi
    done
fi
: "${JAVA:?no JDK 21+ found under /usr/lib/jvm: set JAVA}"

run() { # label, wrk arguments...
    local label=$1; shift
    wrk "$@" -d3s >/dev/null   # warm-up
    echo "$label $(wrk "$@" -d"${DURATION}s" | grep RESULT)"
}

for round in $(seq "$ROUNDS"); do
    for side in A B; do
        jar=$([ $side = A ] && echo "$JAR_A" || echo "$JAR_B")
        ASSAY_DATA_DIR=$WORK/data ASSAY_BOOTSTRAP_API_KEY=$ASSAY_KEY SERVER_PORT=$PORT "$JAVA" -jar "$jar" >"$WORK/ab-$side.log" 2>&1 &
        server=$!
        until curl -sf "$API/actuator/health" 2>/dev/null | grep -q UP; do
            kill -0 $server 2>/dev/null || { echo "server $side died, see $WORK/ab-$side.log" >&2; exit 1; }
            sleep 0.1
        done
        session=$(curl -s -H "Authorization: Bearer $ASSAY_KEY" "$API/sessions?limit=1" | sed -n 's/^\[{"id":"\([^"]*\)".*/\1/p')
        run "round $round $side session turns      " -t1 -c1 -s bench/ratios-get.lua "$API/inferenceResults?sessionIds=$session&limit=100"
        run "round $round $side session evaluations" -t1 -c1 -s bench/ratios-get.lua "$API/evaluations?sessionIds=$session&limit=100"
        TURNS=100 MODE=spread CLIENTS=4 SESSIONS_FILE=$WORK/spread-sessions \
            run "round $round $side ingest, 4 clients  " -t4 -c4 --timeout 30s -s bench/ratios-ingest.lua "$API/inferenceResults/batch"
        kill $server; wait $server 2>/dev/null || true
    done
done
