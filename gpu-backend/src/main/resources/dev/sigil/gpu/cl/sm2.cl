/*
 * sm2.cl: SM2 signature verification (GB/T 32918.2), one work-item per signature. Same input layout and results
 * as wverify.cl (the digest column holds e = SM3(Z_A || M)). t = (r + s) mod n must not be 0,
 * (x1, y1) = s G + t Q, and the signature is valid when (e + x1) mod n = r, i.e. x1 = (r - e) mod n, checked
 * projectively without an inversion.
 */

static inline uchar sm2_verify_one(__global const uint *in, __global const uint *gtab, uint stride, uint i) {
    u256 qx, qy, e, r, s, t, v;
    load_public_key(&qx, &qy, in, stride, i);
    u256_load(&e, in + 16 * stride, stride, i);
    u256_load(&r, in + 24 * stride, stride, i);
    u256_load(&s, in + 32 * stride, stride, i);
    sc_add(&t, &r, &s);
    if (u256_is_zero(&t)) return RESULT_INVALID;
    sc_reduce(&e, &e);
    sc_sub(&v, &r, &e);
    jac acc;
    msm_double_vartime(&acc, &s, &t, &qx, &qy, gtab);
    if (jac_is_inf(&acc)) return RESULT_INVALID;
    return x_matches_mod_n_vartime(&acc, &v) ? RESULT_VALID : RESULT_INVALID;
}

__kernel void sm2_verify(__global const uint *restrict in, __global const uint *restrict gtab,
        __global uchar *out, uint n, uint stride) {
    uint i = get_global_id(0);
    if (i >= n) return;
    out[i] = sm2_verify_one(in, gtab, stride, i);
}
