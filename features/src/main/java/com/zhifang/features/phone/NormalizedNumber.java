package com.zhifang.features.phone;

import com.zhifang.features.domain.NumberClass;
import java.io.Serializable;

/**
 * A signalled number after normalisation.
 *
 * @param raw       the number exactly as signalled (may be null or empty)
 * @param e164      canonical key: E.164 ({@code +8613812345678}) for numbers made of digits, also for
 *                  service numbers, SMS ports and invalid digit strings so they group consistently;
 *                  null when nothing usable was presented (hidden) or the text is not a number at all
 * @param numberClass what kind of number it is
 */
public record NormalizedNumber(String raw, String e164, NumberClass numberClass) implements Serializable {}
