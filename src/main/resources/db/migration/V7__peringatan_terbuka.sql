-- The open alerts of a kecamatan (issue 12): Terlambat and /api/keterlambatan read one page in deadline order, count them
-- and list their SOPs and holders for the filters, from these indexes alone. V5's index (kecamatan, jenis, selesai_pada,
-- tenggat, id) serves H2, but PostgreSQL's planner takes only equalities, not "selesai_pada IS NULL", as fixing a column
-- for the order of the next: with 100,000 open alerts it read the whole table for every page (450 ms). So on PostgreSQL
-- these are partial indexes of the open alerts (${openAlertsOnly} is "WHERE selesai_pada IS NULL" there, empty on H2,
-- which has no partial indexes). Never edit once applied: a change is a new V<n>__name.sql.
CREATE INDEX SOPFLOW_PERINGATAN_TERBUKA_URUT ON SOPFLOW_PERINGATAN (kecamatan, jenis, tenggat, id) ${openAlertsOnly};
CREATE INDEX SOPFLOW_PERINGATAN_TERBUKA_PILIHAN ON SOPFLOW_PERINGATAN (kecamatan, jenis, proses_key, pemegang) ${openAlertsOnly};
