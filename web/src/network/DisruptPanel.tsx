import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../components/Status';
import { useNetworkFormat, type NetworkFormat } from './format';
import { MarkSymbol } from './Legend';
import { NetworkError, NodeMarking, ShownMarkings } from './parts';
import type { NetworkStore } from './store';
import { MEASURES, type DisruptResult, type Measure } from './types';
import type { Action } from './use-action';

const value = (f: NetworkFormat, measure: Measure, x: number) =>
  measure === 'efficiency' ? f.share(x) : f.number(x);

/**
 * "What if removed": the few people or organizations whose removal would fragment the selected
 * node's community most, the fragmentation step by step, and their ties hidden on the graph.
 */
export function DisruptPanel({
  store,
  subject,
  remove,
  measure,
  action,
  onRemove,
  onMeasure,
  onRun,
  onSelect,
  onAdd,
}: {
  store: NetworkStore;
  subject: string;
  remove: number;
  measure: Measure;
  action: Action<DisruptResult>;
  onRemove: (n: number) => void;
  onMeasure: (m: Measure) => void;
  onRun: () => void;
  onSelect: (id: string) => void;
  onAdd: (id: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const name = store.node(subject)?.label ?? subject;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onRun();
  };
  return (
    <section aria-labelledby={`${id}-h`} data-testid="disrupt-panel">
      <h2 id={`${id}-h`}>{t('network.disrupt.title')}</h2>
      <p>{t('network.disrupt.intro')}</p>
      <form className="filters" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-n`}>{t('network.disrupt.remove')}</label>
          <input
            id={`${id}-n`}
            type="number"
            min={1}
            max={20}
            required
            value={remove}
            onChange={(e) => onRemove(Math.max(1, Math.min(20, Number(e.target.value) || 1)))}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-m`}>{t('network.disrupt.measure')}</label>
          <select
            id={`${id}-m`}
            value={measure}
            onChange={(e) => onMeasure(e.target.value as Measure)}
          >
            {MEASURES.map((m) => (
              <option key={m} value={m}>
                {t(`network.disrupt.measures.${m}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={action.state === 'loading'}>
          {t('network.disrupt.run', { name })}
        </button>
      </form>
      {action.state === 'loading' && <Loading />}
      {action.state === 'error' && <NetworkError error={action.error} />}
      {action.state === 'ready' && (
        <Steps result={action.data} store={store} onSelect={onSelect} onAdd={onAdd} />
      )}
      {action.state === 'ready' && (
        <p className="hint">
          {action.data.steps.length > 0 && t('network.disrupt.hidden')}
          {action.data.approximate && <> {t('network.disrupt.approximate')}</>}
        </p>
      )}
    </section>
  );
}

function Steps({
  result,
  store,
  onSelect,
  onAdd,
}: {
  result: DisruptResult;
  store: NetworkStore;
  onSelect: (id: string) => void;
  onAdd: (id: string) => void;
}) {
  const { t } = useTranslation();
  const f = useNetworkFormat();
  const v = (x: number) => value(f, result.measure, x);
  const drop = result.initial > 0 ? 1 - result.final / result.initial : 0;
  return (
    <>
      <ShownMarkings markings={result.steps.map((s) => s.node.marking)} />
      <p role="status" data-testid="disrupt-summary">
        {t(`network.disrupt.summary.${result.measure}`, {
          community: f.number(result.community),
          initial: v(result.initial),
          final: v(result.final),
          drop: f.percent(drop),
        })}
      </p>
      {result.steps.length > 0 && (
        <table className="disrupt-steps" data-testid="disrupt-steps">
          <caption className="visually-hidden">{t('network.disrupt.title')}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('network.disrupt.step')}
              </th>
              <th scope="col">{t('network.disrupt.removed')}</th>
              <th scope="col">{t('network.disrupt.change')}</th>
              <th scope="col" className="num">
                {t('network.disrupt.pieces')}
              </th>
              <th scope="col">{t('network.list.marking')}</th>
            </tr>
          </thead>
          <tbody>
            {result.steps.map((s, i) => (
              <tr key={s.node.id} data-testid="disrupt-step">
                <td className="num">{f.number(i + 1)}</td>
                <th scope="row">
                  <MarkSymbol mark="removed" />{' '}
                  {store.graph.hasNode(s.node.id) ? (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => onSelect(s.node.id)}
                    >
                      {s.node.label}
                    </button>
                  ) : (
                    <>
                      {s.node.label}{' '}
                      <button
                        type="button"
                        className="secondary small"
                        onClick={() => onAdd(s.node.id)}
                      >
                        {t('network.add', { name: s.node.label })}
                      </button>
                    </>
                  )}{' '}
                  <span className="hint">{f.kind(s.node.kind)}</span>
                </th>
                <td>
                  {t('network.disrupt.beforeAfter', { before: v(s.before), after: v(s.after) })}
                </td>
                <td className="num">{f.number(s.components)}</td>
                <td>
                  <NodeMarking marking={s.node.marking} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
