#!/usr/bin/env bash
# Builds an ahead-of-time cache of the server's classes (JDK 25+, JEP 483/514) so that it starts
# faster: extracts the packaged jar (the cache only covers classes loaded from plain jars), then
# starts it once against a throw-away data directory up to the end of start-up, which records
# the cache. Run it again after every build.
#   bench/aot-cache.sh [destination]      (default target/aot)
# then start the server with
#   java -XX:AOTCache=target/aot/assay.aot -jar target/aot/assay-server.jar
set -euo pipefail
cd "$(dirname "$0")/.."
DEST=${1:-target/aot}
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
JAR=${JAR:-assay-server/target/assay-server.jar}
[ -f "$JAR" ] || mvn -B -q -DskipTests -pl assay-server -am package
rm -rf "$DEST"
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$DEST" >/dev/null
TRAINING=$(mktemp -d)
trap 'rm -rf "$TRAINING"' EXIT
ASSAY_DATA_DIR=$TRAINING/data SERVER_PORT=0 "$JAVA" -XX:AOTCacheOutput="$DEST/assay.aot" \
    -Dspring.context.exit=onRefresh -jar "$DEST/assay-server.jar" >"$DEST/training.log" 2>&1
ls -la "$DEST/assay.aot"
