-- Issue 12: a booking's history (booked, rescheduled with its reason, cancelled, performed), never overwritten.
CREATE TABLE planned_procedure_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  planned_procedure_id bigint NOT NULL REFERENCES planned_procedures (id),
  action text NOT NULL,
  detail text,
  at timestamptz NOT NULL DEFAULT now(),
  by_user bigint REFERENCES users (id)
);
CREATE INDEX planned_procedure_events_idx ON planned_procedure_events (planned_procedure_id, id);

-- Bookings made before this table: their booking is their first event.
INSERT INTO planned_procedure_events (planned_procedure_id, action, detail, at, by_user)
SELECT id, 'booked', 'For ' || planned_date::text, created_at, created_by FROM planned_procedures;
