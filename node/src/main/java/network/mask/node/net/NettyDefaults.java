package network.mask.node.net;

/**
 * Netty settings that must be in place before Netty's first class initialises, so each entry point
 * ({@code cli.Main}, {@code localnet.LocalnetNode}) applies them first thing. An explicit
 * {@code -D} on the command line wins.
 */
public final class NettyDefaults {

    /**
     * Netty 4.2's pooled allocator emits JFR events. Where the JDK has JFR, its first chunk allocation
     * checks whether they are enabled, and that check initialises JFR's Java side (metadata, reflection,
     * annotation proxies: 200-500 ms on the build machine, measured with -Xlog:class+load). It happens on
     * the I/O thread at the first read of the first connection, so a freshly started node stalled that
     * long before it read its first peer's first message: a new Noise link could not take packets
     * meanwhile, and 430 queued packets were dropped in the local mixnet. Off unless asked for
     * ({@code -Dio.netty.jfr.enabled=true} when profiling Netty's allocator).
     */
    static final String JFR_EVENTS = "io.netty.jfr.enabled";

    private NettyDefaults() {}

    public static void apply() {
        if (System.getProperty(JFR_EVENTS) == null) System.setProperty(JFR_EVENTS, "false");
    }
}
