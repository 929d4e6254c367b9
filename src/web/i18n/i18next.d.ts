import 'i18next';
import type sv from './sv.json';
import type actionPlans from '../features/action-plans/i18n/sv.json';
import type activities from '../features/activities/i18n/sv.json';
import type analyses from '../features/analyses/i18n/sv.json';
import type auth from '../features/auth/i18n/sv.json';
import type companies from '../features/companies/i18n/sv.json';
import type companyImport from '../features/company-import/i18n/sv.json';
import type funderReports from '../features/funder-reports/i18n/sv.json';
import type handovers from '../features/handovers/i18n/sv.json';
import type maturity from '../features/maturity/i18n/sv.json';
import type myWeek from '../features/my-week/i18n/sv.json';
import type organisations from '../features/organisations/i18n/sv.json';
import type outbox from '../features/outbox/i18n/sv.json';
import type signedIn from '../features/signed-in/i18n/sv.json';
import type stateAid from '../features/state-aid/i18n/sv.json';
import type overview from '../features/overview/i18n/sv.json';
import type portal from '../features/portal/i18n/sv.json';
import type programme from '../features/programme/i18n/sv.json';
import type users from '../features/users/i18n/sv.json';

// Typed keys: a key missing in Swedish (the reference language) is a type error. The common
// strings and each feature's own (loaded with its route) together make up the one namespace.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: typeof sv &
        typeof actionPlans &
        typeof activities &
        typeof analyses &
        typeof auth &
        typeof companies &
        typeof companyImport &
        typeof funderReports &
        typeof handovers &
        typeof maturity &
        typeof myWeek &
        typeof organisations &
        typeof outbox &
        typeof signedIn &
        typeof stateAid &
        typeof overview &
        typeof portal &
        typeof programme &
        typeof users;
    };
  }
}
