package com.zhifang.features.phone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
}
