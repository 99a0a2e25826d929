package dev.sigil.bench;

import com.google.protobuf.ByteString;
import dev.sigil.crypto.EncodedItem;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.SignatureFormat;
import dev.sigil.grpc.v1.Item;

/** Verify items as {@code sigil.v1} messages: the same fields the JSON bodies carry, in bytes. */
final class GrpcItems {
    private GrpcItems() {
    }

    /** The item's scheme by name ({@code ECDSA_P256} is {@code ecdsa-p256}), as the service maps them. */
    static dev.sigil.grpc.v1.Scheme scheme(Scheme scheme) {
        return dev.sigil.grpc.v1.Scheme.valueOf(scheme.name());
    }

    static Item item(Scheme scheme, EncodedItem e) {
        Item.Builder b = Item.newBuilder().setScheme(scheme(scheme)).setPublicKey(ByteString.copyFrom(e.publicKey()))
                .setSignature(ByteString.copyFrom(e.signature()));
        if (e.message() != null) {
            b.setMessage(ByteString.copyFrom(e.message()));
        }
        if (e.digest() != null) {
            b.setDigest(ByteString.copyFrom(e.digest()));
        }
        if (e.userId() != null) {
            b.setUserId(ByteString.copyFrom(e.userId()));
        }
        if (e.format() == SignatureFormat.RAW) {
            b.setSignatureFormat(dev.sigil.grpc.v1.SignatureFormat.RAW);
        }
        return b.build();
    }
}
