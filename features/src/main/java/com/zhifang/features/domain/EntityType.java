package com.zhifang.features.domain;

import com.zhifang.features.schema.RecordColumns;
import com.zhifang.features.schema.Tables;

/**
 * What a listed entity is: the contract's {@code entity_type}. Each has the column that keys it in
 * the features tables and the features table its detectors read.
 */
public enum EntityType implements Code {
    /** A phone number (E.164), ours or another operator's. */
    NUMBER(RecordColumns.NUMBER, Tables.FEATURES_NUMBER),
    /** A handset or SIM-box port, by IMEI. */
    DEVICE(RecordColumns.IMEI, Tables.FEATURES_DEVICE),
    /** An interconnect, international or private-line trunk. */
    TRUNK(RecordColumns.TRUNK_ID, Tables.FEATURES_TRUNK),
    /** The enterprise behind an application-to-person SMS port. */
    PORT_CUSTOMER(RecordColumns.PORT_CUSTOMER, Tables.FEATURES_PORT_CUSTOMER);

    private final String keyColumn;
    private final String featuresTable;

    EntityType(String keyColumn, String featuresTable) {
        this.keyColumn = keyColumn;
        this.featuresTable = featuresTable;
    }

    @Override
    public String code() {
        return name();
    }

    /** The column holding the entity's id in its features table. */
    public String keyColumn() {
        return keyColumn;
    }

    /** The features table its detectors read ({@code features_number}, ...). */
    public String featuresTable() {
        return featuresTable;
    }
}
