#!/usr/bin/env bash
# Stands in for the docker CLI so Quarkus' Jib extension can build an image without Docker: Jib "loads" the image
# into a daemon by streaming a `docker load` tarball to this program, which keeps it as a file instead. Use it as
#
#   ./mvnw -B package -DskipTests -pl gateway -am -Dquarkus.container-image.build=true \
#     -Dquarkus.jib.docker-executable-name="$PWD/deploy/images/docker-load-to-tar.sh"
#
# The tarball goes to $TICKETBRIDGE_IMAGE_DIR (default: target/images under the directory Maven was started in) as
# <group>_<name>_<tag>.tar; `docker load -i` or `podman load -i` it elsewhere, or push it with crane/skopeo.
# Only the calls Jib makes are answered: `info` (the platform to build for) and `load`.
set -euo pipefail

case "${1:-}" in
  info)
    arch=$(uname -m)
    printf '{"OSType":"linux","Architecture":"%s"}\n' "$arch"
    ;;
  load)
    dir=${TICKETBRIDGE_IMAGE_DIR:-$PWD/target/images}
    mkdir -p "$dir"
    tmp=$(mktemp "$dir/.image.XXXXXX")
    cat > "$tmp"
    # The tarball's manifest.json names the image, e.g. [{"Config":...,"RepoTags":["ticketbridge/gateway:0.1.0"],...}]
    ref=$(tar -xOf "$tmp" manifest.json | sed -n 's/.*"RepoTags":\["\([^"]*\)".*/\1/p')
    file="$dir/$(printf '%s' "${ref:-image}" | tr '/:' '__').tar"
    chmod 644 "$tmp"
    mv "$tmp" "$file"
    echo "Loaded image: ${ref} (saved as ${file})"
    ;;
  *)
    echo "docker-load-to-tar.sh: only 'info' and 'load' are supported, not: $*" >&2
    exit 1
    ;;
esac
