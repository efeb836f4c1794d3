package com.zhifang.features.ingest;

/**
 * Normalises number prefixes (authorised caller ranges of private lines, allowlist blocks) into the
 * same E.164 key space as full numbers, so a prefix test is a plain {@code startsWith}. A prefix
 * cannot be validated like a number, so this only rewrites the leading part: {@code +} and
 * {@code 00} mean an international form, a leading {@code 0} is the domestic trunk prefix, and
 * anything else is a Chinese national prefix.
 */
public final class NumberPrefixes {
    private NumberPrefixes() {}

    public static String toE164Prefix(String prefix) {
        String digits = prefix.strip().replaceAll("[\\s\\-()]", "");
        if (digits.startsWith("+")) {
            return digits;
        }
        if (digits.startsWith("00")) {
            return "+" + digits.substring(2);
        }
        if (digits.startsWith("0")) {
            return "+86" + digits.substring(1);
        }
        return "+86" + digits;
    }
}
