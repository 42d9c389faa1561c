import { defineMessages } from '../define';

/** The main menu and the programme switcher. */
export const navigation = defineMessages(
  {
    'nav.label': 'Menu utama',
    'nav.home': 'Beranda',
    'nav.programme': 'Program',
    'nav.schools': 'Sekolah',
    'nav.import': 'Impor',
    'nav.matching': 'Pemadanan',
    'nav.eligibility': 'Kelayakan',
    'nav.plan': 'Jadwal',
    'nav.visit': 'Hari kunjungan',
    'nav.progress': 'Kemajuan',
    'nav.handover': 'Penyerahan',
    'nav.audit': 'Jejak audit',
    'nav.programmeLabel': 'Program aktif',
    'nav.noProgramme': 'Belum ada program',
    'nav.needsProgramme':
      'Belum ada program di perangkat ini. Buat program baru atau muat program contoh dahulu.',
    'nav.setUpProgramme': 'Buat program',
    'nav.loadDemo': 'Muat program contoh',
    'nav.restoreBackup': 'Pulihkan cadangan',
  },
  {
    'nav.label': 'Main menu',
    'nav.home': 'Home',
    'nav.programme': 'Programme',
    'nav.schools': 'Schools',
    'nav.import': 'Import',
    'nav.matching': 'Matching',
    'nav.eligibility': 'Eligibility',
    'nav.plan': 'Plan',
    'nav.visit': 'Visit day',
    'nav.progress': 'Progress',
    'nav.handover': 'Handover',
    'nav.audit': 'Audit trail',
    'nav.programmeLabel': 'Active programme',
    'nav.noProgramme': 'No programme yet',
    'nav.needsProgramme':
      'There is no programme on this device yet. Set up a new programme or load the demo programme first.',
    'nav.setUpProgramme': 'Set up a programme',
    'nav.loadDemo': 'Load the demo programme',
    'nav.restoreBackup': 'Restore a backup',
  },
);
