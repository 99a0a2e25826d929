/*
 * mont256.cl: arithmetic on 256-bit integers modulo an odd modulus m < 2^256, in Montgomery form (R = 2^256).
 *
 * A value is four 64-bit limbs, least significant first; products use mul_hi, which is one instruction on 64-bit
 * CPUs and a short sequence of 32-bit multiplies on GPUs. Every function keeps its results fully reduced (in
 * [0, m)), so equality of residues is equality of limbs. The modulus (four limbs) and minv = -m^-1 mod 2^64 are
 * passed in; the callers (field.cl, scalar.cl) pass compile-time constants, so the compiler specialises each use.
 * Nothing here branches on the values: these functions are constant-time.
 */

typedef struct { ulong d[4]; } u256;

static inline void u256_copy(u256 *r, const u256 *a) {
    for (int j = 0; j < 4; j++) r->d[j] = a->d[j];
}

static inline void u256_from_const(u256 *r, __constant const ulong *c) {
    for (int j = 0; j < 4; j++) r->d[j] = c[j];
}

static inline void u256_zero(u256 *r) {
    for (int j = 0; j < 4; j++) r->d[j] = 0ul;
}

/* Loads the value of item i from a limb-major column of 32-bit words: word j at col[j * stride + i]. */
static inline void u256_load(u256 *r, __global const uint *col, uint stride, uint i) {
    for (int j = 0; j < 4; j++) {
        r->d[j] = (ulong)col[(2 * j) * stride + i] | ((ulong)col[(2 * j + 1) * stride + i] << 32);
    }
}

/* Loads a value stored as eight consecutive little-endian 32-bit words. */
static inline void u256_load_words(u256 *r, __global const uint *w) {
    for (int j = 0; j < 4; j++) r->d[j] = (ulong)w[2 * j] | ((ulong)w[2 * j + 1] << 32);
}

static inline uint u256_is_zero(const u256 *a) {
    return (a->d[0] | a->d[1] | a->d[2] | a->d[3]) == 0ul;
}

static inline uint u256_eq(const u256 *a, const u256 *b) {
    return ((a->d[0] ^ b->d[0]) | (a->d[1] ^ b->d[1]) | (a->d[2] ^ b->d[2]) | (a->d[3] ^ b->d[3])) == 0ul;
}

/* r = a + b; returns the carry out. */
static inline ulong u256_add(u256 *r, const u256 *a, const u256 *b) {
    ulong c = 0ul;
    for (int j = 0; j < 4; j++) {
        ulong s = a->d[j] + c;
        ulong c1 = s < c;
        ulong t = s + b->d[j];
        c = c1 | (t < s);
        r->d[j] = t;
    }
    return c;
}

/* r = a - b; returns the borrow out. */
static inline ulong u256_sub(u256 *r, const u256 *a, const u256 *b) {
    ulong br = 0ul;
    for (int j = 0; j < 4; j++) {
        ulong x = a->d[j];
        ulong t = x - b->d[j];
        ulong b1 = x < b->d[j];
        ulong t2 = t - br;
        br = b1 | (t < br);
        r->d[j] = t2;
    }
    return br;
}

/* r = a - m where m is a constant; returns the borrow out. */
static inline ulong u256_sub_const(u256 *r, const u256 *a, __constant const ulong *m) {
    u256 mm;
    u256_from_const(&mm, m);
    return u256_sub(r, a, &mm);
}

/* True when a < m (m a constant). */
static inline uint u256_lt_const(const u256 *a, __constant const ulong *m) {
    u256 t;
    return u256_sub_const(&t, a, m) != 0ul;
}

/* r = (mask ? a : b) limb by limb, with mask all ones or zero. */
static inline void u256_select(u256 *r, ulong mask, const u256 *a, const u256 *b) {
    for (int j = 0; j < 4; j++) r->d[j] = (a->d[j] & mask) | (b->d[j] & ~mask);
}

/* Reduces a value below 2m (given as 256 bits plus a carry) into [0, m). */
static inline void mont_reduce_once(u256 *r, const u256 *a, ulong carry, __constant const ulong *m) {
    u256 t;
    ulong borrow = u256_sub_const(&t, a, m);
    ulong keep_a = (carry == 0ul) & (borrow != 0ul);
    u256_select(r, 0ul - keep_a, a, &t);
}

static inline void mont_add(u256 *r, const u256 *a, const u256 *b, __constant const ulong *m) {
    u256 t;
    ulong carry = u256_add(&t, a, b);
    mont_reduce_once(r, &t, carry, m);
}

static inline void mont_sub(u256 *r, const u256 *a, const u256 *b, __constant const ulong *m) {
    u256 t, mm;
    ulong borrow = u256_sub(&t, a, b);
    ulong mask = 0ul - borrow;
    for (int j = 0; j < 4; j++) mm.d[j] = m[j] & mask;
    u256_add(r, &t, &mm);
}

static inline void mont_neg(u256 *r, const u256 *a, __constant const ulong *m) {
    u256 z;
    u256_zero(&z);
    mont_sub(r, &z, a, m);
}

/*
 * (hi, lo) = a * b + c + d, which never overflows 128 bits. On CPU devices (the host defines SIGIL_USE_INT128 for
 * them) a 128-bit integer makes the product one machine multiply, where the library's mul_hi would take four;
 * elsewhere mul_hi, native on GPUs.
 */
#if defined(SIGIL_USE_INT128) && defined(__SIZEOF_INT128__)
#define MAC2(hi, lo, a, b, c, d) do {                                               \
        unsigned __int128 _p = (unsigned __int128)(a) * (b) + (c) + (d);           \
        (lo) = (ulong)_p; (hi) = (ulong)(_p >> 64);                                 \
    } while (0)
#else
#define MAC2(hi, lo, a, b, c, d) do {                  \
        ulong _lo = (a) * (b);                          \
        ulong _hi = mul_hi((a), (b));                   \
        _lo += (c); _hi += (_lo < (c));                 \
        _lo += (d); _hi += (_lo < (d));                 \
        (lo) = _lo; (hi) = _hi;                         \
    } while (0)
#endif

/* r = a * b / 2^256 mod m (coarsely integrated operand scanning). a < 2^256 and b < m give r < m. */
static inline void mont_mul(u256 *r, const u256 *a, const u256 *b, __constant const ulong *m, ulong minv) {
    ulong t0 = 0ul, t1 = 0ul, t2 = 0ul, t3 = 0ul, t4 = 0ul, t5;
    for (int i = 0; i < 4; i++) {
        ulong bi = b->d[i];
        ulong c;
        MAC2(c, t0, a->d[0], bi, t0, 0ul);
        MAC2(c, t1, a->d[1], bi, t1, c);
        MAC2(c, t2, a->d[2], bi, t2, c);
        MAC2(c, t3, a->d[3], bi, t3, c);
        t4 += c;
        t5 = t4 < c;
        ulong u = t0 * minv;
        ulong lo;
        MAC2(c, lo, u, m[0], t0, 0ul);
        MAC2(c, t0, u, m[1], t1, c);
        MAC2(c, t1, u, m[2], t2, c);
        MAC2(c, t2, u, m[3], t3, c);
        t3 = t4 + c;
        t4 = t5 + (t3 < c);
    }
    u256 lo4;
    lo4.d[0] = t0;
    lo4.d[1] = t1;
    lo4.d[2] = t2;
    lo4.d[3] = t3;
    mont_reduce_once(r, &lo4, t4, m);
}

/* The 512-bit schoolbook product a * b into t[0..7]. */
static inline void u256_mul_wide(ulong *t, const u256 *a, const u256 *b) {
    ulong c;
    MAC2(c, t[0], a->d[0], b->d[0], 0ul, 0ul);
    MAC2(c, t[1], a->d[1], b->d[0], 0ul, c);
    MAC2(c, t[2], a->d[2], b->d[0], 0ul, c);
    MAC2(c, t[3], a->d[3], b->d[0], 0ul, c);
    t[4] = c;
    for (int i = 1; i < 4; i++) {
        ulong bi = b->d[i];
        MAC2(c, t[i], a->d[0], bi, t[i], 0ul);
        MAC2(c, t[i + 1], a->d[1], bi, t[i + 1], c);
        MAC2(c, t[i + 2], a->d[2], bi, t[i + 2], c);
        MAC2(c, t[i + 3], a->d[3], bi, t[i + 3], c);
        t[i + 4] = c;
    }
}

/* 4-bit digit i of a little-endian 256-bit value. */
static inline uint u256_digit4(const u256 *k, int i) {
    return (uint)(k->d[i >> 4] >> ((i & 15) * 4)) & 15u;
}

#define SW_WINDOWS 52

/*
 * Recodes k < 2^(5 windows - 1) into signed 5-bit digits in [-15, 16] with k = sum dig[i] 32^i, so a window
 * table needs only the multiples 1..16 (negating a point is free).
 */
static inline void u256_recode_signed5(char *dig, const u256 *k, int windows) {
    uint carry = 0u;
    for (int i = 0; i < windows; i++) {
        int bit = 5 * i;
        int limb = bit >> 6;
        int off = bit & 63;
        ulong v = k->d[limb] >> off;
        if (off > 59 && limb < 3) v |= k->d[limb + 1] << (64 - off);
        uint w = (uint)(v & 31ul) + carry;
        carry = w > 16u;
        dig[i] = (char)((int)w - (int)(carry << 5));
    }
}

/* Digit i of COMB_BITS bits (a divisor of 64) of a little-endian 256-bit value. */
static inline uint u256_comb_digit(const u256 *k, int i) {
    return (uint)(k->d[i / (64 / COMB_BITS)] >> ((i % (64 / COMB_BITS)) * COMB_BITS)) & COMB_ENTRIES;
}

/*
 * r = a^e (Montgomery form in and out) for a public constant exponent e, with a fixed 4-bit window.
 * one is R mod m. The exponent is public, so the digit pattern it reveals is not secret.
 */
static inline void mont_pow(u256 *r, const u256 *a, __constant const ulong *e, __constant const ulong *m, ulong minv,
        __constant const ulong *one) {
    u256 tab[16];
    u256_from_const(&tab[0], one);
    u256_copy(&tab[1], a);
    for (int j = 2; j < 16; j++) mont_mul(&tab[j], &tab[j - 1], a, m, minv);
    u256 acc;
    u256_copy(&acc, &tab[(uint)(e[3] >> 60) & 15u]);
    for (int i = 62; i >= 0; i--) {
        for (int k = 0; k < 4; k++) mont_mul(&acc, &acc, &acc, m, minv);
        uint dgt = (uint)(e[i >> 4] >> ((i & 15) * 4)) & 15u;
        mont_mul(&acc, &acc, &tab[dgt], m, minv);
    }
    u256_copy(r, &acc);
}
