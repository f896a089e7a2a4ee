import * as z from 'zod';

/* The building blocks every resource schema uses: ids, row versions, text fields, paging, the problem document. */

/** Database ids travel as strings (api.md: "ids are strings"). */
export const IdSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,17}$/, 'Not a record number we know: it should be a whole number like 42');

/** Path parameters of a resource addressed by its id (`/patients/:id`). */
export const IdParamsSchema = z.object({ id: IdSchema });

/** One page of a list endpoint's items (GET /patients, /users, /audit/events); `Page<T>` is its type. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number(),
    page: z.number(),
    pageSize: z.number(),
  });
}

/** The row version every mutable resource carries, for optimistic concurrency (design.md, Data). */
export const VersionSchema = z
  .number({ error: 'Version must be a whole number' })
  .int('Version must be a whole number')
  .min(1, 'Version must be at least 1');

/** A UTF-16 half of a surrogate pair without its other half: not a character, not storable as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Refuses text PostgreSQL cannot store (U+0000 in text or jsonb, unpaired surrogates in UTF-8), so
 * such input is a 400 with a field message instead of a database error after validation.
 */
export function storableText<T extends z.ZodString>(schema: T, label: string): T {
  return schema
    .refine(
      (value) => !value.includes('\u0000'),
      `${label} cannot contain a null character (U+0000)`,
    )
    .refine((value) => !LONE_SURROGATE.test(value), `${label} contains an invalid character`) as T;
}

/** A free-form string (search terms, keys) with a length limit, refusing what cannot be stored. */
export function plainString(
  label: string,
  max: number,
  message = `${label} must be at most ${max} characters`,
) {
  return storableText(z.string({ error: `${label} must be text` }).max(max, message), label);
}

/** A one-line text field: trimmed length limits, stored verbatim otherwise. */
export function textField(label: string, max: number, min = 1) {
  return storableText(
    z
      .string({
        error: (issue) =>
          issue.input === undefined ? `${label} is required` : `${label} must be text`,
      })
      .min(min, min === 1 ? `${label} is required` : `${label} must be at least ${min} characters`)
      .max(max, `${label} must be at most ${max} characters`),
    label,
  );
}

/** Paging for list endpoints; the server caps the page size. */
export const PageQuerySchema = z.object({
  page: z.coerce
    .number()
    .int('Page must be a whole number')
    .min(1, 'Page must be at least 1')
    .default(1),
  pageSize: z.coerce
    .number()
    .int('Page size must be a whole number')
    .min(1, 'Page size must be at least 1')
    .max(100, 'Page size must be at most 100')
    .default(25),
});

/** One page of a list. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** An RFC 9457 problem document as the API returns it (api.md). */
export interface Problem {
  type?: string;
  status: number;
  title: string;
  detail?: string;
  code?: string;
  errors?: { path: string; message: string }[];
  /** The current row, on a 409 version conflict. */
  current?: unknown;
}
