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
  'update.waitForWork': 'Wait until the running task finishes, then reload.',

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

  'matching.heading': 'Matching',
  'matching.description':
    'Matches each student on the school lists with one person in the registry: matched (COCOK) when sure, needs review (PERLU_REVIEW) when a person must decide, not matched (TIDAK_COCOK) when not found.',
  'matching.run': 'Run matching',
  'matching.cancel': 'Cancel',
  'matching.progressLabel': 'Matching progress',
  'matching.progress': 'Step {step} of 4 — {phase}',
  'matching.phase.reading': 'reading the data from the local database ({done} of {total} rows)',
  'matching.phase.start': 'handing the data to the matcher',
  'matching.phase.prepare': 'preparing the data',
  'matching.phase.block': 'finding candidate pairs',
  'matching.phase.estimate': 'estimating the model',
  'matching.phase.score': 'scoring the candidate pairs',
  'matching.phase.duplicates': 'looking for students listed twice',
  'matching.phase.assign': 'assigning an NIK to each student',
  'matching.done': 'Matching finished: {students} students against {registry} registry residents.',
  'matching.cancelled': 'Matching cancelled. Nothing has changed.',
  'matching.failed': 'Matching failed: {message}',
  'matching.statusHeading': 'Results by status',
  'matching.status.COCOK': 'Matched',
  'matching.status.PERLU_REVIEW': 'Needs review',
  'matching.status.TIDAK_COCOK': 'Not matched',
  'matching.reasonHeading': 'Reasons',
  'matching.reason.accepted': 'Accepted in review',
  'matching.reason.confident': 'Confident match',
  'matching.reason.uncertain': 'Not sure enough',
  'matching.reason.ambiguous': 'Another candidate scores almost as high',
  'matching.reason.weak_identity': 'Name or birth date differ too much',
  'matching.reason.taken': 'Best candidate fits another student better',
  'matching.reason.duplicate': 'Student listed twice',
  'matching.reason.not_found': 'Not found in the registry',
  'matching.reasonDetail.accepted': 'Accepted in review.',
  'matching.reasonDetail.confident': 'A confident match.',
  'matching.reasonDetail.uncertain': 'Probably a match, but not sure enough: check it.',
  'matching.reasonDetail.ambiguous':
    'Another candidate scores almost as high (a twin? a namesake?): choose the right one.',
  'matching.reasonDetail.weak_identity':
    'The name or birth date differ too much for an automatic match: check it.',
  'matching.reasonDetail.taken':
    'The best candidate already matches another student better: check both.',
  'matching.reasonDetail.duplicate': 'The same student is listed twice (see duplikat_dari).',
  'matching.reasonDetail.not_found':
    'Not found in the registry (TIDAK_DITEMUKAN): the family should update its KK at Dukcapil.',
  'matching.duplicateGroups': 'Students listed more than once: {count}',
  'matching.blockingCaption': 'Candidate pairs per blocking rule',
  'matching.blocking.rule': 'Rule',
  'matching.blocking.pairs': 'Pairs',
  'matching.blocking.newPairs': 'New pairs',
  'matching.blocking.total': 'Candidate pairs in all (each once): {count}',
  'matching.rule.nik': 'NIK',
  'matching.rule.birthDate': 'Birth date',
  'matching.rule.nameYear': 'Name (phonetic) + birth year',
  'matching.rule.nameDayMonth': 'Name (phonetic) + day and month of birth',
  'matching.rule.motherDayMonth': "Mother's name (phonetic) + day and month of birth",
  'matching.rule.motherFirstWordYear': "Mother's name (phonetic) + first word of name + birth year",
  'matching.download': 'Download results (CSV)',
  'matching.memoryNote':
    'For now the results are kept in memory only and are lost when the page reloads; the review queue and saving them come later.',

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
