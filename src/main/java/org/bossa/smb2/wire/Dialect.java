package org.bossa.smb2.wire;

/** SMB2 dialect revisions (MS-SMB2 2.2.3). Ordered oldest to newest. */
public enum Dialect {
    SMB_2_0_2(0x0202, "SMB2_02"),
    SMB_2_1(0x0210, "SMB2_10"),
    SMB_3_0(0x0300, "SMB3_00"),
    SMB_3_0_2(0x0302, "SMB3_02"),
    SMB_3_1_1(0x0311, "SMB3_11");

    /** The "SMB2 wildcard" revision a server answers to an SMB1 NEGOTIATE that offers "SMB 2.???". */
    public static final int WILDCARD = 0x02FF;

    private final int code;
    private final String label;

    Dialect(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    /** The name smbclient's -m option uses (SMB3_11 ...). */
    public String label() {
        return label;
    }

    public boolean isSmb3() {
        return code >= 0x0300;
    }

    public static Dialect fromCode(int code) {
        for (Dialect d : values()) {
            if (d.code == code) {
                return d;
            }
        }
        return null;
    }

    /** Accepts "3.1.1", "SMB3_11", "smb_3_1_1" and similar spellings used in configuration. */
    public static Dialect parse(String text) {
        String t = text.trim().toUpperCase().replace("SMB", "").replace("_", "").replace(".", "");
        return switch (t) {
            case "202", "2002" -> SMB_2_0_2;
            case "21", "210", "2010" -> SMB_2_1;
            case "30", "300", "3000" -> SMB_3_0;
            case "302", "3002" -> SMB_3_0_2;
            case "311", "3011" -> SMB_3_1_1;
            default -> throw new IllegalArgumentException("unknown SMB dialect '" + text + "' (use 2.0.2, 2.1, 3.0, 3.0.2 or 3.1.1)");
        };
    }
}
