package dev.sigil.gpu;

/** A program did not compile for a device; carries the compiler's build log. */
final class KernelBuildException extends RuntimeException {
    private final String buildLog;

    KernelBuildException(String device, String buildLog, Throwable cause) {
        super("OpenCL program build failed on " + device + ":\n" + buildLog, cause);
        this.buildLog = buildLog;
    }

    String buildLog() {
        return buildLog;
    }
}
