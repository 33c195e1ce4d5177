package network.mask.webui.web;

import java.io.IOException;

import io.helidon.webserver.http.ServerResponse;
import network.mask.webui.validation.FieldErrors;

/**
 * The owner's password typed again to confirm a grave step (factory reset, password change).
 * A wrong one counts towards the login throttle, exactly like a wrong login.
 */
final class ReenteredPassword {

    private static final System.Logger LOG = System.getLogger(ReenteredPassword.class.getName());

    private ReenteredPassword() {
    }

    /**
     * Records a message under {@code field} if the password is missing or wrong.
     *
     * @return false if the visitor must wait (the 429 is already sent), true to carry on with the form
     */
    static boolean check(AdminContext ctx, Visit visit, ServerResponse res, String password, String field,
                         String missingMessage, FieldErrors errors) throws IOException {
        if (Throttled.refuse(ctx, visit, res)) {
            return false;
        }
        if (password == null || password.isEmpty()) {
            errors.add(field, missingMessage);
        } else if (!LoginPages.checkPassword(ctx, password)) {
            ctx.throttle.recordFailure(visit.client());
            ctx.counters.wrongPassword();
            LOG.log(System.Logger.Level.WARNING, "wrong password re-entered from " + visit.client().getHostAddress());
            if (Throttled.refuse(ctx, visit, res)) {
                return false;
            }
            errors.add(field, "Wrong password.");
        }
        return true;
    }
}
