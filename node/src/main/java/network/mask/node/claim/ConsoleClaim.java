package network.mask.node.claim;

import java.io.PrintStream;
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

    public ConsoleClaim(BooleanSupplier takeButtonPress, PrintStream console, ClaimNotice notice) {
        this.code = OneTimeClaimCode.generate(takeButtonPress);
        this.console = console;
        this.notice = notice;
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
