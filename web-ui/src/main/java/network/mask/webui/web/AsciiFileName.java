package network.mask.webui.web;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A node name as part of a download's file name: lower-case ASCII letters, digits and dashes,
 * with letters transliterated rather than dropped ("Küche-Knoten" becomes "kueche-knoten", "Café"
 * becomes "cafe"), so the owner recognises the file.
 */
final class AsciiFileName {

    private AsciiFileName() {}

    static String of(String name) {
        String s = name.toLowerCase(Locale.ROOT)
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
                .replace("æ", "ae").replace("ø", "oe").replace("å", "aa").replace("œ", "oe");
        s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");   // é -> e
        return s.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
