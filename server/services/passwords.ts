import { hash, verify } from '@node-rs/argon2';

// argon2id with the OWASP password-storage parameters (19 MiB, 2 passes, 1 lane).
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with argon2id (the library's default algorithm). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** A valid hash of a random password, so an unknown username costs as much time as a known one. */
const DUMMY_HASH = hash(crypto.randomUUID(), ARGON2_OPTIONS);

/** Checks a password against a stored hash, or against the dummy hash when there is no user. */
export async function verifyPassword(
  storedHash: string | null,
  password: string,
): Promise<boolean> {
  try {
    return await verify(storedHash ?? (await DUMMY_HASH), password);
  } catch {
    return false;
  }
}
