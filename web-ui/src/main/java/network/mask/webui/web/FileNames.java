package network.mask.webui.web;

import java.text.Normalizer;
import java.util.Locale;

/** File names from an owner's text: "Küche-Knoten" becomes "kueche-knoten", not "k-che-knoten". */
final class FileNames {

    private FileNames() {
    }

    /** Lower case, German umlauts and ß spelled out, other accents dropped; the caller replaces what is left. */
    static String transliterate(String s) {
        String t = s.toLowerCase(Locale.ROOT).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        return Normalizer.normalize(t, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }
}
