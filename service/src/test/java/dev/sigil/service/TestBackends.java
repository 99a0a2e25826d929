package dev.sigil.service;

import dev.sigil.crypto.spi.SoftwareKeys;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.spi.Backend;
import dev.sigil.crypto.spi.BackendContext;
import dev.sigil.crypto.spi.BackendException;
import dev.sigil.crypto.spi.BackendKind;
import dev.sigil.crypto.spi.BackendProvider;
import dev.sigil.crypto.spi.RawSignature;
import dev.sigil.crypto.spi.Signer;
import dev.sigil.crypto.spi.SigningKey;
import dev.sigil.crypto.spi.TokenKeys;
import dev.sigil.crypto.spi.Verifier;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Backends for tests of the service's behaviour around backends (failures, slowness, token keys). */
final class TestBackends {
    private TestBackends() {
    }

    static BackendProvider provider(String id, Function<BackendContext, Backend> create) {
        return provider(id, true, create);
    }

    static BackendProvider provider(String id, boolean available, Function<BackendContext, Backend> create) {
        return new BackendProvider() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public boolean isAvailable(BackendContext context) {
                return available;
            }

            @Override
            public Backend create(BackendContext context) {
                return create.apply(context);
            }
        };
    }

    /** A verify backend that answers by a function of the batch (CPU delegation, failure, delay). */
    static Backend verifier(String id, Function<VerifyBatch, Outcome[]> verify) {
        Verifier verifier = new Verifier() {
            @Override
            public Set<Scheme> verifiableSchemes() {
                return EnumSet.allOf(Scheme.class);
            }

            @Override
            public Outcome[] verify(VerifyBatch batch) {
                return verify.apply(batch);
            }
        };
        return new Base(id, BackendKind.TEST) {
            @Override
            public Optional<Verifier> verifier() {
                return Optional.of(verifier);
            }
        };
    }

    static Outcome[] failing(String id) {
        throw new BackendException.DeviceFailure(id, "device lost", null);
    }

    static Outcome[] slowCpu(VerifyBatch batch, long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Items.CPU.verify(batch);
    }

    /** A token that holds keys: generated and used in software here, but only reachable through this backend. */
    static Backend token() {
        Map<String, SigningKey.Software> inside = new ConcurrentHashMap<>();
        TokenKeys keys = new TokenKeys() {
            @Override
            public Set<Scheme> generatableSchemes() {
                return EnumSet.of(Scheme.ECDSA_P256, Scheme.ECDSA_SECP256K1);
            }

            @Override
            public SigningKey.Token generate(String keyId, Scheme scheme) {
                SigningKey.Software k = SoftwareKeys.generate(keyId, scheme);
                inside.put(keyId, k);
                return new SigningKey.Token(keyId, k.publicKey(), "hsm");
            }

            @Override
            public List<SigningKey.Token> list() {
                return inside.values().stream().map(k -> new SigningKey.Token(k.keyId(), k.publicKey(), "hsm"))
                        .toList();
            }
        };
        Signer signer = new Signer() {
            @Override
            public Set<Scheme> signableSchemes() {
                return keys.generatableSchemes();
            }

            @Override
            public List<RawSignature> sign(SigningKey key, List<byte[]> inputs) {
                return Items.CPU.sign(inside.get(key.keyId()), inputs).stream().map(r -> r.withRecoveryId(-1))
                        .toList();
            }

            @Override
            public boolean canSignWith(SigningKey key) {
                return key instanceof SigningKey.Token t && t.backendId().equals("hsm");
            }
        };
        return new Base("hsm", BackendKind.HSM) {
            @Override
            public Optional<Signer> signer() {
                return Optional.of(signer);
            }

            @Override
            public Optional<TokenKeys> tokenKeys() {
                return Optional.of(keys);
            }
        };
    }

    private abstract static class Base implements Backend {
        private final String id;
        private final BackendKind kind;

        Base(String id, BackendKind kind) {
            this.id = id;
            this.kind = kind;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public BackendKind kind() {
            return kind;
        }

        @Override
        public String device() {
            return "test device " + id;
        }

        @Override
        public void close() {
        }
    }
}
