/*
 * A PKCS #11 module for tests that forwards every call to a real module (SoftHSM2) and can inject faults into
 * C_Login and C_GetTokenInfo. Built by the FaultyPkcs11 test fixture with gcc; never shipped.
 *
 *   -DTARGET_MODULE="\"/usr/lib/softhsm/libsofthsm2.so\""   the module calls are forwarded to
 *
 * Control, from the test through exported functions (the test JVM loads this library once, so the fixture and the
 * module under test share the state below):
 *   faulty_refuse_pin(rv, tries)  C_Login no longer reaches the real module and answers rv; when rv is
 *                                 CKR_PIN_INCORRECT the token behaves like one that locks the user PIN after
 *                                 `tries` wrong PINs (CKF_USER_PIN_COUNT_LOW after one, _FINAL_TRY before the last,
 *                                 _LOCKED and CKR_PIN_LOCKED after it); rv = 0 forwards C_Login again
 *   faulty_token_flags(set)       CK_TOKEN_INFO.flags |= set in every C_GetTokenInfo answer
 *   faulty_calls(index)           how many times function `index` of CK_FUNCTION_LIST was called (counted:
 *                                 C_GetSlotInfo, C_GetTokenInfo, C_GetSessionInfo, C_Login)
 *   faulty_reset()                back to plain forwarding, counters at zero
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

typedef unsigned long ck_ulong;
typedef ck_ulong ck_rv;

/* CK_FUNCTION_LIST of PKCS #11 v2.40: a CK_VERSION, then 68 function pointers in the standard order. */
#define FUNCTIONS 68
#define IDX_GET_FUNCTION_LIST 3
#define IDX_GET_SLOT_INFO 5
#define IDX_GET_TOKEN_INFO 6
#define IDX_GET_SESSION_INFO 15
#define IDX_LOGIN 18
struct function_list {
    unsigned char major, minor;
    void *fn[FUNCTIONS];
};

/* CK_TOKEN_INFO starts with label[32], manufacturerID[32], model[16], serialNumber[16], then CK_FLAGS flags. */
#define TOKEN_INFO_FLAGS_OFFSET 96
#define CKR_OK 0x0UL
#define CKR_GENERAL_ERROR 0x5UL
#define CKR_PIN_INCORRECT 0xA0UL
#define CKR_PIN_LOCKED 0xA4UL
#define CKF_USER_PIN_COUNT_LOW 0x10000UL
#define CKF_USER_PIN_FINAL_TRY 0x20000UL
#define CKF_USER_PIN_LOCKED 0x40000UL

typedef ck_rv (*get_function_list_fn)(struct function_list **);
typedef ck_rv (*info_fn)(ck_ulong, void *);
typedef ck_rv (*login_fn)(ck_ulong, ck_ulong, unsigned char *, ck_ulong);

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct function_list *real;
static struct function_list shim;
static unsigned long calls[FUNCTIONS];
static ck_rv refuse_rv;
static unsigned long tries_left;
static ck_ulong extra_flags;

static void count(int index) {
    pthread_mutex_lock(&lock);
    calls[index]++;
    pthread_mutex_unlock(&lock);
}

static ck_rv shim_login(ck_ulong session, ck_ulong user, unsigned char *pin, ck_ulong len) {
    count(IDX_LOGIN);
    pthread_mutex_lock(&lock);
    ck_rv rv = refuse_rv;
    if (rv == CKR_PIN_INCORRECT) {
        if (tries_left == 0) {
            rv = CKR_PIN_LOCKED;
        } else {
            tries_left--;
            extra_flags |= CKF_USER_PIN_COUNT_LOW;
            if (tries_left == 1) {
                extra_flags |= CKF_USER_PIN_FINAL_TRY;
            } else if (tries_left == 0) {
                extra_flags = (extra_flags & ~CKF_USER_PIN_FINAL_TRY) | CKF_USER_PIN_LOCKED;
            }
        }
    }
    pthread_mutex_unlock(&lock);
    if (rv != CKR_OK) {
        return rv;
    }
    return ((login_fn) real->fn[IDX_LOGIN])(session, user, pin, len);
}

static ck_rv shim_get_token_info(ck_ulong slot, void *info) {
    count(IDX_GET_TOKEN_INFO);
    ck_rv rv = ((info_fn) real->fn[IDX_GET_TOKEN_INFO])(slot, info);
    if (rv == CKR_OK) {
        pthread_mutex_lock(&lock);
        ck_ulong flags;
        memcpy(&flags, (unsigned char *) info + TOKEN_INFO_FLAGS_OFFSET, sizeof flags);
        flags |= extra_flags;
        memcpy((unsigned char *) info + TOKEN_INFO_FLAGS_OFFSET, &flags, sizeof flags);
        pthread_mutex_unlock(&lock);
    }
    return rv;
}

static ck_rv shim_get_slot_info(ck_ulong slot, void *info) {
    count(IDX_GET_SLOT_INFO);
    return ((info_fn) real->fn[IDX_GET_SLOT_INFO])(slot, info);
}

static ck_rv shim_get_session_info(ck_ulong session, void *info) {
    count(IDX_GET_SESSION_INFO);
    return ((info_fn) real->fn[IDX_GET_SESSION_INFO])(session, info);
}

ck_rv C_GetFunctionList(struct function_list **out) {
    if (out == NULL) {
        return CKR_GENERAL_ERROR;
    }
    pthread_mutex_lock(&lock);
    if (real == NULL) {
        void *target = dlopen(TARGET_MODULE, RTLD_NOW | RTLD_LOCAL);
        get_function_list_fn get = target == NULL ? NULL : (get_function_list_fn) dlsym(target, "C_GetFunctionList");
        if (get == NULL || get(&real) != CKR_OK || real == NULL) {
            fprintf(stderr, "faulty_pkcs11: cannot use %s\n", TARGET_MODULE);
            real = NULL;
            pthread_mutex_unlock(&lock);
            return CKR_GENERAL_ERROR;
        }
        memcpy(&shim, real, sizeof shim);
        shim.major = 2;
        shim.minor = 40;
        shim.fn[IDX_GET_FUNCTION_LIST] = (void *) C_GetFunctionList;
        shim.fn[IDX_GET_TOKEN_INFO] = (void *) shim_get_token_info;
        shim.fn[IDX_LOGIN] = (void *) shim_login;
        shim.fn[IDX_GET_SLOT_INFO] = (void *) shim_get_slot_info;
        shim.fn[IDX_GET_SESSION_INFO] = (void *) shim_get_session_info;
    }
    pthread_mutex_unlock(&lock);
    *out = &shim;
    return CKR_OK;
}

void faulty_refuse_pin(ck_rv rv, unsigned long tries) {
    pthread_mutex_lock(&lock);
    refuse_rv = rv;
    tries_left = tries;
    pthread_mutex_unlock(&lock);
}

void faulty_token_flags(ck_ulong set) {
    pthread_mutex_lock(&lock);
    extra_flags = set;
    pthread_mutex_unlock(&lock);
}

unsigned long faulty_calls(int index) {
    pthread_mutex_lock(&lock);
    unsigned long n = index >= 0 && index < FUNCTIONS ? calls[index] : 0;
    pthread_mutex_unlock(&lock);
    return n;
}

void faulty_reset(void) {
    pthread_mutex_lock(&lock);
    memset(calls, 0, sizeof calls);
    refuse_rv = CKR_OK;
    tries_left = 0;
    extra_flags = 0;
    pthread_mutex_unlock(&lock);
}
