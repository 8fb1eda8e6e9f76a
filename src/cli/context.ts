import { resolve } from 'node:path';
import type { TFunction } from 'i18next';
import { localeFromEnv, translator, type Locale } from '../i18n/index.js';
import type { Call } from '../services/context.js';
import {
  databaseOptionsFromEnv,
  openDatabase,
  type Database,
  type DatabaseOptions,
} from '../storage/database.js';
import { migrate } from '../storage/migrate.js';
import { DatabaseUnavailable } from './errors.js';
import type { CliIo } from './io.js';

export interface CliContext {
  readonly t: TFunction;
  /** The language of `t`, for Intl formatting. */
  readonly locale: Locale;
  readonly io: CliIo;
  /** Set by a command that finished its work but must report failure (a broken audit chain). */
  exitCode: number;
  /** Data for stdout: tables, JSON, the values asked for. */
  out(text: string): void;
  /** Messages for the person at the terminal (progress, notices) on stderr, so stdout stays data. */
  note(text: string): void;
  /** The database the environment names (or the injected one), opened once. */
  connect(): Promise<Database>;
  /** The operator's call on a database whose schema is current. */
  operator(): Promise<Call>;
  /** Where the data lives, for messages; never includes a password. */
  target(): string;
  close(): Promise<void>;
}

export function describeTarget(options: DatabaseOptions): string {
  if (!options.url) return resolve(options.dataDir ?? './.puente');
  try {
    const u = new URL(options.url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

export function createContext(io: CliIo): CliContext {
  const locale = localeFromEnv(io.env);
  const t = translator(locale);
  const options = databaseOptionsFromEnv(io.env);
  let opened: Promise<Database> | undefined;
  let migrated: Promise<unknown> | undefined;

  const connect = () => {
    if (io.database) return Promise.resolve(io.database);
    opened ??= openDatabase(options).catch((err: unknown) => {
      throw new DatabaseUnavailable(describeTarget(options), err);
    });
    return opened;
  };

  return {
    t,
    locale,
    io,
    exitCode: 0,
    out: (text) => io.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    note: (text) => io.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    connect,
    // Commands bring the schema up to date first (migrations are forward-only and checksummed),
    // so a fresh data directory works without a separate step.
    async operator() {
      const database = await connect();
      migrated ??= migrate(database.db);
      await migrated;
      return { db: database.db, viewer: null, operator: true };
    },
    target: () => (io.database ? io.database.location : describeTarget(options)),
    async close() {
      if (!opened) return;
      const database = await opened.catch(() => undefined);
      await database?.close();
    },
  };
}
