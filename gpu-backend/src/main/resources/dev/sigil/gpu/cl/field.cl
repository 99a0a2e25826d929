/*
 * field.cl: arithmetic in GF(p) for the curve this program is built for. Elements are kept fully reduced in an
 * internal form: for the pseudo-Mersenne primes (secp256k1: p = 2^256 - FP_C; 2^255 - 19, where FP_C = 38 =
 * 2^256 mod p) the plain value, multiplied by schoolbook and folded with FP_C; for P-256 and sm2p256v1 the
 * Montgomery form (mont256.cl). fp_from_plain / fp_to_plain convert. The constants (fp_p, FP_C or FP_MINV and
 * fp_r2, fp_one_m, exponents, curve coefficients in internal form) come from the generated curve header.
 */

static inline void fp_add(u256 *r, const u256 *a, const u256 *b) { mont_add(r, a, b, fp_p); }
static inline void fp_sub(u256 *r, const u256 *a, const u256 *b) { mont_sub(r, a, b, fp_p); }
static inline void fp_neg(u256 *r, const u256 *a) { mont_neg(r, a, fp_p); }
static inline void fp_dbl(u256 *r, const u256 *a) { mont_add(r, a, a, fp_p); }
static inline void fp_one(u256 *r) { u256_from_const(r, fp_one_m); }
static inline void fp_const(u256 *r, __constant const ulong *c) { u256_from_const(r, c); }

#if FP_PSEUDO_MERSENNE

/* r = t mod p for a 512-bit t, folding the high half with 2^256 = FP_C (mod p). */
static inline void pm_reduce(u256 *r, const ulong *t) {
    ulong c, h, k;
    MAC2(c, r->d[0], t[4], FP_C, t[0], 0ul);
    MAC2(c, r->d[1], t[5], FP_C, t[1], c);
    MAC2(c, r->d[2], t[6], FP_C, t[2], c);
    MAC2(c, r->d[3], t[7], FP_C, t[3], c);
    h = c;
    MAC2(c, r->d[0], h, FP_C, r->d[0], 0ul);
    r->d[1] += c;
    k = r->d[1] < c;
    r->d[2] += k;
    k = r->d[2] < k;
    r->d[3] += k;
    k = r->d[3] < k;
    /* a carry out of 2^256 leaves a small value behind: adding FP_C once more cannot carry again */
    r->d[0] += k * FP_C;
#if FP_FOLD_255
    ulong top = r->d[3] >> 63;
    r->d[3] &= 0x7ffffffffffffffful;
    r->d[0] += top * 19ul;
    k = r->d[0] < top * 19ul;
    r->d[1] += k;
    k = r->d[1] < k;
    r->d[2] += k;
    k = r->d[2] < k;
    r->d[3] += k;
#endif
    mont_reduce_once(r, r, 0ul, fp_p);
}

static inline void fp_mul(u256 *r, const u256 *a, const u256 *b) {
    ulong t[8];
    u256_mul_wide(t, a, b);
    pm_reduce(r, t);
}

/* The square, with each cross product computed once and doubled. */
static inline void fp_sqr(u256 *r, const u256 *a) {
    ulong t[8], c;
    MAC2(c, t[1], a->d[0], a->d[1], 0ul, 0ul);
    MAC2(c, t[2], a->d[0], a->d[2], 0ul, c);
    MAC2(c, t[3], a->d[0], a->d[3], 0ul, c);
    t[4] = c;
    MAC2(c, t[3], a->d[1], a->d[2], t[3], 0ul);
    MAC2(c, t[4], a->d[1], a->d[3], t[4], c);
    t[5] = c;
    MAC2(c, t[5], a->d[2], a->d[3], t[5], 0ul);
    t[6] = c;
    t[7] = t[6] >> 63;
    for (int j = 6; j > 1; j--) t[j] = (t[j] << 1) | (t[j - 1] >> 63);
    t[1] <<= 1;
    ulong lo, hi;
    MAC2(hi, t[0], a->d[0], a->d[0], 0ul, 0ul);
    MAC2(c, t[1], 0ul, 0ul, t[1], hi);
    MAC2(hi, lo, a->d[1], a->d[1], t[2], c);
    t[2] = lo;
    MAC2(c, t[3], 0ul, 0ul, t[3], hi);
    MAC2(hi, lo, a->d[2], a->d[2], t[4], c);
    t[4] = lo;
    MAC2(c, t[5], 0ul, 0ul, t[5], hi);
    MAC2(hi, lo, a->d[3], a->d[3], t[6], c);
    t[6] = lo;
    t[7] += hi;
    pm_reduce(r, t);
}

static inline void fp_from_plain(u256 *r, const u256 *a) { u256_copy(r, a); }
static inline void fp_to_plain(u256 *r, const u256 *a) { u256_copy(r, a); }

#else

static inline void fp_mul(u256 *r, const u256 *a, const u256 *b) { mont_mul(r, a, b, fp_p, FP_MINV); }
static inline void fp_sqr(u256 *r, const u256 *a) { mont_mul(r, a, a, fp_p, FP_MINV); }

/* Converts a plain value below p into Montgomery form. */
static inline void fp_from_plain(u256 *r, const u256 *a) {
    u256 r2;
    u256_from_const(&r2, fp_r2);
    mont_mul(r, a, &r2, fp_p, FP_MINV);
}

/* Converts from Montgomery form to the plain value. */
static inline void fp_to_plain(u256 *r, const u256 *a) {
    u256 one;
    u256_zero(&one);
    one.d[0] = 1ul;
    mont_mul(r, a, &one, fp_p, FP_MINV);
}

#endif

/* r = a^e for a public constant exponent e, with a fixed 4-bit window. */
static inline void fp_pow(u256 *r, const u256 *a, __constant const ulong *e) {
    u256 tab[16];
    fp_one(&tab[0]);
    u256_copy(&tab[1], a);
    for (int j = 2; j < 16; j++) fp_mul(&tab[j], &tab[j - 1], a);
    u256 acc;
    u256_copy(&acc, &tab[(uint)(e[3] >> 60) & 15u]);
    for (int i = 62; i >= 0; i--) {
        for (int k = 0; k < 4; k++) fp_sqr(&acc, &acc);
        fp_mul(&acc, &acc, &tab[(uint)(e[i >> 4] >> ((i & 15) * 4)) & 15u]);
    }
    u256_copy(r, &acc);
}

/* The parity of the plain value of an element. */
static inline uint fp_is_odd(const u256 *a) {
    u256 t;
    fp_to_plain(&t, a);
    return (uint)(t.d[0] & 1ul);
}
