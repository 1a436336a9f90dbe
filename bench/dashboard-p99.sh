#!/usr/bin/env bash
# Measures the p99 latency of every dashboard page with a large organization loaded by SQL.
# Needs wrk, jq, psql and curl, and a server started with ASSAY_BOOTSTRAP_API_KEY set on the
# embedded PostgreSQL (its port is read from ASSAY_DATA_DIR/postgres/postmaster.pid):
#   bench/dashboard-p99.sh [base-url] [data-dir] [sessions] [turns-per-session] [seconds-per-page]
# Defaults: 100000 sessions x 10 turns = 1,000,000 turns and as many scored evaluations.
# With ASSAY_BENCH_ORG_KEY set to the key an earlier run printed, it measures that organization again.
# Each page is first opened once (cold: the organization-wide aggregates are computed then), then
# loaded by wrk (1 thread, 2 connections) for SECONDS; the table shows the cold time and wrk's p50/p99.
set -euo pipefail
API=${1:-http://localhost:8080}
DATA_DIR=${2:-./assay-data}
SESSIONS=${3:-100000}
TURNS=${4:-10}
SECONDS_PER_PAGE=${5:-10}
KEY=${ASSAY_BOOTSTRAP_API_KEY:?set ASSAY_BOOTSTRAP_API_KEY to the server\'s bootstrap key}
J="Content-Type: application/json"
PG_PORT=$(sed -n 4p "$DATA_DIR/postgres/postmaster.pid")
PSQL=(psql -X -q -h localhost -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1)

if [ -z "${ASSAY_BENCH_ORG_KEY:-}" ]; then
    # An organization of its own, with a product, two versions and two metrics, through the API.
    NAME="dashboard-bench-$(date +%s)"
    ORG_KEY=$(curl -sf -X POST "$API/organizations" -H "Authorization: Bearer $KEY" -H "$J" -d "{\"name\":\"$NAME\"}" | jq -r .apiKey)
    echo "organization key (ASSAY_BENCH_ORG_KEY=... measures this organization again without loading): $ORG_KEY"
    H="Authorization: Bearer $ORG_KEY"
    PRODUCT=$(curl -sf -X POST "$API/products" -H "$H" -H "$J" -d '{"name":"support-bot"}' | jq -r .id)
    BASE=$(curl -sf -X POST "$API/versions" -H "$H" -H "$J" -d "{\"productId\":\"$PRODUCT\",\"name\":\"v1\"}" | jq -r .id)
    CANDIDATE=$(curl -sf -X POST "$API/versions" -H "$H" -H "$J" -d "{\"productId\":\"$PRODUCT\",\"name\":\"v2\"}" | jq -r .id)
    METRIC=$(curl -sf -X POST "$API/metrics" -H "$H" -H "$J" -d '{"name":"bench-quality"}' | jq -r .id)
    curl -sf -X POST "$API/metrics" -H "$H" -H "$J" -d '{"name":"bench-review","source":"HUMAN_EVALUATION"}' > /dev/null

    uuid_of() { "${PSQL[@]}" -At -c "$1"; }
    ORG=$(uuid_of "SELECT id FROM organizations WHERE name = '$NAME'")
    BASE_UUID=$(uuid_of "SELECT id FROM versions WHERE organization_id = '$ORG' AND name = 'v1'")
    CANDIDATE_UUID=$(uuid_of "SELECT id FROM versions WHERE organization_id = '$ORG' AND name = 'v2'")
    METRIC_UUID=$(uuid_of "SELECT id FROM metrics WHERE organization_id = '$ORG' AND name = 'bench-quality'")
    HUMAN_UUID=$(uuid_of "SELECT id FROM metrics WHERE organization_id = '$ORG' AND name = 'bench-review'")

    echo "loading $SESSIONS sessions x $TURNS turns by SQL..."
    load_start=$(date +%s)
    "${PSQL[@]}" -v org="$ORG" -v base="$BASE_UUID" -v candidate="$CANDIDATE_UUID" -v metric="$METRIC_UUID" \
        -v human_metric="$HUMAN_UUID" -v sessions="$SESSIONS" -v turns_per_session="$TURNS" -f "$(dirname "$0")/dashboard-load.sql"
    echo "loaded in $(( $(date +%s) - load_start )) s: $("${PSQL[@]}" -At -c "SELECT count(*) FROM inference_results WHERE organization_id = '$ORG'") turns"
else
    ORG_KEY=$ASSAY_BENCH_ORG_KEY
    H="Authorization: Bearer $ORG_KEY"
    BASE=$(curl -sf "$API/versions?names=v1" -H "$H" | jq -r '.[0].id')
    CANDIDATE=$(curl -sf "$API/versions?names=v2" -H "$H" | jq -r '.[0].id')
    METRIC=$(curl -sf "$API/metrics?limit=10000" -H "$H" | jq -r '.[] | select(.name == "bench-quality") | .id')
fi

# Sign in as a browser does: the sign-in page's CSRF token, then the key in a form body.
JAR=$(mktemp)
trap 'rm -f "$JAR"' EXIT
CSRF=$(curl -sf -c "$JAR" "$API/ui/sign-in" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -sf -b "$JAR" -c "$JAR" -o /dev/null -X POST "$API/ui/sign-in" --data-urlencode "_csrf=$CSRF" --data-urlencode "apiKey=$ORG_KEY"
COOKIE="JSESSIONID=$(awk '$6 == "JSESSIONID" {print $7}' "$JAR")"

SESSION=$(curl -sf "$API/sessions?versionIds=$BASE&sort=-createdAt&limit=1" -H "$H" | jq -r '.[0].id')
OLD_PAGE=$(curl -sf -b "$COOKIE" "$API/ui/sessions" | grep -o 'before=[^"&]*' | head -1)
PAGES=(
    "/ui"
    "/ui/sessions"
    "/ui/sessions?$OLD_PAGE"
    "/ui/sessions?versionId=$CANDIDATE&status=COMPLETED"
    "/ui/sessions?customId=bench-4242"
    "/ui/sessions/$SESSION"
    "/ui/evaluations"
    "/ui/evaluations?metricId=$METRIC&minScore=0.2&maxScore=0.4&versionId=$BASE"
    "/ui/trends"
    "/ui/compare?base=$BASE&candidate=$CANDIDATE"
    "/ui/annotations"
    "/ui/metrics"
    "/ui/specifications"
)
LUA=$(mktemp --suffix=.lua)
trap 'rm -f "$JAR" "$LUA"' EXIT
cat > "$LUA" <<LUA
wrk.headers["Cookie"] = "$COOKIE"
done = function(summary, latency, requests)
    io.write(string.format("RESULT %d %d %.1f %.1f\n", summary.requests, summary.errors.status + summary.errors.connect
        + summary.errors.read + summary.errors.write + summary.errors.timeout, latency:percentile(50) / 1000,
        latency:percentile(99) / 1000))
end
LUA
printf '| page | cold (ms) | requests | errors | p50 (ms) | p99 (ms) | p99 / 300 ms |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n'
for page in "${PAGES[@]}"; do
    read -r status cold < <(curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -b "$COOKIE" "$API$page")
    [ "$status" = "200" ] || echo "warning: $page answered $status" >&2
    read -r _ requests errors p50 p99 < <(wrk -t1 -c2 -d"${SECONDS_PER_PAGE}s" -s "$LUA" "$API$page" | grep '^RESULT')
    printf '| `%s` | %.0f | %d | %d | %s | %s | %.2f |\n' "$(echo "$page" | sed -E 's/(version|session|metric)_[a-z0-9]{26}/\1_…/g; s/before=[^&]*/before=…/')" \
        "$(echo "$cold * 1000" | bc)" "$requests" "$errors" "$p50" "$p99" "$(echo "$p99 / 300" | bc -l)"
done
