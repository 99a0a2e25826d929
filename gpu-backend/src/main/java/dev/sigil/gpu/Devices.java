package dev.sigil.gpu;

import static org.jocl.CL.CL_DEVICE_TYPE_ALL;
import static org.jocl.CL.clGetDeviceIDs;
import static org.jocl.CL.clGetPlatformIDs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/** Finds OpenCL devices: every platform, every device of the wanted types, GPUs first. */
final class Devices {
    /** Device types used when the settings name none, in order of preference. */
    static final List<String> DEFAULT_TYPES = List.of("gpu", "accelerator", "cpu");

    private Devices() {
    }

    /** Every device of the given types ("gpu", "accelerator", "cpu"), ordered by the position of its type. */
    static List<DeviceInfo> find(List<String> types) {
        CL.setExceptionsEnabled(true);
        List<DeviceInfo> found = new ArrayList<>();
        for (cl_platform_id platform : platforms()) {
            for (cl_device_id id : devices(platform)) {
                DeviceInfo info = DeviceInfo.of(platform, id);
                if (types.contains(info.type())) {
                    found.add(info);
                }
            }
        }
        found.sort(Comparator.comparingInt(d -> types.indexOf(d.type())));
        return found;
    }

    /** True when some platform has some device; never throws (no libOpenCL, no ICD, no device: false). */
    static boolean anyPresent() {
        return unavailableReason() == null;
    }

    /**
     * Why no OpenCL device can be used, or null when one can. JOCL loads {@code libOpenCL.so} by that exact name,
     * which Debian and Ubuntu ship in {@code ocl-icd-opencl-dev} (the ICD loader package has only
     * {@code libOpenCL.so.1}).
     */
    static String unavailableReason() {
        try {
            CL.setExceptionsEnabled(true);
            for (cl_platform_id platform : platforms()) {
                if (!devices(platform).isEmpty()) {
                    return null;
                }
            }
            return "no OpenCL platform with a device (install an ICD, e.g. pocl-opencl-icd)";
        } catch (Throwable e) {
            return "OpenCL cannot be loaded (" + e + "); JOCL needs libOpenCL.so, e.g. from ocl-icd-opencl-dev";
        }
    }

    /** Parses a setting such as {@code gpu,cpu} or a YAML list {@code [gpu, cpu]}. */
    static List<String> parseTypes(String setting) {
        List<String> out = new ArrayList<>();
        for (String part : setting.replace("[", "").replace("]", "").split("[,\\s]+")) {
            String t = part.trim().toLowerCase(Locale.ROOT);
            if (t.isEmpty()) {
                continue;
            }
            if (!DEFAULT_TYPES.contains(t)) {
                throw new IllegalArgumentException("unknown OpenCL device type '" + t + "' (gpu, accelerator, cpu)");
            }
            out.add(t);
        }
        return out;
    }

    private static List<cl_platform_id> platforms() {
        int[] n = new int[1];
        try {
            clGetPlatformIDs(0, null, n);
        } catch (CLException e) {
            return List.of();
        }
        cl_platform_id[] ids = new cl_platform_id[n[0]];
        if (n[0] > 0) {
            clGetPlatformIDs(n[0], ids, null);
        }
        return List.of(ids);
    }

    private static List<cl_device_id> devices(cl_platform_id platform) {
        int[] n = new int[1];
        try {
            clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, 0, null, n);
        } catch (CLException e) {
            return List.of();
        }
        cl_device_id[] ids = new cl_device_id[n[0]];
        clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, n[0], ids, null);
        return List.of(ids);
    }
}
