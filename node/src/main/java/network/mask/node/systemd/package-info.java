/**
 * Talking to systemd: {@link network.mask.node.systemd.SdNotify} sends readiness, status and
 * watchdog datagrams to {@code $NOTIFY_SOCKET}; {@link network.mask.node.systemd.Watchdog} pings
 * only while the daemon's own health check passes, so a stalled node is restarted by systemd.
 * The JDK's UNIX-domain sockets are stream-only, so the datagram socket is reached through FFM.
 */
package network.mask.node.systemd;
