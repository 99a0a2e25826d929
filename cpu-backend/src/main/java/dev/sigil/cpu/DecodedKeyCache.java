package dev.sigil.cpu;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Bounded cache of Bouncy Castle's decoded keys. Reusing a decoded key is what makes repeated verification fast: BC
 * keeps its precomputed multiplication tables on the point object. Cleared when full; no work on the hot path.
 */
final class DecodedKeyCache<K, V> {
    private final int capacity;
    private final ConcurrentHashMap<K, V> map = new ConcurrentHashMap<>();
    private final Function<K, V> decoder;

    DecodedKeyCache(int capacity, Function<K, V> decoder) {
        this.capacity = capacity;
        this.decoder = decoder;
    }

    V get(K key) {
        V v = map.get(key);
        if (v != null) {
            return v;
        }
        v = decoder.apply(key);
        if (map.size() >= capacity) {
            map.clear();
        }
        V prior = map.putIfAbsent(key, v);
        return prior == null ? v : prior;
    }
}
