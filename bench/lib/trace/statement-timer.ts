import type { KyselyPlugin, OperationNode, QueryId, RootOperationNode } from 'kysely';

/** Time spent in each kind of statement, from send to result (round trip and execution). */
export interface StatementTimes {
  [label: string]: { count: number; ms: number };
}

/** Names the product's statements by what they do, from the start of their SQL. */
const NAMES: readonly (readonly [RegExp, string])[] = [
  [/^SELECT set_config\('role'/, 'viewer settings'],
  [/FROM puente\.trace_request q\s+WHERE q\.status = 'submitted'/, 'take pending requests'],
  [/FROM puente\.trace_request q WHERE q\.id = ANY/, 'find requests by id'],
  [/FROM unnest\(.*JOIN puente\.trace_sale s ON s\.maker/s, 'sales with serials (whole)'],
  [/FROM puente\.trace_sale s\s+WHERE s\.maker/, 'sales fitting pattern (partial)'],
  [/SELECT q\.i::int AS i, m\.\*/, 'sales fitting patterns (partial, batched)'],
  [/JOIN puente\.trace_sale s ON s\.buyer_id/, 'sales to buyers near'],
  [/^UPDATE puente\.trace_request/, 'change status: update'],
  [/^INSERT INTO puente\.trace_event/, 'change status: history'],
  [/FROM puente\.trace_result\s+WHERE buyer_id/, 'traces per buyer'],
  [/GROUPING SETS/, 'traces per dealer'],
  [/^INSERT INTO puente\.trace_result/, 'insert results'],
  [/^INSERT INTO puente\.trace_purchaser/, 'insert purchasers'],
  [/^INSERT INTO puente\.link_version/, 'append link versions'],
  [/^INSERT INTO puente\.record_version/, 'append record versions'],
  [/^INSERT INTO puente\.trace_request/, 'insert requests'],
  [/puente\.trace_request q ON q\.agency/, 'duplicate check'],
  [/audit/i, 'audit entry'],
];

function firstSql(node: OperationNode): string {
  const raw = node as { kind: string; sqlFragments?: readonly string[] };
  if (raw.kind === 'RawNode' && raw.sqlFragments) return raw.sqlFragments.join('?');
  const from = (node as { from?: { froms?: { table?: { identifier?: { name?: string } } }[] } })
    .from?.froms?.[0]?.table?.identifier?.name;
  return `${node.kind}${from ? ` ${from}` : ''}`;
}

export function labelOf(text: string): string {
  const t = text.trim();
  for (const [re, name] of NAMES) if (re.test(t)) return name;
  return t.replace(/\s+/g, ' ').slice(0, 60);
}

/**
 * A Kysely plugin that times every statement the product sends through it, by kind. Reading
 * the node's SQL fragments costs microseconds; nothing is compiled twice.
 */
export function statementTimer() {
  const open = new WeakMap<QueryId, { label: string; at: number }>();
  let times: StatementTimes = {};
  const plugin: KyselyPlugin = {
    transformQuery({ node, queryId }): RootOperationNode {
      open.set(queryId, { label: labelOf(firstSql(node)), at: performance.now() });
      return node;
    },
    transformResult: async ({ result, queryId }) => {
      const o = open.get(queryId);
      if (o) {
        const t = (times[o.label] ??= { count: 0, ms: 0 });
        t.count++;
        t.ms += performance.now() - o.at;
        open.delete(queryId);
      }
      return result;
    },
  };
  return {
    plugin,
    /** The times since the last call, and starts again. */
    take(): StatementTimes {
      const out = times;
      times = {};
      return out;
    },
  };
}
