-- Security hardening (issue 10).

-- Demo accounts are marked so they can be refused whenever demo mode is off (defect 7). Databases
-- seeded before this column existed: the seeded accounts have the role as username and the demo names.
ALTER TABLE users ADD COLUMN demo boolean NOT NULL DEFAULT false;
UPDATE users SET demo = true
  WHERE (username, name) IN (('nurse', 'Nora Nightingale'), ('physician', 'Dr. Priya Patel'), ('manager', 'Morgan Manager'), ('admin', 'Ada Admin'));

-- Addresses a user has signed in from successfully (defect 6): a locked account still lets its owner
-- in from one of these, so an attacker elsewhere cannot lock them out. Kept past login-attempt pruning.
CREATE TABLE known_login_addresses (
  user_id bigint NOT NULL REFERENCES users (id),
  ip text NOT NULL,
  last_success_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, ip)
);

-- Throttle lookups by (username, address) pair (defect 6).
CREATE INDEX login_attempts_user_ip_at ON login_attempts (username, ip, at);
