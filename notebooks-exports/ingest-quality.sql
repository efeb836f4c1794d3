-- Ingest quality of one landing day: what arrived, what was rejected and why, what came late.
-- Parameters: date (landing day, YYYY-MM-DD).

-- Rejected lines by dataset and reason, with an example line to show the mediation team.
-- Review rows of conflicting duplicates (next query) are not rejected lines.
SELECT dataset, reason, field, count(*) AS lines, min(source_file) AS example_file,
       min_by(source_line, source_file) AS example_line, min_by(raw_line, source_file) AS example_raw
FROM quarantine
WHERE landing_day = DATE'${date}' AND reason <> 'CONFLICTING_DUPLICATE'
GROUP BY dataset, reason, field
ORDER BY lines DESC;

-- Conflicting duplicates found in this day's files: for each record id, the copy kept (counted_as ACCEPTED)
-- and the copies that differ from it (DUPLICATE), the differing columns, each copy's file, line and content.
SELECT dataset, record_id, counted_as, field AS differing_columns, landing_day, source_file, source_line, raw_line AS content
FROM quarantine
WHERE reason = 'CONFLICTING_DUPLICATE'
  AND (dataset, record_id) IN (SELECT dataset, record_id FROM quarantine
                               WHERE reason = 'CONFLICTING_DUPLICATE' AND landing_day = DATE'${date}')
ORDER BY dataset, record_id, counted_as, source_file, source_line;

-- Voice records that arrived in this day's folder, by the traffic day they belong to (late records show up as earlier days).
SELECT traffic_day, count(*) AS records, count_if(record_type = 'MO') AS mo, count_if(record_type = 'MT') AS mt,
       count_if(record_type = 'GW') AS gw
FROM voice_calls
WHERE landing_day = DATE'${date}'
GROUP BY traffic_day
ORDER BY traffic_day;

-- How numbers were signalled and classified on that traffic day.
SELECT calling_number_class AS number_class, count(*) AS calling_side
FROM voice_calls
WHERE traffic_day = DATE'${date}'
GROUP BY calling_number_class
ORDER BY calling_side DESC;

-- The run reports of that day: status, totals, and each stage's wall time.
SELECT run_id, command, status, started_at, finished_at,
       get_json_object(report_json, '$.totals') AS totals
FROM run_log
WHERE run_date = DATE'${date}'
ORDER BY started_at;
