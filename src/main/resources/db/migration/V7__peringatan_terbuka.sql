-- The open alerts (issue 12): Terlambat and /api/keterlambatan read one page in deadline order, count them and list
-- their SOPs and holders for the filters, from these indexes alone. V5's index (kecamatan, jenis, selesai_pada,
-- tenggat, id) serves H2, but PostgreSQL's planner takes only equalities, not "selesai_pada IS NULL", as fixing a column
-- for the order of the next: with 100,000 open alerts it read the whole table for every page (450 ms). So on PostgreSQL
-- these are partial indexes of the open alerts (${openAlertsOnly} is "WHERE selesai_pada IS NULL" there, empty on H2,
-- which has no partial indexes). One per shape of the lists' conditions: a kecamatan and a kind (Terlambat, the API
-- with jenis), a kecamatan only (the API without jenis), every kecamatan (Bappeda, the admin); then the filters' values.
-- Never edit once applied: a change is a new V<n>__name.sql.
CREATE INDEX SOPFLOW_PERINGATAN_TERBUKA_URUT ON SOPFLOW_PERINGATAN (kecamatan, jenis, tenggat, id) ${openAlertsOnly};
CREATE INDEX SOPFLOW_PERINGATAN_TERBUKA_KEC ON SOPFLOW_PERINGATAN (kecamatan, tenggat, jenis, id) ${openAlertsOnly};
CREATE INDEX SOPFLOW_PERINGATAN_TERBUKA_SEMUA ON SOPFLOW_PERINGATAN (tenggat, jenis, id) ${openAlertsOnly};
CREATE INDEX SOPFLOW_PERINGATAN_TERBUKA_PILIHAN ON SOPFLOW_PERINGATAN (kecamatan, jenis, proses_key, pemegang) ${openAlertsOnly};
