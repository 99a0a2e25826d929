package dev.sigil.service.sign;

import dev.sigil.crypto.PublicKey;
import java.util.List;

/** The signatures, encoded as asked, in item order, and the backend that made them. */
public record SignResult(String keyId, PublicKey publicKey, List<byte[]> signatures, String backend) {
}
