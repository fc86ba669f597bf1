package org.bossa.smb2.server;

/** 8.3 ("short") name rules (MS-FSCC 2.1.5.2.1): up to 8 characters, an optional dot and up to 3 more. */
final class ShortNames {
    private static final String ALLOWED_SYMBOLS = "$%'-_@~`!(){}^#&";

    private ShortNames() {
    }

    static boolean isValid83(String name) {
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return false;
        }
        int dot = name.indexOf('.');
        if (dot != name.lastIndexOf('.')) {
            return false;
        }
        String base = dot < 0 ? name : name.substring(0, dot);
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        if (base.isEmpty() || base.length() > 8 || ext.length() > 3 || dot >= 0 && ext.isEmpty()) {
            return false;
        }
        return allowed(base) && allowed(ext);
    }

    /**
     * The 8.3 name a client sees for {@code name}: the name itself (upper-cased) when it is valid 8.3,
     * else a mangled one in the style of Samba's default hash2 mangling: up to five legal characters
     * of the base, '~', two characters of a hash of the whole name, and up to three of the extension.
     * Deterministic, so a listing and a QUERY_INFO of the same file agree; distinct long names can
     * collide, as with Samba. "." and ".." have none.
     */
    static String of(String name) {
        if (name.equals(".") || name.equals("..")) {
            return "";
        }
        if (isValid83(name)) {
            return name.toUpperCase(java.util.Locale.ROOT);
        }
        int dot = name.lastIndexOf('.');
        String base = legal(dot > 0 ? name.substring(0, dot) : name, 5);
        String ext = dot > 0 ? legal(name.substring(dot + 1), 3) : "";
        if (base.isEmpty()) {
            base = "_";
        }
        int h = Math.floorMod(name.hashCode() * 31 + name.length(), 36 * 36);
        String suffix = "" + Character.toUpperCase(Character.forDigit(h / 36, 36))
                + Character.toUpperCase(Character.forDigit(h % 36, 36));
        return base + "~" + suffix + (ext.isEmpty() ? "" : "." + ext);
    }

    private static String legal(String s, int max) {
        StringBuilder sb = new StringBuilder(max);
        for (int i = 0; i < s.length() && sb.length() < max; i++) {
            char c = Character.toUpperCase(s.charAt(i));
            if (c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || ALLOWED_SYMBOLS.indexOf(c) >= 0 && c != '~') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean allowed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || ALLOWED_SYMBOLS.indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
