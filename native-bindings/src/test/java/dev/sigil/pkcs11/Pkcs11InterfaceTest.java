package dev.sigil.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sigil.pkcs11.testing.SoftHsm;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The v3.0 entry point: OpenSC's module (installed with pkcs11-tool) exports {@code C_GetInterface}, so its function
 * list is reached that way and reports version 3.x; SoftHSM2 2.6 has only {@code C_GetFunctionList} (2.40).
 */
class Pkcs11InterfaceTest {

    private static Path openScModule() {
        String triplet = System.getProperty("os.arch").equals("aarch64") ? "aarch64-linux-gnu" : "x86_64-linux-gnu";
        Path module = Path.of("/usr/lib", triplet, "opensc-pkcs11.so");
        SoftHsm.require(Files.isReadable(module), module + " is missing (apt-get install opensc)");
        return module;
    }

    @Test
    void open_moduleWithCGetInterface_usesTheV3FunctionList() {
        try (Pkcs11Module m = Pkcs11Module.open(openScModule())) {
            assertThat(m.info().functionListMajor()).isEqualTo(3);
            assertThat(m.info().cryptokiMajor()).isEqualTo(3);
            assertThat(m.info().manufacturerId()).containsIgnoringCase("OpenSC");
            assertThat(m.slots(false)).doesNotContainNull();
        }
    }

    @Test
    void objects_usedAfterTheModuleIsClosed_failWithoutCallingIntoTheUnloadedLibrary() {
        Pkcs11Module m = Pkcs11Module.open(SoftHsm.get().library());
        Pkcs11Objects objects = m.objects();
        m.close();
        m.close();
        assertThatThrownBy(() -> objects.find(new SessionHandle(1), java.util.List.of()))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> m.slots(true)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void open_softHsm_usesTheV240FunctionList() {
        try (Pkcs11Module m = Pkcs11Module.open(SoftHsm.get().library())) {
            assertThat(m.info().functionListMajor()).isEqualTo(2);
            assertThat(m.info().functionListMinor()).isEqualTo(40);
        }
    }
}
