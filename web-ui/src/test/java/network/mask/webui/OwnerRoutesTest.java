package network.mask.webui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Route tests that start from a freshly claimed box with its owner logged in. */
abstract class OwnerRoutesTest {

    protected AdminFixture admin;
    protected TestClient owner;

    @BeforeEach
    void claimTheBox() {
        admin = AdminFixture.start();
        owner = admin.claimed();
    }

    @AfterEach
    void stopTheServer() {
        admin.close();
    }

    /** For tests that begin on the dashboard of a set-up node (also loads a CSRF token). */
    protected void finishWizard() {
        admin.completeSettings();
        owner.get("/dashboard");
    }
}
