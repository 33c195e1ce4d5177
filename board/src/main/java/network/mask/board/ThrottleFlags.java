package network.mask.board;

import java.util.ArrayList;
import java.util.List;

/**
 * The firmware's get_throttled word. Bits 0..3 describe now, bits 16..19 "since boot".
 *
 * @param raw the value as the firmware reports it, e.g. 0x50005
 */
public record ThrottleFlags(int raw) {
    public boolean underVoltageNow() {
        return bit(0);
    }

    public boolean frequencyCappedNow() {
        return bit(1);
    }

    public boolean throttledNow() {
        return bit(2);
    }

    public boolean softTemperatureLimitNow() {
        return bit(3);
    }

    public boolean underVoltageOccurred() {
        return bit(16);
    }

    public boolean frequencyCappedOccurred() {
        return bit(17);
    }

    public boolean throttledOccurred() {
        return bit(18);
    }

    public boolean softTemperatureLimitOccurred() {
        return bit(19);
    }

    /** Owner-readable list of what is set, empty when all is well. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        if (underVoltageNow()) out.add("under-voltage now");
        if (frequencyCappedNow()) out.add("CPU frequency capped now");
        if (throttledNow()) out.add("throttled now");
        if (softTemperatureLimitNow()) out.add("soft temperature limit active");
        if (underVoltageOccurred()) out.add("under-voltage has occurred since boot");
        if (frequencyCappedOccurred()) out.add("CPU frequency capping has occurred since boot");
        if (throttledOccurred()) out.add("throttling has occurred since boot");
        if (softTemperatureLimitOccurred()) out.add("soft temperature limit has occurred since boot");
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return "0x" + Integer.toHexString(raw);
    }

    private boolean bit(int n) {
        return (raw & (1 << n)) != 0;
    }
}
