package dev.sigil.gpu;

import static org.jocl.CL.CL_DEVICE_GLOBAL_MEM_SIZE;
import static org.jocl.CL.CL_DEVICE_MAX_COMPUTE_UNITS;
import static org.jocl.CL.CL_DEVICE_MAX_MEM_ALLOC_SIZE;
import static org.jocl.CL.CL_DEVICE_NAME;
import static org.jocl.CL.CL_DEVICE_TYPE;
import static org.jocl.CL.CL_DEVICE_TYPE_ACCELERATOR;
import static org.jocl.CL.CL_DEVICE_TYPE_CPU;
import static org.jocl.CL.CL_DEVICE_TYPE_GPU;
import static org.jocl.CL.CL_DEVICE_VENDOR;
import static org.jocl.CL.CL_DRIVER_VERSION;
import static org.jocl.CL.CL_PLATFORM_VERSION;
import static org.jocl.CL.clGetDeviceInfo;
import static org.jocl.CL.clGetPlatformInfo;

import java.nio.charset.StandardCharsets;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/** What the host needs to know about one OpenCL device. */
record DeviceInfo(cl_platform_id platform, cl_device_id id, String name, String vendor, String driverVersion,
        String platformVersion, String type, int computeUnits, long maxAlloc, long globalMem) {

    static DeviceInfo of(cl_platform_id platform, cl_device_id id) {
        return new DeviceInfo(platform, id, string(id, CL_DEVICE_NAME), string(id, CL_DEVICE_VENDOR),
                string(id, CL_DRIVER_VERSION), platformString(platform, CL_PLATFORM_VERSION), typeName(id),
                (int) number(id, CL_DEVICE_MAX_COMPUTE_UNITS, Sizeof.cl_uint),
                number(id, CL_DEVICE_MAX_MEM_ALLOC_SIZE, Sizeof.cl_ulong),
                number(id, CL_DEVICE_GLOBAL_MEM_SIZE, Sizeof.cl_ulong));
    }

    private static String typeName(cl_device_id id) {
        long t = number(id, CL_DEVICE_TYPE, Sizeof.cl_ulong);
        if ((t & CL_DEVICE_TYPE_GPU) != 0) {
            return "gpu";
        }
        if ((t & CL_DEVICE_TYPE_ACCELERATOR) != 0) {
            return "accelerator";
        }
        return (t & CL_DEVICE_TYPE_CPU) != 0 ? "cpu" : "other";
    }

    private static long number(cl_device_id id, int param, int size) {
        long[] v = new long[1];
        clGetDeviceInfo(id, param, size, Pointer.to(v), null);
        return size == Sizeof.cl_uint ? v[0] & 0xffffffffL : v[0];
    }

    private static String string(cl_device_id id, int param) {
        long[] size = new long[1];
        clGetDeviceInfo(id, param, 0, null, size);
        byte[] b = new byte[(int) size[0]];
        clGetDeviceInfo(id, param, b.length, Pointer.to(b), null);
        return new String(b, StandardCharsets.UTF_8).replace("\0", "").trim();
    }

    private static String platformString(cl_platform_id platform, int param) {
        long[] size = new long[1];
        clGetPlatformInfo(platform, param, 0, null, size);
        byte[] b = new byte[(int) size[0]];
        clGetPlatformInfo(platform, param, b.length, Pointer.to(b), null);
        return new String(b, StandardCharsets.UTF_8).replace("\0", "").trim();
    }
}
