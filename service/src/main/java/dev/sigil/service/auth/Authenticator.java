package dev.sigil.service.auth;

import dev.sigil.service.error.ErrorCode;
import dev.sigil.service.error.RequestException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Bearer-token authentication: a token is known by the SHA-256 of its bytes; every configured hash is compared in
 * constant time, and all of them are compared whatever matches, so timing tells nothing about which exists.
 */
public final class Authenticator {
    private record Entry(byte[] sha256, Principal principal) {
    }

    private final boolean verifyOpen;
    private final boolean opsOpen;
    private final List<Entry> entries = new ArrayList<>();

    public Authenticator(boolean verifyOpen, List<TokenConfig> tokens, Optional<String> adminToken) {
        this(verifyOpen, true, tokens, adminToken);
    }

    /**
     * @param verifyOpen {@code /v1/verify} needs no token
     * @param opsOpen {@code /metrics} and {@code /v1/backends} need no token (else a token with {@code admin})
     */
    public Authenticator(boolean verifyOpen, boolean opsOpen, List<TokenConfig> tokens,
            Optional<String> adminToken) {
        this.verifyOpen = verifyOpen;
        this.opsOpen = opsOpen;
        for (TokenConfig t : tokens) {
            entries.add(new Entry(t.sha256(),
                    new Principal(t.name(), t.roles(), t.keys().stream().map(Principal::glob).toList())));
        }
        adminToken.filter(t -> !t.isEmpty()).ifPresent(t -> entries.add(new Entry(sha256(t),
                new Principal("admin-env", EnumSet.allOf(Role.class), List.of()))));
    }

    /** Checks a verify request: open unless configured otherwise, else the token must hold {@code verify}. */
    public void requireVerify(String authorization) {
        if (!verifyOpen) {
            require(authorization, Role.VERIFY);
        }
    }

    /** True when verify requests need no token. */
    public boolean verifyOpen() {
        return verifyOpen;
    }

    /**
     * Checks a request for the operations endpoints ({@code /metrics}, {@code /v1/backends}): open unless configured
     * otherwise, else the token must hold {@code admin}. The health checks stay open for probes.
     */
    public void requireOps(String authorization) {
        if (!opsOpen) {
            require(authorization, Role.ADMIN);
        }
    }

    /** The principal, which must hold the role. */
    public Principal require(String authorization, Role role) {
        Principal p = identify(authorization);
        if (!p.has(role)) {
            throw new RequestException(ErrorCode.FORBIDDEN, "the token does not hold the role " + role.wireName());
        }
        return p;
    }

    /** The principal, which must hold one of the roles. */
    public Principal requireAny(String authorization, Role first, Role second) {
        Principal p = identify(authorization);
        if (!p.has(first) && !p.has(second)) {
            throw new RequestException(ErrorCode.FORBIDDEN, "the token holds neither " + first.wireName() + " nor "
                    + second.wireName());
        }
        return p;
    }

    /** The principal, which must hold {@code sign} for the key. */
    public Principal requireSign(String authorization, String keyId) {
        Principal p = require(authorization, Role.SIGN);
        if (!p.maySignWith(keyId)) {
            throw new RequestException(ErrorCode.FORBIDDEN, "the token may not sign with this key");
        }
        return p;
    }

    /** The principal of a bearer token, or 401. */
    public Principal identify(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new RequestException(ErrorCode.UNAUTHENTICATED, "a bearer token is required");
        }
        String token = authorization.substring(7).strip();
        if (token.isEmpty()) {
            throw new RequestException(ErrorCode.UNAUTHENTICATED, "a bearer token is required");
        }
        byte[] hash = sha256(token);
        Principal found = null;
        for (Entry e : entries) {
            if (MessageDigest.isEqual(e.sha256(), hash) && found == null) {
                found = e.principal();
            }
        }
        if (found == null) {
            throw new RequestException(ErrorCode.UNAUTHENTICATED, "unknown token");
        }
        return found;
    }

    public static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
