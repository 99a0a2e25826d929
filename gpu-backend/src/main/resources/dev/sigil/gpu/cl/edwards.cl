/*
 * edwards.cl: points of edwards25519 (-x^2 + y^2 = 1 + d x^2 y^2) in extended coordinates (X : Y : Z : T) with
 * x = X/Z, y = Y/Z, xy = T/Z (Hisil-Wong-Carter-Dawson). The addition formulas are complete on this curve, so
 * nothing here branches on the data. Precomputed forms: niels (y+x, y-x, 2dxy) for affine table points and
 * cached (Y+X, Y-X, 2dT, 2Z) for projective ones. Constants ed_d2_m (2d) and ed_sqrtm1_m come from the header.
 */

typedef struct { u256 x, y, z, t; } ext;
typedef struct { u256 ypx, ymx, t2d; } niels;
typedef struct { u256 ypx, ymx, t2d, z2; } cached;

static inline void ext_set_identity(ext *r) {
    u256_zero(&r->x);
    fp_one(&r->y);
    fp_one(&r->z);
    u256_zero(&r->t);
}

/* r = 2p (dbl-2008-hwcd, a = -1). Doubling never reads T; with_t = 0 skips computing it (3M + 4S). */
static inline void ext_dbl_t(ext *r, const ext *p, uint with_t) {
    u256 a, b, c, e, g, f, h;
    fp_sqr(&a, &p->x);
    fp_sqr(&b, &p->y);
    fp_sqr(&c, &p->z);
    fp_dbl(&c, &c);
    fp_add(&e, &p->x, &p->y);
    fp_sqr(&e, &e);
    fp_sub(&e, &e, &a);
    fp_sub(&e, &e, &b);
    fp_sub(&g, &b, &a);
    fp_sub(&f, &g, &c);
    fp_add(&h, &a, &b);
    fp_neg(&h, &h);
    fp_mul(&r->x, &e, &f);
    fp_mul(&r->y, &g, &h);
    if (with_t) fp_mul(&r->t, &e, &h);
    fp_mul(&r->z, &f, &g);
}

static inline void ext_dbl(ext *r, const ext *p) { ext_dbl_t(r, p, 1u); }

/* The shared tail of the additions, from A = (Y1-X1)(y2-x2), B = (Y1+X1)(y2+x2), C = T1 2d t2, D = 2 Z1 z2. */
static inline void ext_add_tail(ext *r, const u256 *a, const u256 *b, const u256 *c, const u256 *d) {
    u256 e, f, g, h;
    fp_sub(&e, b, a);
    fp_sub(&f, d, c);
    fp_add(&g, d, c);
    fp_add(&h, b, a);
    fp_mul(&r->x, &e, &f);
    fp_mul(&r->y, &g, &h);
    fp_mul(&r->t, &e, &h);
    fp_mul(&r->z, &f, &g);
}

/* r = p + q for a cached q (add-2008-hwcd-3). r may alias p. */
static inline void ext_add_cached(ext *r, const ext *p, const cached *q) {
    u256 a, b, c, d, t;
    fp_sub(&t, &p->y, &p->x);
    fp_mul(&a, &t, &q->ymx);
    fp_add(&t, &p->y, &p->x);
    fp_mul(&b, &t, &q->ypx);
    fp_mul(&c, &p->t, &q->t2d);
    fp_mul(&d, &p->z, &q->z2);
    ext_add_tail(r, &a, &b, &c, &d);
}

/* r = p + q for an affine niels q. r may alias p. */
static inline void ext_add_niels(ext *r, const ext *p, const niels *q) {
    u256 a, b, c, d, t;
    fp_sub(&t, &p->y, &p->x);
    fp_mul(&a, &t, &q->ymx);
    fp_add(&t, &p->y, &p->x);
    fp_mul(&b, &t, &q->ypx);
    fp_mul(&c, &p->t, &q->t2d);
    fp_dbl(&d, &p->z);
    ext_add_tail(r, &a, &b, &c, &d);
}

static inline void ext_to_cached(cached *r, const ext *p) {
    u256 d2;
    fp_add(&r->ypx, &p->y, &p->x);
    fp_sub(&r->ymx, &p->y, &p->x);
    fp_const(&d2, ed_d2_m);
    fp_mul(&r->t2d, &p->t, &d2);
    fp_dbl(&r->z2, &p->z);
}

/* r = q, or -q when neg: -(X, Y, Z, T) = (-X, Y, Z, -T) swaps Y+X and Y-X and negates 2dT. */
static inline void cached_copy_signed(cached *r, const cached *q, uint neg) {
    if (neg) {
        u256_copy(&r->ypx, &q->ymx);
        u256_copy(&r->ymx, &q->ypx);
        fp_neg(&r->t2d, &q->t2d);
    } else {
        u256_copy(&r->ypx, &q->ypx);
        u256_copy(&r->ymx, &q->ymx);
        u256_copy(&r->t2d, &q->t2d);
    }
    u256_copy(&r->z2, &q->z2);
}

/* True for the neutral element (0 : Z : Z). */
static inline uint ext_is_identity(const ext *p) {
    return u256_is_zero(&p->x) & u256_eq(&p->y, &p->z);
}

/*
 * Decodes 32 bytes (given as a little-endian value, y canonical) to the NEGATED point, as Bouncy Castle's
 * decodePointVar(p, true, r) does: x = sqrt((y^2 - 1) / (d y^2 + 1)) with the sign bit's parity, then -x.
 * Returns 0 when the bytes are not a point. Variable-time.
 */
static inline uint ext_decode_negated_vartime(ext *r, const u256 *enc) {
    u256 y, u, v, v3, t, x, chk, dd;
    uint x0 = (uint)(enc->d[3] >> 63);
    u256_copy(&t, enc);
    t.d[3] &= 0x7ffffffffffffffful;
    fp_from_plain(&y, &t);
    fp_sqr(&u, &y);
    fp_const(&dd, ed_d_m);
    fp_mul(&v, &u, &dd);
    fp_one(&t);
    fp_sub(&u, &u, &t);
    fp_add(&v, &v, &t);
    /* x = u v^3 (u v^7)^((p-5)/8) */
    fp_sqr(&v3, &v);
    fp_mul(&v3, &v3, &v);
    fp_sqr(&t, &v3);
    fp_mul(&t, &t, &v);
    fp_mul(&t, &t, &u);
    fp_pow(&t, &t, ed_pm5d8);
    fp_mul(&x, &t, &v3);
    fp_mul(&x, &x, &u);
    fp_sqr(&chk, &x);
    fp_mul(&chk, &chk, &v);
    if (!u256_eq(&chk, &u)) {
        fp_neg(&t, &u);
        if (!u256_eq(&chk, &t)) return 0u;
        fp_const(&t, ed_sqrtm1_m);
        fp_mul(&x, &x, &t);
    }
    if (u256_is_zero(&x) && x0 == 1u) return 0u;
    if (fp_is_odd(&x) == x0) fp_neg(&x, &x);
    u256_copy(&r->x, &x);
    u256_copy(&r->y, &y);
    fp_one(&r->z);
    fp_mul(&r->t, &x, &y);
    return 1u;
}
