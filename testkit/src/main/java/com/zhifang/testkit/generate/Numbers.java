package com.zhifang.testkit.generate;

import java.util.SplittableRandom;

/**
 * Number plans used by the generator. Every prefix here yields numbers that libphonenumber 9.0.43 considers valid
 * for their kind (checked by NumbersTest), except the deliberately non-E.164 kinds: 95xxx service numbers (valid
 * short numbers) and 106 SMS port codes.
 */
final class Numbers {

    private Numbers() {
    }

    /** Our carrier's own mobile prefixes (3 digits, 8 digits follow). 134 uses 1340-1348 only. */
    static final int[] OWN_MOBILE_PREFIXES = {135, 136, 137, 138, 139, 150, 151, 152, 157, 158, 159, 182, 183, 184, 187, 188, 198};

    /** Virtual-operator (reseller) blocks hosted on our network: 4-digit 170x prefixes plus 171. */
    static final int[] MVNO_PREFIXES_4 = {1703, 1705, 1706, 1710, 1711, 1713, 1715, 1718};

    /** Mobile prefixes of the other two networks (arrive on interconnect trunks). */
    static final int[] UNICOM_PREFIXES = {130, 131, 132, 155, 156, 185, 186};
    static final int[] TELECOM_PREFIXES = {133, 153, 180, 181, 189, 177, 199};

    /** Fixed-line area codes (without trunk prefix 0) whose 8-digit local numbers are all valid. */
    static final int[] AREA_CODES_8 = {10, 20, 22, 23, 24, 25, 27, 28, 29, 755, 571, 512};

    /** Foreign mobile templates: country code, national prefix, digits to append. Wangiri sources first. */
    static final String[][] WANGIRI_TEMPLATES = {
            {"216", "50", "6"}, {"216", "98", "6"}, {"222", "22", "6"}, {"222", "36", "6"}, {"232", "76", "6"},
            {"232", "77", "6"}, {"375", "33", "7"}, {"375", "44", "7"}, {"373", "69", "6"}, {"387", "61", "6"},
            {"53", "5", "7"}, {"224", "62", "7"}, {"231", "77", "7"}, {"231", "88", "7"}};
    static final String[][] FOREIGN_TEMPLATES = {
            {"44", "7400", "6"}, {"49", "151", "8"}, {"66", "8", "8"}, {"60", "12", "7"}, {"63", "917", "7"},
            {"84", "91", "7"}};

    /** Country codes (ISO region) of the templates above, for tests and roaming.csv. */
    static String regionOf(String countryCode) {
        return switch (countryCode) {
            case "216" -> "TN";
            case "222" -> "MR";
            case "232" -> "SL";
            case "375" -> "BY";
            case "373" -> "MD";
            case "387" -> "BA";
            case "53" -> "CU";
            case "224" -> "GN";
            case "231" -> "LR";
            case "44" -> "GB";
            case "49" -> "DE";
            case "66" -> "TH";
            case "60" -> "MY";
            case "63" -> "PH";
            case "84" -> "VN";
            default -> "ZZ";
        };
    }

    static long digits(SplittableRandom r, int n) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = v * 10 + r.nextInt(10);
        }
        return v;
    }

    /** A random 11-digit mobile number of another Chinese network. */
    static long otherNetworkMobile(SplittableRandom r) {
        int[] pool = r.nextInt(2) == 0 ? UNICOM_PREFIXES : TELECOM_PREFIXES;
        return pool[r.nextInt(pool.length)] * 100_000_000L + digits(r, 8);
    }

    /** A random fixed line as national significant number (area code + 8-digit local number, first digit 2-8). */
    static long fixedLine(SplittableRandom r) {
        int area = AREA_CODES_8[r.nextInt(AREA_CODES_8.length)];
        long local = (2 + r.nextInt(7)) * 10_000_000L + digits(r, 7);
        return area * 100_000_000L + local;
    }

    static boolean isMobile(long nsn) {
        return nsn >= 10_000_000_000L && nsn < 20_000_000_000L;
    }

    static boolean isUnicom(long nsn) {
        int p = (int) (nsn / 100_000_000L);
        for (int u : UNICOM_PREFIXES) {
            if (u == p) {
                return true;
            }
        }
        return false;
    }

    /**
     * Completes a fixed-line prefix in trunk-prefix form ("0108866", "0755338") to a full number: 2-digit area codes
     * (010, 02x) take 8 local digits (11 characters), 3-digit area codes take 8 local digits (12 characters).
     */
    static String completeFixed(String prefix, SplittableRandom r) {
        int length = prefix.startsWith("01") || prefix.startsWith("02") ? 11 : 12;
        int missing = length - prefix.length();
        return missing <= 0 ? prefix : prefix + pad(digits(r, missing), missing);
    }

    /** E.164 of a Chinese national significant number. */
    static String e164(long nsn) {
        return "+86" + nsn;
    }

    /**
     * A Chinese number as signalled: mobiles mostly bare 11 digits, sometimes +86, 86 or 0086 prefixed;
     * fixed lines mostly with trunk prefix 0, sometimes +86 / 0086.
     */
    static String signalled(long nsn, SplittableRandom r) {
        int x = r.nextInt(100);
        if (isMobile(nsn)) {
            if (x < 62) {
                return Long.toString(nsn);
            } else if (x < 84) {
                return "+86" + nsn;
            } else if (x < 94) {
                return "86" + nsn;
            }
            return "0086" + nsn;
        }
        if (x < 85) {
            return "0" + nsn;
        } else if (x < 95) {
            return "+86" + nsn;
        }
        return "0086" + nsn;
    }

    /** What some switches put in the caller field when they have no usable number. */
    private static final String[] NOT_A_NUMBER = {"ANONYMOUS", "UNAVAILABLE", "Private", "unknown", "N/A", "1380013800O"};

    /**
     * A caller number as a real switch sometimes garbles it on an interconnect trunk: a mobile truncated (last digit
     * dropped) or with an extra digit; a fixed line with the trunk 0 kept after the country code ({@code +86010...}),
     * spaced ({@code +86 21 5876xxxx}), or as {@code 86...} / {@code 0086...}; letters; or empty. A number in no form
     * this knows (a foreign one) comes back as it was.
     */
    static String garbled(String calling, SplittableRandom r) {
        String nsn;
        if (calling.startsWith("+86")) {
            nsn = calling.substring(3);
        } else if (calling.startsWith("0086")) {
            nsn = calling.substring(4);
        } else if (calling.startsWith("86") && calling.length() == 13) {
            nsn = calling.substring(2);
        } else if (calling.startsWith("0") && !calling.startsWith("00")) {
            nsn = calling.substring(1);
        } else if (calling.startsWith("1") && calling.length() == 11) {
            nsn = calling;
        } else {
            return calling;
        }
        int x = r.nextInt(100);
        if (nsn.startsWith("1") && nsn.length() == 11) {
            if (x < 35) {
                return nsn.substring(0, 10);
            } else if (x < 60) {
                return nsn + r.nextInt(10);
            } else if (x < 80) {
                return NOT_A_NUMBER[r.nextInt(NOT_A_NUMBER.length)];
            }
            return "";
        }
        if (x < 30) {
            return "+860" + nsn;
        } else if (x < 50) {
            return spacedFixed(nsn);
        } else if (x < 65) {
            return "0086" + nsn;
        } else if (x < 80) {
            return "86" + nsn;
        } else if (x < 90) {
            return NOT_A_NUMBER[r.nextInt(NOT_A_NUMBER.length)];
        }
        return "";
    }

    /** {@code +86 21 58761234}: a fixed line spaced after the country and the area code. */
    static String spacedFixed(String nsn) {
        int area = nsn.startsWith("10") || nsn.startsWith("2") ? 2 : 3;
        return "+86 " + nsn.substring(0, area) + " " + nsn.substring(area);
    }

    /**
     * A fixed line as different switches signal it: mostly national ({@code 021xxxxxxxx}), otherwise
     * {@code +86 21 ...}, {@code +8621...}, {@code 0086 21...} or {@code 8621...}.
     */
    static String signalledFixedForms(long nsn, SplittableRandom r) {
        String digits = Long.toString(nsn);
        int x = r.nextInt(100);
        if (x < 60) {
            return "0" + digits;
        } else if (x < 70) {
            return spacedFixed(digits);
        } else if (x < 80) {
            return "+86" + digits;
        } else if (x < 90) {
            return "0086" + digits;
        }
        return "86" + digits;
    }

    /** A fixed line of Beijing (010) or Shanghai (021): area code + 8-digit local number, first digit 2-8. */
    static long beijingOrShanghaiLine(SplittableRandom r) {
        int area = r.nextBoolean() ? 10 : 21;
        return area * 100_000_000L + (2 + r.nextInt(7)) * 10_000_000L + digits(r, 7);
    }

    /** A foreign number as signalled on an international trunk or dialled by our subscriber. */
    static String signalledForeign(String e164, SplittableRandom r) {
        return r.nextInt(100) < 70 ? e164 : "00" + e164.substring(1);
    }

    /** A Chinese number signalled on an international trunk: always with country code. */
    static String signalledInternational(long nsn, SplittableRandom r) {
        return r.nextInt(100) < 75 ? "+86" + nsn : "0086" + nsn;
    }

    static String foreignNumber(String[] template, SplittableRandom r) {
        return "+" + template[0] + template[1] + pad(digits(r, Integer.parseInt(template[2])), Integer.parseInt(template[2]));
    }

    static String pad(long value, int width) {
        String s = Long.toString(value);
        if (s.length() >= width) {
            return s;
        }
        StringBuilder sb = new StringBuilder(width);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s).toString();
    }

    /** Device type allocation codes of common handsets and of GSM/LTE modules used in SIM boxes. */
    static final String[] HANDSET_TACS = {
            "35332811", "35391110", "86769104", "86492605", "35875311", "86893104", "35260011", "86120605",
            "35467012", "86305105", "35916211", "86884206"};
    static final String[] MODULE_TACS = {"86212103", "86733904", "35466404", "86140103"};

    /** The IMEI of a common handset. */
    static String handsetImei(SplittableRandom r) {
        return imei(HANDSET_TACS[r.nextInt(HANDSET_TACS.length)], r);
    }

    /** The IMEI of a GSM/LTE module, as SIM boxes are built of. */
    static String moduleImei(SplittableRandom r) {
        return imei(MODULE_TACS[r.nextInt(MODULE_TACS.length)], r);
    }

    /** A 15-digit IMEI: TAC + 6-digit serial + Luhn check digit. */
    static String imei(String tac, SplittableRandom r) {
        String body = tac + pad(digits(r, 6), 6);
        return body + luhnCheckDigit(body);
    }

    /** Luhn check digit for a digit string (the digit to append). */
    static int luhnCheckDigit(String body) {
        int sum = 0;
        boolean dbl = true;
        for (int i = body.length() - 1; i >= 0; i--) {
            int d = body.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return (10 - sum % 10) % 10;
    }

    static boolean luhnValid(String digits) {
        if (digits.length() < 2) {
            return false;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (!Character.isDigit(digits.charAt(i))) {
                return false;
            }
        }
        return luhnCheckDigit(digits.substring(0, digits.length() - 1)) == digits.charAt(digits.length() - 1) - '0';
    }

    /** A 15-digit IMSI of our network: MCC 460, MNC 00/02/07, 10-digit MSIN. */
    static String imsi(SplittableRandom r) {
        String[] mnc = {"00", "02", "07"};
        return "460" + mnc[r.nextInt(3)] + pad(digits(r, 10), 10);
    }

    /** SplitMix64 finaliser: a deterministic 64-bit mix. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static long mix(long a, long b) {
        return mix(a * 0x9E3779B97F4A7C15L + mix(b));
    }

    static long mix(long a, long b, long c) {
        return mix(mix(a, b), c);
    }

    /** 16 hex digits of a salted 64-bit hash, as used for id_hash and reporter_hash. */
    static String hash16(long salt, long value) {
        String h = Long.toHexString(mix(salt, value));
        return "0000000000000000".substring(h.length()) + h;
    }
}
