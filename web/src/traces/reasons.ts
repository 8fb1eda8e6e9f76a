import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { explainReason } from '../../../src/i18n/trace-explain';
import { useTraceFormat } from './format';
import type { FieldProblem, Reason } from './types';

/** The explanation of a reason code, with its figures in the reader's language. */
export function useExplain(): (reason: Reason) => string {
  const { t } = useTranslation();
  const f = useTraceFormat();
  return useCallback((r: Reason) => explainReason(t, f, r), [t, f]);
}

/**
 * What to do about one refused field of a submission, in the reader's language. The server's
 * own `expected` text (English for the checks the tracing service makes) is the last resort.
 */
export function useProblemText(): (p: FieldProblem) => string {
  const { t } = useTranslation();
  return useCallback(
    (p: FieldProblem) => {
      const value = p.value ?? '';
      switch (p.code) {
        case 'impossible_serial':
          return value
            ? t('traces.problem.impossible_serial', { value })
            : t('traces.problem.serial_missing');
        case 'duplicate_in_batch':
          return t('traces.problem.duplicate_in_batch', { line: value.replace(/\D/g, '') });
        case 'too_long':
          // The app's own check gives the limit; the server's schema gives it in words.
          return /^\d+$/.test(p.expected ?? '')
            ? t('traces.problem.too_long', { max: p.expected })
            : t('traces.problem.other', { expected: p.expected ?? p.code });
        case 'unknown_field':
        case 'wrong_type':
        case 'invalid_choice':
        case 'invalid_value':
          return t(`traces.problem.${p.code}`, { value, expected: p.expected ?? '' });
        default:
          return t(`traces.problem.${p.code}`, {
            value,
            defaultValue: t('traces.problem.other', { expected: p.expected ?? p.code }),
          });
      }
    },
    [t],
  );
}
