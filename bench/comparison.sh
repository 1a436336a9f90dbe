#!/usr/bin/env bash
# Measures GET /comparisons over N scored evaluations per version, the rows written straight into
# the embedded PostgreSQL with generate_series (loading them through the API would take minutes).
# Needs wrk, jq, curl and psql (Debian packages) and a server started with ASSAY_BOOTSTRAP_API_KEY
# and ASSAY_DATA_DIR set:
#   bench/comparison.sh [base-url] [data-dir] [evaluations-per-side] [seconds-per-run]
# Prints the wrk latency of each run: paired (every evaluation on a test case both versions ran),
# unpaired (no test cases), and the items page.
set -euo pipefail
API=${1:-http://localhost:8080}
DATA_DIR=${2:-${ASSAY_DATA_DIR:?give the data directory of the server}}
PER_SIDE=${3:-100000}
SECONDS_TO_RUN=${4:-20}
KEY=${ASSAY_BOOTSTRAP_API_KEY:?set ASSAY_BOOTSTRAP_API_KEY to the server\'s bootstrap key}
H="Authorization: Bearer $KEY"
J="Content-Type: application/json"
PORT=$(sed -n 4p "$DATA_DIR/postgres/postmaster.pid")
PSQL=(psql -h localhost -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA)

NAME="bench-$(date +%s%N)"
PRODUCT=$(curl -sf -X POST "$API/products" -H "$H" -H "$J" -d "{\"name\":\"$NAME\"}" | jq -r .id)
for kind in paired unpaired; do
    for side in base candidate; do
        curl -sf -X POST "$API/versions" -H "$H" -H "$J" -d "{\"productId\":\"$PRODUCT\",\"name\":\"$kind-$side\"}" > /dev/null
    done
done
METRIC=$(curl -sf -X POST "$API/metrics" -H "$H" -H "$J" -d "{\"name\":\"$NAME\",\"source\":\"SELF_HOSTED\"}" | jq -r .id)

# Version names -> database ids; the product is the only one with this name.
echo "loading $PER_SIDE evaluations per version into 4 versions..."
time "${PSQL[@]}" <<SQL
SELECT setseed(0.42);
CREATE TEMP TABLE bench_versions AS
    SELECT v.id, v.organization_id, v.name FROM versions v JOIN products p ON p.id = v.product_id WHERE p.name = '$NAME';
INSERT INTO sessions (id, organization_id, version_id, test_case_id, status, created_at)
    SELECT gen_random_uuid(), v.organization_id, v.id,
           CASE WHEN v.name LIKE 'paired-%' THEN 'testCase_bench' || lpad(g::text, 7, '0') END, 'COMPLETED', now()
    FROM bench_versions v, generate_series(1, $PER_SIDE) AS g;
-- One evaluation per session; the candidates score slightly lower on average.
INSERT INTO evaluations (id, organization_id, metric_id, session_id, test_case_id, status, score, reason,
                         next_attempt_at, created_at, evaluated_at)
    SELECT gen_random_uuid(), s.organization_id, m.id, s.id, s.test_case_id, 'SUCCESS',
           round((random() * CASE WHEN v.name LIKE '%-candidate' THEN 0.98 ELSE 1 END)::numeric, 2),
           'generated', now(), now(), now()
    FROM bench_versions v JOIN sessions s ON s.version_id = v.id
    JOIN metrics m ON m.name = '$NAME' AND m.organization_id = v.organization_id;
ANALYZE sessions;
ANALYZE evaluations;
SQL

version() {
    curl -sf "$API/versions?productIds=$PRODUCT" -H "$H" | jq -r ".[] | select(.name == \"$1\") | .id"
}
run() {
    echo "== $1: $2"
    curl -sf "$API$2" -H "$H" | jq -c 'if type == "object" then .metrics[] | {pairing, pairs, n: .base.n, delta, pValue, verdict} else length end'
    wrk -t1 -c1 -d"${SECONDS_TO_RUN}s" --timeout 10s --latency -H "$H" "$API$2" | grep -E 'Latency|50%|90%|99%|Requests/sec'
}
P="baseVersionId=$(version paired-base)&candidateVersionId=$(version paired-candidate)&metricIds=$METRIC"
U="baseVersionId=$(version unpaired-base)&candidateVersionId=$(version unpaired-candidate)&metricIds=$METRIC"
run "paired" "/comparisons?$P"
run "unpaired" "/comparisons?$U"
run "items, first page of 100" "/comparisons/items?$P&limit=100"
