# Sourced by scripts/bench and scripts/bench-scim: the app's JVM options, the small-instance profile of
# docs/benchmarks.md, unless BENCH_JAVA_OPTS gives others.
# - MySQL: 128 MB of heap with SerialGC. A smaller young generation (-Xmn16m) holds 25 MB less under
#   GET, create and login, but 100k-user searches overflow its survivor spaces into the old generation:
#   329 against 277 MB at the peak of scripts/bench (docs/benchmarks.md).
# - Embedded H2, whose page cache and page reads live in the heap: 192 MB with G1. The cache's turnover
#   fills the old generation, which SerialGC could only empty in full collections (120-160 ms each,
#   GET's p99).
if [ -n "${DB_ENDPOINT:-}" ]; then gc="-Xmx128m -XX:+UseSerialGC"; else gc="-Xmx192m -XX:+UseG1GC"; fi
java_opts=${BENCH_JAVA_OPTS:-$gc -Xss512k -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=48m -XX:+ExitOnOutOfMemoryError -XX:SharedArchiveFile=app-cds.jsa -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0}
# glibc's malloc keeps up to 8 arenas per core for the app's native allocations; 2 hold them in less memory
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
