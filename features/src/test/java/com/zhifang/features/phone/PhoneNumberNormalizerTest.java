package com.zhifang.features.phone;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import com.zhifang.features.domain.NumberClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
            "1381234567,       +861381234567,   INVALID",
            "12012345678,      +8612012345678,  INVALID",
            "+999123,          +999123,         INVALID",
    })
    void normalisesSignalledForms(String raw, String e164, NumberClass expected) {
        NormalizedNumber n = normalizer.normalize(raw);
        assertEquals(expected, n.numberClass());
        assertEquals(e164, n.e164());
        assertEquals(raw, n.raw());
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
