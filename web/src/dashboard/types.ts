import type { Sharing } from '../api/types';

// The shape of GET /api/v1/dashboard (src/http/schemas/dashboard.ts).

export interface Count {
  value: string;
  count: number;
}

export interface Ranked {
  items: Count[];
  others: number;
}

export interface ActivityItem extends Sharing {
  id: string;
  schema: string;
  caption: string;
  agency: string;
  eventDate: string | null;
  createdAt: string;
  changedAt: string;
}

export interface DashboardData {
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
