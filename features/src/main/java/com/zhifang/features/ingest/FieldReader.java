package com.zhifang.features.ingest;

import com.zhifang.features.domain.Code;
import com.zhifang.features.domain.NumberClass;
import com.zhifang.features.phone.NormalizedNumber;
import com.zhifang.features.phone.PhoneNumberNormalizer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed access to the fields of one CSV record, by header name, with the contract's validation.
 * Every failure is a {@link RejectedRecordException} naming the field, so the quarantine can say
 * exactly what was wrong. One instance per file (it holds the header's column positions).
 */
public final class FieldReader {
    private final Map<String, Integer> columnIndex;
    private final ZoneId carrierZone;
    private final PhoneNumberNormalizer numbers;
    private List<String> fields;
    private int unusableOptionalNumbers;

    public FieldReader(Map<String, Integer> columnIndex, ZoneId carrierZone, PhoneNumberNormalizer numbers) {
        this.columnIndex = columnIndex;
        this.carrierZone = carrierZone;
        this.numbers = numbers;
    }

    /** Points the reader at the next record. */
    public void bind(List<String> recordFields) {
        this.fields = recordFields;
        this.unusableOptionalNumbers = 0;
    }

    /** Optional number fields of the bound record that held an unusable number ({@link #number}). */
    public int unusableOptionalNumbers() {
        return unusableOptionalNumbers;
    }

    public ZoneId carrierZone() {
        return carrierZone;
    }

    /** The field's text, or null when empty or the column is absent from this file. */
    public String optional(String column) {
        Integer index = columnIndex.get(column);
        if (index == null) {
            return null;
        }
        String value = fields.get(index);
        return value == null || value.isEmpty() ? null : value;
    }

    public String required(String column) throws RejectedRecordException {
        String value = optional(column);
        if (value == null) {
            throw new RejectedRecordException(QuarantineReason.MISSING_REQUIRED_FIELD, column, column + " is empty");
        }
        return value;
    }

    /** A required code of the contract's vocabulary {@code type}; any other value rejects the record with {@code reason}. */
    public <E extends Enum<E> & Code> E code(String column, Class<E> type, QuarantineReason reason) throws RejectedRecordException {
        return codeOf(column, required(column), type, reason);
    }

    /** An optional code: null when empty, else as {@link #code}. */
    public <E extends Enum<E> & Code> E optionalCode(String column, Class<E> type, QuarantineReason reason)
            throws RejectedRecordException {
        String value = optional(column);
        return value == null ? null : codeOf(column, value, type, reason);
    }

    private static <E extends Enum<E> & Code> E codeOf(String column, String value, Class<E> type, QuarantineReason reason)
            throws RejectedRecordException {
        Optional<E> parsed = Code.parse(type, value);
        if (parsed.isEmpty()) {
            throw new RejectedRecordException(reason, column,
                    column + " '" + abbreviate(value) + "' is not one of " + Code.codes(type));
        }
        return parsed.get();
    }

    public Instant timestamp(String column) throws RejectedRecordException {
        String value = required(column);
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new RejectedRecordException(QuarantineReason.BAD_TIMESTAMP, column,
                    column + " '" + abbreviate(value) + "' is not an ISO-8601 timestamp with offset");
        }
    }

    /** Carrier-local calendar day of an instant: the traffic day. */
    public LocalDate dayOf(Instant instant) {
        return instant.atZone(carrierZone).toLocalDate();
    }

    /** A date written as {@code 2026-11-27}, or a timestamp with offset (its carrier-local day). */
    public LocalDate date(String column, boolean required) throws RejectedRecordException {
        String value = required ? required(column) : optional(column);
        if (value == null) {
            return null;
        }
        try {
            if (value.length() <= 10) {
                return LocalDate.parse(value);
            }
            return dayOf(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            throw new RejectedRecordException(QuarantineReason.BAD_TIMESTAMP, column,
                    column + " '" + abbreviate(value) + "' is not an ISO-8601 date");
        }
    }

    public Integer nonNegativeInt(String column, boolean required) throws RejectedRecordException {
        String value = required ? required(column) : optional(column);
        if (value == null) {
            return null;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new RejectedRecordException(QuarantineReason.BAD_NUMBER_FIELD, column,
                column + " '" + abbreviate(value) + "' is not a non-negative integer");
    }

    /** A 0/1 flag, exactly as the contract writes it (Y/N, true/false are not flags there). */
    public Boolean flag(String column) throws RejectedRecordException {
        String value = required(column);
        switch (value) {
            case "1" -> { return Boolean.TRUE; }
            case "0" -> { return Boolean.FALSE; }
            default -> throw new RejectedRecordException(QuarantineReason.BAD_NUMBER_FIELD, column,
                    column + " '" + abbreviate(value) + "' is not 0 or 1");
        }
    }

    /**
     * An optional number field: {@link NumberClass#HIDDEN} when empty. A number that cannot be used
     * ({@link NormalizedNumber#unusable()}) does not reject the record: it is kept without a key,
     * with its raw text and class {@code INVALID}, and counted ({@link #unusableOptionalNumbers()}).
     */
    public NormalizedNumber number(String column) {
        NormalizedNumber number = numbers.normalize(optional(column));
        if (number.unusable()) {
            unusableOptionalNumbers++;
        }
        return number;
    }

    /**
     * A number our own network presented (the caller of a call our subscriber made, the sender of
     * our subscriber's or an SMS port's message): it may be empty ({@link NumberClass#HIDDEN}, a
     * restricted caller ID), but text that cannot be used as a number
     * ({@link NormalizedNumber#unusable()}) is a broken record of ours and rejects it with
     * {@code INVALID_NUMBER}. Numbers presented by other networks are read with {@link #number}: a
     * caller ID that is no number is what a spoofing trunk sends, evidence to keep, not to drop.
     */
    public NormalizedNumber ownNetworkNumber(String column) throws RejectedRecordException {
        NormalizedNumber number = numbers.normalize(optional(column));
        if (number.unusable()) {
            throw new RejectedRecordException(QuarantineReason.INVALID_NUMBER, column, column + " '" + abbreviate(number.raw())
                    + "' is not a phone number: it holds characters other than digits, or only a prefix");
        }
        return number;
    }

    /**
     * A number field the record cannot do without (the called party, a notice's number, a
     * subscriber's MSISDN ...): empty or blank rejects the record with {@code MISSING_REQUIRED_FIELD},
     * a number that cannot be used ({@link NormalizedNumber#unusable()}) with {@code INVALID_NUMBER}.
     * The result always has a key.
     */
    public NormalizedNumber requiredNumber(String column) throws RejectedRecordException {
        NormalizedNumber number = numbers.normalize(required(column));
        if (number.e164() == null) {
            throw number.unusable()
                    ? new RejectedRecordException(QuarantineReason.INVALID_NUMBER, column, column + " '" + abbreviate(number.raw())
                            + "' is not a phone number: it holds characters other than digits, or only a prefix")
                    : new RejectedRecordException(QuarantineReason.MISSING_REQUIRED_FIELD, column, column + " is blank");
        }
        return number;
    }

    static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 37) + "...";
    }
}
