#!/usr/bin/env bash
# dev.sigil.pkcs11.gen is written by hand in the shape jextract gives for pkcs11.h: jextract is not installed on the
# machines Sigil is built on. This script runs jextract, where it is installed, on the headers named in
# jextract/HEADERS with the symbol list jextract/pkcs11.symbols, into native-bindings/target/jextract, and prints how
# that output differs from the committed layer. It never touches src/: a change to the layer is made by hand, in the
# generated shape, after reading the difference (jextract's output may carry helpers the layer leaves out).
#
# Usage: native-bindings/regenerate.sh /path/to/pkcs11-v3.0-headers   (a directory holding pkcs11.h, pkcs11t.h, pkcs11f.h)
set -euo pipefail
HEADERS=${1:?"directory holding pkcs11.h, pkcs11t.h and pkcs11f.h (see native-bindings/jextract/HEADERS)"}
HERE=$(cd "$(dirname "$0")" && pwd)
OUT="$HERE/target/jextract"
command -v jextract >/dev/null || { echo "jextract is not on PATH (https://jdk.java.net/jextract/)" >&2; exit 1; }
rm -rf "$OUT" && mkdir -p "$OUT"
# pkcs11.h expects the platform macros; these are the Unix definitions of the standard's own example.
cat > "$OUT/sigil_pkcs11_unix.h" <<H
#define CK_PTR *
#define CK_DECLARE_FUNCTION(returnType, name) returnType name
#define CK_DECLARE_FUNCTION_POINTER(returnType, name) returnType (* name)
#define CK_CALLBACK_FUNCTION(returnType, name) returnType (* name)
#ifndef NULL_PTR
#define NULL_PTR 0
#endif
#include "$HEADERS/pkcs11.h"
H
jextract --target-package dev.sigil.pkcs11.gen --header-class-name pkcs11_h --output "$OUT/src" \
  -I "$HEADERS" @<(grep -v '^#' "$HERE/jextract/pkcs11.symbols") "$OUT/sigil_pkcs11_unix.h"
diff -ru -I '^//' "$HERE/src/main/java/dev/sigil/pkcs11/gen" "$OUT/src/dev/sigil/pkcs11/gen" || true
