#!/usr/bin/env bash
# Measures how many turns per second one batch client logs into a running Assay server.
# Needs wrk (Debian package) and a server started with ASSAY_BOOTSTRAP_API_KEY set.
#   bench/batch-ingest.sh [base-url] [seconds] [turns-per-batch]
set -euo pipefail
API=${1:-http://localhost:8080}
SECONDS_TO_RUN=${2:-30}
export TURNS=${3:-100}
export ASSAY_KEY=${ASSAY_BOOTSTRAP_API_KEY:?set ASSAY_BOOTSTRAP_API_KEY to the server\'s bootstrap key}
H="Authorization: Bearer $ASSAY_KEY"
J="Content-Type: application/json"
id() { sed -n 's/.*"id":"\([^"]*\)".*/\1/p' | head -1; }
PRODUCT=$(curl -sf -X POST "$API/products" -H "$H" -H "$J" -d "{\"name\":\"bench-$(date +%s%N)\"}" | id)
VERSION=$(curl -sf -X POST "$API/versions" -H "$H" -H "$J" -d "{\"productId\":\"$PRODUCT\",\"name\":\"v1\"}" | id)
export ASSAY_SESSION=$(curl -sf -X POST "$API/sessions" -H "$H" -H "$J" -d "{\"versionId\":\"$VERSION\"}" | id)
# One client: one thread, one connection, each batch sent when the previous one is acknowledged.
wrk -t1 -c1 -d"${SECONDS_TO_RUN}s" -s "$(dirname "$0")/batch-ingest.lua" "$API/inferenceResults/batch"
