#!/usr/bin/env bash
# Span ingest throughput of a running Assay server, and the same rows written by PostgreSQL's COPY
# into the same database in the same run: the ratio of the two is the figure BENCHMARKS.md reports.
# Needs wrk, psql (Debian packages wrk, postgresql-client) and a server on its embedded PostgreSQL
# started with ASSAY_BOOTSTRAP_API_KEY and ASSAY_DATA_DIR set.
#   bench/span-ingest.sh [base-url] [seconds] [spans-per-batch] [copy-rows]
set -euo pipefail
API=${1:-http://localhost:8080}
SECONDS_TO_RUN=${2:-30}
export SPANS=${3:-100}
COPY_ROWS=${4:-200000}
export ASSAY_KEY=${ASSAY_BOOTSTRAP_API_KEY:?set ASSAY_BOOTSTRAP_API_KEY to the server\'s bootstrap key}
DATA_DIR=${ASSAY_DATA_DIR:?set ASSAY_DATA_DIR to the server\'s data directory}
H="Authorization: Bearer $ASSAY_KEY"
J="Content-Type: application/json"
id() { sed -n 's/.*"id":"\([^"]*\)".*/\1/p' | head -1; }
PRODUCT=$(curl -sf -X POST "$API/products" -H "$H" -H "$J" -d "{\"name\":\"bench-$(date +%s%N)\"}" | id)
VERSION=$(curl -sf -X POST "$API/versions" -H "$H" -H "$J" -d "{\"productId\":\"$PRODUCT\",\"name\":\"v1\"}" | id)
SESSION=$(curl -sf -X POST "$API/sessions" -H "$H" -H "$J" -d "{\"versionId\":\"$VERSION\"}" | id)
export ASSAY_TURN=$(curl -sf -X POST "$API/inferenceResults" -H "$H" -H "$J" \
    -d "{\"sessionId\":\"$SESSION\",\"input\":\"Where is my order?\",\"actualOutput\":\"It ships tomorrow.\"}" | id)

echo "== API: POST /traces/batch, $SPANS spans per batch, one connection, ${SECONDS_TO_RUN}s"
wrk -t1 -c1 -d"${SECONDS_TO_RUN}s" -s "$(dirname "$0")/span-ingest.lua" "$API/traces/batch" | tee /tmp/span-ingest-wrk.txt

# The same rows through COPY into the same table of the same database.
PORT=$(sed -n 4p "$DATA_DIR/postgres/postmaster.pid")
PSQL=(psql -X -q -At -h localhost -p "$PORT" -U postgres postgres)
read -r ORG TURN_UUID SESSION_UUID < <("${PSQL[@]}" -F ' ' -c \
    "SELECT organization_id, id, session_id FROM inference_results ORDER BY created_at DESC LIMIT 1")
CSV=$(mktemp)
awk -v seed="$(date +%N)" -v n="$COPY_ROWS" -v org="$ORG" -v turn="$TURN_UUID" -v session="$SESSION_UUID" 'BEGIN {
    srand(seed);
    for (i = 1; i <= n; i++) {
        id = sprintf("%08x-%04x-4%03x-8%03x-%012x", int(rand() * 4294967295), int(rand() * 65535), i % 4096, int(rand() * 4095), i);
        printf "%s,%s,%s,%s,lookup_order_%d,TOOL,Looks an order up by id,", id, org, turn, session, i % 7;
        printf "\"{\"\"order_id\"\": %d, \"\"fields\"\": [\"\"status\"\", \"\"eta\"\"]}\",", i;
        printf "\"\"\"Order %d is packed and ships tomorrow morning from the Lyon warehouse.\"\"\",", i;
        printf "%d.5,\"{\"\"model\"\": \"\"gpt-4o\"\", \"\"attempt\"\": 1}\",", i % 90;
        printf "2026-11-07T05:31:56.100Z,2026-11-07T05:31:56.150Z,2026-11-07T05:31:56.200Z\n";
    }
}' > "$CSV"
# Like the API's batches: one COPY of SPANS rows per transaction (psql autocommits each), so both
# sides pay a durable commit per batch.
SCRIPT=$(mktemp)
awk -v per="$SPANS" 'NR % per == 1 || per == 1 { print "COPY spans (id, organization_id, inference_result_id, session_id, name, type, description, input_data, output_data, latency_ms, metadata, start_time, end_time, created_at) FROM STDIN WITH (FORMAT csv);" }
    { print } NR % per == 0 { print "\\." } END { if (NR % per != 0) print "\\." }' "$CSV" > "$SCRIPT"
echo "== COPY: $COPY_ROWS rows, $SPANS rows per COPY, each its own transaction"
START=$(date +%s.%N)
"${PSQL[@]}" -v ON_ERROR_STOP=1 -f "$SCRIPT"
END=$(date +%s.%N)
rm -f "$SCRIPT"
rm -f "$CSV"
COPY_RATE=$(echo "$COPY_ROWS / ($END - $START)" | bc -l)
API_RATE=$(sed -n 's/.*spans\/s \([0-9]*\).*/\1/p' /tmp/span-ingest-wrk.txt)
printf "COPY rows/s %.0f\nAPI spans/s %s\nratio API/COPY %.3f\n" "$COPY_RATE" "$API_RATE" "$(echo "$API_RATE / $COPY_RATE" | bc -l)"
