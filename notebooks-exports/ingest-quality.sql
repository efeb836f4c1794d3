-- Ingest quality of one landing day: what arrived, what was rejected and why, what came late.
-- Parameters: date (landing day, YYYY-MM-DD).

-- Rejected lines by dataset and reason, with an example line to show the mediation team.
SELECT dataset, reason, field, count(*) AS lines, min(source_file) AS example_file,
       min_by(source_line, source_file) AS example_line, min_by(raw_line, source_file) AS example_raw
FROM quarantine
WHERE landing_day = DATE'${date}'
GROUP BY dataset, reason, field
ORDER BY lines DESC;

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
