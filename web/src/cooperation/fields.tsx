import { useCallback, useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { PARTY_COUNTRIES } from './types';
import { useCoopFormat } from './format';
import type { FieldProblem } from './requests';

// Form scaffolding of the cooperation forms: each field with its label, hint and the problems
// the server named at it, and a summary above the form that takes the focus and links to them.

export interface ControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby'?: string;
}

/** The words of one problem: what was wrong, and what the field expects (the server's words). */
export function useProblemText() {
  const { t } = useTranslation();
  return useCallback(
    (p: FieldProblem): string => {
      // The app's words for the code when it has them, then what the field expects.
      const own = t(`cooperation.problem.code.${p.code}`, { defaultValue: '' });
      if (own && p.expected) return `${own} ${p.expected}.`.replace(/\.\.$/, '.');
      if (p.expected && p.value)
        return t('cooperation.problem.valueExpected', { value: p.value, expected: p.expected });
      if (p.expected) return t('cooperation.problem.expected', { expected: p.expected });
      return own || t('cooperation.problem.generic', { code: p.code });
    },
    [t],
  );
}

export function useFormProblems() {
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [shown, setShown] = useState(0);
  const summary = useRef<HTMLDivElement>(null);
  const show = useCallback((found: FieldProblem[]) => {
    setProblems(found);
    setShown((n) => n + 1);
  }, []);
  // Once the summary is on screen it takes the focus, so a keyboard or screen reader user hears
  // what to fix (each time the form is refused, even with the same problems).
  useEffect(() => {
    if (shown > 0) summary.current?.focus();
  }, [shown]);
  const at = (field: string) => problems.filter((p) => p.field === field);
  return { problems, show, clear: () => setProblems([]), at, summary };
}

/** One labelled control; its hint and problems are tied to it with aria-describedby. */
export function Field({
  id,
  label,
  hint,
  problems,
  required,
  wide,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  problems: FieldProblem[];
  required?: boolean;
  wide?: boolean;
  children: (props: ControlProps) => ReactNode;
}) {
  const { t } = useTranslation();
  const text = useProblemText();
  const described = [hint ? `${id}-hint` : '', problems.length ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`field${wide ? ' wide' : ''}${problems.length ? ' invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && <span className="required"> {t('cooperation.form.required')}</span>}
      </label>
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      {problems.length > 0 && (
        <span id={`${id}-error`} className="field-error" data-testid="field-error">
          {problems.map((p, i) => (
            <span key={i}>{text(p)} </span>
          ))}
        </span>
      )}
      {children({
        id,
        'aria-invalid': problems.length > 0,
        ...(described ? { 'aria-describedby': described } : {}),
      })}
    </div>
  );
}

/** The problems at a group of controls (a fieldset of checkboxes). */
export function FieldProblems({ id, problems }: { id?: string; problems: FieldProblem[] }) {
  const text = useProblemText();
  return (
    <span id={id} className="field-error" data-testid="field-error">
      {problems.map((p, i) => (
        <span key={i}>{text(p)} </span>
      ))}
    </span>
  );
}

/** Every problem of a refused form, each linked to its field when the form has it. */
export function ProblemSummary({
  problems,
  summary,
  fieldId,
  label,
}: {
  problems: FieldProblem[];
  summary: RefObject<HTMLDivElement | null>;
  /** The id of a field's control, or undefined when the form has no such field. */
  fieldId: (field: string) => string | undefined;
  label: (field: string) => string;
}) {
  const { t } = useTranslation();
  const text = useProblemText();
  if (problems.length === 0) return null;
  return (
    <div
      ref={summary}
      tabIndex={-1}
      role="alert"
      className="notice error problem-summary"
      data-testid="problem-summary"
    >
      <strong>{t('cooperation.form.problems', { count: problems.length })}</strong>
      <ul>
        {problems.map((p, i) => {
          const target = p.field ? fieldId(p.field) : undefined;
          return (
            <li key={i}>
              {target ? (
                <a
                  href={`#${target}`}
                  onClick={(e) => {
                    e.preventDefault();
                    document.getElementById(target)?.focus();
                  }}
                >
                  {label(p.field!)}
                </a>
              ) : (
                <span>{p.field ? label(p.field) : t('cooperation.form.whole')}</span>
              )}
              {': '}
              {text(p)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** The markings a contributor may choose here (TLP:RED needs named users: not offered). */
export const MARKINGS = ['TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT'] as const;

export interface SharingInput {
  marking: string;
  relCountries: string[];
  recipientAgencies: string;
}

/** What the API takes of the sharing choice. */
export function sharingBody(s: SharingInput) {
  const agencies = s.recipientAgencies
    .split(/[\s,]+/)
    .map((a) => a.trim().toUpperCase())
    .filter(Boolean);
  return {
    marking: s.marking,
    ...(s.marking === 'TLP:AMBER' && s.relCountries.length ? { relCountries: s.relCountries } : {}),
    ...(s.marking === 'TLP:AMBER+STRICT' ? { recipientAgencies: agencies } : {}),
  };
}

/** The marking and, for AMBER, the countries it is releasable to; for AMBER+STRICT, the agencies. */
export function SharingFieldset({
  idPrefix,
  value,
  onChange,
  at,
}: {
  idPrefix: string;
  value: SharingInput;
  onChange: (next: SharingInput) => void;
  at: (field: string) => FieldProblem[];
}) {
  const { t } = useTranslation();
  const f = useCoopFormat();
  return (
    <fieldset className="sharing">
      <legend>{t('cooperation.sharing.legend')}</legend>
      <Field
        id={`${idPrefix}-marking`}
        label={t('cooperation.sharing.marking')}
        hint={t('cooperation.sharing.hint')}
        problems={at('marking')}
        required
      >
        {(props) => (
          <select
            {...props}
            value={value.marking}
            onChange={(e) => onChange({ ...value, marking: e.target.value })}
          >
            {MARKINGS.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        )}
      </Field>
      {value.marking === 'TLP:AMBER' && (
        <fieldset className="choices" aria-describedby={`${idPrefix}-rel-hint`}>
          <legend>{t('cooperation.sharing.relCountries')}</legend>
          <span id={`${idPrefix}-rel-hint`} className="hint">
            {t('cooperation.sharing.relHint')}
          </span>
          {PARTY_COUNTRIES.map((c) => (
            <span key={c} className="choice">
              <input
                id={`${idPrefix}-rel-${c}`}
                type="checkbox"
                checked={value.relCountries.includes(c)}
                onChange={(e) =>
                  onChange({
                    ...value,
                    relCountries: e.target.checked
                      ? [...value.relCountries, c]
                      : value.relCountries.filter((x) => x !== c),
                  })
                }
              />
              <label htmlFor={`${idPrefix}-rel-${c}`}>{f.country(c)}</label>
            </span>
          ))}
        </fieldset>
      )}
      {value.marking === 'TLP:AMBER+STRICT' && (
        <Field
          id={`${idPrefix}-recipients`}
          label={t('cooperation.sharing.recipientAgencies')}
          hint={t('cooperation.sharing.recipientHint')}
          problems={at('recipientAgencies')}
        >
          {(props) => (
            <input
              {...props}
              type="text"
              value={value.recipientAgencies}
              onChange={(e) => onChange({ ...value, recipientAgencies: e.target.value })}
            />
          )}
        </Field>
      )}
    </fieldset>
  );
}
