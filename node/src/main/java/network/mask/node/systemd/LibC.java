package network.mask.node.systemd;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The few libc socket calls the notify socket needs, bound through FFM. Every call that can fail
 * captures errno in the same downcall (a later Java-side call could overwrite it otherwise).
 */
final class LibC {

    // Linux values, identical on x86_64 and aarch64.
    static final int AF_UNIX = 1;
    static final int SOCK_DGRAM = 2;
    static final int SOCK_CLOEXEC = 0x80000;
    static final short POLLIN = 0x1;
    static final int EINTR = 4;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");

    private static final MethodHandle SOCKET =
            downcall("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle SENDTO = downcall("sendto",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle BIND =
            downcall("bind", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle RECV =
            downcall("recv", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
    private static final MethodHandle POLL =
            downcall("poll", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
    private static final MethodHandle CLOSE =
            downcall("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle STRERROR = LINKER.downcallHandle(
            LINKER.defaultLookup().findOrThrow("strerror"), FunctionDescriptor.of(ADDRESS, JAVA_INT));

    private LibC() {}

    private static MethodHandle downcall(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow(name), descriptor, CAPTURE_ERRNO);
    }

    /** Holds the errno slot for one call; allocate per call from the caller's arena. */
    static MemorySegment errnoSlot(Arena arena) {
        return arena.allocate(CAPTURE);
    }

    static int errno(MemorySegment slot) {
        return (int) ERRNO.get(slot, 0L);
    }

    static int socket(MemorySegment errno, int domain, int type, int protocol) {
        try {
            return (int) SOCKET.invokeExact(errno, domain, type, protocol);
        } catch (Throwable t) {
            throw linkageFailure("socket", t);
        }
    }

    static long sendto(MemorySegment errno, int fd, MemorySegment buf, long len, int flags,
                       MemorySegment addr, int addrLen) {
        try {
            return (long) SENDTO.invokeExact(errno, fd, buf, len, flags, addr, addrLen);
        } catch (Throwable t) {
            throw linkageFailure("sendto", t);
        }
    }

    static int bind(MemorySegment errno, int fd, MemorySegment addr, int addrLen) {
        try {
            return (int) BIND.invokeExact(errno, fd, addr, addrLen);
        } catch (Throwable t) {
            throw linkageFailure("bind", t);
        }
    }

    static long recv(MemorySegment errno, int fd, MemorySegment buf, long len, int flags) {
        try {
            return (long) RECV.invokeExact(errno, fd, buf, len, flags);
        } catch (Throwable t) {
            throw linkageFailure("recv", t);
        }
    }

    static int poll(MemorySegment errno, MemorySegment fds, long nfds, int timeoutMillis) {
        try {
            return (int) POLL.invokeExact(errno, fds, nfds, timeoutMillis);
        } catch (Throwable t) {
            throw linkageFailure("poll", t);
        }
    }

    static int close(MemorySegment errno, int fd) {
        try {
            return (int) CLOSE.invokeExact(errno, fd);
        } catch (Throwable t) {
            throw linkageFailure("close", t);
        }
    }

    /** The C library's text for an errno value, e.g. "Connection refused". */
    static String strerror(int errno) {
        try {
            MemorySegment text = (MemorySegment) STRERROR.invokeExact(errno);
            return text.equals(MemorySegment.NULL) ? "errno " + errno : text.reinterpret(256).getString(0);
        } catch (Throwable t) {
            throw linkageFailure("strerror", t);
        }
    }

    // invokeExact declares Throwable; a native call itself never throws, so this means a binding bug.
    private static IllegalStateException linkageFailure(String call, Throwable t) {
        if (t instanceof RuntimeException re) throw re;
        if (t instanceof Error e) throw e;
        return new IllegalStateException("native call " + call + " failed to link", t);
    }
}
