#!/usr/bin/env bash
# Builds the image of every Tongbao application from the jars of `./mvnw package`, with deploy/docker/Dockerfile.
# Needs a Docker engine (or another BuildKit builder behind the docker CLI); CI has none and does not run this.
#
#   deploy/docker/build-images.sh [TAG] [REGISTRY]     e.g. deploy/docker/build-images.sh 0.1.0 registry.example.com/
#
# Images are named ${REGISTRY}tongbao/<application>:<TAG>, the names the Kubernetes manifests use.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TAG="${1:-0.1.0}"
REGISTRY="${2:-}"
[ "$TAG" != latest ] || { echo "use a release tag, not latest"; exit 1; }
docker info > /dev/null 2>&1 || { echo "no Docker engine answers: build the images on a machine that has one"; exit 1; }

# application, module, application port (server.port in the module's application.yml)
while read -r app module port; do
  ls "$ROOT/$module"/target/*-exec.jar > /dev/null 2>&1 || { echo "no jar in $module/target: run ./mvnw package first"; exit 1; }
  echo "Building ${REGISTRY}tongbao/$app:$TAG from $module"
  docker build -f "$ROOT/deploy/docker/Dockerfile" --build-arg MODULE="$module" --build-arg PORT="$port" \
    -t "${REGISTRY}tongbao/$app:$TAG" "$ROOT"
done <<'APPS'
gateway gateway 8080
order-service order-service/order-app 8081
payment-service payment-service/payment-app 8082
coin-service coin-service/coin-app 8083
learning-service learning-service/learning-app 8084
payment-sandbox payment-sandbox 8090
APPS
