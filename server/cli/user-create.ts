/**
 * `npm run user:create -- --username U --role nurse|physician|manager|admin --name "Full Name"`
 * (api.md). The password comes from FT_PASSWORD or standard input, never from the command line.
 */
import { parseArgs } from 'node:util';
import { UserCreateSchema } from '../../domain/index.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { appendAudit } from '../services/audit-trail.ts';
import { hashPassword } from '../services/passwords.ts';
import { openForCli } from './open-for-cli.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

const { values } = parseArgs({
  options: { username: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
});
const password = process.env['FT_PASSWORD'] ?? (process.stdin.isTTY ? '' : await readStdin());
const parsed = UserCreateSchema.safeParse({
  username: values.username,
  role: values.role,
  name: values.name,
  password,
});
if (!parsed.success) {
  for (const issue of parsed.error.issues)
    console.error(`${issue.path.join('.') || 'input'}: ${issue.message}`);
  console.error(
    'Usage: npm run user:create -- --username U --role nurse|physician|manager|admin --name "Full Name"  (password in FT_PASSWORD or on stdin)',
  );
  process.exit(2);
}
const db = await openForCli();
try {
  const user = parsed.data;
  const hash = await hashPassword(user.password);
  await db.kysely.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('users')
      .values({ username: user.username, name: user.name, role: user.role, password_hash: hash })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(tx, {
      actorId: null,
      actorUsername: 'cli',
      action: 'user.create',
      entity: 'user',
      entityId: String(row.id),
      details: { username: user.username, role: user.role },
    });
  });
  console.log(`Created ${user.role} "${user.username}".`);
} catch (error) {
  if (!isUniqueViolation(error)) throw error;
  console.error(`The username "${parsed.data.username}" is already in use.`);
  process.exitCode = 1;
} finally {
  await db.close();
}
