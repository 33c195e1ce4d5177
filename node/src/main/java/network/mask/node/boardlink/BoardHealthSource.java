package network.mask.node.boardlink;

import java.util.Optional;
import java.util.OptionalLong;
import network.mask.board.Board;
import network.mask.board.HealthSnapshot;
import network.mask.board.ThrottleFlags;
import network.mask.node.telemetry.HealthReading;
import network.mask.node.telemetry.HealthSource;

/** The board's health readings (refreshed by the board every 10 s) as the telemetry reads them. */
public final class BoardHealthSource implements HealthSource {

    private final Board board;

    public BoardHealthSource(Board board) {
        this.board = board;
    }

    @Override
    public HealthReading read() {
        HealthSnapshot h = board.health();
        OptionalLong used = h.memoryTotalBytes().isPresent() && h.memoryAvailableBytes().isPresent()
                ? OptionalLong.of(h.memoryTotalBytes().getAsLong() - h.memoryAvailableBytes().getAsLong())
                : OptionalLong.empty();
        Optional<Boolean> throttled = h.throttling().map(BoardHealthSource::throttledNow);
        return new HealthReading(h.cpuTemperatureCelsius(), used, h.memoryTotalBytes(), h.diskFreeBytes(), throttled);
    }

    private static boolean throttledNow(ThrottleFlags f) {
        return f.underVoltageNow() || f.throttledNow() || f.frequencyCappedNow() || f.softTemperatureLimitNow();
    }
}
