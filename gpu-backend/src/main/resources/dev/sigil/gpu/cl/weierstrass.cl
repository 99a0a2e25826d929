/*
 * weierstrass.cl: points of y^2 = x^3 + ax + b in Jacobian coordinates (x = X/Z^2, y = Y/Z^3), Z = 0 for the
 * point at infinity. Doubling uses the a = 0 (secp256k1) or a = -3 (P-256, sm2p256v1) formula, chosen by
 * CURVE_A_IS_ZERO in the generated header. Additions handle the exceptional cases (infinity, P = Q, P = -Q) with
 * branches on the data, so they are variable-time and say so.
 */

typedef struct { u256 x, y, z; } jac;

static inline void jac_set_inf(jac *r) {
    fp_one(&r->x);
    fp_one(&r->y);
    u256_zero(&r->z);
}

static inline uint jac_is_inf(const jac *p) { return u256_is_zero(&p->z); }

static inline void jac_copy(jac *r, const jac *p) {
    u256_copy(&r->x, &p->x);
    u256_copy(&r->y, &p->y);
    u256_copy(&r->z, &p->z);
}

/* r = 2p; infinity doubles to infinity (Z stays 0). */
static inline void jac_dbl(jac *r, const jac *p) {
#if CURVE_A_IS_ZERO
    /* dbl-2009-l */
    u256 a, b, c, d, e, f, t;
    fp_sqr(&a, &p->x);
    fp_sqr(&b, &p->y);
    fp_sqr(&c, &b);
    fp_add(&t, &p->x, &b);
    fp_sqr(&t, &t);
    fp_sub(&t, &t, &a);
    fp_sub(&t, &t, &c);
    fp_dbl(&d, &t);
    fp_dbl(&e, &a);
    fp_add(&e, &e, &a);
    fp_sqr(&f, &e);
    fp_mul(&r->z, &p->y, &p->z);
    fp_dbl(&r->z, &r->z);
    fp_dbl(&t, &d);
    fp_sub(&r->x, &f, &t);
    fp_sub(&t, &d, &r->x);
    fp_mul(&t, &e, &t);
    fp_dbl(&c, &c);
    fp_dbl(&c, &c);
    fp_dbl(&c, &c);
    fp_sub(&r->y, &t, &c);
#else
    /* dbl-2001-b, a = -3 */
    u256 delta, gamma, beta, alpha, t, u;
    fp_sqr(&delta, &p->z);
    fp_sqr(&gamma, &p->y);
    fp_mul(&beta, &p->x, &gamma);
    fp_sub(&t, &p->x, &delta);
    fp_add(&u, &p->x, &delta);
    fp_mul(&t, &t, &u);
    fp_dbl(&alpha, &t);
    fp_add(&alpha, &alpha, &t);
    fp_add(&t, &p->y, &p->z);
    fp_sqr(&t, &t);
    fp_sub(&t, &t, &gamma);
    fp_sub(&r->z, &t, &delta);
    fp_dbl(&beta, &beta);
    fp_dbl(&beta, &beta);
    fp_sqr(&t, &alpha);
    fp_dbl(&u, &beta);
    fp_sub(&r->x, &t, &u);
    fp_sub(&t, &beta, &r->x);
    fp_mul(&t, &alpha, &t);
    fp_sqr(&gamma, &gamma);
    fp_dbl(&gamma, &gamma);
    fp_dbl(&gamma, &gamma);
    fp_dbl(&gamma, &gamma);
    fp_sub(&r->y, &t, &gamma);
#endif
}

/* The shared tail of both additions: X3 = rr^2 - J - 2V, Y3 = rr(V - X3) - 2 S1 J. */
static inline void jac_add_tail(jac *r, const u256 *rr, const u256 *j, const u256 *v, const u256 *s1) {
    u256 t, u;
    fp_sqr(&t, rr);
    fp_sub(&t, &t, j);
    fp_dbl(&u, v);
    fp_sub(&r->x, &t, &u);
    fp_sub(&t, v, &r->x);
    fp_mul(&t, rr, &t);
    fp_mul(&u, s1, j);
    fp_dbl(&u, &u);
    fp_sub(&r->y, &t, &u);
}

/* r = p + (x2, y2) for an affine point (madd-2007-bl). r may alias p. */
static inline void jac_madd_vartime(jac *r, const jac *p, const u256 *x2, const u256 *y2) {
    if (jac_is_inf(p)) {
        u256_copy(&r->x, x2);
        u256_copy(&r->y, y2);
        fp_one(&r->z);
        return;
    }
    u256 z1z1, u2, s2, h, hh, i, j, rr, v, t;
    fp_sqr(&z1z1, &p->z);
    fp_mul(&u2, x2, &z1z1);
    fp_mul(&s2, y2, &p->z);
    fp_mul(&s2, &s2, &z1z1);
    fp_sub(&h, &u2, &p->x);
    fp_sub(&rr, &s2, &p->y);
    if (u256_is_zero(&h)) {
        if (u256_is_zero(&rr)) {
            jac_dbl(r, p);
        } else {
            jac_set_inf(r);
        }
        return;
    }
    fp_dbl(&rr, &rr);
    fp_sqr(&hh, &h);
    fp_dbl(&i, &hh);
    fp_dbl(&i, &i);
    fp_mul(&j, &h, &i);
    fp_mul(&v, &p->x, &i);
    fp_add(&t, &p->z, &h);
    fp_sqr(&t, &t);
    fp_sub(&t, &t, &z1z1);
    fp_sub(&r->z, &t, &hh);
    u256 y1;
    u256_copy(&y1, &p->y);
    jac_add_tail(r, &rr, &j, &v, &y1);
}

/* r = p + q (add-2007-bl). r may alias p or q. */
static inline void jac_add_vartime(jac *r, const jac *p, const jac *q) {
    if (jac_is_inf(p)) { jac_copy(r, q); return; }
    if (jac_is_inf(q)) { jac_copy(r, p); return; }
    u256 z1z1, z2z2, u1, u2, s1, s2, h, i, j, rr, v, t;
    fp_sqr(&z1z1, &p->z);
    fp_sqr(&z2z2, &q->z);
    fp_mul(&u1, &p->x, &z2z2);
    fp_mul(&u2, &q->x, &z1z1);
    fp_mul(&s1, &p->y, &q->z);
    fp_mul(&s1, &s1, &z2z2);
    fp_mul(&s2, &q->y, &p->z);
    fp_mul(&s2, &s2, &z1z1);
    fp_sub(&h, &u2, &u1);
    fp_sub(&rr, &s2, &s1);
    if (u256_is_zero(&h)) {
        if (u256_is_zero(&rr)) {
            jac_dbl(r, p);
        } else {
            jac_set_inf(r);
        }
        return;
    }
    fp_dbl(&rr, &rr);
    fp_dbl(&i, &h);
    fp_sqr(&i, &i);
    fp_mul(&j, &h, &i);
    fp_mul(&v, &u1, &i);
    fp_add(&t, &p->z, &q->z);
    fp_sqr(&t, &t);
    fp_sub(&t, &t, &z1z1);
    fp_sub(&t, &t, &z2z2);
    fp_mul(&r->z, &t, &h);
    jac_add_tail(r, &rr, &j, &v, &s1);
}

/*
 * Decompresses x (Montgomery form) with the given parity of y: y = (x^3 + ax + b)^((p+1)/4), since p = 3 mod 4.
 * Returns 0 when x is not the abscissa of a point. Variable-time (branches on the result).
 */
static inline uint wpoint_decompress_vartime(u256 *y, const u256 *x, uint odd) {
    u256 alpha, t, a, b;
    fp_sqr(&alpha, x);
    fp_const(&a, curve_a_m);
    fp_add(&alpha, &alpha, &a);
    fp_mul(&alpha, &alpha, x);
    fp_const(&b, curve_b_m);
    fp_add(&alpha, &alpha, &b);
    fp_pow(y, &alpha, fp_sqrt_exp);
    fp_sqr(&t, y);
    if (!u256_eq(&t, &alpha)) return 0u;
    if (fp_is_odd(y) != odd) {
        if (u256_is_zero(y)) return 0u;
        fp_neg(y, y);
    }
    return 1u;
}
