#!/usr/bin/env bash
# Issue 12's side-by-side load comparison of serve and Prosody 0.12 (docs/performance.md):
# builds muc-server.jar and the load generator, then runs every scenario against a fresh
# Prosody and a fresh serve in turn, three times, and prints the markdown table of the medians.
#   muc-bench/compare-with-prosody.sh [Compare options, e.g. --runs 1 --scenarios fanout-50,joins]
# Needs Prosody (Debian's package; installed with apt when missing and root), JDK 17, Maven, and
# a file-descriptor limit above 20,000 for the 10,000-connection scenario (raised here if allowed).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v prosody >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq prosody >/dev/null; }
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
mvn -B -q ${MAVEN_OFFLINE:+-o} package -pl muc-server,muc-bench -am -DskipTests
exec java -cp muc-bench/target/benchmarks.jar dev.mucengine.bench.load.Compare \
  --serve-jar muc-server/target/muc-server.jar "$@"
