package com.zhifang.jobs.generate;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Totals of one dataset over all files written. */
public record DatasetTotals(
    Dataset dataset, int files, long rows, long duplicateRows, Map<MalformedKind, Long> malformedRows, long lateRows) {

  public DatasetTotals {
    EnumMap<MalformedKind, Long> copy = new EnumMap<>(MalformedKind.class);
    for (MalformedKind kind : MalformedKind.values()) {
      copy.put(kind, malformedRows == null ? 0L : malformedRows.getOrDefault(kind, 0L));
    }
    malformedRows = Collections.unmodifiableMap(copy);
  }

  public long malformedTotal() {
    long total = 0;
    for (long n : malformedRows.values()) {
      total += n;
    }
    return total;
  }
}
