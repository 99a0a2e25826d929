package dev.sigil.hsm;

import dev.sigil.pkcs11.Pkcs11Exception;
import dev.sigil.pkcs11.TokenInfo;
import java.util.Optional;

/**
 * When the session pool may offer the PIN to the token. A token counts wrong PINs and locks the user PIN after a few
 * (which disables every key in it), so Sigil offers a PIN at most once per operator action:
 * <ul>
 *   <li>the token's PIN flags ({@code C_GetTokenInfo}) are read before every login; with
 *       {@code CKF_USER_PIN_LOCKED} or {@code CKF_USER_PIN_FINAL_TRY} no login is attempted at all;</li>
 *   <li>a login Sigil starts by itself (after the sessions were lost) is also not attempted under
 *       {@code CKF_USER_PIN_COUNT_LOW} (a wrong PIN was entered since the last good one): on a token that does not
 *       report the final try, that is the only warning there is;</li>
 *   <li>a PIN the token refused ({@code CKR_PIN_INCORRECT}, {@code CKR_PIN_LOCKED}, {@code CKR_PIN_EXPIRED}, ... any
 *       answer to {@code C_Login} but success and a lost session) is never offered again automatically: the backend
 *       stays unhealthy with the reason until an operator restarts Sigil or calls {@link HsmBackend#relogin()}.</li>
 * </ul>
 * Health checks never log in.
 */
final class LoginPolicy {
    /** What an operator does to let Sigil log in again. */
    static final String OPERATOR_ACTION = "Sigil does not offer the PIN again by itself: fix the cause, then restart "
            + "Sigil or ask it to log in again (HSM re-login)";

    private LoginPolicy() {
    }

    /**
     * Why no login may be attempted with the token in this state, or empty when one may.
     *
     * @param automatic true for a login Sigil starts by itself, false for one an operator asked for (start, re-login)
     */
    static Optional<String> refusal(TokenInfo token, boolean automatic) {
        if (token.userPinLocked()) {
            return Optional.of("the user PIN of the token is locked (CKF_USER_PIN_LOCKED): the security officer must "
                    + "unlock it");
        }
        if (token.userPinFinalTry()) {
            return Optional.of("one more wrong PIN would lock the user PIN of the token (CKF_USER_PIN_FINAL_TRY): no "
                    + "login attempted; check the PIN, and log in once by hand to reset the counter");
        }
        if (automatic && token.userPinCountLow()) {
            return Optional.of("a wrong PIN was entered on the token since the last login (CKF_USER_PIN_COUNT_LOW): "
                    + "no automatic login attempted");
        }
        return Optional.empty();
    }

    /**
     * True when {@code C_Login} failed in a way the token may have counted as a wrong PIN: anything but a session
     * or token that was gone before the PIN reached it.
     */
    static boolean counted(Pkcs11Exception e) {
        return !Failures.sessionLost(e);
    }
}
