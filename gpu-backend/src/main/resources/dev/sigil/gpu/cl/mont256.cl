/*
 * mont256.cl: arithmetic on 256-bit integers modulo an odd modulus m < 2^256, in Montgomery form (R = 2^256).
 *
 * A value is eight 32-bit limbs, least significant first. Every function keeps its results fully reduced
 * (in [0, m)), so equality of residues is equality of limbs. The modulus and its constant
 * minv = -m^-1 mod 2^32 are passed in; the callers (field.cl, scalar.cl) pass compile-time constants, so the
 * compiler specialises each use. Nothing here branches on the values: these functions are constant-time.
 */

typedef struct { uint d[8]; } u256;

static inline void u256_copy(u256 *r, const u256 *a) {
    for (int j = 0; j < 8; j++) r->d[j] = a->d[j];
}

static inline void u256_from_const(u256 *r, __constant const uint *c) {
    for (int j = 0; j < 8; j++) r->d[j] = c[j];
}

static inline void u256_zero(u256 *r) {
    for (int j = 0; j < 8; j++) r->d[j] = 0u;
}

/* Loads the 256-bit value of item i from a limb-major column: limb j at col[j * stride + i]. */
static inline void u256_load(u256 *r, __global const uint *col, uint stride, uint i) {
    for (int j = 0; j < 8; j++) r->d[j] = col[j * stride + i];
}

static inline uint u256_is_zero(const u256 *a) {
    uint acc = 0u;
    for (int j = 0; j < 8; j++) acc |= a->d[j];
    return acc == 0u;
}

static inline uint u256_eq(const u256 *a, const u256 *b) {
    uint acc = 0u;
    for (int j = 0; j < 8; j++) acc |= a->d[j] ^ b->d[j];
    return acc == 0u;
}

/* r = a + b; returns the carry out. */
static inline uint u256_add(u256 *r, const u256 *a, const u256 *b) {
    ulong c = 0ul;
    for (int j = 0; j < 8; j++) {
        c += (ulong)a->d[j] + b->d[j];
        r->d[j] = (uint)c;
        c >>= 32;
    }
    return (uint)c;
}

/* r = a - m where m is a constant; returns the borrow out. */
static inline uint u256_sub_const(u256 *r, const u256 *a, __constant const uint *m) {
    long c = 0l;
    for (int j = 0; j < 8; j++) {
        c += (long)(ulong)a->d[j] - (long)(ulong)m[j];
        r->d[j] = (uint)c;
        c >>= 32;
    }
    return (uint)(c != 0l);
}

/* True when a < m (m a constant). */
static inline uint u256_lt_const(const u256 *a, __constant const uint *m) {
    u256 t;
    return u256_sub_const(&t, a, m);
}

/* r = (mask ? a : b) limb by limb, with mask all ones or zero. */
static inline void u256_select(u256 *r, uint mask, const u256 *a, const u256 *b) {
    for (int j = 0; j < 8; j++) r->d[j] = (a->d[j] & mask) | (b->d[j] & ~mask);
}

/* Reduces a value below 2m (given as 256 bits plus a carry) into [0, m). */
static inline void mont_reduce_once(u256 *r, const u256 *a, uint carry, __constant const uint *m) {
    u256 t;
    uint borrow = u256_sub_const(&t, a, m);
    uint keep_a = (carry == 0u) & (borrow != 0u);
    u256_select(r, 0u - keep_a, a, &t);
}

static inline void mont_add(u256 *r, const u256 *a, const u256 *b, __constant const uint *m) {
    u256 t;
    uint carry = u256_add(&t, a, b);
    mont_reduce_once(r, &t, carry, m);
}

static inline void mont_sub(u256 *r, const u256 *a, const u256 *b, __constant const uint *m) {
    long c = 0l;
    u256 t;
    for (int j = 0; j < 8; j++) {
        c += (long)(ulong)a->d[j] - (long)(ulong)b->d[j];
        t.d[j] = (uint)c;
        c >>= 32;
    }
    uint mask = 0u - (uint)(c != 0l);
    ulong k = 0ul;
    for (int j = 0; j < 8; j++) {
        k += (ulong)t.d[j] + (m[j] & mask);
        r->d[j] = (uint)k;
        k >>= 32;
    }
}

static inline void mont_neg(u256 *r, const u256 *a, __constant const uint *m) {
    u256 z;
    u256_zero(&z);
    mont_sub(r, &z, a, m);
}

/* r = a * b / 2^256 mod m (coarsely integrated operand scanning). a < 2^256 and b < m give r < m. */
static inline void mont_mul(u256 *r, const u256 *a, const u256 *b, __constant const uint *m, uint minv) {
    uint t[10];
    for (int j = 0; j < 10; j++) t[j] = 0u;
    for (int i = 0; i < 8; i++) {
        ulong c = 0ul;
        uint bi = b->d[i];
        for (int j = 0; j < 8; j++) {
            c += (ulong)t[j] + (ulong)a->d[j] * bi;
            t[j] = (uint)c;
            c >>= 32;
        }
        c += t[8];
        t[8] = (uint)c;
        t[9] = (uint)(c >> 32);
        uint u = t[0] * minv;
        c = ((ulong)t[0] + (ulong)u * m[0]) >> 32;
        for (int j = 1; j < 8; j++) {
            c += (ulong)t[j] + (ulong)u * m[j];
            t[j - 1] = (uint)c;
            c >>= 32;
        }
        c += t[8];
        t[7] = (uint)c;
        t[8] = t[9] + (uint)(c >> 32);
    }
    u256 lo;
    for (int j = 0; j < 8; j++) lo.d[j] = t[j];
    mont_reduce_once(r, &lo, t[8], m);
}

/* 4-bit digit i of a little-endian 256-bit value. */
static inline uint u256_digit4(const u256 *k, int i) {
    return (k->d[i >> 3] >> ((i & 7) * 4)) & 15u;
}

/*
 * r = a^e (Montgomery form in and out) for a public constant exponent e, with a fixed 4-bit window.
 * one is R mod m. The exponent is public, so the digit pattern it reveals is not secret.
 */
static inline void mont_pow(u256 *r, const u256 *a, __constant const uint *e, __constant const uint *m, uint minv,
        __constant const uint *one) {
    u256 tab[16];
    u256_from_const(&tab[0], one);
    u256_copy(&tab[1], a);
    for (int j = 2; j < 16; j++) mont_mul(&tab[j], &tab[j - 1], a, m, minv);
    u256 acc;
    u256_from_const(&acc, one);
    for (int i = 63; i >= 0; i--) {
        for (int k = 0; k < 4; k++) mont_mul(&acc, &acc, &acc, m, minv);
        uint dgt = (e[i >> 3] >> ((i & 7) * 4)) & 15u;
        mont_mul(&acc, &acc, &tab[dgt], m, minv);
    }
    u256_copy(r, &acc);
}
