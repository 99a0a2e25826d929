/*
 * recover.cl: secp256k1 public-key recovery (Ethereum's ecrecover), one work-item per signature, on the layers of
 * ecdsa.cl. R = (r, y) with y of the parity v, decompressed here (r < n < p is a field element); u1 = -e r^-1 and
 * u2 = s r^-1 modulo n; Q = u1 G + u2 R by the same double multiplication as verification; Q is made affine with
 * z^-1. Both inversions (r^-1 mod n, z^-1 mod p) are shared by the work-group (batchinv.cl): items already decided
 * (bad v, no point R, Q at infinity) and padding work-items past the batch take part with ok = 0. High S needs
 * nothing special: the rule set was applied on the host.
 *
 * Input: limb-major, RECOVER_IN_WORDS words per item (word j of column c of item i at (8c + j) * stride + i): e, r,
 * s, then one word v (0 or 1). r and s are in [1, n - 1] (checked on the host). Output: limb-major,
 * RECOVER_OUT_WORDS words per item: a RESULT_* code, then x and y of Q (plain, least significant word first) when
 * the code is RESULT_VALID. Variable-time throughout: only public values go in.
 */

#define RECOVER_IN_WORDS 25
#define RECOVER_OUT_WORDS 17

static inline void u256_store(__global uint *col, uint stride, uint i, const u256 *a) {
    for (int j = 0; j < 4; j++) {
        col[(2 * j) * stride + i] = (uint)a->d[j];
        col[(2 * j + 1) * stride + i] = (uint)(a->d[j] >> 32);
    }
}

__kernel void ecdsa_recover(__global const uint *restrict in, __global const uint *restrict gtab,
        __global uint *out, uint n, uint stride, __local u256 *scratch) {
    uint i = get_global_id(0);
    uint live = i < n;
    uchar code = RESULT_VALID;
    u256 e, r, s, w, u1, u2, t, rx, ry;
    u256_zero(&r);
    if (live) {
        u256_load(&e, in, stride, i);
        u256_load(&r, in + 8 * stride, stride, i);
        u256_load(&s, in + 16 * stride, stride, i);
        uint v = in[24 * stride + i];
        if (v > 1u) {
            code = RESULT_DEVICE_ERROR;
        } else {
            fp_from_plain(&rx, &r);
            if (!wpoint_decompress_vartime(&ry, &rx, v)) code = RESULT_INVALID;
        }
    }
    uint ok = live && code == RESULT_VALID;
    sc_inv_mont_batch(&w, &r, ok, scratch);
    jac acc;
    if (ok) {
        sc_reduce(&e, &e);
        sc_mul_mont(&u2, &s, &w);
        sc_mul_mont(&t, &e, &w);
        u256_zero(&u1);
        sc_sub(&u1, &u1, &t);
        msm_double_vartime(&acc, &u1, &u2, &rx, &ry, gtab);
        if (jac_is_inf(&acc)) {
            code = RESULT_INVALID;
            ok = 0u;
        }
    }
    u256 zi, zi2, qx, qy;
    fp_inv_batch(&zi, &acc.z, ok, scratch);
    if (!live) return;
    out[i] = code;
    if (ok) {
        fp_sqr(&zi2, &zi);
        fp_mul(&t, &acc.x, &zi2);
        fp_to_plain(&qx, &t);
        fp_mul(&zi2, &zi2, &zi);
        fp_mul(&t, &acc.y, &zi2);
        fp_to_plain(&qy, &t);
        u256_store(out + stride, stride, i, &qx);
        u256_store(out + 9 * stride, stride, i, &qy);
    }
}
