#!/usr/bin/env bash
# Measures Assay against the limits of its own machine, as ratios taken in one run:
#   - ingest: API turns/s (POST /inferenceResults/batch, 100 turns per batch, each batch
#     acknowledged before the client sends the next) / COPY rows/s of the same rows into the same
#     table (100 rows per COPY, each COPY its own durable transaction), at 1, 4 and 16 clients,
#     into many sessions and into sessions that already hold LONG_TURNS turns each;
#   - lists: API p99 / p99 of the bare SQL it runs (pgbench, prepared), on >= TURNS turns, for a
#     session's turns, the recent turns of the organization and a session's evaluations, both
#     saturating (next request as soon as the answer is in) and paced (PACE_RATE per second), next
#     to two floors measured the same way: a bare JVM socket (bench/HttpFloor.java, on PORT + 1) and
#     the server's own /actuator/health;
#   - start-up: time from `java -jar` to /actuator/health UP, on a new and on an existing data directory;
#   - memory: RSS of the JVM and PSS of PostgreSQL's processes, idle and under load.
# It starts the packaged server on embedded PostgreSQL with a fresh data directory and stops it at the end.
#
#   bench/ratios.sh                     # everything, defaults below
#   PARTS="lists start" bench/ratios.sh # only some parts (load is implied by lists and ingest)
#
# Needs wrk, psql and pgbench (Debian packages wrk and postgresql-client), curl and a JDK 21+.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

PORT=${PORT:-18300}
WORK=${WORK:-$ROOT/target/ratios}
TURNS=${TURNS:-1000000}             # turns loaded in SESSION_TURNS-turn sessions spread over 30 days
SESSION_TURNS=${SESSION_TURNS:-100}
LONG_TURNS=${LONG_TURNS:-100000}   # turns already in each long session before the long-session ingest
CLIENTS=${CLIENTS:-"1 4 16"}        # clients of the many-sessions ingest
LONG_CLIENTS=${LONG_CLIENTS:-"1 4"} # clients of the long-session ingest, each into its own long session
DURATION=${DURATION:-10}            # seconds per measured run
PACE_RATE=${PACE_RATE:-100}         # requests (statements) per second of the paced list runs
PACED_DURATION=${PACED_DURATION:-20} # seconds per paced list run (PACE_RATE * PACED_DURATION samples)
PARTS=${PARTS:-"load lists ingest start"}
JAR=${JAR:-$ROOT/assay-server/target/assay-server.jar}
KEY=gsk_ratios-bench-key-0000001
export ASSAY_KEY=$KEY
API=http://127.0.0.1:$PORT
FLOOR_PORT=$((PORT + 1))
FLOOR_API=http://127.0.0.1:$FLOOR_PORT

if [ -z "${JAVA:-}" ]; then
    for candidate in /usr/lib/jvm/*/bin/java; do
        release="$(dirname "$(dirname "$candidate")")/release"
        version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release" 2>/dev/null || true)
        if [ -n "$version" ] && [ "$version" -ge 21 ]; then JAVA=$candidate; fi
    done
fi
: "${JAVA:?no JDK 21+ found under /usr/lib/jvm: set JAVA}"
for tool in wrk psql pgbench curl; do
    command -v $tool >/dev/null || { echo "needs $tool (apt-get install wrk postgresql-client curl)" >&2; exit 1; }
done
[ -f "$JAR" ] || mvn -B -q -DskipTests -pl assay-server -am package

has_part() { [[ " $PARTS " == *" $1 "* ]]; }
if has_part lists || has_part ingest; then PARTS="load $PARTS"; fi

rm -rf "$WORK"
mkdir -p "$WORK"
DATA=$WORK/data
SERVER_PID=
RESULTS=$WORK/results.txt
: > "$RESULTS"
say() { echo "$*" | tee -a "$RESULTS"; }
now_ms() { date +%s%3N; }

STARTED_IN=
start_server() {
    if curl -s "$API/actuator/health" >/dev/null 2>&1; then echo "port $PORT is already in use" >&2; exit 1; fi
    local started=$(now_ms)
    if [ -n "${LAUNCH:-}" ]; then
        ASSAY_DATA_DIR=$DATA ASSAY_BOOTSTRAP_API_KEY=$KEY SERVER_PORT=$PORT JAVA_OPTS=${JAVA_OPTS:-} \
            "$LAUNCHER" >>"$WORK/server.log" 2>&1 &
    else
        ASSAY_DATA_DIR=$DATA ASSAY_BOOTSTRAP_API_KEY=$KEY SERVER_PORT=$PORT \
            "$JAVA" ${JAVA_OPTS:-} -jar "$JAR" >>"$WORK/server.log" 2>&1 &
    fi
    SERVER_PID=$!
    until curl -sf "$API/actuator/health" 2>/dev/null | grep -q UP; do
        kill -0 $SERVER_PID 2>/dev/null || { echo "server died, see $WORK/server.log" >&2; exit 1; }
        sleep 0.05
    done
    STARTED_IN=$(( $(now_ms) - started ))
}
stop_server() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID"
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=
}
FLOOR_PID=
stop_floor() {
    if [ -n "$FLOOR_PID" ]; then kill "$FLOOR_PID" 2>/dev/null; wait "$FLOOR_PID" 2>/dev/null || true; fi
    FLOOR_PID=
}
trap 'stop_floor; stop_server' EXIT

pg_port() { sed -n 4p "$DATA/postgres/postmaster.pid"; }
sql() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$(pg_port)" -U postgres -d postgres "$@"; }
jvm_rss_mb() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$SERVER_PID/status"; }
pg_pss_mb() {
    local postmaster=$(sed -n 1p "$DATA/postgres/postmaster.pid")
    local total=0 pid
    for pid in $postmaster $(pgrep -P "$postmaster"); do
        total=$(( total + $(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0) ))
    done
    echo $(( total / 1024 ))
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.2f", a / b }'; }
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" <<<"$2"; }
id() { sed -n 's/.*"id":"\([^"]*\)".*/\1/p' | head -1; echo; }
H="Authorization: Bearer $KEY"
J="Content-Type: application/json"
new_session() {
    curl -sf -X POST "$API/sessions" -H "$H" -H "$J" -d "{\"versionId\":\"$VERSION\",\"customId\":\"$1\"}" | id
}

say "# bench/ratios.sh, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) CPUs ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg)"
say "# $("$JAVA" -version 2>&1 | sed -n 2p); JAVA_OPTS=${JAVA_OPTS:-none}; TURNS=$TURNS LONG_TURNS=$LONG_TURNS DURATION=${DURATION}s"

start_server
say "start-up, new data directory (initdb, migrations): $STARTED_IN ms"
say "memory idle after first start: JVM RSS $(jvm_rss_mb) MB, PostgreSQL PSS $(pg_pss_mb) MB"

if has_part load; then
    PRODUCT=$(curl -sf -X POST "$API/products" -H "$H" -H "$J" -d '{"name":"ratios"}' | id)
    VERSION=$(curl -sf -X POST "$API/versions" -H "$H" -H "$J" -d "{\"productId\":\"$PRODUCT\",\"name\":\"v1\"}" | id)
    TARGET=$(new_session ratios-target)
    max_clients=$(tr ' ' '\n' <<<"$CLIENTS" | sort -n | tail -1)
    : > "$WORK/spread-sessions" ; : > "$WORK/long-sessions"
    for i in $(seq 1 $(( max_clients * 8 ))); do new_session "ratios-spread-$i" | grep . >>"$WORK/spread-sessions"; done
    max_long=$(tr ' ' '\n' <<<"$LONG_CLIENTS" | sort -n | tail -1)
    for i in $(seq 1 "$max_long"); do new_session "ratios-long-$i" | grep . >>"$WORK/long-sessions"; done
    for i in $(seq 1 "$max_clients"); do new_session "ratios-copy-$i" >/dev/null; done
    loaded=$(now_ms)
    # UUIDs ordered by time like the server's UUIDv7, so COPY's primary-key inserts are as cheap as the API's.
    sql -v turns="$TURNS" -v per="$SESSION_TURNS" -v long="$LONG_TURNS" <<'SQL'
CREATE FUNCTION pg_temp.tid(ms bigint) RETURNS uuid LANGUAGE sql AS
  $$ SELECT (lpad(to_hex(ms), 12, '0') || '7' || substr(md5(random()::text), 1, 19))::uuid $$;
CREATE TEMP TABLE ctx AS
  SELECT s.organization_id AS org, s.version_id AS version, s.id AS target,
         (SELECT id FROM metrics WHERE organization_id IS NULL AND name = 'BLEU') AS metric
  FROM sessions s WHERE s.custom_id = 'ratios-target';
INSERT INTO sessions (id, organization_id, version_id, status, created_at)
  SELECT gen_random_uuid(), c.org, c.version, 'COMPLETED', now() - interval '30 days' * random()
  FROM ctx c, generate_series(1, :turns / :per - 1);
INSERT INTO inference_results (id, organization_id, session_id, idx, status, input, actual_output, retrieval_context, created_at)
  SELECT pg_temp.tid((extract(epoch FROM s.created_at) * 1000)::bigint + g), s.organization_id, s.id, g, 'GENERATED',
         jsonb_build_object('user_message', 'Question number ' || g || ' about the refund policy of the store?'),
         'Answer number ' || g || ': refunds are accepted within 30 days with a receipt.', 'Refund policy: 30 days.',
         s.created_at + g * interval '1 second'
  FROM sessions s CROSS JOIN generate_series(0, :per - 1) g
  WHERE s.organization_id = (SELECT org FROM ctx) AND (s.custom_id IS NULL OR s.custom_id = 'ratios-target');
-- A server with the version on the evaluation row (V70) needs it filled from the session.
DO $$ BEGIN
  IF EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'evaluations' AND column_name = 'version_id') THEN
    INSERT INTO evaluations (id, organization_id, metric_id, session_id, version_id, inference_result_id, status, score,
                             reason, next_attempt_at, created_at, evaluated_at)
      SELECT pg_temp.tid((extract(epoch FROM r.created_at) * 1000)::bigint), r.organization_id, c.metric, r.session_id,
             s.version_id, r.id, 'SUCCESS', random(), 'BLEU ' || r.idx, r.created_at, r.created_at, r.created_at
      FROM inference_results r JOIN sessions s ON s.id = r.session_id, ctx c;
  ELSE
    INSERT INTO evaluations (id, organization_id, metric_id, session_id, inference_result_id, status, score, reason,
                             next_attempt_at, created_at, evaluated_at)
      SELECT pg_temp.tid((extract(epoch FROM r.created_at) * 1000)::bigint), r.organization_id, c.metric, r.session_id, r.id,
             'SUCCESS', random(), 'BLEU ' || r.idx, r.created_at, r.created_at, r.created_at
      FROM inference_results r, ctx c;
  END IF;
END $$;
INSERT INTO inference_results (id, organization_id, session_id, idx, status, input, actual_output, retrieval_context, created_at)
  SELECT pg_temp.tid((extract(epoch FROM now() - interval '60 days') * 1000)::bigint + g), s.organization_id, s.id, g, 'GENERATED',
         jsonb_build_object('user_message', 'Question number ' || g || ' about the refund policy of the store?'),
         'Answer number ' || g || ': refunds are accepted within 30 days with a receipt.', 'Refund policy: 30 days.',
         now() - interval '60 days' + g * interval '1 millisecond'
  FROM sessions s CROSS JOIN generate_series(0, :long - 1) g
  WHERE s.custom_id LIKE 'ratios-long-%';
-- A server with a next-index counter on the session row must see the loaded turns there.
DO $$ BEGIN
  IF EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'sessions' AND column_name = 'next_idx') THEN
    EXECUTE 'UPDATE sessions s SET next_idx = m.n FROM (SELECT session_id, max(idx) + 1 AS n FROM inference_results GROUP BY session_id) m WHERE m.session_id = s.id';
  END IF;
END $$;
VACUUM ANALYZE;
CHECKPOINT;
SQL
    say "load: $(sql -Atc "SELECT count(*) FROM inference_results") turns and $(sql -Atc "SELECT count(*) FROM evaluations") evaluations by SQL in $(( ($(now_ms) - loaded) / 1000 )) s; database $(sql -Atc "SELECT pg_size_pretty(pg_database_size('postgres'))")"
    read -r ORG TARGET_UUID < <(sql -AtF ' ' -c "SELECT organization_id, id FROM sessions WHERE custom_id = 'ratios-target'")
    say "memory idle after load: JVM RSS $(jvm_rss_mb) MB, PostgreSQL PSS $(pg_pss_mb) MB"
fi

# Percentiles (p50 p99, in microseconds) of a pgbench log; a paced run's log also has the
# schedule lag, which is the client's delay and not the statement's, so it is taken off.
pgbench_percentiles() {
    cat "$WORK"/pgbench_log.* | awk '{ print $3 - (NF >= 7 ? $7 : 0) }' | sort -n \
        | awk '{ v[NR] = $1 } END { print v[int(NR * 0.5)], v[int(NR * 0.99)] }'
}

# The RESULT line of one wrk run of GET URL in MODE (saturating or paced, as below), after a 2 s warm-up.
wrk_get() {
    local mode=$1 url=$2 pace=0 duration=$DURATION
    if [ "$mode" = paced ]; then pace=$(( 1000 / PACE_RATE )); duration=$PACED_DURATION; fi
    PACE_MS=$pace wrk -t1 -c1 -d2s -s bench/ratios-get.lua "$url" >/dev/null
    PACE_MS=$pace wrk -t1 -c1 -d"${duration}s" -s bench/ratios-get.lua "$url" | grep RESULT
}

# A floor: an answer that does (next to) nothing, in the same two modes as the lists. Its p99 per
# mode is kept as FLOOR_P99_<key>_<mode> for the list lines.
floor_line() {
    local key=$1 name=$2 url=$3 what=$4 mode floor
    for mode in saturating paced; do
        floor=$(wrk_get $mode "$url")
        printf -v "FLOOR_P99_${key}_$mode" '%s' "$(field p99us "$floor")"
        say "$(printf '%-20s %-10s API p50 %6.2f ms p99 %6.2f ms (%s)' "$name" "$mode" \
            "$(ratio "$(field p50us "$floor")" 1000)" "$(ratio "$(field p99us "$floor")" 1000)" "$what")"
    done
}

# One list, measured twice with one connection on each side:
#   saturating: wrk sends the next request as soon as the answer is in, pgbench the next statement;
#   paced: both at about PACE_RATE per second (wrk waits 1000/PACE_RATE ms after each answer,
#   pgbench -R schedules the statements), the way an API client that is not a load test calls.
# API: wrk, the key of ASSAY_KEY. SQL: the same statement through pgbench, prepared.
list_ratio() {
    local name=$1 path=$2 sqlfile=$3
    shift 3
    local mode api sql
    for mode in saturating paced; do
        local rate="" duration=$DURATION
        if [ $mode = paced ]; then rate="-R $PACE_RATE"; duration=$PACED_DURATION; fi
        api=$(wrk_get $mode "$API$path")
        [ "$(field non2xx "$api")" = 0 ] && [ "$(field requests "$api")" -gt 0 ] || { echo "no or non-2xx answers: $api" >&2; exit 1; }
        rm -f "$WORK"/pgbench_log.*
        (cd "$WORK" && pgbench -n -M prepared -c1 -T2 $rate -f "$sqlfile" -h 127.0.0.1 -p "$(pg_port)" -U postgres "$@" postgres >/dev/null 2>&1)
        rm -f "$WORK"/pgbench_log.*
        (cd "$WORK" && pgbench -n -M prepared -c1 -T"$duration" $rate -f "$sqlfile" -l -h 127.0.0.1 -p "$(pg_port)" -U postgres "$@" postgres >"$WORK/pgbench.out" 2>&1)
        read -r sqlp50 sqlp99 < <(pgbench_percentiles)
        local floor_p99=FLOOR_P99_jvm_$mode
        say "$(printf '%-20s %-10s API p50 %6.2f ms p99 %6.2f ms | SQL p50 %6.2f ms p99 %6.2f ms | p99 ratio %5s | p50 ratio %5s | JVM floor p99 / SQL p99 %5s | %s B/response' \
            "$name" "$mode" "$(ratio "$(field p50us "$api")" 1000)" "$(ratio "$(field p99us "$api")" 1000)" \
            "$(ratio "$sqlp50" 1000)" "$(ratio "$sqlp99" 1000)" "$(ratio "$(field p99us "$api")" "$sqlp99")" \
            "$(ratio "$(field p50us "$api")" "$sqlp50")" "$(ratio "${!floor_p99:-0}" "$sqlp99")" "$(( $(field bytes "$api" | cut -d. -f1) / $(field requests "$api") ))")"
    done
}

if has_part lists; then
    TURN_COLUMNS="r.id, r.organization_id, r.session_id, r.user_id, r.idx, r.status, r.error, r.input::text AS input, r.actual_output, r.retrieval_context, r.latency, r.input_tokens, r.output_tokens, r.cache_read_input_tokens, r.tokens, r.cost_per_input_token, r.cost_per_output_token, r.cost_per_cache_read_input_token, r.cost, r.credits_used, r.conversation_simulator_version, r.trace_id, r.created_at, r.deleted_at"
    EVAL_COLUMNS="e.id, e.organization_id, e.metric_id, e.session_id, e.inference_result_id, e.test_case_id, e.status, e.score, e.reason, e.error, e.can_retry, e.credits_used, e.judge_model, e.input_tokens, e.output_tokens, e.conversation_simulator_version, e.human_evaluator_id, e.human_evaluator_started_at, e.human_evaluator_finished_at, e.human_score, e.human_reason, e.failed_turns, e.attempts, e.retries_attempted, e.created_at, e.evaluated_at, e.deleted_at, m.legacy_at AS metric_legacy_at, m.disabled_at AS metric_disabled_at"
    cat >"$WORK/session-turns.sql" <<SQL
SELECT $TURN_COLUMNS FROM inference_results r WHERE r.organization_id = :org AND r.deleted_at IS NULL AND r.session_id IN (:sid) ORDER BY r.created_at ASC, r.idx ASC, r.id ASC LIMIT 100 OFFSET 0;
SQL
    cat >"$WORK/recent-turns.sql" <<SQL
SELECT $TURN_COLUMNS FROM inference_results r WHERE r.organization_id = :org AND r.deleted_at IS NULL AND r.created_at >= :since ORDER BY r.created_at DESC, r.idx DESC, r.id DESC LIMIT 100 OFFSET 0;
SQL
    cat >"$WORK/session-evaluations.sql" <<SQL
SELECT $EVAL_COLUMNS FROM evaluations e JOIN metrics m ON m.id = e.metric_id WHERE e.organization_id = :org AND e.deleted_at IS NULL AND e.session_id IN (:sid) ORDER BY e.created_at ASC, e.id ASC LIMIT 100 OFFSET 0;
SQL
    SINCE=$(date -u -d '24 hours ago' +%Y-%m-%dT%H:%M:%SZ)
    say "recent-turns plan at $(sql -Atc "SELECT count(*) FROM inference_results") turns: $(sql -Atc "EXPLAIN SELECT id FROM inference_results r WHERE r.organization_id = '$ORG' AND r.deleted_at IS NULL AND r.created_at >= '$SINCE' ORDER BY r.created_at DESC, r.idx DESC, r.id DESC LIMIT 100" | sed -n 2p | sed 's/^ *//')"
    # Two floors, measured the same way as the lists: the bare JVM (bench/HttpFloor.java, no
    # framework, no database) and the smallest route of the server's own stack.
    "$JAVA" bench/HttpFloor.java $FLOOR_PORT >>"$WORK/floor.log" 2>&1 &
    FLOOR_PID=$!
    until curl -sf "$FLOOR_API/" >/dev/null 2>&1; do
        kill -0 $FLOOR_PID 2>/dev/null || { echo "bench/HttpFloor.java died, see $WORK/floor.log" >&2; exit 1; }
        sleep 0.05
    done
    floor_line jvm "JVM floor" "$FLOOR_API/" "bench/HttpFloor.java: a bare JVM socket answering 15 bytes"
    stop_floor
    floor_line health "health" "$API/actuator/health" "GET /actuator/health: Tomcat, Spring, a database ping and a disk check, no key"
    list_ratio "session turns" "/inferenceResults?sessionIds=$TARGET&limit=100" session-turns.sql -D org="$ORG" -D sid="$TARGET_UUID"
    list_ratio "recent turns" "/inferenceResults?limit=100&sort=-createdAt&fromCreatedAt=$SINCE" recent-turns.sql -D org="$ORG" -D since="$SINCE"
    list_ratio "session evaluations" "/evaluations?sessionIds=$TARGET&limit=100" session-evaluations.sql -D org="$ORG" -D sid="$TARGET_UUID"
fi

# COPY comparator: each client runs psql on a script of 100-row COPY blocks (each its own
# transaction) into its own session, stopped after DURATION seconds; rows committed / seconds.
copy_rate() {
    local clients=$1 session_prefix=$2 first_idx=$3
    local c pids=() before after started
    # Enough rows that no client runs out before DURATION: about twice what the fastest run on
    # the reference machine copied; the rate uses the time really spent in any case.
    local rows=$(( (150000 / clients > 20000 ? 150000 / clients : 20000) * DURATION / 10 ))
    for c in $(seq 1 "$clients"); do
        sql -Atc "COPY (SELECT pg_temp_tid, o, s, $first_idx + g, 'GENERATED',
                      jsonb_build_object('user_message', 'Question number ' || g % 100 || ' about the refund policy of the store?'),
                      'Answer number ' || g % 100 || ': refunds are accepted within 30 days with a receipt.', 'Refund policy: 30 days.', now()
                  FROM (SELECT (lpad(to_hex((extract(epoch FROM now()) * 1000)::bigint + g), 12, '0') || '7'
                               || substr(md5(random()::text), 1, 19))::uuid AS pg_temp_tid,
                               organization_id AS o, id AS s, g
                        FROM sessions, generate_series(0, $rows - 1) g WHERE custom_id = '$session_prefix$c') x) TO STDOUT" \
            | awk 'NR % 100 == 1 { print "COPY inference_results (id, organization_id, session_id, idx, status, input, actual_output, retrieval_context, created_at) FROM STDIN;" }
                   { print } NR % 100 == 0 { print "\\." }' >"$WORK/copy-$c.sql"
    done
    before=$(sql -Atc "SELECT count(*) FROM inference_results")
    started=$(now_ms)
    for c in $(seq 1 "$clients"); do
        timeout "$DURATION" psql -X -q -h 127.0.0.1 -p "$(pg_port)" -U postgres -d postgres -f "$WORK/copy-$c.sql" >/dev/null 2>&1 &
        pids+=($!)
    done
    wait "${pids[@]}" 2>/dev/null || true
    local elapsed=$(( $(now_ms) - started ))
    after=$(sql -Atc "SELECT count(*) FROM inference_results")
    ratio $(( (after - before) * 1000 )) "$elapsed"
}

if has_part ingest; then
    say "ingest, 100 turns per batch, ${DURATION}s per run: API turns/s / COPY rows/s"
    TURNS=100 MODE=spread CLIENTS=4 SESSIONS_FILE=$WORK/spread-sessions \
        wrk -t4 -c4 -d3s --timeout 30s -s bench/ratios-ingest.lua "$API/inferenceResults/batch" >/dev/null   # warm-up
    for scenario in spread own; do
        for clients in $([ "$scenario" = spread ] && echo "$CLIENTS" || echo "$LONG_CLIENTS"); do
            if [ "$scenario" = spread ]; then sessions=$WORK/spread-sessions; copy_prefix=ratios-copy-; idx=0
            else sessions=$WORK/long-sessions; copy_prefix=ratios-long-; idx=$(( 50000000 + clients * 1000000 )); fi
            sampler=
            if [ "$clients" = 16 ] && [ "$scenario" = spread ]; then
                (peak_jvm=0; peak_pg=0
                 while sleep 1; do j=$(jvm_rss_mb); p=$(pg_pss_mb)
                     [ "$j" -gt "$peak_jvm" ] && peak_jvm=$j; [ "$p" -gt "$peak_pg" ] && peak_pg=$p
                     echo "$peak_jvm $peak_pg" >"$WORK/peak"; done) &
                sampler=$!
            fi
            api=$(TURNS=100 MODE=$scenario CLIENTS=$clients SESSIONS_FILE=$sessions \
                wrk -t"$clients" -c"$clients" -d"${DURATION}s" --timeout 30s -s bench/ratios-ingest.lua "$API/inferenceResults/batch" | grep RESULT)
            [ -n "$sampler" ] && { kill "$sampler"; wait "$sampler" 2>/dev/null || true; }
            [ "$(field non2xx "$api")" = 0 ] && [ "$(field sockerr "$api")" = 0 ] || { echo "failed requests: $api" >&2; exit 1; }
            api_rate=$(awk -v r="$(field requests "$api")" -v s="$(field seconds "$api")" 'BEGIN { printf "%.0f", r * 100 / s }')
            copy=$(copy_rate "$clients" "$copy_prefix" "$idx")
            label=$([ "$scenario" = spread ] && echo "many sessions" || echo "$LONG_TURNS-turn sessions")
            say "$(printf '%-22s %2d clients: API %6s turns/s (p99 %5.1f ms) | COPY %6.0f rows/s | ratio %s' \
                "$label" "$clients" "$api_rate" "$(ratio "$(field p99us "$api")" 1000)" "$copy" "$(ratio "$api_rate" "$copy")")"
            if [ -n "$sampler" ]; then
                read -r peak_jvm peak_pg <"$WORK/peak"
                say "memory under load (16 clients ingesting): JVM RSS peak $peak_jvm MB, PostgreSQL PSS peak $peak_pg MB"
            fi
        done
    done
fi

if has_part start; then
    times=()
    for run in 1 2 3; do
        stop_server
        start_server
        times+=("$STARTED_IN")
    done
    say "start-up, existing data directory (3 runs): ${times[*]} ms; $(grep -o 'Started AssayApplication in [0-9.]* seconds (process running for [0-9.]*)' "$WORK/server.log" | tail -1)"
    say "memory idle after restart: JVM RSS $(jvm_rss_mb) MB, PostgreSQL PSS $(pg_pss_mb) MB"
    # The same through the launcher next to the jar, which records a class cache on its first run
    # and maps it afterwards (docs/decisions/0007-start-up.md): one recording run, then 3 timed.
    LAUNCHER=$(dirname "$JAR")/assay-server
    if [ -x "$LAUNCHER" ]; then
        export ASSAY_JAVA=$JAVA ASSAY_CACHE_DIR=$WORK/launcher-cache
        LAUNCH=1
        times=()
        for run in 0 1 2 3; do
            stop_server
            start_server
            [ "$run" = 0 ] || times+=("$STARTED_IN")
        done
        say "start-up through the launcher with its class cache, existing data directory (3 runs after the recording one): ${times[*]} ms; $(grep -o 'Started AssayApplication in [0-9.]* seconds (process running for [0-9.]*)' "$WORK/server.log" | tail -1)"
        say "memory idle after restart through the launcher: JVM RSS $(jvm_rss_mb) MB, PostgreSQL PSS $(pg_pss_mb) MB"
        LAUNCH=
    fi
fi
say "# load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
