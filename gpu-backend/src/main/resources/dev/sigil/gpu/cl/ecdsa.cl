/*
 * ecdsa.cl: ECDSA verification (secp256k1, P-256), one work-item per signature, over the layout of wverify.cl.
 * w = s^-1, u1 = e w, u2 = r w, R = u1 G + u2 Q; valid when R is not infinity and x(R) mod n = r.
 * The work-group shares the inversions of s (batchinv.cl): every work-item, padding ones past the batch included,
 * takes part; s is in [1, n - 1] for every item of the batch (checked on the host), so none is zero.
 */

static inline uchar ecdsa_verify_one(__global const uint *in, __global const uint *gtab, uint stride, uint i,
        const u256 *w) {
    u256 qx, qy, e, r, u1, u2;
    load_public_key(&qx, &qy, in, stride, i);
    u256_load(&e, in + 16 * stride, stride, i);
    u256_load(&r, in + 24 * stride, stride, i);
    sc_reduce(&e, &e);
    sc_mul_mont(&u1, &e, w);
    sc_mul_mont(&u2, &r, w);
    jac acc;
    msm_double_vartime(&acc, &u1, &u2, &qx, &qy, gtab);
    if (jac_is_inf(&acc)) return RESULT_INVALID;
    return x_matches_mod_n_vartime(&acc, &r) ? RESULT_VALID : RESULT_INVALID;
}

__kernel void ecdsa_verify(__global const uint *restrict in, __global const uint *restrict gtab,
        __global uchar *out, uint n, uint stride, __local u256 *scratch) {
    uint i = get_global_id(0);
    uint live = i < n;
    u256 s, w;
    u256_zero(&s);
    if (live) u256_load(&s, in + 32 * stride, stride, i);
    sc_inv_mont_batch(&w, &s, live, scratch);
    if (live) out[i] = ecdsa_verify_one(in, gtab, stride, i, &w);
}
