package network.mask.node.topology;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The IP addresses of nodes in the topology (allowed), addresses nym-api said belong to no node
 * (denied), and addresses seen as next hops but not yet looked up (pending), as nym-node keeps them
 * ({@code nym-node/src/node/routing_filter/network_filter.rs}, {@code shared_network.rs}). Reads are
 * lock-free (immutable sets behind volatile fields): the packet path only reads.
 */
public final class KnownNodes {

    /** At most this many addresses wait for a lookup; more are dropped without being queued. */
    static final int MAX_PENDING = 1024;

    private volatile Set<InetAddress> allowed = Set.of();
    private volatile Set<InetAddress> denied = Set.of();
    private final Set<InetAddress> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean everLoaded;

    /** Replaces the allowed set with the addresses of a freshly read topology. */
    public synchronized void replaceTopology(Collection<InetAddress> nodeAddresses) {
        Set<InetAddress> fresh = Set.copyOf(new HashSet<>(nodeAddresses));
        allowed = fresh;
        Set<InetAddress> stillDenied = new HashSet<>(denied);
        stillDenied.removeAll(fresh);
        denied = Set.copyOf(stillDenied);
        pending.removeAll(fresh);
        everLoaded = true;
    }

    /** Applies a {@code by-addresses} answer: {@code true} = a node, {@code false} = no node. */
    public synchronized void resolved(Map<InetAddress, Boolean> answers) {
        Set<InetAddress> a = new HashSet<>(allowed);
        Set<InetAddress> d = new HashSet<>(denied);
        answers.forEach((ip, isNode) -> {
            if (isNode) {
                a.add(ip);
                d.remove(ip);
            } else {
                d.add(ip);
            }
            pending.remove(ip);
        });
        allowed = Set.copyOf(a);
        denied = Set.copyOf(d);
    }

    public boolean isAllowed(InetAddress ip) {
        return allowed.contains(ip);
    }

    public boolean isDenied(InetAddress ip) {
        return denied.contains(ip);
    }

    /** Queues an address for one lookup; returns false when the queue is full. */
    boolean queueLookup(InetAddress ip) {
        if (pending.contains(ip)) return true;
        if (pending.size() >= MAX_PENDING) return false;
        return pending.add(ip);
    }

    /** Takes up to {@code max} queued addresses for a lookup; unanswered ones may be queued again later. */
    public List<InetAddress> takePending(int max) {
        List<InetAddress> out = new ArrayList<>();
        for (Iterator<InetAddress> it = pending.iterator(); it.hasNext() && out.size() < max; ) {
            out.add(it.next());
            it.remove();
        }
        return out;
    }

    public int size() {
        return allowed.size();
    }

    public int pendingCount() {
        return pending.size();
    }

    /** Whether any topology was ever loaded (from nym-api or the last-known-good copy). */
    public boolean everLoaded() {
        return everLoaded;
    }
}
