#!/usr/bin/env bash
# Measures GET /comparisons over N scored evaluations per version, the rows written straight into
# the embedded PostgreSQL with generate_series (loading them through the API would take minutes).
# Needs jq, curl, bc and psql (Debian packages) and a server started with ASSAY_BOOTSTRAP_API_KEY
# and ASSAY_DATA_DIR set:
#   RUNS=5 bench/comparison.sh [base-url] [data-dir] [evaluations-per-side]
# Prints, for a paired comparison (every evaluation on a test case both versions ran), an unpaired
# one (no test cases) and the first items page: the answer, the median latency of RUNS sequential
# requests as a share of the 1 s limit, and the floor measured in the same run (PostgreSQL reading
# the same rows once, no statistics).
set -euo pipefail
API=${1:-http://localhost:8080}
DATA_DIR=${2:-${ASSAY_DATA_DIR:?give the data directory of the server}}
PER_SIDE=${3:-100000}
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
INSERT INTO evaluations (id, organization_id, metric_id, session_id, version_id, test_case_id, status, score, reason,
                         next_attempt_at, created_at, evaluated_at)
    SELECT gen_random_uuid(), s.organization_id, m.id, s.id, s.version_id, s.test_case_id, 'SUCCESS',
           round((random() * CASE WHEN v.name LIKE '%-candidate' THEN 0.98 ELSE 1 END)::numeric, 2),
           'generated', now(), now(), now()
    FROM bench_versions v JOIN sessions s ON s.version_id = v.id
    JOIN metrics m ON m.name = '$NAME' AND m.organization_id = v.organization_id;
ANALYZE sessions;
VACUUM ANALYZE evaluations;
SQL

version() {
    curl -sf "$API/versions?productIds=$PRODUCT" -H "$H" | jq -r ".[] | select(.name == \"$1\") | .id"
}
# Median wall time of RUNS sequential requests (one warm-up first), in seconds.
median_request() {
    curl -sf -o /dev/null -H "$H" "$API$1"
    for _ in $(seq "$RUNS"); do curl -sf -o /dev/null -w '%{time_total}\n' -H "$H" "$API$1"; done | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p"
}
# Median time of RUNS executions of one statement through psql, in seconds.
median_sql() {
    for _ in $(seq "$RUNS"); do
        "${PSQL[@]}" -c '\timing on' -c "$1" | awk '/^Time:/ {print $2 / 1000}'
    done | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p"
}
# The floor in the same run: the median time PostgreSQL alone needs to read the compared rows once,
# by the path comparisons use (the version on the evaluation row, V70).
median_floor() {
    median_sql "SELECT count(*), sum(e.score) FROM evaluations e JOIN versions v ON v.id = e.version_id
        JOIN products p ON p.id = v.product_id
        WHERE p.name = '$NAME' AND v.name IN ('$1-base', '$1-candidate') AND e.organization_id = v.organization_id
          AND e.deleted_at IS NULL AND e.status = 'SUCCESS' AND e.score IS NOT NULL"
}
# Before V70: the per-test-case grouping a comparison ran, finding the versions' rows through sessions.
median_old_grouping() {
    median_sql "SELECT e.metric_id, count(*) FILTER (WHERE s.version_id = v1.id), sum(e.score) FILTER (WHERE s.version_id = v1.id),
            count(*) FILTER (WHERE s.version_id = v2.id), sum(e.score) FILTER (WHERE s.version_id = v2.id)
        FROM evaluations e JOIN sessions s ON s.id = e.session_id,
             (SELECT v.id FROM versions v JOIN products p ON p.id = v.product_id WHERE p.name = '$NAME' AND v.name = '$1-base') v1,
             (SELECT v.id FROM versions v JOIN products p ON p.id = v.product_id WHERE p.name = '$NAME' AND v.name = '$1-candidate') v2
        WHERE e.organization_id = (SELECT organization_id FROM products WHERE name = '$NAME')
          AND e.deleted_at IS NULL AND e.status = 'SUCCESS' AND e.score IS NOT NULL
          AND s.deleted_at IS NULL AND s.version_id IN (v1.id, v2.id)
        GROUP BY e.metric_id, e.test_case_id"
}
RUNS=${RUNS:-5}
# CPU time of the server and its PostgreSQL (live backends, and exited parallel workers through the
# postmaster's children times), in clock ticks: what the requests cost whatever else runs on the machine.
SERVER_PID=${SERVER_PID:?set SERVER_PID to the server\'s process id}
POSTMASTER=$(sed -n 1p "$DATA_DIR/postgres/postmaster.pid")
TICKS=$(getconf CLK_TCK)
cpu_ticks() {
    local total=0 pid fields
    for pid in "$SERVER_PID" "$POSTMASTER" $(ps -o pid= --ppid "$POSTMASTER"); do
        read -r -a fields < "/proc/$pid/stat" 2>/dev/null || continue
        total=$(( total + fields[13] + fields[14] ))
    done
    read -r -a fields < "/proc/$POSTMASTER/stat"
    echo $(( total + fields[15] + fields[16] ))
}
P="baseVersionId=$(version paired-base)&candidateVersionId=$(version paired-candidate)&metricIds=$METRIC"
U="baseVersionId=$(version unpaired-base)&candidateVersionId=$(version unpaired-candidate)&metricIds=$METRIC"
for run in "paired|/comparisons?$P|paired" "unpaired|/comparisons?$U|unpaired" "items (first 100)|/comparisons/items?$P&limit=100|paired"; do
    IFS='|' read -r label path kind <<< "$run"
    curl -sf "$API$path" -H "$H" | jq -c 'if type == "object" then .metrics[] | {pairing, pairs, n: .base.n, delta, pValue, verdict} else {items: length} end'
    before=$(cpu_ticks)
    seconds=$(median_request "$path")
    cpu=$(echo "scale=3; ($(cpu_ticks) - $before) / $TICKS / ($RUNS + 1)" | bc)
    floor=$(median_floor "$kind")
    old_grouping=$(median_old_grouping "$kind")
    echo "$label: median $seconds s over $RUNS requests = $(echo "scale=2; $seconds / 1" | bc) of the 1 s limit;" \
         "CPU $cpu s per request (server + PostgreSQL); floor (PostgreSQL reading the same rows) $floor s;" \
         "wall / floor $(echo "scale=2; $seconds / $floor" | bc);" \
         "the grouping before V70 (through sessions) alone $old_grouping s;" \
         "load average $(cut -d' ' -f1-3 /proc/loadavg)"
done
