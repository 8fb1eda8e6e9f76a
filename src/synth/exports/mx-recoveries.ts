import { isoOf } from '../dates.js';
import { entityId } from '../keys.js';
import { RecoveryPlanner, type Recovery } from '../guns/recoveries.js';
import { streamOf } from '../random.js';
import type { World } from '../world/world.js';
import type { Exporter } from '../output/exporter.js';
import { mentionPerson } from '../output/people.js';
import type { TruthWriter } from '../output/truth.js';
import { saleId, soldFirearmId } from './atf-sales.js';
import { carpeta, fgrRow } from './fgr-recoveries.js';
import { folio, sedenaRow } from './sedena-recoveries.js';

export interface RecoveryTotals {
  recoveries: number;
  /** Traced recoveries left without a sale (the planner found no gun): should be 0. */
  unmatched: number;
}

/** The ground-truth trace of one recovery: the sale it came from, or why there is none. */
function traceLine(rec: Recovery, recoveryId: string, agency: string) {
  const sale = rec.sale;
  return {
    recovery: { agency, id: recoveryId },
    firearm: { agency, id: `ARMA-${recoveryId}` },
    gun: entityId('firearm', rec.gun),
    outcome: sale ? 'traced' : rec.outcome === 'traced' ? 'no_sale_record' : rec.outcome,
    type: rec.model.type,
    recovered: isoOf(rec.day),
    state: rec.state,
    sale: sale && {
      agency: 'ATF',
      id: saleId(sale.basket, sale.gun.slot),
      firearm: soldFirearmId(sale.basket, sale.gun.slot),
      date: isoOf(sale.basket.day),
      dealerLicense: sale.basket.dealer.license,
      dealerState: sale.basket.dealer.state,
      buyer: entityId('person', sale.basket.buyer),
      straw: sale.basket.stream === 'straw',
    },
    timeToCrimeDays: sale ? rec.day - sale.basket.day : null,
    network: rec.network?.id ?? null,
  };
}

/** Mexican recoveries, FGR's and SEDENA's, planned together so traces never reuse a gun. */
export function writeRecoveries(
  world: World,
  fgr: Exporter,
  sedena: Exporter,
  truth: TruthWriter,
): RecoveryTotals {
  const planner = new RecoveryPlanner(world);
  for (let k = 0; k < world.counts.recoveries; k++) {
    const rec = planner.plan(k);
    const r = streamOf(world.seed, 'recovery-row', k);
    const x = rec.owner === 'FGR' ? fgr : sedena;
    const person =
      rec.person === null
        ? null
        : mentionPerson(x, world, rec.person, r, rec.owner === 'FGR' ? 'IMP-' : 'DET-');
    const id = rec.owner === 'FGR' ? carpeta(rec) : folio(rec);
    x.record('Recovery');
    x.unique('firearm', `ARMA-${id}`, 'Firearm', entityId('firearm', rec.gun));
    x.links(person ? 2 : 1);
    x.row(rec.owner === 'FGR' ? fgrRow(r, rec, person) : sedenaRow(r, rec, person));
    truth.trace(traceLine(rec, id, x.agency));
  }
  return { recoveries: world.counts.recoveries, unmatched: planner.unmatched };
}
