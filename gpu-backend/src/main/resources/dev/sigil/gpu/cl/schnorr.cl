/*
 * schnorr.cl: BIP-340 verification over secp256k1, one work-item per signature, over the layout of wverify.cl:
 * the lifted key P = lift_x(x) in the Q.x and Q.y columns (the even y, lifted once on the host when the key was
 * parsed, so no square root here); the digest column holds the challenge e = hash_BIP0340/challenge(r || P || m)
 * mod n, hashed on the host; r (R.x, below p) and s (below n). R = s G - e P; valid when R is not infinity,
 * x(R) = r and y(R) is even.
 */

static inline uchar schnorr_verify_one(__global const uint *in, __global const uint *gtab, uint stride, uint i) {
    u256 px, py, e, r, s, u2, zero;
    load_public_key(&px, &py, in, stride, i);
    u256_load(&e, in + 16 * stride, stride, i);
    u256_load(&r, in + 24 * stride, stride, i);
    u256_load(&s, in + 32 * stride, stride, i);
    u256_zero(&zero);
    sc_sub(&u2, &zero, &e);
    jac acc;
    msm_double_vartime(&acc, &s, &u2, &px, &py, gtab);
    if (jac_is_inf(&acc)) return RESULT_INVALID;
    /* x(R) = X / Z^2 = r, checked without an inversion. */
    u256 z2, t, rm;
    fp_sqr(&z2, &acc.z);
    fp_from_plain(&rm, &r);
    fp_mul(&t, &rm, &z2);
    if (!u256_eq(&t, &acc.x)) return RESULT_INVALID;
    /* y(R) = Y / Z^3 must be even: one inversion (Fermat), only for items whose x matched. */
    u256 zinv, y;
    fp_pow(&zinv, &acc.z, fp_pm2);
    fp_sqr(&t, &zinv);
    fp_mul(&t, &t, &zinv);
    fp_mul(&y, &acc.y, &t);
    return fp_is_odd(&y) ? RESULT_INVALID : RESULT_VALID;
}

__kernel void schnorr_verify(__global const uint *in, __global const uint *gtab, __global uchar *out, uint n,
        uint stride) {
    uint i = get_global_id(0);
    if (i >= n) return;
    out[i] = schnorr_verify_one(in, gtab, stride, i);
}
