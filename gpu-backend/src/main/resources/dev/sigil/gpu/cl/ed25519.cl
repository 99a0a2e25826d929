/*
 * ed25519.cl: Ed25519 verification (RFC 8032 with Bouncy Castle's cofactored check), one work-item per item.
 *
 * Input: a limb-major buffer of 32 words per item (column c of item i, limb j at (8c + j) * stride + i): A and R
 * as encoded (little-endian), S (< L) and k = SHA-512(R || A || M) mod L (both computed or checked on the
 * host). The kernel computes D = [S]B - R - [k]A and answers:
 *   RESULT_INVALID  when R does not decode, or 8D != 0 (D has a prime-order component: every verifier rejects);
 *   RESULT_VALID    when D = 0 (the cofactorless equation holds, and so does the cofactored one);
 *   RESULT_TORSION  when D != 0 but 8D = 0: D is a small-order point crafted into R or A, where cofactorless and
 *                   cofactored verifiers differ; the host decides these rare items with the reference.
 * B uses a comb table in global memory (entry (i, d) = d * 2^(COMB_BITS i) * B in niels form, 24 words); A a
 * signed 5-bit window.
 */

#define BTAB_WORDS 24

static inline void btab_load(niels *q, __global const uint *btab, int i, uint dgt) {
    __global const uint *e = btab + ((uint)i * COMB_ENTRIES + dgt - 1u) * BTAB_WORDS;
    u256_load_words(&q->ypx, e);
    u256_load_words(&q->ymx, e + 8);
    u256_load_words(&q->t2d, e + 16);
}

/* r = r + [k]B with the comb table. */
static inline void ed_add_b_comb_vartime(ext *r, const u256 *k, __global const uint *btab) {
    niels q;
    for (int i = 0; i < COMB_WINDOWS; i++) {
        uint dgt = u256_comb_digit(k, i);
        if (dgt != 0u) {
            btab_load(&q, btab, i, dgt);
            ext_add_niels(r, r, &q);
        }
    }
}

/* r = [k]P with a signed 5-bit window over the cached multiples tab[d] = dP, d in [1, 16]. */
static inline void ed_mul_window_vartime(ext *r, const u256 *k, const cached *tab) {
    char dig[SW_WINDOWS];
    u256_recode_signed5(dig, k, SW_WINDOWS);
    ext_set_identity(r);
    for (int i = SW_WINDOWS - 1; i >= 0; i--) {
        if (i != SW_WINDOWS - 1) {
            for (int j = 0; j < 4; j++) ext_dbl_t(r, r, 0u);
            ext_dbl(r, r);
        }
        int d = dig[i];
        if (d != 0) {
            cached c;
            cached_copy_signed(&c, &tab[d < 0 ? -d : d], d < 0);
            ext_add_cached(r, r, &c);
        }
    }
}

static inline void ed_window_table(cached *tab, const ext *p) {
    ext acc;
    u256_copy(&acc.x, &p->x);
    u256_copy(&acc.y, &p->y);
    u256_copy(&acc.z, &p->z);
    u256_copy(&acc.t, &p->t);
    ext_to_cached(&tab[1], &acc);
    for (int j = 2; j < 17; j++) {
        ext_add_cached(&acc, &acc, &tab[1]);
        ext_to_cached(&tab[j], &acc);
    }
}

static inline uchar ed25519_verify_one(__global const uint *in, __global const uint *btab, uint stride, uint i) {
    u256 enc, s, k;
    ext na, nr, acc, t;
    u256_load(&enc, in, stride, i);
    if (!ext_decode_negated_vartime(&na, &enc)) return RESULT_DEVICE_ERROR;
    u256_load(&enc, in + 8 * stride, stride, i);
    if (!ext_decode_negated_vartime(&nr, &enc)) return RESULT_INVALID;
    u256_load(&s, in + 16 * stride, stride, i);
    u256_load(&k, in + 24 * stride, stride, i);
    cached tab[17];
    ed_window_table(tab, &na);
    ed_mul_window_vartime(&acc, &k, tab);
    ed_add_b_comb_vartime(&acc, &s, btab);
    cached cr;
    ext_to_cached(&cr, &nr);
    ext_add_cached(&acc, &acc, &cr);
    ext_dbl_t(&t, &acc, 0u);
    ext_dbl_t(&t, &t, 0u);
    ext_dbl_t(&t, &t, 0u);
    if (!ext_is_identity(&t)) return RESULT_INVALID;
    return ext_is_identity(&acc) ? RESULT_VALID : RESULT_TORSION;
}

__kernel void ed25519_verify(__global const uint *restrict in, __global const uint *restrict btab,
        __global uchar *out, uint n, uint stride) {
    uint i = get_global_id(0);
    if (i >= n) return;
    out[i] = ed25519_verify_one(in, btab, stride, i);
}
