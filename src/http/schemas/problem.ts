import { Type } from '@sinclair/typebox';

/** RFC 9457 problem details, with Puente's stable code and per-field errors. */
export const Problem = Type.Object(
  {
    type: Type.String({ description: 'urn:puente:problem:<code>' }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    instance: Type.String(),
    code: Type.String({ description: 'Stable error code, e.g. not_found, validation_failed.' }),
    reference: Type.Optional(
      Type.String({ description: 'Quote it to the administrator (500 only).' }),
    ),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          code: Type.String(),
          field: Type.Optional(Type.String()),
          value: Type.Optional(Type.String()),
          expected: Type.Optional(Type.String()),
        }),
      ),
    ),
  },
  { $id: 'Problem', title: 'Problem' },
);

const DESCRIPTIONS: Record<number, string> = {
  400: 'Unreadable request (malformed JSON, bad header)',
  401: 'Missing, unknown, expired or revoked token',
  403: 'Not allowed for your role, or not the originating agency',
  404: 'Unknown, or not shared with you',
  409: 'Changed meanwhile (expectedVersion) or already retracted',
  413: 'Body too large',
  415: 'Body is not application/json',
  422: 'Invalid input: see errors[]',
  500: 'Unexpected error: see reference',
  503: 'Database unreachable',
};

/** Response entries for the OpenAPI document; problems themselves are serialised by the error handler. */
export function problemResponses(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: DESCRIPTIONS[status] ?? 'Problem',
        content: { 'application/problem+json': { schema: Type.Ref('Problem') } },
      },
    ]),
  );
}
