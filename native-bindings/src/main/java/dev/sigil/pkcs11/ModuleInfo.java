package dev.sigil.pkcs11;

/**
 * What {@code C_GetInfo} says about a module, and the version of the function list in use ({@code 2.40} through
 * {@code C_GetFunctionList}, {@code 3.x} through {@code C_GetInterface}).
 */
public record ModuleInfo(String manufacturerId, String description, int cryptokiMajor, int cryptokiMinor,
        int functionListMajor, int functionListMinor) {

    @Override
    public String toString() {
        return description + " (" + manufacturerId + "), Cryptoki " + cryptokiMajor + "." + cryptokiMinor;
    }
}
