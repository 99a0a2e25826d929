/*
 * batchinv.cl: inversions shared by a work-group (Montgomery's trick). k values cost one inversion and 3 (k - 1)
 * multiplications instead of k inversions: prefix products c_j = a_0 ... a_j, one inversion of the last, then
 * backwards a_j^-1 = c_j^-1 c_(j-1) and c_(j-1)^-1 = c_j^-1 a_j.
 *
 * Scratch: the kernel's last argument, __local, 2 * get_local_size(0) u256 values that the host sizes:
 *   scratch[l]             the value of work-item l (its own, or 1 when it has none),
 *   scratch[size + l]      the prefix product up to l, then, after the walk, the inverse for work-item l.
 * The work-items are taken in runs of INV_RUN consecutive local ids; the first work-item of each run walks its run
 * serially between two barriers while the others wait. Runs keep the serial part short on GPUs and let a
 * work-group of any size (up to the device's limit) use the same code.
 *
 * A work-item that has no value to invert (an item already decided, a padding work-item past the batch) passes
 * ok = 0: it contributes 1, so it neither poisons the product with a zero nor changes the other inverses, and what
 * it gets back is meaningless. Every work-item of the group must call these functions (they hold barriers), with
 * the same scratch, the same number of times. Values must be nonzero when ok = 1. Variable-time in ok only.
 */

#ifndef INV_RUN
#define INV_RUN 64u
#endif

/* Field or scalar: the multiplication and inversion of the values' domain (internal field form, or Montgomery
 * form modulo n). */
static inline void binv_mul(uint field, u256 *r, const u256 *a, const u256 *b) {
    if (field) fp_mul(r, a, b); else mont_mul(r, a, b, sc_n, SC_MINV);
}

static inline void binv_inv(uint field, u256 *r, const u256 *a) {
    if (field) fp_pow(r, a, fp_pm2); else mont_pow(r, a, sc_nm2, sc_n, SC_MINV, sc_one_m);
}

/* Stores v (in the domain's form; the domain's one when !ok), runs the walk, returns this work-item's inverse. */
static inline void binv_run(uint field, u256 *r, const u256 *v, uint ok, __local u256 *scratch) {
    uint l = get_local_id(0);
    uint size = get_local_size(0);
    __local u256 *vals = scratch;
    __local u256 *pre = scratch + size;
    u256 t;
    if (ok) {
        u256_copy(&t, v);
    } else if (field) {
        fp_one(&t);
    } else {
        u256_from_const(&t, sc_one_m);
    }
    vals[l] = t;
    barrier(CLK_LOCAL_MEM_FENCE);
    if (l % INV_RUN == 0u) {
        uint end = min(l + INV_RUN, size);
        u256 acc = vals[l], x, y;
        pre[l] = acc;
        for (uint j = l + 1u; j < end; j++) {
            x = vals[j];
            binv_mul(field, &acc, &acc, &x);
            pre[j] = acc;
        }
        binv_inv(field, &acc, &acc);
        for (uint j = end - 1u; j > l; j--) {
            x = pre[j - 1u];
            binv_mul(field, &y, &acc, &x);
            x = vals[j];
            binv_mul(field, &acc, &acc, &x);
            pre[j] = y;
        }
        pre[l] = acc;
    }
    barrier(CLK_LOCAL_MEM_FENCE);
    *r = pre[l];
    /* the scratch may be reused by the next call once everyone has read its inverse */
    barrier(CLK_LOCAL_MEM_FENCE);
}

/* The Montgomery form of a^-1 mod n for a plain a in [1, n - 1], as sc_inv_mont gives it, shared by the group. */
static inline void sc_inv_mont_batch(u256 *r, const u256 *a, uint ok, __local u256 *scratch) {
    u256 r2, am;
    u256_from_const(&r2, sc_r2);
    if (ok) mont_mul(&am, a, &r2, sc_n, SC_MINV);
    binv_run(0u, r, &am, ok, scratch);
}

/* a^-1 in GF(p) for a nonzero a in internal form, as fp_pow(a, p - 2) gives it, shared by the group. */
static inline void fp_inv_batch(u256 *r, const u256 *a, uint ok, __local u256 *scratch) {
    binv_run(1u, r, a, ok, scratch);
}
