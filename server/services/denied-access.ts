import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Permission } from '../../domain/index.ts';
import { appendAudit } from './audit-trail.ts';

/** Permissions that guard identifiable patient data; a 403 behind one of them is an access attempt. */
const PATIENT_DATA_PERMISSIONS: ReadonlySet<Permission> = new Set([
  'patients:read',
  'patients:write',
  'procedures:write',
  'interpretations:sign',
]);

/** True when the request's route serves or changes patient data. */
export function isPatientDataRoute(request: FastifyRequest): boolean {
  const permission = request.routeOptions.config?.permission as Permission | undefined;
  return permission !== undefined && PATIENT_DATA_PERMISSIONS.has(permission);
}

/**
 * Records refused access to patient data (issue 10, defect 11): who (the session's user), what
 * (method, route pattern, record id, the refusal's code), when (the event time) and from where (the
 * client address). Route patterns and ids only: no query strings or bodies, which may hold names.
 * Runs before the 403 is sent; a failure to record is logged and does not change the answer.
 */
export function registerDeniedAccessAudit(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode !== 403 || !request.session || !isPatientDataRoute(request))
      return payload;
    const params = (request.params ?? {}) as Record<string, unknown>;
    const id =
      typeof params['id'] === 'string' && /^[1-9][0-9]{0,17}$/.test(params['id'])
        ? params['id']
        : null;
    const patientId =
      id && (request.routeOptions.url ?? '').startsWith('/api/v1/patients/:id') ? id : null;
    let code: string | undefined;
    try {
      code = (JSON.parse(String(payload)) as { code?: string }).code;
    } catch {
      code = undefined;
    }
    const user = request.session.user;
    try {
      await app.db.transaction().execute((tx) =>
        appendAudit(tx, {
          actorId: user.id,
          actorUsername: user.username,
          action: 'access.denied',
          entity: 'route',
          entityId: id,
          patientId,
          ip: request.ip,
          details: {
            method: request.method,
            route: request.routeOptions.url ?? null,
            role: user.role,
            ...(code ? { code } : {}),
          },
        }),
      );
    } catch (error) {
      request.log.error({ err: error }, 'could not audit a refused access'); // the err serializer strips values
    }
    return payload;
  });
}
