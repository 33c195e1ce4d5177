package network.mask.node.systemd;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An AF_UNIX socket address: a file-system path, or a name in the abstract namespace (written
 * {@code @name} in {@code $NOTIFY_SOCKET}; on the wire the name follows a NUL byte).
 */
public final class UnixAddress {

    /** sizeof(sockaddr_un.sun_path) on Linux. */
    static final int SUN_PATH_SIZE = 108;
    /** offsetof(sockaddr_un, sun_path): the 2-byte sa_family_t before it. */
    private static final int SUN_PATH_OFFSET = 2;

    private final byte[] sunPath;
    private final String text;

    private UnixAddress(byte[] sunPath, String text) {
        this.sunPath = sunPath;
        this.text = text;
    }

    /**
     * Parses a socket as systemd writes it: {@code /path} or {@code @abstract-name}.
     *
     * @throws IllegalArgumentException for anything else (relative paths, {@code vsock:} addresses)
     *     or a name that does not fit into sun_path
     */
    public static UnixAddress parse(String socket) {
        if (socket == null || socket.isEmpty()) {
            throw new IllegalArgumentException("empty AF_UNIX socket address");
        }
        byte[] name = socket.getBytes(StandardCharsets.UTF_8);
        if (socket.charAt(0) == '@') {
            if (name.length > SUN_PATH_SIZE) {
                throw new IllegalArgumentException("abstract socket name longer than " + (SUN_PATH_SIZE - 1) + " bytes");
            }
            name[0] = 0;
            return new UnixAddress(name, socket);
        }
        if (socket.charAt(0) == '/') {
            if (name.length + 1 > SUN_PATH_SIZE) {
                throw new IllegalArgumentException("socket path longer than " + (SUN_PATH_SIZE - 1) + " bytes: " + socket);
            }
            if (socket.indexOf('\0') >= 0) throw new IllegalArgumentException("socket path contains NUL");
            return new UnixAddress(Arrays.copyOf(name, name.length + 1), socket); // NUL-terminated
        }
        throw new IllegalArgumentException("unsupported socket address (need /path or @name): " + socket);
    }

    /** Length passed to bind/sendto: the family plus exactly the bytes of sun_path in use. */
    int length() {
        return SUN_PATH_OFFSET + sunPath.length;
    }

    /** A sockaddr_un in native memory. */
    MemorySegment toNative(Arena arena) {
        MemorySegment addr = arena.allocate(SUN_PATH_OFFSET + SUN_PATH_SIZE, 2);
        addr.set(ValueLayout.JAVA_SHORT, 0, (short) LibC.AF_UNIX);
        MemorySegment.copy(sunPath, 0, addr, ValueLayout.JAVA_BYTE, SUN_PATH_OFFSET, sunPath.length);
        return addr;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnixAddress other && Arrays.equals(sunPath, other.sunPath);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sunPath);
    }

    @Override
    public String toString() {
        return text;
    }
}
