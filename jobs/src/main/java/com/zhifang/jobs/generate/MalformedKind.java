package com.zhifang.jobs.generate;

/** The one defect a malformed voice/sms row carries. */
public enum MalformedKind {
  /** start_time / send_time present but not an ISO-8601 timestamp with offset. */
  BAD_TIMESTAMP,
  /** duration_s, ring_s, release_cause, answered (voice) or segments, delivered (sms) non-numeric or negative. */
  BAD_NUMBER_FIELD,
  /** record_type not one of the dataset's types. */
  UNKNOWN_RECORD_TYPE,
  /** a row with fewer or more fields than the header (still one physical line). */
  WRONG_COLUMN_COUNT,
  /** empty record_id, record_type or start_time / send_time. */
  MISSING_REQUIRED_FIELD
}
