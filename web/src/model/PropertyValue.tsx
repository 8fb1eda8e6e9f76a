import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { propertyType } from './model';

/** One stored value, shown the reader's way: dates, numbers, countries and choices translated. */
export function PropertyValue({
  schema,
  name,
  value,
}: {
  schema?: string;
  name: string;
  value: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  switch (propertyType(schema, name)) {
    case 'date':
      return <time dateTime={value}>{format.day(value)}</time>;
    case 'number':
    case 'integer':
      return <>{format.number(value)}</>;
    case 'country':
      return <>{format.country(value)}</>;
    case 'enum':
      return <>{t(`model:value.${value}`, { defaultValue: value })}</>;
    default:
      return <>{value}</>;
  }
}
