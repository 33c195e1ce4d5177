package network.mask.webui.spi;

import java.io.IOException;

/**
 * The node will not store these settings (its config rules refused a value); nothing was written.
 * The message is in plain words and names the setting, so the page can show it as it is.
 */
public final class SettingsRefusedException extends IOException {

    public SettingsRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
