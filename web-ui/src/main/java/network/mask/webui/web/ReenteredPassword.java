package network.mask.webui.web;

import java.io.IOException;

import io.helidon.webserver.http.ServerResponse;
import network.mask.webui.security.AttackLog;
import network.mask.webui.validation.FieldErrors;

/**
 * The owner's password typed again to confirm a grave step (factory reset, password change).
 * A wrong one counts towards the login throttle, exactly like a wrong login.
 */
final class ReenteredPassword {

    private ReenteredPassword() {
    }

    /**
     * Records a message under {@code field} if the password is missing or wrong.
     *
     * @return false if the visitor must wait (the 429 is already sent), true to carry on with the form
     */
    static boolean check(AdminContext ctx, Visit visit, ServerResponse res, String password, String field,
                         String missingMessage, FieldErrors errors) throws IOException {
        if (password == null || password.isEmpty()) {
            if (Throttled.refuse(ctx, visit, res)) {
                return false;
            }
            errors.add(field, missingMessage);
            return true;
        }
        // Charged before the hash runs, exactly like a login.
        if (!Throttled.admit(ctx, visit, res)) {
            return false;
        }
        if (LoginPages.checkPassword(ctx, password)) {
            ctx.throttle.recordSuccess(visit.client());
        } else {
            ctx.counters.wrongPassword();
            ctx.attackLog.note(AttackLog.Kind.WRONG_PASSWORD, visit.client());
            errors.add(field, "Wrong password.");
        }
        return true;
    }
}
