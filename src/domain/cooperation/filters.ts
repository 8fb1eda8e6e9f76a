/** How commitments are chosen for a list, an export or a report, as a person writes it. */
export interface CommitmentFilters {
  /** Statuses, however spelled ("on_track", "on track"). */
  status?: string[];
  leadCountry?: string[];
  leadAgency?: string[];
  topic?: string[];
  /** Due on or before this day. */
  dueBefore?: string;
  /** Due on or after this day. */
  dueAfter?: string;
  /** Only open commitments past their due day. */
  overdue?: boolean;
  /** Only commitments at risk. */
  atRisk?: boolean;
}
