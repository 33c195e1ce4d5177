package network.mask.node.telemetry;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import javax.net.SocketFactory;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sockets to the MQTT broker that refuse any MQTT packet larger than {@code maxPacketBytes}
 * before Paho allocates it. Paho 1.2.5 reads a packet's length and allocates that many bytes,
 * with no limit of its own, and brokers relay up to 256 MiB by default: one large message on a
 * topic the node subscribes to (anyone on the owner's broker may publish there) exhausted the
 * heap (redteam D8). The guard reads MQTT's fixed header (type byte, then a 1-4 byte length,
 * MQTT 3.1.1 section 2.2) as the bytes pass and fails the read on an oversized length: Paho sees
 * a lost connection, the node reconnects with backoff, and nothing large is ever buffered.
 * <p>
 * TLS is layered here too (Paho is given a {@code tcp://} URL), so the guard sees plaintext.
 */
final class BoundedMqttSockets extends SocketFactory {

    /** Thrown (as the read's IOException) when the broker sends an oversized packet. */
    static final class PacketTooLargeException extends IOException {
        PacketTooLargeException(long length, int max) {
            super("the MQTT broker sent a message of " + length + " bytes; the node reads at most " + max
                    + " (disconnected; it reconnects and ignores such messages)");
        }
    }

    private final int maxPacketBytes;
    private final SSLSocketFactory tls;   // null: plain TCP
    private final Runnable onTooLarge;

    BoundedMqttSockets(int maxPacketBytes, SSLSocketFactory tls, Runnable onTooLarge) {
        this.maxPacketBytes = maxPacketBytes;
        this.tls = tls;
        this.onTooLarge = onTooLarge;
    }

    @Override
    public Socket createSocket() {
        return new GuardedSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket s = createSocket();
        s.connect(new InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket s = createSocket();
        s.connect(new InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return createSocket(address, port);
    }

    /**
     * A socket that connects a plain socket inside, layers TLS over it when asked, and guards what
     * is read. (TLS is not layered over this object itself: it would read through the guard.)
     */
    private final class GuardedSocket extends Socket {
        private final Socket plain = new Socket();
        private volatile Socket inner;   // the TLS socket over plain, or plain

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            plain.connect(endpoint, timeout);
            if (tls == null) {
                inner = plain;
                return;
            }
            InetSocketAddress target = (InetSocketAddress) endpoint;
            SSLSocket ssl = (SSLSocket) tls.createSocket(plain, target.getHostString(), target.getPort(), true);
            SSLParameters params = ssl.getSSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS");   // the broker's certificate must name the host
            ssl.setSSLParameters(params);
            ssl.startHandshake();
            inner = ssl;
        }

        @Override
        public void connect(SocketAddress endpoint) throws IOException {
            connect(endpoint, 0);
        }

        private Socket connected() throws SocketException {
            Socket s = inner;
            if (s == null) throw new SocketException("not connected");
            return s;
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return new PacketGuard(connected().getInputStream(), maxPacketBytes, onTooLarge);
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            return connected().getOutputStream();
        }

        @Override
        public synchronized void close() throws IOException {
            Socket s = inner;
            if (s != null) s.close();
            plain.close();
            super.close();
        }

        @Override
        public boolean isConnected() {
            Socket s = inner;
            return s != null && s.isConnected();
        }

        @Override
        public boolean isClosed() {
            return plain.isClosed();
        }

        @Override
        public synchronized void setSoTimeout(int timeout) throws SocketException {
            plain.setSoTimeout(timeout);
            Socket s = inner;
            if (s != null && s != plain) s.setSoTimeout(timeout);
        }

        @Override
        public synchronized int getSoTimeout() throws SocketException {
            return plain.getSoTimeout();
        }

        @Override
        public void setTcpNoDelay(boolean on) throws SocketException {
            plain.setTcpNoDelay(on);
        }

        @Override
        public void shutdownInput() throws IOException {
            connected().shutdownInput();
        }

        @Override
        public void shutdownOutput() throws IOException {
            connected().shutdownOutput();
        }

        @Override
        public InetAddress getInetAddress() {
            return plain.getInetAddress();
        }

        @Override
        public int getPort() {
            return plain.getPort();
        }

        @Override
        public SocketAddress getRemoteSocketAddress() {
            return plain.getRemoteSocketAddress();
        }

        @Override
        public SocketAddress getLocalSocketAddress() {
            return plain.getLocalSocketAddress();
        }
    }

    /** Passes bytes through while following MQTT packet boundaries; fails on an oversized length. */
    static final class PacketGuard extends FilterInputStream {
        private final int max;
        private final Runnable onTooLarge;
        private long remaining;      // body bytes of the current packet still to pass
        private boolean inLength;    // reading the variable-length "remaining length"
        private long length;
        private int lengthBytes;

        PacketGuard(InputStream in, int max, Runnable onTooLarge) {
            super(in);
            this.max = max;
            this.onTooLarge = onTooLarge;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) observe(b);
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            for (int i = 0; i < n; ) {
                if (remaining > 0) {
                    int skip = (int) Math.min(remaining, n - i);
                    remaining -= skip;
                    i += skip;
                } else {
                    observe(buf[off + i] & 0xFF);
                    i++;
                }
            }
            return n;
        }

        private void observe(int b) throws IOException {
            if (remaining > 0) {
                remaining--;
                return;
            }
            if (!inLength) {   // the type byte
                inLength = true;
                length = 0;
                lengthBytes = 0;
                return;
            }
            length |= (long) (b & 0x7F) << (7 * lengthBytes);
            lengthBytes++;
            if ((b & 0x80) != 0) {
                if (lengthBytes == 4) throw new IOException("malformed MQTT packet length from the broker");
                return;
            }
            inLength = false;
            if (length > max) {
                onTooLarge.run();
                throw new PacketTooLargeException(length, max);
            }
            remaining = length;
        }
    }
}
