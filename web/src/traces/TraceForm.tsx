import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FIREARM_TYPES, OBLITERATION } from '../../../src/domain/model/schema-defs.js';
import { ApiError } from '../api/client';
import { ErrorNotice } from '../components/Status';
import { useUser } from '../session/session';
import { useTraceFormat } from './format';
import { isForbidden, submitTraces } from './parts';
import { useProblemText } from './reasons';
import { PERSON_ROLES, MAX_PEOPLE, prepareRequest } from './requests';
import { PRIORITIES, type FieldProblem } from './types';

type Values = Record<string, string>;
interface Person {
  key: number;
  role: string;
  name: string;
}

const today = () => new Date().toISOString().slice(0, 10);

const initial = (country: string): Values => ({
  priority: 'routine',
  'firearm.obliterated': 'no',
  'recovery.country': country,
});

/** Form state → the request object the API takes (prepareRequest cleans and checks it). */
function toRaw(values: Values, people: Person[]) {
  const raw: Record<string, unknown> = { firearm: {}, recovery: {} };
  for (const [path, value] of Object.entries(values)) {
    const [head, key] = path.split('.') as [string, string | undefined];
    if (key === undefined) raw[head] = value;
    else (raw[head] as Record<string, string>)[key] = value;
  }
  raw.people = people.map((p) => ({ role: p.role, name: p.name }));
  return raw;
}

/**
 * One trace request, as an officer fills the paper form in: the gun, where and when it was
 * recovered, who had it. Every problem, the app's own checks or the server's, is shown at its
 * field and listed above the form, with a link to the field.
 */
export function TraceForm({ onSubmitted }: { onSubmitted?: (id: string) => void }) {
  const { t } = useTranslation();
  const f = useTraceFormat();
  const explain = useProblemText();
  const me = useUser();
  const id = useId();
  const summary = useRef<HTMLDivElement>(null);
  const [values, setValues] = useState<Values>(() => initial(me.country));
  const [people, setPeople] = useState<Person[]>([]);
  const [nextKey, setNextKey] = useState(1);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const fieldId = (path: string) => `${id}-${path.replace(/[.[\]]/g, '-')}`;
  const problemsAt = (path: string) => problems.filter((p) => p.field === path);
  const knownFields = new Set([
    ...Object.keys(values),
    'firearm.make',
    'firearm.model',
    'firearm.type',
    'firearm.caliber',
    'firearm.serialNumber',
    'firearm.importer',
    'firearm.countryOfManufacture',
    'recovery.date',
    'recovery.state',
    'recovery.place',
    'recovery.circumstances',
    'recovery.caseNumber',
    'officer',
    ...people.flatMap((_, i) => [`people[${i}].name`, `people[${i}].role`]),
  ]);

  const show = (found: FieldProblem[]) => {
    setProblems(found);
    // The summary takes the focus, so a keyboard or screen reader user hears what to fix.
    requestAnimationFrame(() => summary.current?.focus());
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    setDone(null);
    const { request, problems: found } = prepareRequest(toRaw(values, people));
    if (found.length) return show(found);
    setBusy(true);
    try {
      const out = await submitTraces([request]);
      setProblems([]);
      setValues(initial(values['recovery.country'] ?? me.country));
      setPeople([]);
      setDone(out.ids[0] ?? null);
      if (out.ids[0]) onSubmitted?.(out.ids[0]);
    } catch (err) {
      const listed: FieldProblem[] = err instanceof ApiError ? (err.problem.errors ?? []) : [];
      if (listed.length && err instanceof ApiError && [409, 422].includes(err.problem.status)) {
        show(listed);
      } else {
        setProblems([]);
        setFailure(err);
      }
    } finally {
      setBusy(false);
    }
  };

  const set = (path: string, value: string) => setValues((v) => ({ ...v, [path]: value }));

  /** The message of one problem; a gun asked about before links to the earlier request. */
  const message = (p: FieldProblem): ReactNode =>
    p.code === 'duplicate_request' && p.value ? (
      <>
        {t('traces.problem.duplicate_request')}{' '}
        <Link to={`/traces/${p.value}`}>{t('traces.problem.openEarlier')}</Link>
      </>
    ) : (
      explain(p)
    );

  const field = (
    path: string,
    control: (props: {
      id: string;
      'aria-invalid': boolean;
      'aria-describedby'?: string;
    }) => ReactNode,
    opts: { hint?: string; required?: boolean; wide?: boolean } = {},
  ) => {
    const here = problemsAt(path);
    const fid = fieldId(path);
    const described = [opts.hint ? `${fid}-hint` : '', here.length ? `${fid}-error` : '']
      .filter(Boolean)
      .join(' ');
    return (
      <div className={`field${opts.wide ? ' wide' : ''}${here.length ? ' invalid' : ''}`}>
        <label htmlFor={fid}>
          {t(`traces.field.${path.replace(/\[\d+\]/, '')}`)}
          {opts.required && <span className="required"> {t('traces.form.required')}</span>}
        </label>
        {opts.hint && (
          <span id={`${fid}-hint`} className="hint">
            {opts.hint}
          </span>
        )}
        {here.length > 0 && (
          <span id={`${fid}-error`} className="field-error" data-testid="field-error">
            {here.map((p, i) => (
              <span key={i}>{message(p)} </span>
            ))}
          </span>
        )}
        {control({
          id: fid,
          'aria-invalid': here.length > 0,
          ...(described ? { 'aria-describedby': described } : {}),
        })}
      </div>
    );
  };

  const input = (path: string, opts: { hint?: string; required?: boolean; max?: number } = {}) =>
    field(
      path,
      (props) => (
        <input
          {...props}
          type="text"
          value={values[path] ?? ''}
          maxLength={opts.max}
          onChange={(e) => set(path, e.target.value)}
        />
      ),
      opts,
    );

  const unplaced = problems.filter((p) => !p.field || !knownFields.has(p.field));

  return (
    <form
      className="trace-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby={`${id}-h`}
    >
      <h2 id={`${id}-h`}>{t('traces.form.title')}</h2>
      <p>{t('traces.form.intro')}</p>
      {problems.length > 0 && (
        <div
          ref={summary}
          tabIndex={-1}
          role="alert"
          className="notice error problem-summary"
          data-testid="problem-summary"
        >
          <strong>{t('traces.form.problems', { count: problems.length })}</strong>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                {p.field && knownFields.has(p.field) ? (
                  <a
                    href={`#${fieldId(p.field)}`}
                    onClick={(e) => {
                      e.preventDefault();
                      document.getElementById(fieldId(p.field!))?.focus();
                    }}
                  >
                    {t(`traces.field.${p.field.replace(/\[\d+\]/, '')}`)}
                  </a>
                ) : (
                  <span>{p.field || t('traces.form.request')}</span>
                )}
                {': '}
                {message(p)}
              </li>
            ))}
          </ul>
          {unplaced.length > 0 && <p>{t('traces.form.unplaced')}</p>}
        </div>
      )}
      {failure !== null && (
        <div className="action-error">
          <ErrorNotice error={failure} />
          {isForbidden(failure) && <p className="hint">{t('traces.form.forbidden')}</p>}
        </div>
      )}
      <p className="status" role="status" aria-live="polite" data-testid="submit-status">
        {done && (
          <>
            {t('traces.form.submitted')} <Link to={`/traces/${done}`}>{t('traces.form.open')}</Link>
          </>
        )}
      </p>

      <fieldset>
        <legend>{t('traces.form.section.firearm')}</legend>
        {input('firearm.make', { required: true, hint: t('traces.form.makeHint'), max: 200 })}
        {input('firearm.model', { max: 500 })}
        {field('firearm.type', (props) => (
          <select
            {...props}
            value={values['firearm.type'] ?? ''}
            onChange={(e) => set('firearm.type', e.target.value)}
          >
            <option value="">{t('traces.form.notKnown')}</option>
            {FIREARM_TYPES.map((type) => (
              <option key={type} value={type}>
                {f.firearmType(type)}
              </option>
            ))}
          </select>
        ))}
        {input('firearm.caliber', { max: 500 })}
        {input('firearm.serialNumber', { hint: t('traces.form.serialHint'), max: 40 })}
        {field('firearm.obliterated', (props) => (
          <select
            {...props}
            value={values['firearm.obliterated'] ?? 'no'}
            onChange={(e) => set('firearm.obliterated', e.target.value)}
          >
            {OBLITERATION.map((o) => (
              <option key={o} value={o}>
                {t(`traces.form.obliteratedValue.${o}`)}
              </option>
            ))}
          </select>
        ))}
        {input('firearm.importer', { hint: t('traces.form.importerHint'), max: 500 })}
        {input('firearm.countryOfManufacture', { hint: t('traces.form.countryHint'), max: 2 })}
      </fieldset>

      <fieldset>
        <legend>{t('traces.form.section.recovery')}</legend>
        {field(
          'recovery.date',
          (props) => (
            <input
              {...props}
              type="date"
              max={today()}
              value={values['recovery.date'] ?? ''}
              onChange={(e) => set('recovery.date', e.target.value)}
            />
          ),
          { required: true },
        )}
        {input('recovery.country', { required: true, hint: t('traces.form.countryHint'), max: 2 })}
        {input('recovery.state', { max: 500 })}
        {input('recovery.place', { max: 500 })}
        {input('recovery.caseNumber', { max: 100 })}
        {field(
          'recovery.circumstances',
          (props) => (
            <textarea
              {...props}
              rows={3}
              maxLength={1000}
              value={values['recovery.circumstances'] ?? ''}
              onChange={(e) => set('recovery.circumstances', e.target.value)}
            />
          ),
          { wide: true },
        )}
      </fieldset>

      <fieldset className="people">
        <legend>{t('traces.form.section.people')}</legend>
        {people.length === 0 && <p className="hint">{t('traces.form.noPeople')}</p>}
        {people.map((p, i) => (
          <div
            key={p.key}
            className="person"
            role="group"
            aria-label={t('traces.form.person', { n: i + 1 })}
          >
            {field(`people[${i}].role`, (props) => (
              <select
                {...props}
                value={p.role}
                onChange={(e) =>
                  setPeople((list) =>
                    list.map((x) => (x.key === p.key ? { ...x, role: e.target.value } : x)),
                  )
                }
              >
                {PERSON_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`traces.role.${r}`)}
                  </option>
                ))}
              </select>
            ))}
            {field(`people[${i}].name`, (props) => (
              <input
                {...props}
                type="text"
                maxLength={300}
                value={p.name}
                onChange={(e) =>
                  setPeople((list) =>
                    list.map((x) => (x.key === p.key ? { ...x, name: e.target.value } : x)),
                  )
                }
              />
            ))}
            <button
              type="button"
              className="secondary"
              onClick={() => setPeople((list) => list.filter((x) => x.key !== p.key))}
            >
              {t('traces.form.removePerson', { n: i + 1 })}
            </button>
          </div>
        ))}
        {people.length < MAX_PEOPLE && (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setPeople((list) => [...list, { key: nextKey, role: 'possessor', name: '' }]);
              setNextKey((k) => k + 1);
            }}
          >
            {t('traces.form.addPerson')}
          </button>
        )}
      </fieldset>

      <fieldset>
        <legend>{t('traces.form.section.requestDetails')}</legend>
        {field('priority', (props) => (
          <select
            {...props}
            value={values.priority ?? 'routine'}
            onChange={(e) => set('priority', e.target.value)}
          >
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t(`traces.form.priorityValue.${p}`)}
              </option>
            ))}
          </select>
        ))}
        {input('officer', { hint: t('traces.form.officerHint', { name: me.name }), max: 200 })}
      </fieldset>

      <button type="submit" disabled={busy}>
        {busy ? t('traces.form.busy') : t('traces.form.submit')}
      </button>
    </form>
  );
}
