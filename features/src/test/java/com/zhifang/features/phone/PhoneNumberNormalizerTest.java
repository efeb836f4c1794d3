package com.zhifang.features.phone;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import com.zhifang.features.domain.NumberClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhoneNumberNormalizerTest {
    private final PhoneNumberNormalizer normalizer = new PhoneNumberNormalizer();

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
            // every signalled form of the landing contract
            "13812345678,      +8613812345678,  MOBILE",
            "+8613812345678,   +8613812345678,  MOBILE",
            "8613812345678,    +8613812345678,  MOBILE",
            "008613812345678,  +8613812345678,  MOBILE",
            "01087654321,      +861087654321,   FIXED_LINE",
            "02887654321,      +862887654321,   FIXED_LINE",
            "+447911123456,    +447911123456,   INTERNATIONAL",
            "00447911123456,   +447911123456,   INTERNATIONAL",
            "+2250701234567,   +2250701234567,  INTERNATIONAL",
            // the contract's example +447700900123 is in the UK range reserved for drama: not allocated
            "+447700900123,    +447700900123,   INVALID",
            "95588,            +8695588,        SERVICE",
            "4008123123,       +864008123123,   SERVICE",
            "10086,            +8610086,        SERVICE",
            "1069012345678,    +861069012345678, SMS_PORT",
            // virtual-operator blocks are ordinary mobiles
            "17012345678,      +8617012345678,  MOBILE",
            // punctuation as some switches print it
            "'+86 138-1234-5678', +8613812345678, MOBILE",
            // wrong length and unassigned ranges
            "1381234567,       +86?1381234567,  INVALID",
            "12012345678,      +8612012345678,  INVALID",
            "+999123,          +999123,         INVALID",
    })
    void normalisesSignalledForms(String raw, String e164, NumberClass expected) {
        NormalizedNumber n = normalizer.normalize(raw);
        assertEquals(expected, n.numberClass());
        assertEquals(e164, n.e164());
        assertEquals(raw, n.raw());
    }

    /**
     * One number, every form a switch signals it in: one key and one class. A fixed line keeps its
     * trunk 0 after the country code on some switches ({@code +86 021...}); a mobile may come with
     * the trunk 0 of a long-distance call; Beijing's lines start 010 6..., the digits of SMS ports.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "mobile         | +8613812345678 | MOBILE     | 13812345678; +8613812345678; 8613812345678; 008613812345678; +86 138 1234 5678;"
                    + " 138-1234-5678; 0086 138 1234 5678; 86-138-1234-5678; 013812345678; +86 0138 1234 5678; (+86) 138.1234.5678",
            "Beijing line   | +861061234567  | FIXED_LINE | 01061234567; 010-6123-4567; (010) 6123 4567; +861061234567; +86 10 6123 4567;"
                    + " 861061234567; 00861061234567; +86 010 6123 4567; +86010-61234567; 0086 010 61234567; 86 010 6123 4567; 86-010-61234567",
            "Shanghai line  | +862187654321  | FIXED_LINE | 02187654321; 021-8765-4321; +862187654321; +86 21 8765 4321; 862187654321;"
                    + " 00862187654321; +86 021 8765 4321; 0086 021 87654321; 0086-021-8765-4321; 86 021 87654321",
            "bank service   | +8695588       | SERVICE    | 95588; +8695588; 8695588; 008695588; +86 95588; 86 955 88; 0086-95588",
            "400 number     | +864008123123  | SERVICE    | 4008123123; 400-812-3123; +864008123123; 864008123123; 00864008123123; +86 400 812 3123",
            "12321 centre   | +8612321       | SERVICE    | 12321; +8612321; 8612321; 008612321; +86 123 21",
            "operator 10086 | +8610086       | SERVICE    | 10086; +8610086; 8610086; 008610086; +86 10086",
    })
    void everyFormOfOneNumberHasOneKeyAndClass(String what, String key, NumberClass expected, String forms) {
        for (String form : forms.split(";")) {
            NormalizedNumber n = normalizer.normalize(form.strip());
            assertEquals(key, n.e164(), what + ": " + form);
            assertEquals(expected, n.numberClass(), what + ": " + form);
        }
    }

    /**
     * A mobile prefix without 11 digits is no number: INVALID, in every form one key, and a key no
     * real number, block or prefix can share (a truncated +861381234567 would sit in the block of
     * real subscribers +86138123...).
     */
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "+86?1381234567   | 1381234567; +861381234567; 861381234567; 00861381234567; 138 1234 567; 01381234567; +86 0138 1234 567",
            "+86?138123456789 | 138123456789; +86138123456789; 86138123456789; 0086138123456789; 138-1234-5678-9",
            "+86?1991234      | 1991234; +861991234",
            "+86?138123       | 138123; +86 138 123",
    })
    void truncatedAndOverlongMobilesAreInvalidWithAKeyOfNoRealNumber(String key, String forms) {
        for (String form : forms.split(";")) {
            NormalizedNumber n = normalizer.normalize(form.strip());
            assertEquals(NumberClass.INVALID, n.numberClass(), form);
            assertEquals(key, n.e164(), form);
            assertFalse(n.unusable(), "a digit string keeps a key: " + form);
        }
        assertEquals(NumberClass.MOBILE, normalizer.normalize("13812345678").numberClass(), "11 digits are a mobile");
    }

    /**
     * 106... is an SMS port only without a trunk 0: 010 6... is a Beijing line. With a country code
     * and the 10 digits of a Beijing NSN, libphonenumber decides (a fixed line); signalled nationally
     * the same 10 digits are a port.
     */
    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
            "1069012345678,     +861069012345678, SMS_PORT",
            "+861069012345678,  +861069012345678, SMS_PORT",
            "008610690123456,   +8610690123456,   SMS_PORT",
            "10690001,          +8610690001,      SMS_PORT",
            "+8610690001,       +8610690001,      SMS_PORT",
            "1065512345,        +861065512345,    SMS_PORT",
            "+861065512345,     +861065512345,    FIXED_LINE",
            "01065512345,       +861065512345,    FIXED_LINE",
            "010690001,         +86?10690001,     INVALID",
            "0106901234567,     +86?106901234567, INVALID",
    })
    void portsOnlyWithoutTrunkZero(String raw, String e164, NumberClass expected) {
        NormalizedNumber n = normalizer.normalize(raw);
        assertEquals(expected, n.numberClass(), raw);
        assertEquals(e164, n.e164(), raw);
    }

    /**
     * Over many numbers in every form: a key of an INVALID number is never the key of a number of
     * another class, and every key normalises to itself (with its class, save the one documented
     * case: a 10-digit port signalled nationally shares its key with the Beijing line of its digits).
     */
    @Test
    void invalidKeysAreNeverKeysOfOtherNumbersAndKeysAreFixedPoints() {
        Random random = new Random(20261201);
        String[] leads = {"13", "14", "15", "16", "17", "18", "19", "10", "106", "1069", "12", "11", "2", "21", "3", "5", "7", "9", "95",
                "96", "400", "800", "0", "86"};
        String[] forms = {"%s", "+86%s", "86%s", "0086%s", "0%s", "+860%s", "860%s", "00860%s", "+86 %s", "86 0%s"};
        Map<String, NumberClass> classOfKey = new HashMap<>();
        int invalid = 0;
        int malformed = 0;
        for (int i = 0; i < 30_000; i++) {
            StringBuilder nsn = new StringBuilder(leads[random.nextInt(leads.length)]);
            int length = 2 + random.nextInt(16);
            while (nsn.length() < length) {
                nsn.append(random.nextInt(10));
            }
            NormalizedNumber n = normalizer.normalize(String.format(forms[random.nextInt(forms.length)], nsn));
            if (n.e164() == null) {
                continue;
            }
            NormalizedNumber again = normalizer.normalize(n.e164());
            assertEquals(n.e164(), again.e164(), n::toString);
            boolean nationalPort = n.numberClass() == NumberClass.SMS_PORT && n.e164().length() == 13;
            if (!nationalPort) {
                assertEquals(n.numberClass(), again.numberClass(), n::toString);
            }
            NumberClass earlier = classOfKey.putIfAbsent(n.e164(), n.numberClass());
            if (earlier != null) {
                assertEquals(earlier == NumberClass.INVALID, n.numberClass() == NumberClass.INVALID, n::toString);
            }
            if (n.numberClass() == NumberClass.INVALID) {
                invalid++;
                malformed += n.e164().startsWith(PhoneNumberNormalizer.MALFORMED_PREFIX) ? 1 : 0;
            }
        }
        assertTrue(invalid > 1000 && malformed > 500 && classOfKey.size() > 10_000,
                "the sample holds invalid and malformed numbers: " + invalid + ", " + malformed + " of " + classOfKey.size());
    }

    @Test
    void emptyIsHidden() {
        assertEquals(NumberClass.HIDDEN, normalizer.normalize("").numberClass());
        assertEquals(NumberClass.HIDDEN, normalizer.normalize(null).numberClass());
        assertNull(normalizer.normalize(" ").e164());
    }

    @Test
    void textIsInvalidWithoutKey() {
        NormalizedNumber n = normalizer.normalize("anonymous");
        assertEquals(NumberClass.INVALID, n.numberClass());
        assertNull(n.e164());
    }

    @Test
    void cachedAnswersEqualFreshOnes() {
        NormalizedNumber first = normalizer.normalize("13812345678");
        assertEquals(first, normalizer.normalize("13812345678"));
        assertEquals(first, new PhoneNumberNormalizer().normalize("13812345678"));
    }

    /**
     * The normaliser classifies a +86 number by its type alone, relying on libphonenumber's validity
     * for China being exactly "its type is known". Checked on random national numbers of every
     * length the normaliser hands to the library, with leading digits of real ranges, so a library
     * upgrade that breaks the equivalence fails here.
     */
    @Test
    void validityForChinaIsAKnownNumberType() {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        Random random = new Random(20261130);
        String[] leads = {"13", "14", "15", "16", "17", "18", "19", "10", "12", "2", "3", "4", "5", "7", "8", "9", "400", "800"};
        for (int i = 0; i < 50_000; i++) {
            StringBuilder nsn = new StringBuilder(leads[random.nextInt(leads.length)]);
            int length = 7 + random.nextInt(11);
            while (nsn.length() < length) {
                nsn.append(random.nextInt(10));
            }
            Phonenumber.PhoneNumber number = new Phonenumber.PhoneNumber().setCountryCode(86)
                    .setNationalNumber(Long.parseLong(nsn.toString()));
            assertEquals(util.isValidNumber(number), util.getNumberType(number) != PhoneNumberUtil.PhoneNumberType.UNKNOWN,
                    nsn::toString);
        }
    }
}
