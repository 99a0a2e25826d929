package dev.sigil.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sigil.pkcs11.gen.CK_ATTRIBUTE;
import dev.sigil.pkcs11.gen.CK_C_INITIALIZE_ARGS;
import dev.sigil.pkcs11.gen.CK_FUNCTION_LIST;
import dev.sigil.pkcs11.gen.CK_INFO;
import dev.sigil.pkcs11.gen.CK_INTERFACE;
import dev.sigil.pkcs11.gen.CK_MECHANISM;
import dev.sigil.pkcs11.gen.CK_SESSION_INFO;
import dev.sigil.pkcs11.gen.CK_SLOT_INFO;
import dev.sigil.pkcs11.gen.CK_TOKEN_INFO;
import dev.sigil.pkcs11.gen.pkcs11_h;
import java.lang.foreign.MemoryLayout.PathElement;
import org.junit.jupiter.api.Test;

class BindingLayoutTest {

    @Test
    void structs_haveTheLp64SizesOfPkcs11h() {
        assertThat(CK_ATTRIBUTE.sizeof()).isEqualTo(24);
        assertThat(CK_MECHANISM.sizeof()).isEqualTo(24);
        assertThat(CK_INFO.sizeof()).isEqualTo(88);
        assertThat(CK_SLOT_INFO.sizeof()).isEqualTo(112);
        assertThat(CK_TOKEN_INFO.sizeof()).isEqualTo(208);
        assertThat(CK_SESSION_INFO.sizeof()).isEqualTo(32);
        assertThat(CK_C_INITIALIZE_ARGS.sizeof()).isEqualTo(48);
        assertThat(CK_INTERFACE.sizeof()).isEqualTo(24);
        assertThat(CK_FUNCTION_LIST.layout().byteSize()).isEqualTo(8 + 68 * 8);
    }

    @Test
    void functionList_keepsTheOrderOfPkcs11f() {
        var layout = CK_FUNCTION_LIST.layout();
        assertThat(layout.byteOffset(PathElement.groupElement("C_Initialize"))).isEqualTo(8);
        assertThat(layout.byteOffset(PathElement.groupElement("C_Login"))).isEqualTo(8 + 18 * 8);
        assertThat(layout.byteOffset(PathElement.groupElement("C_Sign"))).isEqualTo(8 + 43 * 8);
        assertThat(layout.byteOffset(PathElement.groupElement("C_GenerateKeyPair"))).isEqualTo(8 + 59 * 8);
        assertThat(layout.byteOffset(PathElement.groupElement("C_WaitForSlotEvent"))).isEqualTo(8 + 67 * 8);
    }

    @Test
    void tokenInfo_flagsFollowTheFourLabelFields() {
        assertThat(CK_TOKEN_INFO.layout().byteOffset(PathElement.groupElement("flags"))).isEqualTo(96);
        assertThat(CK_TOKEN_INFO.layout().byteOffset(PathElement.groupElement("utcTime"))).isEqualTo(188);
    }

    @Test
    void returnValues_carryTheirSymbolicNames() {
        assertThat(Pkcs11Exception.nameOf(pkcs11_h.CKR_PIN_INCORRECT())).isEqualTo("CKR_PIN_INCORRECT");
        assertThat(Pkcs11Exception.nameOf(0xB3)).isEqualTo("CKR_SESSION_HANDLE_INVALID");
        assertThat(Pkcs11Exception.nameOf(0x80000001L)).isEqualTo("CKR_VENDOR_DEFINED+0x80000001");
        assertThatThrownBy(() -> Pkcs11Exception.check(pkcs11_h.CKR_DEVICE_REMOVED(), "C_Sign"))
                .isInstanceOf(Pkcs11Exception.class)
                .hasMessage("C_Sign failed: CKR_DEVICE_REMOVED");
    }

    @Test
    void returnValues_areTyped_andUnlistedOnesAreUnknownWithTheirRawValue() {
        assertThat(ReturnValue.of(pkcs11_h.CKR_PIN_INCORRECT())).isEqualTo(ReturnValue.PIN_INCORRECT);
        assertThat(ReturnValue.of(0xB3)).isEqualTo(ReturnValue.SESSION_HANDLE_INVALID);
        for (ReturnValue v : ReturnValue.values()) {
            if (v != ReturnValue.UNKNOWN) {
                assertThat(Pkcs11Exception.nameOf(v.value())).isEqualTo("CKR_" + v.name());
            }
        }
        assertThatThrownBy(() -> Pkcs11Exception.check(0x80000001L, "C_Sign"))
                .isInstanceOfSatisfying(Pkcs11Exception.class, e -> {
                    assertThat(e.returnValue()).isEqualTo(ReturnValue.UNKNOWN);
                    assertThat(e.rv()).isEqualTo(0x80000001L);
                });
        assertThatThrownBy(() -> Pkcs11Exception.check(pkcs11_h.CKR_DEVICE_REMOVED(), "C_Sign"))
                .isInstanceOfSatisfying(Pkcs11Exception.class,
                        e -> assertThat(e.returnValue()).isEqualTo(ReturnValue.DEVICE_REMOVED));
    }

    @Test
    void check_ok_returnsNormally() {
        Pkcs11Exception.check(pkcs11_h.CKR_OK(), "C_Sign");
        assertThat(Pkcs11Exception.nameOf(pkcs11_h.CKR_OK())).isEqualTo("CKR_OK");
    }
}
