import { ATF_SALES } from './atf-sales.js';
import { CBP_SEIZURES } from './cbp-seizures.js';
import { CBP_SMUGGLING } from './cbp-smuggling.js';
import { FGR_RECOVERIES } from './fgr-recoveries.js';
import { HSI_INTEL } from './hsi-intel.js';
import { RCMP_SEIZURES } from './rcmp-seizures.js';
import { SEDENA_RECOVERIES } from './sedena-recoveries.js';

/** Every partner export, in the order they are written. */
export const EXPORTS = [
  CBP_SEIZURES,
  CBP_SMUGGLING,
  ATF_SALES,
  FGR_RECOVERIES,
  SEDENA_RECOVERIES,
  RCMP_SEIZURES,
  HSI_INTEL,
] as const;

export const mappingFile = (file: string): string => file.replace(/\.\w+$/, '.mapping.yaml');
