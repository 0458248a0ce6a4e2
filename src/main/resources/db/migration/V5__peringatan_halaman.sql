-- Paged alert lists (issue 12): /api/keterlambatan and the Terlambat page read one page of a kecamatan's open alerts in
-- deadline order, and count them, from the index alone; no sort of every open alert per page. Standard SQL: H2 and
-- PostgreSQL. Never edit once applied: a change is a new V<n>__name.sql.
CREATE INDEX SOPFLOW_PERINGATAN_DAFTAR ON SOPFLOW_PERINGATAN (kecamatan, jenis, selesai_pada, tenggat, id);
CREATE INDEX SOPFLOW_PERINGATAN_TERBUKA ON SOPFLOW_PERINGATAN (selesai_pada, tenggat, id);
