package network.mask.webui;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import network.mask.webui.spi.UpdateControl;

/** The node's update state as a test sets it, and the wishes the page recorded. */
public final class FakeUpdates implements UpdateControl {

    public final AtomicReference<Status> status = new AtomicReference<>(new Status("0.1.0", Optional.empty(), true, false,
            "never", Optional.empty(), Optional.empty()));
    public final List<String> wishes = new CopyOnWriteArrayList<>();

    @Override
    public Status status() {
        return status.get();
    }

    @Override
    public void installNow(String version) {
        wishes.add("install " + version);
    }

    @Override
    public void setAutomatic(boolean on) {
        wishes.add("automatic " + on);
    }

    @Override
    public void checkNow() {
        wishes.add("check");
    }
}
