package dev.sigil.crypto;

import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A bounded, thread-safe cache of parsed public keys by scheme and encoding: a node sees the same keys again and
 * again, and parsing (a square root for compressed keys) is the costliest part of the edge's work. When full it
 * is cleared, which keeps memory bounded with no bookkeeping on the hot path. Malformed keys are not cached.
 */
public final class KeyCache {
    private final int capacity;
    private final ConcurrentHashMap<Key, PublicKey> map = new ConcurrentHashMap<>();

    private record Key(Scheme scheme, ByteBuffer encoding) {
    }

    public KeyCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    /** Parses through the cache; see {@link PublicKey#parse}. */
    public PublicKey parse(Scheme scheme, byte[] encoded) {
        Key k = new Key(scheme, ByteBuffer.wrap(encoded.clone()));
        PublicKey hit = map.get(k);
        if (hit != null) {
            return hit;
        }
        PublicKey parsed = PublicKey.parse(scheme, encoded);
        if (map.size() >= capacity) {
            map.clear();
        }
        map.put(k, parsed);
        return parsed;
    }

    public int size() {
        return map.size();
    }
}
