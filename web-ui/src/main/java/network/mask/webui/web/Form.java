package network.mask.webui.web;

import io.helidon.common.parameters.Parameters;

/** The fields of a posted form; a missing field reads as {@code null}. */
record Form(Parameters params) {

    String get(String name) {
        return params.first(name).orElse(null);
    }
}
