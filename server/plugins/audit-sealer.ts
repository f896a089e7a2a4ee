import type { Db } from '../db/database.ts';
import { openAuditAnchorage } from '../services/audit-anchor.ts';
import { AuditSealer } from '../services/audit-seal.ts';
import type { App } from '../types.ts';

/**
 * Every instance runs a sealer (docs/adr/0004): only one seals at a time, under an advisory lock no
 * request takes, so two instances on one PostgreSQL are safe and either one keeps the chain moving.
 */
export async function registerAuditSealer(app: App, db: Db): Promise<void> {
  const anchorage = await openAuditAnchorage(app.config.auditDir, app.config.auditKey);
  const sealer = new AuditSealer(db.kysely, anchorage, (error) =>
    app.log.warn({ err: error }, 'audit sealing failed; retrying'),
  );
  app.decorate('auditSealer', sealer);
  app.addHook('onReady', async () => sealer.start(app.config.auditSealMs));
  // Seal what the last requests wrote, so a clean shutdown leaves nothing pending.
  app.addHook('onClose', async () => {
    await sealer.stop();
    await sealer.seal().catch(() => {});
  });
}
