import { FEATURES, type FeatureKeys, type Messages } from './id';

/** The app-wide messages in English. */
const base: Omit<Messages, FeatureKeys> = {
  'app.name': 'Sahaja',
  'app.tagline': 'KTP-el recording at schools',
  'app.skipToContent': 'Skip to content',
  'app.footer': 'Data is stored on this device only.',

  'language.label': 'Language',
  'language.id': 'Bahasa Indonesia',
  'language.en': 'English',

  'connection.online': 'Online',
  'connection.offline': 'Offline',
  'connection.offlineHint': 'No internet connection. The app and its data still work.',

  'update.available': 'A new version is available',
  'update.reload': 'Reload',
  'update.later': 'Later',
  'update.waitForWork':
    'Wait until the running task finishes and unsaved changes are saved or discarded, then reload.',

  'home.heading': 'Recording programme',
  'home.intro':
    'Sahaja helps Dukcapil record the KTP-el of senior high school students: matching school lists with the registry, deciding eligibility, planning visits, and recording visit days without internet.',
  'home.storageError':
    'The database on this device cannot be opened ({message}). Data cannot be saved.',

  'demo.heading': 'Demo programme',
  'demo.description':
    'Synthetic data to try the app: schools, student lists, a civil-registry extract, recording teams and holidays. No real personal data.',
  'demo.replaceNote': 'Loading it again replaces the stored demo programme.',
  'demo.load': 'Load demo programme',
  'demo.cancel': 'Cancel',
  'demo.progressLabel': 'Demo programme loading progress',
  'demo.generating': 'Step 1 of 2 — generating demo data: {phase}',
  'demo.generatingStart': 'Starting the demo data generator…',
  'demo.phase.families': 'families and residents',
  'demo.phase.students': 'student lists',
  'demo.phase.files': 'school files',
  'demo.phase.registry': 'registry extract',
  'demo.storing': 'Step 2 of 2 — saving to the local database: {done} of {total} rows',
  'demo.storingStart': 'Step 2 of 2 — preparing the local database…',
  'demo.done': 'Demo programme saved.',
  'demo.cancelled': 'Loading cancelled. The stored data has not changed.',
  'demo.failed':
    'The demo programme could not be loaded: {message}. The stored data has not changed.',
  'demo.quota':
    'There is not enough storage space on this device. Free some space or request persistent storage, then try again.',

  'summary.heading': 'Programme summary',
  'summary.demoBadge': 'Demo data',
  'summary.empty': 'No programme on this device yet. Load the demo programme to try the app.',
  'summary.schools': 'Schools',
  'summary.students': 'Students',
  'summary.registry': 'Registry residents',
  'summary.teams': 'Recording teams',
  'summary.holidays': 'Holidays',
  'summary.referenceDate': 'Reference date',
  'summary.storedOn': 'Saved on {date}.',

  'storage.heading': 'Storage on this device',
  'storage.unsupported': 'This browser does not report its storage status.',
  'storage.persistLabel': 'Persistent storage',
  'storage.persisted': 'On: the browser will not clear this data when space runs low.',
  'storage.notPersisted': 'Off: the browser may clear this data when space runs low.',
  'storage.requestPersist': 'Request persistent storage',
  'storage.persistDenied': 'The browser declined. Install the app, then try again.',
  'storage.usageLabel': 'Space used',
  'storage.usage': '{used} of {quota}',
  'storage.refresh': 'Refresh',
  'storage.offlineLabel': 'Ready for offline use',
  'storage.offlineReady': 'Yes, the app is stored on this device.',
  'storage.offlineNotReady': 'Not yet. Open the app once while online.',
};

/** English. Same keys as `id.ts` (the type and a unit test both check it). */
export const en: Messages = Object.assign({}, base, ...FEATURES.map((f) => f.en)) as Messages;
