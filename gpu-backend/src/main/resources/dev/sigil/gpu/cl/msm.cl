/*
 * msm.cl: u1*G + u2*Q on a short Weierstrass curve.
 *
 * G uses a precomputed comb table in global memory: entry (i, d) = d * 2^(COMB_BITS i) * G for i in
 * [0, COMB_WINDOWS), d in [1, COMB_ENTRIES], affine in the field's internal form, 16 words (x then y) per entry.
 * u1*G is then COMB_WINDOWS mixed additions and no doubling.
 * Q uses a signed 5-bit window over 16 Jacobian multiples: 255 doublings and 52 additions. Variable-time: the
 * digits choose table entries and zero digits skip their addition.
 *
 * Where the G table lives: global memory, built once on the host (BaseTables.java) and uploaded once per device;
 * the kernels take it as a const restrict argument, so GPUs may read it through their read-only data cache. Not
 * __constant: the table is 32 windows x 255 entries x 64 bytes = 510 KiB (Ed25519's niels table for B, 765 KiB),
 * while devices promise 64 KiB of constant memory, and a constant cache serves one address per warp at a time where
 * every work-item here picks its own entry. Not __local either (tens of KiB per work-group). A comb small enough for
 * 64 KiB (4-bit digits: 64 windows x 15 entries = 60 KiB) would double the additions for G on every device. The
 * private arrays that may spill on a GPU are the per-item tables of Q below (17 Jacobian points, 1.6 KiB; twice
 * that with GLV): they depend on the item, so nothing can share them.
 */

#define GTAB_WORDS 16

static inline void gtab_load(u256 *x, u256 *y, __global const uint *gtab, int i, uint dgt) {
    __global const uint *e = gtab + ((uint)i * COMB_ENTRIES + dgt - 1u) * GTAB_WORDS;
    u256_load_words(x, e);
    u256_load_words(y, e + 8);
}

/* r = r + k * G with the comb table. */
static inline void msm_add_g_comb_vartime(jac *r, const u256 *k, __global const uint *gtab) {
    u256 x, y;
    for (int i = 0; i < COMB_WINDOWS; i++) {
        uint dgt = u256_comb_digit(k, i);
        if (dgt != 0u) {
            gtab_load(&x, &y, gtab, i, dgt);
            jac_madd_vartime(r, r, &x, &y);
        }
    }
}

/* r = k * q with a signed 5-bit window over the multiples 1..16 of q (affine, internal form). */
static inline void msm_mul_window_vartime(jac *r, const u256 *k, const u256 *qx, const u256 *qy) {
    jac tab[17];
    u256_copy(&tab[1].x, qx);
    u256_copy(&tab[1].y, qy);
    fp_one(&tab[1].z);
    jac_dbl(&tab[2], &tab[1]);
    for (int j = 3; j < 17; j++) jac_madd_vartime(&tab[j], &tab[j - 1], qx, qy);
    char dig[SW_WINDOWS];
    u256_recode_signed5(dig, k, SW_WINDOWS);
    jac_set_inf(r);
    for (int i = SW_WINDOWS - 1; i >= 0; i--) {
        if (i != SW_WINDOWS - 1) {
            for (int j = 0; j < 5; j++) jac_dbl(r, r);
        }
        int d = dig[i];
        if (d != 0) {
            jac t;
            jac_copy(&t, &tab[d < 0 ? -d : d]);
            if (d < 0) fp_neg(&t.y, &t.y);
            jac_add_vartime(r, r, &t);
        }
    }
}

#if CURVE_GLV

#define GLV_WINDOWS 27

/* round(k g / 2^382) for a constant g < 2^256 (Glv.SHIFT). */
static inline void glv_round(u256 *c, const u256 *k, __constant const ulong *g) {
    ulong t[8];
    u256 gg;
    u256_from_const(&gg, g);
    u256_mul_wide(t, k, &gg);
    ulong rb = (t[5] >> 61) & 1ul;
    ulong c0 = (t[5] >> 62) | (t[6] << 2);
    ulong c1 = (t[6] >> 62) | (t[7] << 2);
    ulong c2 = t[7] >> 62;
    c->d[0] = c0 + rb;
    ulong k1 = c->d[0] < rb;
    c->d[1] = c1 + k1;
    c->d[2] = c2 + (c->d[1] < k1);
    c->d[3] = 0ul;
}

/*
 * k = (+-k1) + lambda (+-k2) mod n with k1, k2 below 2^134 (see Glv.java); neg1, neg2 say which are negated.
 * Returns 0 if a half came out larger than that, which the lattice bound rules out.
 */
static inline uint glv_split_vartime(u256 *k1, u256 *k2, uint *neg1, uint *neg2, const u256 *k) {
    u256 c1, c2, t, u;
    glv_round(&c1, k, glv_g1);
    glv_round(&c2, k, glv_g2);
    u256_from_const(&t, glv_k1_m);
    sc_mul_mont(&u, &c1, &t);
    u256_from_const(&t, glv_k2_m);
    sc_mul_mont(k2, &c2, &t);
    sc_add(k2, k2, &u);
    u256_from_const(&t, glv_lambda_m);
    sc_mul_mont(&u, k2, &t);
    sc_sub(k1, k, &u);
    u256_zero(&t);
    *neg1 = !u256_lt_const(k1, sc_half_n_plus1);
    if (*neg1) sc_sub(k1, &t, k1);
    *neg2 = !u256_lt_const(k2, sc_half_n_plus1);
    if (*neg2) sc_sub(k2, &t, k2);
    return (k1->d[3] | k2->d[3]) == 0ul && ((k1->d[2] | k2->d[2]) >> 6) == 0ul;
}

/* r = k * q with the endomorphism: two 134-bit halves in one signed 5-bit window loop (130 doublings). */
static inline uint msm_mul_glv_vartime(jac *r, const u256 *k, const u256 *qx, const u256 *qy) {
    u256 k1, k2;
    uint neg1, neg2;
    if (!glv_split_vartime(&k1, &k2, &neg1, &neg2, k)) return 0u;
    jac tab[17], tabl[17];
    u256_copy(&tab[1].x, qx);
    u256_copy(&tab[1].y, qy);
    fp_one(&tab[1].z);
    jac_dbl(&tab[2], &tab[1]);
    for (int j = 3; j < 17; j++) jac_madd_vartime(&tab[j], &tab[j - 1], qx, qy);
    u256 beta;
    fp_const(&beta, glv_beta);
    for (int j = 1; j < 17; j++) {
        fp_mul(&tabl[j].x, &tab[j].x, &beta);
        u256_copy(&tabl[j].y, &tab[j].y);
        u256_copy(&tabl[j].z, &tab[j].z);
    }
    char d1[GLV_WINDOWS], d2[GLV_WINDOWS];
    u256_recode_signed5(d1, &k1, GLV_WINDOWS);
    u256_recode_signed5(d2, &k2, GLV_WINDOWS);
    jac_set_inf(r);
    for (int i = GLV_WINDOWS - 1; i >= 0; i--) {
        if (i != GLV_WINDOWS - 1) {
            for (int j = 0; j < 5; j++) jac_dbl(r, r);
        }
        jac t;
        int d = d1[i];
        if (d != 0) {
            jac_copy(&t, &tab[d < 0 ? -d : d]);
            if ((d < 0) != neg1) fp_neg(&t.y, &t.y);
            jac_add_vartime(r, r, &t);
        }
        d = d2[i];
        if (d != 0) {
            jac_copy(&t, &tabl[d < 0 ? -d : d]);
            if ((d < 0) != neg2) fp_neg(&t.y, &t.y);
            jac_add_vartime(r, r, &t);
        }
    }
    return 1u;
}

#endif

/* r = u1 * G + u2 * Q. */
static inline void msm_double_vartime(jac *r, const u256 *u1, const u256 *u2, const u256 *qx, const u256 *qy,
        __global const uint *gtab) {
#if CURVE_GLV
    if (!msm_mul_glv_vartime(r, u2, qx, qy)) msm_mul_window_vartime(r, u2, qx, qy);
#else
    msm_mul_window_vartime(r, u2, qx, qy);
#endif
    msm_add_g_comb_vartime(r, u1, gtab);
}
