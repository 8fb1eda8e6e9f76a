import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { DERIVED, type Tie } from './types';

/** Node kinds, tie types, dates and figures of the network in the reader's language. */
export function useNetworkFormat() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const lng = i18n.language;
  return useMemo(() => {
    const share = new Intl.NumberFormat(lng, { maximumFractionDigits: 3 });
    const percent = new Intl.NumberFormat(lng, { style: 'percent', maximumFractionDigits: 0 });
    const tie = (type: string) =>
      DERIVED.has(type)
        ? t(`network.tie.${type}`)
        : t(`model:link.${type}.label`, { defaultValue: type });
    return {
      ...format,
      kind: (kind: string) => t(`network.kind.${kind}`, { defaultValue: kind }),
      tie,
      /** "called (3), member of" */
      ties: (ties: readonly Tie[]) =>
        format.list(
          ties.map((x) =>
            x.count > 1
              ? t('network.tieCount', {
                  tie: tie(x.type),
                  count: x.count,
                  formatted: format.number(x.count),
                })
              : tie(x.type),
          ),
        ),
      /** A span of days: "1 Mar 2022 – 15 Sep 2022", or one day, or nothing. */
      span: (first: string | null, last: string | null) =>
        first && last && first !== last
          ? t('network.span', { first: format.day(first), last: format.day(last) })
          : first || last
            ? format.day((first ?? last)!)
            : '',
      share: (x: number) => share.format(x),
      percent: (x: number) => percent.format(x),
    };
  }, [t, lng, format]);
}

export type NetworkFormat = ReturnType<typeof useNetworkFormat>;
