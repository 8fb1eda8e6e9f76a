import type { EntityKind } from '../keys.js';
import type { FileSink } from './file-sink.js';

export interface RecordRef {
  agency: string;
  id: string;
}

/**
 * The ground truth, streamed: every record that stands for a real-world entity (one line each,
 * grouped by `entity` they are the true clusters), and one line per recovered firearm with the
 * sale it came from. Network membership is small and kept for the end.
 */
export class TruthWriter {
  records = 0;
  traces = 0;
  /** Records of planted-network entities, for networks.json. */
  readonly byEntity = new Map<string, RecordRef[]>();

  constructor(
    private readonly recordSink: FileSink,
    private readonly traceSink: FileSink,
    private readonly tracked: ReadonlySet<string>,
  ) {}

  record(entity: string, kind: EntityKind, ref: RecordRef, file: string, schema: string): void {
    this.records++;
    this.recordSink.write(
      `${JSON.stringify({ entity, kind, schema, agency: ref.agency, id: ref.id, file })}\n`,
    );
    if (!this.tracked.has(entity)) return;
    const list = this.byEntity.get(entity);
    if (list) list.push(ref);
    else this.byEntity.set(entity, [ref]);
  }

  trace(line: object): void {
    this.traces++;
    this.traceSink.write(`${JSON.stringify(line)}\n`);
  }
}
