package com.zhifang.features.ingest.csv;

/** RFC 4180 fields: the one CSV quoting rule for everything Zhifang writes (generated landing files, exports). */
public final class Csv {
    private Csv() {
    }

    /** Appends one field, quoted only when it holds a comma, quote or line break; null and empty write nothing. */
    public static void appendField(StringBuilder sb, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        boolean quote = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                quote = true;
                break;
            }
        }
        if (!quote) {
            sb.append(value);
            return;
        }
        sb.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                sb.append('"');
            }
            sb.append(c);
        }
        sb.append('"');
    }

    /** One CSV line (without its line end) of the given fields. */
    public static String line(Iterable<String> fields) {
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (String f : fields) {
            if (!first) {
                sb.append(',');
            }
            appendField(sb, f);
            first = false;
        }
        return sb.toString();
    }
}
