import { Type } from '@sinclair/typebox';
import { Nullable, SharingView } from './common.js';

const Month = (description: string) =>
  Type.Optional(Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description }));

export const DashboardQuery = Type.Object(
  {
    from: Month('First month, YYYY-MM (default: 11 months before `to`).'),
    to: Month('Last month, YYYY-MM (default: this month).'),
  },
  { additionalProperties: false },
);

const Count = Type.Object({ value: Type.String(), count: Type.Integer() });

const Ranked = Type.Object({
  items: Type.Array(Count, { description: 'The largest groups, largest first (at most 10).' }),
  others: Type.Integer({ description: 'Seizures counted under the values left out.' }),
});

export const DashboardView = Type.Object({
  from: Type.String({ description: 'First month of the window, YYYY-MM.' }),
  to: Type.String({ description: 'Last month of the window, YYYY-MM.' }),
  seizures: Type.Object({
    total: Type.Integer({ description: 'Seizures dated in the window that you may see.' }),
    byMonth: Type.Array(Count, { description: 'Every month of the window, oldest first.' }),
    byDrug: Ranked,
    byPort: Ranked,
    byCountry: Ranked,
  }),
  recent: Type.Array(
    Type.Object({
      id: Type.String({ format: 'uuid' }),
      schema: Type.String(),
      caption: Type.String(),
      agency: Type.String(),
      eventDate: Nullable(Type.String()),
      createdAt: Type.String({ format: 'date-time' }),
      changedAt: Type.String({ format: 'date-time' }),
      ...SharingView,
    }),
    { description: 'The 20 newest records you may see, newest first.' },
  ),
});
