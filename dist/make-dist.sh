#!/usr/bin/env bash
# Builds the self-contained Linux x86-64 bundle: make-dist.sh ROOT OUT_DIR VERSION
#   OUT_DIR/sigil-VERSION-linux-x86_64.tar.gz holding sigil-VERSION/{bin/sigil, runtime/ (jlink), lib/ (jars),
#   native/ (the OpenCL ICD loader), legal/}. Needs the built bench module (its jar and target/lib), a JDK with
#   jlink and jdeps in JAVA_HOME, and Debian's ocl-icd-libopencl1 installed (its libOpenCL.so.1 is copied).
set -euo pipefail
ROOT="$1"; OUT="$2"; VERSION="$3"
MAX_BYTES=$((60 * 1024 * 1024))
NAME="sigil-$VERSION"
ARCHIVE="$OUT/$NAME-linux-x86_64.tar.gz"
JDK="${JAVA_HOME:?JAVA_HOME must point at a JDK 25 with jlink}"
die() { echo "make-dist: $*" >&2; exit 1; }

[ "$(uname -m)" = x86_64 ] || die "the bundle is for Linux x86-64; this machine is $(uname -m)"
[ -x "$JDK/bin/jlink" ] && [ -x "$JDK/bin/jdeps" ] || die "no jlink/jdeps in $JDK"
[ -f "$ROOT/bench/target/sigil-bench.jar" ] && [ -d "$ROOT/bench/target/lib" ] || die "build bench first"

loader="$( (ldconfig -p 2>/dev/null || true) | awk '$1 == "libOpenCL.so.1" && /x86-64/ {print $NF; exit}')"
[ -n "$loader" ] || loader="$(ls /usr/lib/x86_64-linux-gnu/libOpenCL.so.1 2>/dev/null || true)"
copyright=/usr/share/doc/ocl-icd-libopencl1/copyright
[ -n "$loader" ] && [ -f "$copyright" ] \
  || die "the OpenCL ICD loader is missing: apt-get install ocl-icd-libopencl1 (./sigil dist installs it as root)"

work="$OUT/dist-work"
app="$work/$NAME"
rm -rf "$work" "$ARCHIVE"
mkdir -p "$app/lib" "$app/native" "$app/legal/ocl-icd-libopencl1"

# The application: the bench jar (gpu-check, bench, soak) and everything it runs with, which includes the service;
# JMH and its helpers serve only ./sigil jmh in a checkout, and the Java client with grpc-java only the bench's gRPC
# phase (skipped with a note where they are missing; the service speaks gRPC through Vert.x without them).
cp "$ROOT/bench/target/sigil-bench.jar" "$app/lib/"
for jar in "$ROOT"/bench/target/lib/*.jar; do
  case "$(basename "$jar")" in
    jmh-core-*|jopt-simple-*|commons-math3-*) continue ;;
    client-*|grpc-*|proto-google-common-protos-*|perfmark-api-*|gson-*|animal-sniffer-annotations-*) continue ;;
    annotations-4.*) continue ;;
  esac
  cp "$jar" "$app/lib/"
done

# The runtime: the JDK modules the jars use (jdeps), and those reached only by reflection or at run time:
# jdk.unsupported (Netty's Unsafe), jdk.management (process CPU time), jdk.crypto.ec (EC in the JDK's providers),
# jdk.naming.dns (Netty's DNS resolver), java.net.http (bench's HTTP client), jdk.zipfs.
# (From the bench jar, recursively: it reaches the service, every backend and their libraries.)
mods="$("$JDK/bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release 25 -q -R \
  --class-path "$app/lib/*" "$app/lib/sigil-bench.jar")" || die "jdeps failed: $mods"
[[ "$mods" == java.base* ]] || die "jdeps failed: $mods"
# Left out: java.desktop (java.beans, for snakeyaml's bean mapping, which the service does not use), java.sql
# (jackson-databind's optional java.sql types), java.compiler (Vert.x's optional annotation processing); each is
# an optional ("requires static") dependency, and java.desktop alone would push the bundle past its size limit.
mods="$(tr ',' '\n' <<< "$mods" | grep -vxE 'java\.desktop|java\.sql|java\.compiler' | paste -sd, -)"
mods="$mods,java.logging,jdk.unsupported,jdk.management,jdk.crypto.ec,jdk.naming.dns,java.net.http,jdk.zipfs"
mods="$(tr ',' '\n' <<< "$mods" | sort -u | paste -sd, -)"
echo "make-dist: runtime modules $mods"
"$JDK/bin/jlink" --add-modules "$mods" --strip-debug --no-man-pages --no-header-files --compress zip-9 \
  --output "$app/runtime"

# The OpenCL ICD loader (BSD-2-Clause, Debian's ocl-icd-libopencl1): JOCL opens libOpenCL.so by that name.
cp -L "$loader" "$app/native/libOpenCL.so.1"
ln -s libOpenCL.so.1 "$app/native/libOpenCL.so"
cp "$copyright" "$app/legal/ocl-icd-libopencl1/copyright"

mkdir -p "$app/bin"
install -m 0755 "$ROOT/dist/src/bundle/bin/sigil" "$app/bin/sigil"
echo "$VERSION" > "$app/VERSION"
cp "$ROOT/dist/src/bundle/README.txt" "$app/README.txt"

tar -C "$work" --owner=0 --group=0 -cf - "$NAME" | gzip -9 > "$ARCHIVE"
size=$(stat -c %s "$ARCHIVE")
[ "$size" -le "$MAX_BYTES" ] || die "$ARCHIVE is $size bytes, over the limit of $MAX_BYTES (contents left in $work)"
rm -rf "$work"
echo "make-dist: $ARCHIVE ($((size / 1024 / 1024)) MiB)"
