package dev.sigil.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sigil.crypto.spi.SoftwareKeys;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.spi.BackendException;
import dev.sigil.crypto.spi.BackendKind;
import dev.sigil.crypto.spi.BackendProvider;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The backend's identity, its provider, and what it refuses. */
class OpenClBackendTest {

    @Test
    void provider_isFoundByServiceLoader_andAvailableWithADevice() {
        OpenClTestSupport.requireDevice();
        List<BackendProvider> found = ServiceLoader.load(BackendProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.id().equals("opencl")).toList();
        assertThat(found).hasSize(1);
        assertThat(found.getFirst().isAvailable(OpenClTestSupport.context())).isTrue();
    }

    @Test
    void backend_describesItsDevice_andVerifiesEverySchemeButNeverSigns() {
        OpenClBackend b = OpenClTestSupport.backend();
        assertThat(b.id()).isEqualTo("opencl");
        assertThat(b.kind()).isEqualTo(b.deviceTypes().stream().allMatch("cpu"::equals) ? BackendKind.CPU
                : BackendKind.GPU);
        assertThat(b.device()).isNotBlank();
        assertThat(b.isHealthy()).isTrue();
        assertThat(b.verifier().orElseThrow().verifiableSchemes()).containsExactlyInAnyOrder(Scheme.values());
        assertThat(b.signer()).isEmpty();
    }

    @Test
    void verify_batchWithNoPendingItem_returnsThePresetOutcomes() {
        VerifyBatch batch = VerifyBatch.builder(Scheme.ECDSA_P256, RuleSet.STANDARD)
                .addMalformed(dev.sigil.crypto.ProblemCode.MALFORMED_SIGNATURE, "not DER").build();
        Outcome[] out = OpenClTestSupport.backend().verify(batch);
        assertThat(out).containsExactly(batch.newOutcomes());
    }

    @Test
    void decode_unknownKernelResultCode_isADeviceFailureNotAnOutcome() {
        var key = SoftwareKeys.generate("decode", Scheme.ECDSA_P256);
        VerifyBatch batch = VerifyBatch.builder(Scheme.ECDSA_P256, RuleSet.STANDARD)
                .addEc((dev.sigil.crypto.EcPublicKey) key.publicKey(), new byte[32],
                        new dev.sigil.crypto.EcSignature(java.math.BigInteger.ONE, java.math.BigInteger.TWO))
                .build();
        Outcome[] out = batch.newOutcomes();
        assertThatThrownBy(() -> ResultDecoder.decode(batch, new int[] {0}, new byte[] {3}, out))
                .isInstanceOf(BackendException.DeviceFailure.class);
        assertThatThrownBy(() -> ResultDecoder.decode(batch, new int[] {0}, new byte[] {2}, out))
                .isInstanceOf(BackendException.DeviceFailure.class);
        assertThat(out[0]).isNull();
    }

    @Test
    void open_withNoDeviceOfTheWantedType_isUnavailable() {
        OpenClTestSupport.requireDevice();
        var present = Devices.find(Devices.DEFAULT_TYPES).stream().map(DeviceInfo::type).toList();
        var missing = Devices.DEFAULT_TYPES.stream().filter(t -> !present.contains(t)).findFirst();
        org.junit.jupiter.api.Assumptions.assumeTrue(missing.isPresent(), "every device type is present");
        String absent = missing.get();
        assertThatThrownBy(() -> OpenClBackend.open(OpenClTestSupport.context().withSettings(java.util.Map.of(
                "deviceTypes", absent, "cacheDir", OpenClTestSupport.cacheDir().toString()))))
                .isInstanceOf(BackendException.Unavailable.class).hasMessageContaining(absent);
    }

    @Test
    void devices_parseTypes_acceptsListsAndRejectsUnknownTypes() {
        assertThat(Devices.parseTypes("gpu, cpu")).containsExactly("gpu", "cpu");
        assertThat(Devices.parseTypes("[accelerator, GPU]")).containsExactly("accelerator", "gpu");
        assertThatThrownBy(() -> Devices.parseTypes("fpga")).isInstanceOf(IllegalArgumentException.class);
    }
}
