-- Reasons the payer-rule checks read (domain.md section 4): why sedation was needed, why a second
-- block came early, why RFA is not possible before a repeat IA, and an override when a physician
-- records a procedure that fails a check.
ALTER TABLE procedures ADD COLUMN sedation_reason text;
ALTER TABLE procedures ADD COLUMN interval_exception_reason text;
ALTER TABLE procedures ADD COLUMN rfa_not_possible_reason text;
ALTER TABLE procedures ADD COLUMN override_reason text;
