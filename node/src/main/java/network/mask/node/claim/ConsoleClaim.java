package network.mask.node.claim;

import java.io.PrintStream;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import network.mask.webui.claim.OneTimeClaimCode;
import network.mask.webui.spi.ClaimAuthority;

/**
 * The setup page's one-time claim code, shown where only someone at the box can read it: the
 * console (stdout, which systemd puts in the journal), the log, and on the box's own screen
 * ({@link ClaimNotice}). The dashboard's log tail leaves the code out ({@link LogRing}).
 */
public final class ConsoleClaim implements ClaimAuthority {

    private final OneTimeClaimCode code;
    private final PrintStream console;
    private final ClaimNotice notice;
    private final boolean buttonWired;
    private final Optional<String> pageNotice;

    public ConsoleClaim(BooleanSupplier takeButtonPress, PrintStream console, ClaimNotice notice) {
        this(takeButtonPress, console, notice, true, Optional.empty());
    }

    /**
     * @param buttonWired whether the board config names a button (the page offers the press only then)
     * @param pageNotice  what became of masknode-claim.txt at this start, for the claim and login pages
     */
    public ConsoleClaim(BooleanSupplier takeButtonPress, PrintStream console, ClaimNotice notice, boolean buttonWired,
                        Optional<String> pageNotice) {
        this.code = OneTimeClaimCode.generate(takeButtonPress);
        this.console = console;
        this.notice = notice;
        this.buttonWired = buttonWired;
        this.pageNotice = pageNotice;
    }

    @Override
    public boolean hasButton() {
        return buttonWired;
    }

    @Override
    public Optional<String> notice() {
        return pageNotice;
    }

    @Override
    public boolean acceptCode(String candidate) {
        boolean accepted = code.acceptCode(candidate);
        if (accepted) notice.withdraw();   // spent: it would only mislead on the screen (a restart makes a new one)
        return accepted;
    }

    @Override
    public boolean takeButtonPress() {
        return code.takeButtonPress();
    }

    @Override
    public void announce() {
        code.announce();
        console.println("masknode: this box is not claimed yet. One-time claim code: " + code.display());
        console.flush();
        notice.show(code.display());
    }
}
