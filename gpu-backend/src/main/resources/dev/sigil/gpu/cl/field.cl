/*
 * field.cl: arithmetic in GF(p) for the curve this program is built for (secp256k1, P-256, sm2p256v1 or
 * 2^255 - 19). Elements are in Montgomery form and fully reduced. The constants fp_p, FP_MINV, fp_r2, fp_one and
 * the exponents come from the generated curve header.
 */

static inline void fp_add(u256 *r, const u256 *a, const u256 *b) { mont_add(r, a, b, fp_p); }
static inline void fp_sub(u256 *r, const u256 *a, const u256 *b) { mont_sub(r, a, b, fp_p); }
static inline void fp_neg(u256 *r, const u256 *a) { mont_neg(r, a, fp_p); }
static inline void fp_mul(u256 *r, const u256 *a, const u256 *b) { mont_mul(r, a, b, fp_p, FP_MINV); }
static inline void fp_sqr(u256 *r, const u256 *a) { mont_mul(r, a, a, fp_p, FP_MINV); }
static inline void fp_dbl(u256 *r, const u256 *a) { mont_add(r, a, a, fp_p); }
static inline void fp_one(u256 *r) { u256_from_const(r, fp_one_m); }
static inline void fp_const(u256 *r, __constant const ulong *c) { u256_from_const(r, c); }

/* Converts a plain value below p into Montgomery form. */
static inline void fp_to_mont(u256 *r, const u256 *a) {
    u256 r2;
    u256_from_const(&r2, fp_r2);
    mont_mul(r, a, &r2, fp_p, FP_MINV);
}

/* Converts from Montgomery form to the plain value. */
static inline void fp_from_mont(u256 *r, const u256 *a) {
    u256 one;
    u256_zero(&one);
    one.d[0] = 1u;
    mont_mul(r, a, &one, fp_p, FP_MINV);
}

/* r = a^e for a public constant exponent e. */
static inline void fp_pow(u256 *r, const u256 *a, __constant const ulong *e) {
    mont_pow(r, a, e, fp_p, FP_MINV, fp_one_m);
}

/* The parity of the plain value of a Montgomery-form element. */
static inline uint fp_is_odd(const u256 *a) {
    u256 t;
    fp_from_mont(&t, a);
    return t.d[0] & 1u;
}
