/*
 * msm.cl: u1*G + u2*Q on a short Weierstrass curve.
 *
 * G uses a precomputed comb table in global memory: entry (i, d) = d * 2^(COMB_BITS i) * G for i in
 * [0, COMB_WINDOWS), d in [1, COMB_ENTRIES], affine in the field's internal form, 16 words (x then y) per entry.
 * u1*G is then COMB_WINDOWS mixed additions and no doubling.
 * Q uses a signed 5-bit window over 16 Jacobian multiples: 255 doublings and 52 additions. Variable-time: the
 * digits choose table entries and zero digits skip their addition.
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
    u256_recode_signed5(dig, k);
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

/* r = u1 * G + u2 * Q. */
static inline void msm_double_vartime(jac *r, const u256 *u1, const u256 *u2, const u256 *qx, const u256 *qy,
        __global const uint *gtab) {
    msm_mul_window_vartime(r, u2, qx, qy);
    msm_add_g_comb_vartime(r, u1, gtab);
}
