import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Empty } from '../components/Status';
import { Explorer } from '../network/Explorer';
import { Filters } from '../network/Filters';
import { scopeOf, scopeSearch, type Scope } from '../network/scope';
import { StartForm } from '../network/StartForm';
import '../network/network.css';
import { useTitle } from './use-title';

/**
 * The network explorer: an entity's neighbourhood drawn and listed, expanded node by node,
 * filtered by kind, tie and date, with communities, key players, paths and "what if removed".
 * The entity and the filters live in the address bar; the tab too.
 */
export function NetworkPage() {
  const { t } = useTranslation();
  useTitle(t('network.title'));
  const [params, setParams] = useSearchParams();
  const scope = scopeOf(params);
  const key = scopeSearch(scope).toString();
  const show = (next: Scope) => {
    const p = scopeSearch(next);
    const view = params.get('view');
    if (view) p.set('view', view);
    setParams(p);
  };
  return (
    <div className="network-page">
      <h1>{t('network.title')}</h1>
      <p>{t('network.intro')}</p>
      <StartForm entity={scope.entity} onOpen={(entity) => show({ ...scope, entity })} />
      {scope.entity ? (
        <>
          <Filters key={key} scope={scope} onApply={show} />
          <Explorer key={key} scope={scope} onScope={show} />
        </>
      ) : (
        <Empty>{t('network.prompt')}</Empty>
      )}
    </div>
  );
}
