package com.zhifang.features.schema;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RowValuesTest {
    private static final StructType SCHEMA = new StructType()
            .add("record_id", DataTypes.StringType).add("duration_s", DataTypes.IntegerType).add("imei", DataTypes.StringType);

    @Test
    void valuesLandInTheirNamedColumnsWhateverTheOrderTheyAreSetIn() {
        Row row = new RowValues(SCHEMA).set("duration_s", 30).set("record_id", "FV1").toRow();
        assertEquals("FV1", row.getString(0));
        assertEquals(30, row.getInt(1));
        assertNull(row.get(2), "a column never set is null");
    }

    @Test
    void aBuiltRowTakesNoMoreValues() {
        RowValues values = new RowValues(SCHEMA).set("record_id", "FV1");
        Row row = values.toRow();
        assertThrows(IllegalStateException.class, () -> values.set("imei", "867339044733719"));
        assertThrows(IllegalStateException.class, values::toRow);
        assertNull(row.get(2));
    }

    @Test
    void aColumnTheSchemaLacksFailsAtOnce() {
        assertThrows(IllegalArgumentException.class, () -> new RowValues(SCHEMA).set("durationS", 30));
    }
}
