/*
 * scalar.cl: arithmetic modulo the group order n (ECDSA and SM2) or L (Ed25519). Plain values unless a name says
 * Montgomery; constants sc_n, SC_MINV, sc_r2, sc_one_m and sc_nm2 (n - 2) come from the generated curve header.
 */

/* Reduces a 256-bit value below 2n into [0, n). */
static inline void sc_reduce(u256 *r, const u256 *a) { mont_reduce_once(r, a, 0u, sc_n); }

static inline void sc_add(u256 *r, const u256 *a, const u256 *b) { mont_add(r, a, b, sc_n); }
static inline void sc_sub(u256 *r, const u256 *a, const u256 *b) { mont_sub(r, a, b, sc_n); }

/* r = a * b / 2^256 mod n: a plain times b Montgomery gives the plain product. */
static inline void sc_mul_mont(u256 *r, const u256 *a, const u256 *b) { mont_mul(r, a, b, sc_n, SC_MINV); }

/* The Montgomery form of a^-1 for a plain a in [1, n - 1] (Fermat: a^(n-2)). */
static inline void sc_inv_mont(u256 *r, const u256 *a) {
    u256 r2, am;
    u256_from_const(&r2, sc_r2);
    mont_mul(&am, a, &r2, sc_n, SC_MINV);
    mont_pow(r, &am, sc_nm2, sc_n, SC_MINV, sc_one_m);
}
