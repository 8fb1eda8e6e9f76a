import type { Command } from 'commander';
import { CLOSING_STATUSES } from '../../domain/tracing/status.js';
import { answerTrace } from '../../services/tracing/answer-trace.js';
import { actingOptions, callAs, type ActingOptions } from '../acting.js';
import type { CliContext } from '../context.js';
import { describe } from '../help.js';
import { oneOf, uuid } from '../parsers.js';
import { statusText } from '../trace-text.js';

interface AnswerOptions extends ActingOptions {
  sale?: string;
  status?: (typeof CLOSING_STATUSES)[number];
  note?: string;
}

export function registerTraceAnswer(trace: Command, ctx: CliContext): void {
  const { t } = ctx;
  const cmd = describe(trace.command('answer'), ctx, 'traceAnswer', [
    'puente trace answer 01935d2e-7c1a-7000-8000-000000000001 --sale 01935d2e-0000-7000-8000-0000000000aa --as t.henderson@atf.example',
    'puente trace answer 01935d2e-7c1a-7000-8000-000000000001 --status not_traceable --note "Made before 1968" --as t.henderson@atf.example',
  ])
    .argument('<id>', t('cli:traceShow.id'), uuid(t))
    .option('--sale <firearmId>', t('cli:traceAnswer.sale'), uuid(t))
    .option('--status <status>', t('cli:traceAnswer.status'), oneOf(t, CLOSING_STATUSES))
    .option('--note <text>', t('cli:traceAnswer.note'));
  actingOptions(cmd, ctx).action(async (id: string, opts: AnswerOptions) => {
    const call = await callAs(ctx, opts);
    if (opts.sale) await answerTrace(call, id, { firearmId: opts.sale, note: opts.note });
    else if (opts.status)
      await answerTrace(call, id, { status: opts.status, note: opts.note ?? '' });
    else throw cmd.error(t('cli:traceAnswer.either'), { exitCode: 2 });
    ctx.note(
      t('cli:traceAnswer.done', { status: statusText(t, opts.sale ? 'completed' : opts.status!) }),
    );
  });
}
