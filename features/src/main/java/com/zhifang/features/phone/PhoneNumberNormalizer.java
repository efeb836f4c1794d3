package com.zhifang.features.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.zhifang.features.domain.NumberClass;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns numbers "as signalled" by Chinese switches into E.164 keys and a {@link NumberClass}.
 *
 * <p>Handles every form of the landing contract: {@code 13812345678}, {@code +8613812345678},
 * {@code 8613812345678}, {@code 008613812345678}, {@code 01087654321} (trunk prefix 0),
 * {@code +447700900123}, service numbers ({@code 95588}, 400/800, short codes), SMS ports
 * ({@code 106...}) and empty. China-specific number kinds (service, ports, short codes) are
 * recognised before libphonenumber because its metadata treats them as invalid; mobile, fixed-line
 * and foreign numbers are validated by libphonenumber, so numbers in unassigned ranges come out as
 * {@link NumberClass#INVALID}.
 *
 * <p>Not thread-safe: it keeps a bounded LRU cache, since the same numbers recur many times in a
 * day's records. Create one per task.
 */
public final class PhoneNumberNormalizer {
    static final int CHINA_COUNTRY_CODE = 86;
    private static final String CHINA_PREFIX = "+86";
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
        boolean international = cleaned.startsWith("+");
        String digits = international ? cleaned.substring(1) : cleaned;
        if (digits.isEmpty() || !isAllDigits(digits)) {
            return new NormalizedNumber(raw, null, NumberClass.INVALID);
        }
        if (!international && digits.startsWith("00")) {   // China's international call prefix
            international = true;
            digits = digits.substring(2);
        }
        if (international) {
            if (digits.startsWith("86")) {
                return classifyNational(raw, digits.substring(2));
            }
            return classifyForeign(raw, digits);
        }
        // No Chinese national significant number starts with 86, so a long 86... is the country code
        // written without '+'.
        if (digits.startsWith("86") && digits.length() >= 11) {
            return classifyNational(raw, digits.substring(2));
        }
        if (digits.startsWith("0")) {                        // trunk prefix of fixed lines
            return classifyNational(raw, digits.substring(1));
        }
        return classifyNational(raw, digits);
    }

    /** {@code nsn}: national significant number, without country code or trunk prefix. */
    private NormalizedNumber classifyNational(String raw, String nsn) {
        if (nsn.isEmpty()) {
            return new NormalizedNumber(raw, null, NumberClass.INVALID);
        }
        String key = CHINA_PREFIX + nsn;
        int length = nsn.length();
        if (nsn.startsWith("106") && length >= 8 && length <= 20) {
            return new NormalizedNumber(raw, key, NumberClass.SMS_PORT);
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
        if (length > 17) {
            return new NormalizedNumber(raw, key, NumberClass.INVALID);
        }
        // For +86, one region, libphonenumber's isValidNumber is exactly "getNumberType is not UNKNOWN", and
        // UNKNOWN maps to INVALID: one type lookup (a regular expression per number type) instead of two.
        PhoneNumber parsed = new PhoneNumber().setCountryCode(CHINA_COUNTRY_CODE).setNationalNumber(parseLong(nsn));
        return new NormalizedNumber(raw, key, classOf(util.getNumberType(parsed)));
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

    private static long parseLong(String digits) {
        return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
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
