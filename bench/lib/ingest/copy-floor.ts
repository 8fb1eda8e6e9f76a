import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/**
 * The floor: the same file's lines into an unconstrained table, one jsonb row per line, by
 * COPY FROM STDIN. The bytes go through untouched: CSV with quote and delimiter characters
 * that JSON never holds raw, so no line needs escaping. Returns the seconds taken.
 */
export async function copyFloor(url: string, file: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('DROP TABLE IF EXISTS public.ingest_floor');
    await client.query('CREATE TABLE public.ingest_floor (line jsonb)');
    const started = performance.now();
    await pipeline(
      createReadStream(file, { highWaterMark: 256 * 1024 }),
      client.query(
        copyFrom(
          `COPY public.ingest_floor (line) FROM STDIN WITH (FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02')`,
        ),
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    await client.query('DROP TABLE public.ingest_floor');
    return seconds;
  } finally {
    await client.end();
  }
}
