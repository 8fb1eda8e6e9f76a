import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { LOCALES } from '../../i18n/index.js';
import { progressReport, REPORT_FORMATS } from '../../services/cooperation/progress-report.js';
import { actingOptions, callAs, type ActingOptions } from '../acting.js';
import type { CliContext } from '../context.js';
import { describe } from '../help.js';
import { oneOf } from '../parsers.js';
import { worded } from './commitment-common.js';
import { filterOf, filterOptions, type FilterOptions } from './commitment-list.js';

interface ReportOptions extends ActingOptions, FilterOptions {
  format: (typeof REPORT_FORMATS)[number];
  lang?: string;
  out?: string;
}

export function registerCommitmentReport(commitment: Command, ctx: CliContext): void {
  const { t } = ctx;
  const cmd = describe(commitment.command('report'), ctx, 'commitmentReport', [
    'puente commitment report --meeting 0190f5a2-7c1e-7d3a-9b2c-4e5f6a7b8c9d --format pdf --lang es --out informe.pdf --as secretariat@sspc.example',
    'puente commitment report --topic firearms --lead-country US --out report.html --as a.rivera@hsi.example',
    'puente commitment report --overdue --format csv --lang fr --as liaison@rcmp.example > en-retard.csv',
  ])
    .option('--format <format>', t('cli:commitmentReport.format'), oneOf(t, REPORT_FORMATS), 'html')
    .option('--lang <lang>', t('cli:commitmentReport.lang'), oneOf(t, LOCALES))
    .option('--out <file>', t('cli:commitmentReport.out'));
  actingOptions(filterOptions(cmd, ctx), ctx).action(async (opts: ReportOptions) => {
    const toStdout = !opts.out || opts.out === '-';
    // A PDF is binary: it goes to a file, never to the terminal (nor through a text stream).
    if (opts.format === 'pdf' && toStdout)
      throw cmd.error(t('cli:commitmentReport.pdfNeedsFile'), { exitCode: 2 });
    const call = await callAs(ctx, opts);
    const report = await worded(ctx, () =>
      progressReport(call, {
        ...filterOf(opts),
        format: opts.format,
        lang: opts.lang ?? ctx.locale,
      }),
    );
    if (!report) return;
    if (toStdout) return ctx.out(report.body.toString());
    writeFileSync(opts.out!, report.body);
    ctx.note(t('cli:commitmentReport.wrote', { file: opts.out, marking: report.marking }));
  });
}
