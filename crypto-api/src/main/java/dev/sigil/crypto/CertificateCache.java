package dev.sigil.crypto;

import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A bounded, thread-safe cache of the keys of certificates by scheme and certificate bytes, the companion of
 * {@link KeyCache}: a Fabric or ChainMaker node sends the same few identities again and again, and parsing a
 * certificate costs far more than looking it up. It holds at most {@code maxEntries} certificates and
 * {@code maxBytes} bytes of them, and is cleared when either would be passed; certificates larger than
 * {@link #MAX_CACHED_BYTES} are parsed every time and never held. Certificates that fail are not cached.
 */
public final class CertificateCache {
    /** The largest certificate kept (real identities are one to two kilobytes). */
    public static final int MAX_CACHED_BYTES = 16 * 1024;

    private final int maxEntries;
    private final long maxBytes;
    private final ConcurrentHashMap<Key, PublicKey> map = new ConcurrentHashMap<>();
    private long bytes;

    private record Key(Scheme scheme, ByteBuffer der) {
    }

    public CertificateCache(int maxEntries, long maxBytes) {
        if (maxEntries < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("maxEntries and maxBytes must be positive");
        }
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    /** Parses through the cache; see {@link CertificateKeys#parse}. */
    public PublicKey parse(Scheme scheme, byte[] der) {
        PublicKey hit = map.get(new Key(scheme, ByteBuffer.wrap(der)));
        if (hit != null) {
            return hit;
        }
        PublicKey parsed = CertificateKeys.parse(scheme, der);
        if (der.length <= MAX_CACHED_BYTES && der.length <= maxBytes) {
            insert(new Key(scheme, ByteBuffer.wrap(der.clone())), parsed);
        }
        return parsed;
    }

    private synchronized void insert(Key key, PublicKey parsed) {
        int length = key.der().remaining();
        if (map.size() >= maxEntries || bytes + length > maxBytes) {
            map.clear();
            bytes = 0;
        }
        if (map.putIfAbsent(key, parsed) == null) {
            bytes += length;
        }
    }

    /** Certificates held now. */
    public int size() {
        return map.size();
    }

    /** Bytes of certificates held now. */
    public synchronized long bytes() {
        return bytes;
    }
}
