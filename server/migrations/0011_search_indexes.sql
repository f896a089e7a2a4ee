-- Patient search without a scan (issue 11): one prefix index per expression the search ORs together
-- (routes/patients: family, given, MRN, "given family", "family, given"), so the planner can answer
-- with a BitmapOr of index scans. text_pattern_ops because LIKE 'abc%' cannot use a default-collation
-- index under C.UTF-8 / ICU; family and given already have theirs (0002).
CREATE INDEX patients_search_mrn_prefix_idx ON patients (search_mrn text_pattern_ops);
CREATE INDEX patients_search_given_family_idx ON patients ((search_given || ' ' || search_family) text_pattern_ops);
CREATE INDEX patients_search_family_given_idx ON patients ((search_family || ', ' || search_given) text_pattern_ops);
