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
