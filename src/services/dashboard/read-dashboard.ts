import { largest, everyMonth, type Count, type Ranked } from '../../domain/dashboard/shape.js';
import { addMonths, dayAfter, firstDay, monthOf } from '../../domain/cooperation/months.js';
import { countSeizures, type SeizureDimension } from '../../storage/dashboard.js';
import { queryRecords } from '../../storage/records.js';
import { audited } from '../audited.js';
import type { Call } from '../context.js';
import { monthsOf, type WindowInput } from '../cooperation/measure.js';
import { presentRecord, type SharingView } from '../records/present.js';

/** How many of the newest records the activity lists, and of the largest groups each chart. */
export const RECENT = 20;
export const TOP = 10;

export interface ActivityItem extends SharingView {
  id: string;
  schema: string;
  caption: string;
  agency: string;
  eventDate: string | null;
  createdAt: string;
  changedAt: string;
}

export interface Dashboard {
  from: string;
  to: string;
  seizures: {
    total: number;
    byMonth: Count[];
    byDrug: Ranked;
    byPort: Ranked;
    byCountry: Ranked;
  };
  recent: ActivityItem[];
}

export interface DashboardInput extends WindowInput {
  now?: Date;
}

/**
 * Seizures by month, drug, port of entry and country over a window of months (by default the
 * last twelve), and the newest records, all read inside the viewer's own transaction: what is
 * not shared with the viewer is neither counted nor listed.
 */
export async function readDashboard(call: Call, input: DashboardInput = {}): Promise<Dashboard> {
  const { now = new Date(), ...window } = input;
  return audited(
    call,
    'dashboard.read',
    window,
    async (tx) => {
      const to = monthOf(now);
      const months = monthsOf(window, { from: addMonths(to, -11), to });
      const counts = await countSeizures(tx, {
        from: firstDay(months[0]!),
        before: dayAfter(months.at(-1)!),
      });
      const of = (d: SeizureDimension) => counts.filter((c) => c.dimension === d);
      const rows = await queryRecords(tx, { limit: RECENT });
      const recent = rows.map(presentRecord).map((r): ActivityItem => ({
        id: r.id,
        schema: r.schema,
        caption: r.caption,
        agency: r.agency,
        eventDate: r.eventDate,
        createdAt: r.createdAt,
        changedAt: r.changedAt,
        marking: r.marking,
        relCountries: r.relCountries,
        relAgencies: r.relAgencies,
        recipientAgencies: r.recipientAgencies,
        recipientUsers: r.recipientUsers,
      }));
      return {
        result: {
          from: months[0]!,
          to: months.at(-1)!,
          seizures: {
            total: counts.find((c) => c.dimension === 'total')?.count ?? 0,
            byMonth: everyMonth(months, of('month')),
            byDrug: largest(of('drug'), TOP),
            byPort: largest(of('port'), TOP),
            byCountry: largest(of('country'), TOP),
          },
          recent,
        },
        ids: recent.map((r) => r.id),
      };
    },
    { readOnly: true },
  );
}
