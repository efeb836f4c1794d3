package com.zhifang.features.phone;

import com.zhifang.features.domain.NumberClass;
import java.io.Serializable;

/**
 * A signalled number after normalisation.
 *
 * @param raw       the number exactly as signalled (may be null or empty)
 * @param e164      canonical key: E.164 ({@code +8613812345678}) for numbers made of digits, also for
 *                  service numbers, SMS ports and invalid digit strings in unassigned ranges so they
 *                  group consistently; {@code +86?} and the digits ({@code +86?1381234567}) for digit
 *                  strings that cannot be a number as signalled (a truncated or over-long mobile), so
 *                  that no real number, block or prefix shares their key (see
 *                  {@link PhoneNumberNormalizer}); null when nothing usable was presented (hidden) or
 *                  the text is not a number at all
 * @param numberClass what kind of number it is
 */
public record NormalizedNumber(String raw, String e164, NumberClass numberClass) implements Serializable {

    /**
     * Whether something was presented that cannot be used as a number: it has no key because it
     * holds characters other than digits, a leading {@code +} and the separators the normaliser
     * drops (letters, {@code *}, {@code #}: {@code 13900ABCDEF}, {@code not-a-number}), or because it
     * is nothing but a prefix ({@code +}, {@code 00}, {@code 0}, {@code +86}).
     *
     * <p>This is the one rule ingest applies to number fields (see {@code FieldReader}). Unusual but
     * real numbers are usable and keep their key: short codes and service numbers, SMS ports,
     * international numbers, and digit strings in unassigned ranges ({@link NumberClass#INVALID}
     * with a key: an unallocated caller number is evidence of spoofing). An empty field is not
     * unusable but absent ({@link NumberClass#HIDDEN}).
     */
    public boolean unusable() {
        return e164 == null && numberClass != NumberClass.HIDDEN;
    }
}
