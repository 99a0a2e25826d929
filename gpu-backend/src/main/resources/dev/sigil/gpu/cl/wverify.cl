/*
 * wverify.cl: what ECDSA and SM2 verification share: the input layout, the result codes, loading the public key,
 * and the projective check that x(R) mod n equals a given value.
 *
 * Input: a limb-major buffer of IN_WORDS words per item (column c of item i, limb j at
 * (8c + j) * stride + i): Q.x, Q.y, the digest (ECDSA's H(m), SM2's e), r, s. Q is always affine with both
 * coordinates: the host parsed every key into a checked curve point once (EcPublicKey, BIP-340's lift_x in
 * XOnlyPublicKey) and caches it, so compressed and x-only keys cost no square root here. r and s are in
 * [1, n - 1] and Q is a curve point (both checked on the host). Output: one byte per item, a RESULT_* code of the
 * generated header.
 */

#define IN_WORDS 40

/* Loads Q (x, y as the host decompressed it) in the field's internal form. */
static inline void load_public_key(u256 *qx, u256 *qy, __global const uint *in, uint stride, uint i) {
    u256 t;
    u256_load(&t, in, stride, i);
    fp_from_plain(qx, &t);
    u256_load(&t, in + 8 * stride, stride, i);
    fp_from_plain(qy, &t);
}

/* True when x(R) = X / Z^2 is congruent to v modulo n, for v in [0, n): X = v Z^2 or X = (v + n) Z^2. */
static inline uint x_matches_mod_n_vartime(const jac *p, const u256 *v) {
    u256 z2, t, vm;
    fp_sqr(&z2, &p->z);
    fp_from_plain(&vm, v);
    fp_mul(&t, &vm, &z2);
    if (u256_eq(&t, &p->x)) return 1u;
    u256 n, vn;
    u256_from_const(&n, sc_n);
    ulong carry = u256_add(&vn, v, &n);
    if (carry != 0ul || !u256_lt_const(&vn, fp_p)) return 0u;
    fp_from_plain(&vm, &vn);
    fp_mul(&t, &vm, &z2);
    return u256_eq(&t, &p->x);
}

