package network.mask.node.reachability;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import network.mask.node.daemon.NodeService;
import network.mask.node.net.AddressClass;
import network.mask.node.storage.AtomicFiles;

/**
 * When the node was last reached from outside its home network, from evidence only: a describe
 * request on the public API or an inbound mix connection that carried a whole frame, from a public
 * address ({@link AddressClass}). A connect from the box to its own address proves nothing and is
 * never recorded. On a developer PC ({@code --dev}) the whole network is on loopback, so loopback
 * counts as outside there.
 * <p>Recording only updates memory (it runs on I/O threads); the times are saved atomically at
 * most once a minute and at stop, so an SD card sees at most one small write a minute.
 */
public final class ReachabilityLog implements NodeService {

    public static final String FILE_NAME = "reachability.json";
    static final Duration SAVE_INTERVAL = Duration.ofMinutes(1);
    private static final System.Logger LOG = System.getLogger(ReachabilityLog.class.getName());

    /** @param at when; {@code by} what reached the node */
    public record Seen(Instant at, Witness by) {}

    private final Path file;
    private final Clock clock;
    private final boolean loopbackIsOutside;
    private final Map<Witness, Instant> last = new EnumMap<>(Witness.class);
    private final AtomicLong ignored = new AtomicLong();
    private final AtomicLong saves = new AtomicLong();
    private boolean dirty;
    private ScheduledExecutorService saver;

    public ReachabilityLog(Path dataDir, Clock clock, boolean loopbackIsOutside) {
        this.file = dataDir.resolve(FILE_NAME);
        this.clock = clock;
        this.loopbackIsOutside = loopbackIsOutside;
        load();
    }

    /** Something reached the node from {@code source}; kept only when the source is outside the home network. */
    public void record(Witness by, InetAddress source) {
        if (!isOutside(source)) {
            ignored.incrementAndGet();
            return;
        }
        Instant now = clock.instant();
        synchronized (this) {
            Instant before = last.get(by);
            if (before == null || now.isAfter(before)) {
                last.put(by, now);
                dirty = true;
            }
        }
    }

    boolean isOutside(InetAddress source) {
        AddressClass c = AddressClass.of(source);
        return c.isPublic() || loopbackIsOutside && c == AddressClass.LOOPBACK;
    }

    /** The latest evidence of any kind. */
    public synchronized Optional<Seen> lastReached() {
        return last.entrySet().stream().max(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                .map(e -> new Seen(e.getValue(), e.getKey()));
    }

    public synchronized Optional<Instant> last(Witness by) {
        return Optional.ofNullable(last.get(by));
    }

    /** Requests and connections seen from inside the home network (or the box itself), not counted as evidence. */
    public long ignoredInside() {
        return ignored.get();
    }

    /** Times the file was written, since start. */
    public long saves() {
        return saves.get();
    }

    @Override
    public void start() {
        saver = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("reachability-save").daemon().factory());
        long every = SAVE_INTERVAL.toMillis();
        saver.scheduleWithFixedDelay(this::save, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (saver != null) saver.shutdownNow();
        save();
    }

    @Override
    public String name() {
        return "reachability log";
    }

    /** Writes the times if they changed since the last save. */
    void save() {
        JsonObjectBuilder b;
        synchronized (this) {
            if (!dirty) return;
            dirty = false;
            b = Json.createObjectBuilder();
            for (Map.Entry<Witness, Instant> e : last.entrySet()) b.add(e.getKey().key(), e.getValue().toString());
        }
        try {
            AtomicFiles.write(file, b.build().toString().getBytes(StandardCharsets.UTF_8), AtomicFiles.OWNER_WRITE);
            saves.incrementAndGet();
        } catch (IOException e) {
            synchronized (this) {
                dirty = true;
            }
            LOG.log(System.Logger.Level.WARNING, "could not save " + file + ": " + e.getMessage());
        }
    }

    private void load() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not read " + file + ": " + e.getMessage());
            return;
        }
        try (JsonReader r = Json.createReader(new StringReader(text))) {
            JsonObject o = r.readObject();
            for (Witness w : Witness.values()) {
                JsonValue v = o.get(w.key());
                if (v instanceof JsonString s) last.put(w, Instant.parse(s.getString()));
            }
        } catch (ClassCastException | DateTimeParseException | jakarta.json.JsonException e) {
            last.clear();
            LOG.log(System.Logger.Level.WARNING, file + " is not readable (" + e.getMessage() + "); starting without reachability evidence");
        }
    }
}
