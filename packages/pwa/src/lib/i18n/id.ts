import { audit } from './features/audit';
import { eligibility } from './features/eligibility';
import { exchange } from './features/exchange';
import { exportsMessages } from './features/export';
import { field } from './features/field';
import { handover } from './features/handover';
import { imports } from './features/import';
import { lock } from './features/lock';
import { navigation } from './features/navigation';
import { plan } from './features/plan';
import { progress } from './features/progress';
import { programme } from './features/programme';
import { review } from './features/review';

/** The messages of each feature's screens, in both languages (one file per feature). */
export const FEATURES = [
  navigation,
  programme,
  imports,
  review,
  eligibility,
  plan,
  exportsMessages,
  field,
  progress,
  handover,
  exchange,
  lock,
  audit,
] as const;

/** Every key of every feature (distributed over the union: `keyof (A | B)` would keep only shared keys). */
type KeysOf<T> = T extends unknown ? keyof T : never;
export type FeatureKeys = KeysOf<(typeof FEATURES)[number]['id']>;

/** The app-wide messages (header, home page, demo, storage) in Bahasa Indonesia. */
const base = {
  'app.name': 'Sahaja',
  'app.tagline': 'Perekaman KTP-el di sekolah',
  'app.skipToContent': 'Lewati ke konten',
  'app.footer': 'Data tersimpan hanya di perangkat ini.',

  'language.label': 'Bahasa',
  'language.id': 'Bahasa Indonesia',
  'language.en': 'English',

  'connection.online': 'Daring',
  'connection.offline': 'Luring',
  'connection.offlineHint': 'Tidak ada koneksi internet. Aplikasi dan data tetap bisa dipakai.',

  'update.available': 'Versi baru tersedia',
  'update.reload': 'Muat ulang',
  'update.later': 'Nanti',
  'update.waitForWork':
    'Tunggu sampai proses yang berjalan selesai dan perubahan yang belum disimpan sudah disimpan atau dibatalkan, lalu muat ulang.',

  'home.heading': 'Program perekaman',
  'home.intro':
    'Sahaja membantu Dukcapil merekam KTP-el siswa SMA sederajat: pemadanan data sekolah dengan registri, penentuan kelayakan, jadwal kunjungan, dan pencatatan hari kunjungan tanpa internet.',
  'home.storageError':
    'Basis data di perangkat ini tidak bisa dibuka ({message}). Data tidak dapat disimpan.',

  'demo.heading': 'Program contoh',
  'demo.description':
    'Data sintetis untuk mencoba aplikasi: sekolah, daftar siswa, ekstrak registri penduduk, tim perekaman, dan hari libur. Tidak ada data pribadi sungguhan.',
  'demo.replaceNote': 'Memuat lagi akan mengganti program contoh yang tersimpan.',
  'demo.load': 'Muat program contoh',
  'demo.cancel': 'Batalkan',
  'demo.progressLabel': 'Kemajuan memuat program contoh',
  'demo.generating': 'Langkah 1 dari 2 — membuat data contoh: {phase}',
  'demo.generatingStart': 'Menyiapkan pembuat data contoh…',
  'demo.phase.families': 'keluarga dan penduduk',
  'demo.phase.students': 'daftar siswa',
  'demo.phase.files': 'berkas dari sekolah',
  'demo.phase.registry': 'ekstrak registri',
  'demo.storing': 'Langkah 2 dari 2 — menyimpan ke basis data lokal: {done} dari {total} baris',
  'demo.storingStart': 'Langkah 2 dari 2 — menyiapkan basis data lokal…',
  'demo.done': 'Program contoh tersimpan.',
  'demo.cancelled': 'Pemuatan dibatalkan. Data yang tersimpan tidak berubah.',
  'demo.failed': 'Program contoh gagal dimuat: {message}. Data yang tersimpan tidak berubah.',
  'demo.quota':
    'Ruang penyimpanan di perangkat ini tidak cukup. Kosongkan ruang atau minta penyimpanan permanen, lalu coba lagi.',

  'summary.heading': 'Ringkasan program',
  'summary.demoBadge': 'Data contoh',
  'summary.empty':
    'Belum ada program di perangkat ini. Muat program contoh untuk mencoba aplikasi.',
  'summary.schools': 'Sekolah',
  'summary.students': 'Siswa',
  'summary.registry': 'Registri penduduk',
  'summary.teams': 'Tim perekaman',
  'summary.holidays': 'Hari libur',
  'summary.referenceDate': 'Tanggal acuan',
  'summary.storedOn': 'Disimpan pada {date}.',

  'storage.heading': 'Penyimpanan di perangkat',
  'storage.unsupported': 'Peramban ini tidak melaporkan status penyimpanan.',
  'storage.persistLabel': 'Penyimpanan permanen',
  'storage.persisted': 'Aktif: peramban tidak akan menghapus data ini saat ruang menipis.',
  'storage.notPersisted': 'Belum aktif: peramban dapat menghapus data saat ruang menipis.',
  'storage.requestPersist': 'Minta penyimpanan permanen',
  'storage.persistDenied': 'Peramban menolak permintaan. Pasang aplikasi ini, lalu coba lagi.',
  'storage.usageLabel': 'Ruang terpakai',
  'storage.usage': '{used} dari {quota}',
  'storage.refresh': 'Perbarui',
  'storage.offlineLabel': 'Siap dipakai luring',
  'storage.offlineReady': 'Ya, aplikasi tersimpan di perangkat ini.',
  'storage.offlineNotReady': 'Belum. Buka aplikasi sekali saat daring.',
} as const satisfies Record<string, string>;

/** Bahasa Indonesia, the app's default language. Every key here must exist in `en.ts` too. */
export const id = Object.assign({}, base, ...FEATURES.map((f) => f.id)) as Readonly<
  Record<keyof typeof base | FeatureKeys, string>
>;

/** A key of the message dictionaries. */
export type MessageKey = keyof typeof base | FeatureKeys;

/** A dictionary with every message of the app. */
export type Messages = Readonly<Record<MessageKey, string>>;
