package network.mask.node.claim;

import java.io.IOException;
import java.util.Optional;
import network.mask.webui.spi.AdminCredentialStore;

/** The credential store as the setup page sees it: storing the first password claims the box, so the on-screen code goes. */
public final class ClaimNoticeWithdrawal implements AdminCredentialStore {

    private final AdminCredentialStore store;
    private final ClaimNotice notice;

    public ClaimNoticeWithdrawal(AdminCredentialStore store, ClaimNotice notice) {
        this.store = store;
        this.notice = notice;
    }

    @Override
    public Optional<String> load() throws IOException {
        return store.load();
    }

    @Override
    public void store(String argon2idHash) throws IOException {
        store.store(argon2idHash);
        notice.withdraw();
    }
}
