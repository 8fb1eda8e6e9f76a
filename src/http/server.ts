import type { Db } from '../storage/database.js';
import { failInterruptedImports } from '../services/imports/jobs.js';
import { buildApp, DEFAULT_BODY_LIMIT } from './app.js';
import { DEFAULT_SESSION_SETTINGS, type SessionSettings } from './session-cookies.js';

export interface ServerOptions {
  db: Db;
  host: string;
  port: number;
  logger?: boolean;
}

/** PUENTE_BODY_LIMIT (bytes) raises or lowers the 1 MiB default. */
function bodyLimitFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.PUENTE_BODY_LIMIT);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_BODY_LIMIT;
}

/** PUENTE_SESSION_IDLE_MINUTES (default 30) and PUENTE_SECURE_COOKIES=1 (TLS at a proxy). */
export function sessionSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): SessionSettings {
  const minutes = Number(env.PUENTE_SESSION_IDLE_MINUTES);
  return {
    ...DEFAULT_SESSION_SETTINGS,
    ...(Number.isInteger(minutes) && minutes > 0 ? { idleSeconds: minutes * 60 } : {}),
    secureCookies: env.PUENTE_SECURE_COOKIES === '1',
  };
}

/** Listens until close(); `url` is where it answers (the real port when 0 was asked). */
export async function startServer({
  db,
  host,
  port,
  logger,
}: ServerOptions): Promise<{ url: string; close(): Promise<void> }> {
  // An import the last server was running rolled back with it: say so on its job.
  await failInterruptedImports(db);
  const app = await buildApp({
    db,
    logger,
    bodyLimit: bodyLimitFromEnv(),
    sessions: sessionSettingsFromEnv(),
  });
  const url = await app.listen({ host, port });
  return { url, close: () => app.close() };
}
