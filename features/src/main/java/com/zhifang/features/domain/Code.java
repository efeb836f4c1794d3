package com.zhifang.features.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A value of the contract's vocabulary as it is written in files and stored in tables. Most codes
 * are their enum constant's name; a few are not valid Java names (the complaint channel
 * {@code 12321}), hence the separate {@link #code()}.
 */
public interface Code {
    /** The code as it appears in landing files, tables and hand-over files. */
    String code();

    /** The constant whose code is {@code value}, if any (exact match: codes are upper case in the contract). */
    static <E extends Enum<E> & Code> Optional<E> parse(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.code().equals(value)).findFirst();
    }

    /** Every code of {@code type}, in declaration order. */
    static <E extends Enum<E> & Code> List<String> codes(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Code::code).toList();
    }
}
