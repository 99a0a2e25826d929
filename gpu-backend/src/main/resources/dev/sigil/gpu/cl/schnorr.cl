/*
 * schnorr.cl: BIP-340 verification over secp256k1, one work-item per signature, over the layout of wverify.cl:
 * the lifted key P = lift_x(x) in the Q.x and Q.y columns (the even y, lifted once on the host when the key was
 * parsed, so no square root here); the digest column holds the challenge e = hash_BIP0340/challenge(r || P || m)
 * mod n, hashed on the host; r (R.x, below p) and s (below n). R = s G - e P; valid when R is not infinity,
 * x(R) = r and y(R) is even.
 */

/*
 * R = s G - e P for item i into acc; 1 when R is not infinity and x(R) = X / Z^2 = r (checked without an
 * inversion), else 0. Only such items need y(R), and so Z^-1.
 */
static inline uint schnorr_x_matches_vartime(jac *acc, __global const uint *in, __global const uint *gtab,
        uint stride, uint i) {
    u256 px, py, e, r, s, u2, zero;
    load_public_key(&px, &py, in, stride, i);
    u256_load(&e, in + 16 * stride, stride, i);
    u256_load(&r, in + 24 * stride, stride, i);
    u256_load(&s, in + 32 * stride, stride, i);
    u256_zero(&zero);
    sc_sub(&u2, &zero, &e);
    msm_double_vartime(acc, &s, &u2, &px, &py, gtab);
    if (jac_is_inf(acc)) return 0u;
    u256 z2, t, rm;
    fp_sqr(&z2, &acc->z);
    fp_from_plain(&rm, &r);
    fp_mul(&t, &rm, &z2);
    return u256_eq(&t, &acc->x);
}

/*
 * y(R) = Y / Z^3 must be even. The work-group shares the inversions of Z (batchinv.cl) among the items whose x
 * matched; the others (and padding work-items) take part with ok = 0.
 */
__kernel void schnorr_verify(__global const uint *restrict in, __global const uint *restrict gtab,
        __global uchar *out, uint n, uint stride, __local u256 *scratch) {
    uint i = get_global_id(0);
    uint live = i < n;
    jac acc;
    uint matched = live && schnorr_x_matches_vartime(&acc, in, gtab, stride, i);
    u256 zinv, t, y;
    fp_inv_batch(&zinv, &acc.z, matched, scratch);
    if (!live) return;
    if (!matched) {
        out[i] = RESULT_INVALID;
        return;
    }
    fp_sqr(&t, &zinv);
    fp_mul(&t, &t, &zinv);
    fp_mul(&y, &acc.y, &t);
    out[i] = fp_is_odd(&y) ? RESULT_INVALID : RESULT_VALID;
}
