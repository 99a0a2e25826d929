package dev.sigil.service.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One mapping of the YAML file, read strictly: each field is read with its type and bounds, and {@link #finish()}
 * rejects every field that nobody read. Errors name the field by its dotted path.
 */
final class Section {
    private final String path;
    private final Map<String, Object> values;
    private final Set<String> read = new HashSet<>();

    Section(String path, Map<String, Object> values) {
        this.path = path;
        this.values = values;
    }

    static Section of(String path, Object node) {
        if (node == null) {
            return new Section(path, Map.of());
        }
        if (!(node instanceof Map<?, ?> map)) {
            throw new ConfigException(path + ": must be a mapping");
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new ConfigException(path + ": field names must be strings, got " + e.getKey());
            }
            copy.put(key, e.getValue());
        }
        return new Section(path, copy);
    }

    String field(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    Object raw(String name) {
        read.add(name);
        return values.get(name);
    }

    Section section(String name) {
        return of(field(name), raw(name));
    }

    String string(String name, String fallback) {
        Object v = raw(name);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof String s)) {
            throw new ConfigException(field(name) + ": must be a string (quote it)");
        }
        return s;
    }

    boolean bool(String name, boolean fallback) {
        Object v = raw(name);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Boolean b)) {
            throw new ConfigException(field(name) + ": must be true or false");
        }
        return b;
    }

    long number(String name, long fallback, long min, long max) {
        Object v = raw(name);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Integer || v instanceof Long)) {
            throw new ConfigException(field(name) + ": must be an integer");
        }
        long n = ((Number) v).longValue();
        if (n < min || n > max) {
            throw new ConfigException(field(name) + ": must be between " + min + " and " + max + ", got " + n);
        }
        return n;
    }

    int integer(String name, int fallback, int min, int max) {
        return (int) number(name, fallback, min, max);
    }

    List<String> strings(String name) {
        Object v = raw(name);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            throw new ConfigException(field(name) + ": must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof String s)) {
                throw new ConfigException(field(name) + ": must be a list of strings");
            }
            out.add(s);
        }
        return out;
    }

    List<Section> sections(String name) {
        Object v = raw(name);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            throw new ConfigException(field(name) + ": must be a list");
        }
        List<Section> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(of(field(name) + "[" + i + "]", list.get(i)));
        }
        return out;
    }

    Set<String> names() {
        return values.keySet();
    }

    /** The values not read so far, as they are (for settings passed on to a backend). */
    Map<String, Object> rest() {
        Map<String, Object> out = new LinkedHashMap<>(values);
        out.keySet().removeAll(read);
        read.addAll(values.keySet());
        return out;
    }

    /** Rejects every field that was not read. */
    void finish() {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(read);
        if (!unknown.isEmpty()) {
            throw new ConfigException(field(unknown.iterator().next()) + ": unknown field");
        }
    }
}
