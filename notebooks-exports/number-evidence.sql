-- Everything the records say about one number on one traffic day, for checking a suspect by hand.
-- Parameters: number (E.164, e.g. +8617012345678), date (traffic day).

-- Outgoing calls (our subscriber: MO legs; another network or abroad: GW legs).
SELECT record_type, count(*) AS calls, count(DISTINCT called_number) AS distinct_callees,
       round(avg(CAST(answered AS INT)), 3) AS answer_rate, round(avg(duration_s), 1) AS mean_duration_s,
       count_if(ring_s <= 3 AND NOT answered) AS one_ring_unanswered, count_if(release_cause = 1) AS unallocated,
       count(DISTINCT imei) AS devices, count(DISTINCT cell_id) AS cells
FROM voice_calls
WHERE traffic_day = DATE'${date}' AND calling_number = '${number}' AND record_type IN ('MO', 'GW')
GROUP BY record_type;

-- Incoming calls to the number, and how many of its callees called it back.
SELECT count(*) AS calls_in, count(DISTINCT calling_number) AS distinct_callers,
       count(DISTINCT CASE WHEN calling_number IN (
           SELECT called_number FROM voice_calls
           WHERE traffic_day = DATE'${date}' AND calling_number = '${number}' AND record_type IN ('MO', 'GW'))
         THEN calling_number END) AS callees_who_called_back
FROM voice_calls
WHERE traffic_day = DATE'${date}' AND called_number = '${number}' AND record_type IN ('MT', 'GW');

-- SMS sent, with the most repeated texts.
SELECT content, count(*) AS messages, count(DISTINCT recipient) AS recipients
FROM sms_messages
WHERE traffic_day = DATE'${date}' AND sender = '${number}' AND record_type IN ('MO', 'PORT')
GROUP BY content
ORDER BY messages DESC
LIMIT 10;

-- Links it sent in the 7 days up to the date, how many numbers sent each one in those days, and how many of
-- those were SIMs activated at most 30 days before the date by that day's snapshot (the counts behind
-- link_senders_7d and link_new_senders_7d: a campaign split over a fresh batch of SIMs shows here as one link,
-- many numbers, most of them new; a forwarded vote or coupon link as one link, many numbers, old SIMs).
SELECT mine.entity_id AS link, count(DISTINCT everyone.number) AS numbers_that_sent_it,
       count(DISTINCT CASE WHEN s.activated_on >= date_sub(DATE'${date}', 30) THEN everyone.number END) AS new_sims_that_sent_it
FROM carried_number_day_state mine
JOIN carried_number_day_state everyone
  ON everyone.entity_type = 'LINK' AND everyone.entity_id = mine.entity_id
 AND everyone.traffic_day BETWEEN date_sub(DATE'${date}', 6) AND DATE'${date}'
LEFT JOIN ref_subscribers s
  ON s.msisdn = everyone.number
 AND s.snapshot_date = (SELECT max(snapshot_date) FROM ref_subscribers WHERE snapshot_date <= DATE'${date}')
WHERE mine.entity_type = 'LINK' AND mine.number = '${number}'
  AND mine.traffic_day BETWEEN date_sub(DATE'${date}', 6) AND DATE'${date}'
GROUP BY mine.entity_id
ORDER BY numbers_that_sent_it DESC;

-- Complaints and police notices against it, ever.
SELECT 'complaint' AS kind, category AS detail, channel, reported_at AS at FROM complaints WHERE reported_number = '${number}'
UNION ALL
SELECT 'police', case_ref, NULL, CAST(notified_on AS TIMESTAMP) FROM police_notices WHERE number = '${number}'
ORDER BY at;

-- Subscription record in the snapshot that applied that day.
SELECT s.*
FROM ref_subscribers s
WHERE s.msisdn = '${number}'
  AND s.snapshot_date = (SELECT max(snapshot_date) FROM ref_subscribers WHERE snapshot_date <= DATE'${date}');
