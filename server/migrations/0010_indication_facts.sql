-- Intake facts the indication check reads (domain.md section 4): untreated radiculopathy and another
-- cause of the pain (fracture, tumor, infection) exclude facet interventions. Null = not recorded yet,
-- which the check reports as not assessable rather than met.
ALTER TABLE episodes ADD COLUMN radiculopathy text;
ALTER TABLE episodes ADD COLUMN other_cause text;
