#!/usr/bin/env bash
# dev.sigil.secp256k1.gen.secp256k1_h is written by hand in jextract's shape (see its banner). Where jextract is
# installed, this prints what jextract makes of the same headers and symbols, to compare the descriptors with:
#
#   native-bindings/regenerate-secp256k1.sh /path/to/secp256k1/include   (holding secp256k1.h and the module headers)
#
# Symbols bound (all exported by the bundled library of fr.acinq.secp256k1:secp256k1-kmp-jni-jvm-linux 0.23.0, as
# `nm -D --defined-only` shows): see SYMBOLS below.
set -euo pipefail
INCLUDE=${1:?"directory holding secp256k1.h, secp256k1_recovery.h, secp256k1_extrakeys.h, secp256k1_schnorrsig.h"}
SYMBOLS="secp256k1_context_create secp256k1_context_destroy secp256k1_context_randomize
secp256k1_context_set_illegal_callback secp256k1_ec_pubkey_parse secp256k1_ec_pubkey_serialize
secp256k1_ec_pubkey_create secp256k1_ec_seckey_verify secp256k1_ecdsa_signature_parse_compact
secp256k1_ecdsa_signature_serialize_compact secp256k1_ecdsa_signature_normalize secp256k1_ecdsa_verify
secp256k1_ecdsa_sign secp256k1_ecdsa_recoverable_signature_parse_compact
secp256k1_ecdsa_recoverable_signature_serialize_compact secp256k1_ecdsa_sign_recoverable secp256k1_ecdsa_recover
secp256k1_xonly_pubkey_parse secp256k1_xonly_pubkey_serialize secp256k1_keypair_create secp256k1_keypair_xonly_pub
secp256k1_schnorrsig_sign32 secp256k1_schnorrsig_verify secp256k1_schnorrsig_sign_custom"
OUT=$(mktemp -d)
HEADER="$OUT/sigil_secp256k1.h"
printf '#include "secp256k1.h"\n#include "secp256k1_recovery.h"\n#include "secp256k1_extrakeys.h"\n#include "secp256k1_schnorrsig.h"\n' > "$HEADER"
ARGS=()
for s in $SYMBOLS; do ARGS+=(--include-function "$s"); done
for t in secp256k1_pubkey secp256k1_ecdsa_signature secp256k1_ecdsa_recoverable_signature secp256k1_xonly_pubkey \
         secp256k1_keypair secp256k1_schnorrsig_extraparams; do ARGS+=(--include-typedef "$t"); done
jextract -I "$INCLUDE" --target-package dev.sigil.secp256k1.gen --header-class-name secp256k1_h \
  --output "$OUT/src" "${ARGS[@]}" "$HEADER"
echo "jextract output in $OUT/src: compare its FunctionDescriptors and struct layouts with secp256k1_h.java"
