package com.zhifang.features.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * The fingerprint stored in an event's {@code content_hash}: the first 8 bytes of a SHA-256 over
 * the values of its content columns ({@link com.zhifang.features.catalog.Schemas#contentColumnsOf}),
 * in table order, each written as its canonical text with its length, a null marked apart, so two
 * different contents never feed the digest the same bytes. Two copies of a record id with equal
 * fingerprints are the same delivery; different ones disagree somewhere.
 *
 * <p>Defined here rather than by a Spark hash expression so that a fingerprint stored today still
 * matches one computed by a later Spark version or in another session time zone. Two different
 * contents share a fingerprint with probability 2^-64 per pair; such a pair would be taken for an
 * identical re-delivery. Cost: one digest of a few hundred bytes per accepted event, computed by the
 * parser, and 8 bytes stored per row.
 */
public final class ContentHash {
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private ContentHash() {}

    /** The fingerprint of the values {@code valueOf} gives for {@code columns}. */
    public static long of(List<String> columns, Function<String, Object> valueOf) {
        MessageDigest sha = SHA_256.get();
        sha.reset();
        for (String column : columns) {
            Object value = valueOf.apply(column);
            if (value == null) {
                sha.update((byte) 0);
                continue;
            }
            byte[] text = canonical(column, value).getBytes(StandardCharsets.UTF_8);
            sha.update((byte) 1);
            sha.update((byte) (text.length >>> 24));
            sha.update((byte) (text.length >>> 16));
            sha.update((byte) (text.length >>> 8));
            sha.update((byte) text.length);
            sha.update(text);
        }
        byte[] digest = sha.digest();
        long hash = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            hash = hash << 8 | (digest[i] & 0xff);
        }
        return hash;
    }

    /**
     * One text per value whatever form it was read in: the parser's {@code Instant}/{@code LocalDate}
     * and a table's {@code java.sql} values (without Spark's java8 API) give the same text.
     */
    private static String canonical(String column, Object value) {
        if (value instanceof String || value instanceof Integer || value instanceof Long || value instanceof Boolean
                || value instanceof Instant || value instanceof LocalDate) {
            return value.toString();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().toString();
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        throw new IllegalArgumentException("content column " + column + " has a value of type "
                + value.getClass().getName() + ", which has no canonical form here");
    }
}
