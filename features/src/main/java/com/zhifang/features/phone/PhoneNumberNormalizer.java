package com.zhifang.features.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.zhifang.features.domain.NumberClass;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns numbers "as signalled" by Chinese switches into keys and a {@link NumberClass}: one number,
 * in whichever form it was signalled, gets one key and one class.
 *
 * <p>Forms: national {@code 13812345678}; with country code {@code +8613812345678},
 * {@code 8613812345678}, {@code 008613812345678}; fixed lines with the domestic trunk prefix
 * {@code 01087654321}, {@code 02187654321}, and with a trunk 0 left after the country code
 * ({@code +86 021 87654321}, {@code 0086 010...}, {@code 86 021...}: that 0 is dropped, as dialling
 * from abroad drops it); spaces, dashes, dots and brackets anywhere; foreign numbers
 * ({@code +447700900123}, {@code 0044...}); service numbers ({@code 95588}, 400/800, short codes
 * such as {@code 12321} and {@code 10086}); SMS ports ({@code 106...}); empty. China-specific number
 * kinds (service, ports, short codes) are recognised before libphonenumber because its metadata
 * treats them as invalid; mobile, fixed-line and foreign numbers are validated by libphonenumber, so
 * numbers in unassigned ranges come out as {@link NumberClass#INVALID}.
 *
 * <p>SMS ports and Beijing fixed lines share the digits {@code 106...}: Beijing's area code is 10
 * and many of its lines start with 6, so {@code 010 6123 4567} is a fixed line. A {@code 106...}
 * number is a port only when no trunk 0 was signalled (a port has no trunk prefix). With a country
 * code and a national significant number (NSN) of exactly 10 digits, the length of every Beijing
 * line, {@code +86 106...} is classified by libphonenumber, which takes every such number as a
 * Beijing fixed line: international forms are how switches write fixed lines (ports are national
 * codes, unreachable from abroad). A 10-digit port code signalled nationally ({@code 1065512345})
 * stays {@link NumberClass#SMS_PORT}, and its key is the key of the Beijing line with the same
 * digits: E.164 has no place for ports, so the two cannot be told apart by key, only by the class
 * of the record. A {@code 0106...} that is not a fixed line is {@link NumberClass#INVALID}.
 *
 * <p>Keys:
 * <ul>
 *   <li>valid numbers, service numbers and ports: E.164, {@code +86} and the NSN
 *       ({@code +8613812345678}, {@code +862187654321}, {@code +8695588});</li>
 *   <li>{@link NumberClass#INVALID} digit strings of a possible shape in an unassigned range
 *       ({@code 12012345678}, a foreign number libphonenumber rejects): the E.164 string of their
 *       digits. They are full-length numbers nobody holds, kept in the key space (and the number
 *       block) where a scanner dials them and a spoofer presents them;</li>
 *   <li>{@link NumberClass#INVALID} digit strings that cannot be a number in the form signalled: a
 *       mobile prefix 1[3-9] without 11 digits (truncated {@code 1381234567}, over-long
 *       {@code 138123456789}), an NSN still starting with 0 after the trunk prefix, a port code
 *       behind a trunk 0 that is no fixed line, more than 17 digits: {@code +86?} and the NSN
 *       ({@code +86?1381234567}). {@code ?} occurs in no other key, so such a key is never the key of
 *       a real number, nor inside the block or authorised prefix of real numbers (a truncated
 *       {@code +861381234567} would sit in the block {@code +86138123} of real subscribers and under
 *       any allowlisted or authorised prefix of it), and it does not read as a number when it
 *       reaches a suspect list. It still starts with {@code +86}, so a truncated {@code +86} number
 *       on an international trunk still counts as presenting {@code +86}.</li>
 * </ul>
 * No key of an INVALID number is the key of a number of another class: the marked keys by their
 * {@code ?}; the unmarked ones because their class is a function of the key (normalising the key
 * again gives the same class, tested). Every key normalises to itself, so numbers taken from the
 * job's own outputs (feedback about a listed number) find their entity again. The trunk features
 * count INVALID callers by class ({@code cli_unallocated_invalid}) and their distinct keys
 * ({@code distinct_clis}); keeping a key keeps both.
 *
 * <p>Not thread-safe: it keeps a bounded LRU cache, since the same numbers recur many times in a
 * day's records. Create one per task.
 */
public final class PhoneNumberNormalizer {
    static final int CHINA_COUNTRY_CODE = 86;
    private static final String CHINA_PREFIX = "+86";
    /** Prefix of the key of a digit string that cannot be a Chinese number in the form signalled. */
    static final String MALFORMED_PREFIX = CHINA_PREFIX + "?";
    private static final int CACHE_SIZE = 200_000;

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final Map<String, NormalizedNumber> cache = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, NormalizedNumber> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    public NormalizedNumber normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            return new NormalizedNumber(raw, null, NumberClass.HIDDEN);
        }
        NormalizedNumber cached = cache.get(raw);
        if (cached == null) {
            cached = compute(raw);
            cache.put(raw, cached);
        }
        return cached;
    }

    private NormalizedNumber compute(String raw) {
        String cleaned = stripPunctuation(raw.trim());
        if (cleaned.startsWith(MALFORMED_PREFIX)) {           // a key of ours for a malformed number: itself
            String nsn = cleaned.substring(MALFORMED_PREFIX.length());
            return !nsn.isEmpty() && isAllDigits(nsn) ? malformed(raw, nsn) : new NormalizedNumber(raw, null, NumberClass.INVALID);
        }
        boolean international = cleaned.startsWith("+");
        String digits = international ? cleaned.substring(1) : cleaned;
        if (digits.isEmpty() || !isAllDigits(digits)) {
            return new NormalizedNumber(raw, null, NumberClass.INVALID);
        }
        if (!international && digits.startsWith("00")) {   // China's international call prefix
            international = true;
            digits = digits.substring(2);
            if (digits.isEmpty()) {                           // nothing but the prefix
                return new NormalizedNumber(raw, null, NumberClass.INVALID);
            }
        }
        if (international) {
            if (digits.startsWith("86")) {
                return withTrunkPrefix(raw, digits.substring(2), true);
            }
            return classifyForeign(raw, digits);
        }
        // No Chinese national significant number starts with 86, so a long 86... is the country code
        // written without '+'. A short one (86 95588, 86 10086) is read so too when it is no number
        // as it stands but one after the country code: service numbers are shorter than 11 digits.
        if (digits.startsWith("86")) {
            if (digits.length() >= 11) {
                return withTrunkPrefix(raw, digits.substring(2), true);
            }
            NormalizedNumber national = withTrunkPrefix(raw, digits, false);
            if (national.numberClass() == NumberClass.INVALID && digits.length() > 2) {
                NormalizedNumber withCountryCode = withTrunkPrefix(raw, digits.substring(2), true);
                if (withCountryCode.numberClass() != NumberClass.INVALID) {
                    return withCountryCode;
                }
            }
            return national;
        }
        return withTrunkPrefix(raw, digits, false);
    }

    /**
     * {@code rest}: the digits after the country code (if one was signalled); a leading 0 is the
     * domestic trunk prefix, which some switches keep after the country code ({@code +86 021...}).
     */
    private NormalizedNumber withTrunkPrefix(String raw, String rest, boolean countryCode) {
        boolean trunkZero = rest.startsWith("0");
        return classifyNational(raw, trunkZero ? rest.substring(1) : rest, trunkZero, countryCode);
    }

    /**
     * {@code nsn}: national significant number, without country code or trunk prefix;
     * {@code trunkZero}: a trunk 0 was signalled before it; {@code countryCode}: +86 was.
     */
    private NormalizedNumber classifyNational(String raw, String nsn, boolean trunkZero, boolean countryCode) {
        if (nsn.isEmpty()) {
            return new NormalizedNumber(raw, null, NumberClass.INVALID);
        }
        String key = CHINA_PREFIX + nsn;
        int length = nsn.length();
        if (nsn.startsWith("0") || length > 17) {
            return malformed(raw, nsn);
        }
        if (nsn.length() >= 2 && nsn.charAt(0) == '1' && nsn.charAt(1) >= '3' && nsn.charAt(1) <= '9' && length != 11) {
            return malformed(raw, nsn);   // a mobile prefix: mobiles have 11 digits, no short code starts 13-19
        }
        if (nsn.startsWith("106") && length >= 8 && length <= 20) {
            if (length == 10 && (countryCode || trunkZero)) {      // the length of a Beijing line's NSN
                NumberClass byLibrary = typeOf(nsn);
                if (byLibrary == NumberClass.FIXED_LINE) {
                    return new NormalizedNumber(raw, key, NumberClass.FIXED_LINE);
                }
            }
            return trunkZero ? malformed(raw, nsn) : new NormalizedNumber(raw, key, NumberClass.SMS_PORT);
        }
        if ((nsn.startsWith("95") || nsn.startsWith("96")) && length >= 5 && length <= 8) {
            return new NormalizedNumber(raw, key, NumberClass.SERVICE);
        }
        if ((nsn.startsWith("400") || nsn.startsWith("800")) && length == 10) {
            return new NormalizedNumber(raw, key, NumberClass.SERVICE);
        }
        if (nsn.startsWith("1") && length >= 3 && length <= 6) {  // 110, 12321, 10086, 12345 ...
            return new NormalizedNumber(raw, key, NumberClass.SERVICE);
        }
        return new NormalizedNumber(raw, key, typeOf(nsn));
    }

    /**
     * For +86, one region, libphonenumber's isValidNumber is exactly "getNumberType is not UNKNOWN",
     * and UNKNOWN maps to INVALID: one type lookup (a regular expression per number type) instead of
     * two. {@code nsn} has no leading 0 (the national number is held as a long, which would drop it).
     */
    private NumberClass typeOf(String nsn) {
        PhoneNumber parsed = new PhoneNumber().setCountryCode(CHINA_COUNTRY_CODE).setNationalNumber(Long.parseLong(nsn));
        return classOf(util.getNumberType(parsed));
    }

    private static NormalizedNumber malformed(String raw, String nsn) {
        return new NormalizedNumber(raw, MALFORMED_PREFIX + nsn, NumberClass.INVALID);
    }

    private NormalizedNumber classifyForeign(String raw, String digits) {
        String key = "+" + digits;
        try {
            PhoneNumber parsed = util.parse(key, "ZZ");
            if (util.isValidNumber(parsed)) {
                return new NormalizedNumber(raw, util.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164),
                        NumberClass.INTERNATIONAL);
            }
        } catch (NumberParseException e) {
            // falls through: not a number of any country
        }
        return new NormalizedNumber(raw, key, NumberClass.INVALID);
    }

    private static NumberClass classOf(PhoneNumberType type) {
        return switch (type) {
            case MOBILE, FIXED_LINE_OR_MOBILE -> NumberClass.MOBILE;
            case FIXED_LINE -> NumberClass.FIXED_LINE;
            case TOLL_FREE, SHARED_COST, UAN, PREMIUM_RATE, VOIP, PERSONAL_NUMBER, VOICEMAIL, PAGER ->
                    NumberClass.SERVICE;
            default -> NumberClass.INVALID;
        };
    }

    private static String stripPunctuation(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' && c != '-' && c != '(' && c != ')' && c != '.') {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isAllDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
