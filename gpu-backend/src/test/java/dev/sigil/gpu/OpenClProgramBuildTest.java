package dev.sigil.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jocl.CL.clCreateContext;
import static org.jocl.CL.clReleaseContext;
import static org.jocl.CL.clReleaseProgram;

import dev.sigil.crypto.Scheme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jocl.cl_context;
import org.jocl.cl_device_id;
import org.jocl.cl_program;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Program building: failures carry the compiler's log; successful builds are cached on disk and reused. */
class OpenClProgramBuildTest {

    private static DeviceInfo firstDevice() {
        OpenClTestSupport.requireDevice();
        List<DeviceInfo> devices = Devices.find(Devices.DEFAULT_TYPES);
        assertThat(devices).isNotEmpty();
        return devices.getFirst();
    }

    @Test
    void resultCodes_areDefinedOnce_inTheGeneratedHeader() {
        for (Scheme scheme : Scheme.values()) {
            String program = KernelSources.program(scheme);
            assertThat(KernelConstants.header(scheme)).contains("#define RESULT_VALID " + ResultDecoder.VALID + "\n",
                    "#define RESULT_INVALID " + ResultDecoder.INVALID + "\n",
                    "#define RESULT_TORSION " + ResultDecoder.TORSION + "\n",
                    "#define RESULT_DEVICE_ERROR " + ResultDecoder.DEVICE_ERROR + "\n");
            assertThat(program.split("#define RESULT_VALID ", -1)).as(scheme.toString()).hasSize(2);
        }
    }

    @Test
    void build_sourceThatDoesNotCompile_throwsWithTheBuildLog(@TempDir Path cache) {
        DeviceInfo device = firstDevice();
        cl_context context = clCreateContext(null, 1, new cl_device_id[] {device.id()}, null, null, null);
        try {
            String broken = KernelSources.program(Scheme.ECDSA_P256)
                    + "\n__kernel void broken(__global uint *o) { o[0] = undeclared_identifier_sigil; }\n";
            assertThatThrownBy(() -> new ProgramBuilder(cache).build(context, device, broken, KernelSources.OPTIONS))
                    .isInstanceOf(KernelBuildException.class)
                    .hasMessageContaining(device.name())
                    .satisfies(e -> assertThat(((KernelBuildException) e).buildLog())
                            .contains("undeclared_identifier_sigil"));
        } finally {
            clReleaseContext(context);
        }
    }

    @Test
    void build_twice_storesTheBinaryOnceAndLoadsItTheSecondTime(@TempDir Path cache) throws IOException {
        DeviceInfo device = firstDevice();
        cl_context context = clCreateContext(null, 1, new cl_device_id[] {device.id()}, null, null, null);
        try {
            String source = "__kernel void twice(__global uint *o) { o[get_global_id(0)] = 7u; }\n";
            ProgramBuilder builder = new ProgramBuilder(cache);
            clReleaseProgram(builder.build(context, device, source, KernelSources.OPTIONS));
            List<Path> stored;
            try (var files = Files.list(cache)) {
                stored = files.toList();
            }
            assertThat(stored).hasSize(1);
            assertThat(stored.getFirst().getFileName().toString())
                    .isEqualTo(ProgramBuilder.cacheKey(device, source, KernelSources.OPTIONS) + ".bin");
            long modified = Files.getLastModifiedTime(stored.getFirst()).toMillis();
            cl_program again = builder.build(context, device, source, KernelSources.OPTIONS);
            clReleaseProgram(again);
            assertThat(Files.getLastModifiedTime(stored.getFirst()).toMillis()).isEqualTo(modified);
        } finally {
            clReleaseContext(context);
        }
    }
}
