package network.mask.node.systemd;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.Optional;

/**
 * An AF_UNIX SOCK_DGRAM socket through FFM (the JDK's UNIX-domain channels are stream-only).
 * Opened with SOCK_CLOEXEC so processes the node starts never inherit it. Thread-safe.
 */
public final class UnixDatagramSocket implements AutoCloseable {

    private static final int MAX_DATAGRAM = 64 * 1024;

    private int fd;

    private UnixDatagramSocket(int fd) {
        this.fd = fd;
    }

    /** Opens an unbound datagram socket. */
    public static UnixDatagramSocket open() throws NativeSocketException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = LibC.errnoSlot(arena);
            int fd = LibC.socket(errno, LibC.AF_UNIX, LibC.SOCK_DGRAM | LibC.SOCK_CLOEXEC, 0);
            if (fd < 0) throw new NativeSocketException("socket", LibC.errno(errno), "AF_UNIX, SOCK_DGRAM");
            return new UnixDatagramSocket(fd);
        }
    }

    /** Sends one datagram; the whole message or an exception, never a part. */
    public synchronized void send(UnixAddress to, byte[] message) throws IOException {
        int socket = requireOpen();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = LibC.errnoSlot(arena);
            MemorySegment buf = arena.allocate(Math.max(1, message.length));
            MemorySegment.copy(message, 0, buf, ValueLayout.JAVA_BYTE, 0, message.length);
            MemorySegment addr = to.toNative(arena);
            long sent;
            do {
                sent = LibC.sendto(errno, socket, buf, message.length, 0, addr, to.length());
            } while (sent < 0 && LibC.errno(errno) == LibC.EINTR);
            if (sent < 0) throw new NativeSocketException("sendto", LibC.errno(errno), to.toString());
            if (sent != message.length) {
                throw new IOException("sendto(" + to + ") sent " + sent + " of " + message.length + " bytes");
            }
        }
    }

    /** Binds the socket so it can receive; for a path the file must not exist yet. */
    public synchronized void bind(UnixAddress local) throws NativeSocketException {
        int socket = requireOpen();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = LibC.errnoSlot(arena);
            if (LibC.bind(errno, socket, local.toNative(arena), local.length()) < 0) {
                throw new NativeSocketException("bind", LibC.errno(errno), local.toString());
            }
        }
    }

    /** Waits up to {@code timeout} for one datagram; empty when none arrived in time. */
    public synchronized Optional<byte[]> receive(Duration timeout) throws NativeSocketException {
        int socket = requireOpen();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = LibC.errnoSlot(arena);
            MemorySegment pollFd = arena.allocate(8, 4); // struct pollfd { int fd; short events; short revents; }
            pollFd.set(ValueLayout.JAVA_INT, 0, socket);
            pollFd.set(ValueLayout.JAVA_SHORT, 4, LibC.POLLIN);
            int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(0, timeout.toMillis()));
            int ready = LibC.poll(errno, pollFd, 1, millis);
            if (ready < 0) throw new NativeSocketException("poll", LibC.errno(errno), "fd " + socket);
            if (ready == 0) return Optional.empty();
            MemorySegment buf = arena.allocate(MAX_DATAGRAM);
            long n = LibC.recv(errno, socket, buf, MAX_DATAGRAM, 0);
            if (n < 0) throw new NativeSocketException("recv", LibC.errno(errno), "fd " + socket);
            return Optional.of(buf.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE));
        }
    }

    @Override
    public synchronized void close() {
        if (fd < 0) return;
        try (Arena arena = Arena.ofConfined()) {
            LibC.close(LibC.errnoSlot(arena), fd); // nothing useful to do if close fails
        }
        fd = -1;
    }

    private int requireOpen() {
        if (fd < 0) throw new IllegalStateException("socket is closed");
        return fd;
    }
}
