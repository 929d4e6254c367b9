import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { activityTypes } from '../core/activities';
import { areas } from '../core/areas';
import { interventionKinds } from '../core/interventions';
import {
  actionStatusLabels,
  activityTypeLabels,
  analysisKindLabels,
  areaLabels,
  assessmentKindLabels,
  assessmentModeLabels,
  assessmentStatusLabels,
  effectKindLabels,
  generalAreaLabel,
  genderLabels,
  interventionKindLabels,
  investmentLabel,
} from './swedish-labels';

// The server's Swedish words are the interface's (docs/glossary.md): a file, an e-mail and a page
// name a code the same way. The web's Swedish text is read here rather than imported, as the server
// never imports the web app.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const swedish = (feature: string) =>
  JSON.parse(fs.readFileSync(path.join(root, 'src/web/features', feature, 'i18n/sv.json'), 'utf8')) as Record<
    string,
    Record<string, Record<string, string>>
  >;

describe('the Swedish labels of the server', () => {
  const signedIn = swedish('signed-in');
  const activities = swedish('activities');

  it('name every area as the maturity pages, the coaching log and the activities do', () => {
    expect(Object.keys(areaLabels)).toEqual([...areas]);
    for (const area of areas) {
      expect(areaLabels[area]).toBe(signedIn.areas![area]);
    }
  });

  it('call an intervention without an area what the coaching log calls it', () => {
    expect(generalAreaLabel).toBe(signedIn.interventions!.generalArea);
  });

  it('name every kind of intervention as the coaching log does', () => {
    for (const kind of interventionKinds)
      expect(interventionKindLabels[kind]).toBe(signedIn.interventions!.kinds![kind]);
  });

  it('name every type of activity as the activities pages do', () => {
    for (const type of activityTypes) expect(activityTypeLabels[type]).toBe(activities.activities!.type![type]);
  });

  it('name the effects and the investment as the action form does, amounts in kr', () => {
    const fields = swedish('action-plans').actionPlans!.fields!;
    expect(effectKindLabels).toEqual({
      kwh: fields.kwh,
      co2eKg: fields.co2eTonnes,
      sek: fields.sek,
      materialTonnes: fields.materialTonnes,
    });
    expect(investmentLabel).toBe(fields.investmentSek);
    expect(Object.values(effectKindLabels).join(' ')).not.toMatch(/SEK/);
  });

  it('name genders, measurements, action statuses and analysis kinds as the pages do (the company export)', () => {
    expect(genderLabels).toEqual(swedish('companies').contacts!.gender);
    const maturity = swedish('maturity').maturity!;
    expect(assessmentKindLabels).toEqual(maturity.kinds);
    expect(assessmentModeLabels).toEqual(maturity.modes);
    expect(assessmentStatusLabels).toEqual(maturity.statuses);
    expect(actionStatusLabels).toEqual(swedish('action-plans').actionPlans!.statuses);
    expect(analysisKindLabels).toEqual(signedIn.analyses!.kinds);
  });
});
