import type { Actor } from '../../../core/roles';
import { municipalities } from '../../content/municipalities';
import { sniDivisions } from '../../content/sni';
import { unauthenticated } from '../../errors';

export function listMunicipalities(actor: Actor) {
  if (actor.kind === 'anonymous') throw unauthenticated();
  return municipalities.map((m) => ({
    code: m.code,
    name: m.name,
    countyCode: m.countyCode,
    reportingAreas: [...m.reportingAreas],
  }));
}

export function listSniDivisions(actor: Actor) {
  if (actor.kind === 'anonymous') throw unauthenticated();
  return sniDivisions.map((d) => ({ code: d.code, nameSv: d.nameSv, nameEn: d.nameEn }));
}
