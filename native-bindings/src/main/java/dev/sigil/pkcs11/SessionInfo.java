package dev.sigil.pkcs11;

import static dev.sigil.pkcs11.gen.pkcs11_h.CKS_RO_USER_FUNCTIONS;
import static dev.sigil.pkcs11.gen.pkcs11_h.CKS_RW_USER_FUNCTIONS;

/** What {@code C_GetSessionInfo} says about a session. */
public record SessionInfo(SlotId slot, long state, long flags, long deviceError) {

    /** True when the normal user is logged in on this session's application. */
    public boolean userLoggedIn() {
        return state == CKS_RO_USER_FUNCTIONS() || state == CKS_RW_USER_FUNCTIONS();
    }
}
