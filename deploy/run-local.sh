#!/usr/bin/env bash
# Builds what is needed and starts the whole of Ticketbridge on this machine, without Docker:
# Kafka (KRaft), PostgreSQL, Keycloak, the ServiceNow emulator and the four services.
#   ./deploy/run-local.sh            start (keeps the data of earlier runs)
#   ./deploy/run-local.sh --reset    start from empty data
# Logs: .run-local/logs/<process>.log. Stop with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."

keycloak_version=26.7.3
echo "Building Ticketbridge (first run downloads dependencies; later runs take about a minute)..."
./mvnw -q -B -ntp install -DskipTests -pl deploy -am
./mvnw -q -B -ntp dependency:get -Dartifact=org.keycloak:keycloak-quarkus-dist:${keycloak_version}:zip -Dtransitive=false
repo=$(./mvnw -q -B -ntp help:evaluate -Dexpression=settings.localRepository -DforceStdout)
dist="$repo/org/keycloak/keycloak-quarkus-dist/${keycloak_version}/keycloak-quarkus-dist-${keycloak_version}.zip"

exec java -Xmx256m \
  -Dticketbridge.root="$PWD" \
  -Dticketbridge.kafka.classpath="$PWD/deploy/target/launcher.classpath" \
  -Dticketbridge.keycloak.dist="$dist" \
  -cp "deploy/target/classes:$(cat deploy/target/launcher.classpath)" \
  dev.ticketbridge.deploy.LocalStack "$@"
