import { eligibility } from './features/eligibility';
import { imports } from './features/import';
import { navigation } from './features/navigation';
import { plan } from './features/plan';
import { programme } from './features/programme';
import { review } from './features/review';

/** The messages of each feature's screens, in both languages (one file per feature). */
export const FEATURES = [navigation, programme, imports, review, eligibility, plan] as const;

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
  'update.waitForWork': 'Tunggu sampai proses yang berjalan selesai, lalu muat ulang.',

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

  'matching.heading': 'Pemadanan',
  'matching.description':
    'Mencocokkan setiap siswa di daftar sekolah dengan satu penduduk di registri: cocok (COCOK) bila yakin, perlu review (PERLU_REVIEW) bila seseorang harus memutuskan, tidak cocok (TIDAK_COCOK) bila tidak ditemukan.',
  'matching.run': 'Jalankan pemadanan',
  'matching.cancel': 'Batalkan',
  'matching.progressLabel': 'Kemajuan pemadanan',
  'matching.progress': 'Langkah {step} dari 4 — {phase}',
  'matching.phase.reading': 'membaca data dari basis data lokal ({done} dari {total} baris)',
  'matching.phase.start': 'mengirim data ke mesin pemadanan',
  'matching.phase.prepare': 'menyiapkan data',
  'matching.phase.block': 'mencari pasangan calon',
  'matching.phase.estimate': 'memperkirakan model',
  'matching.phase.score': 'menilai pasangan calon',
  'matching.phase.duplicates': 'mencari siswa yang tercatat dua kali',
  'matching.phase.assign': 'menetapkan NIK untuk setiap siswa',
  'matching.done': 'Pemadanan selesai: {students} siswa dengan {registry} penduduk di registri.',
  'matching.cancelled': 'Pemadanan dibatalkan. Tidak ada yang berubah.',
  'matching.failed': 'Pemadanan gagal: {message}',
  'matching.statusHeading': 'Hasil per status',
  'matching.status.COCOK': 'Cocok',
  'matching.status.PERLU_REVIEW': 'Perlu review',
  'matching.status.TIDAK_COCOK': 'Tidak cocok',
  'matching.reasonHeading': 'Alasan',
  'matching.reason.accepted': 'Diterima saat review',
  'matching.reason.confident': 'Cocok dengan yakin',
  'matching.reason.uncertain': 'Belum cukup yakin',
  'matching.reason.ambiguous': 'Ada calon lain yang hampir sama kuat',
  'matching.reason.weak_identity': 'Nama atau tanggal lahir terlalu berbeda',
  'matching.reason.taken': 'Calon terbaik lebih sesuai dengan siswa lain',
  'matching.reason.duplicate': 'Siswa tercatat dua kali',
  'matching.reason.not_found': 'Tidak ditemukan di registri',
  'matching.reasonDetail.accepted': 'Diterima saat review.',
  'matching.reasonDetail.confident': 'Cocok dengan yakin.',
  'matching.reasonDetail.uncertain': 'Mungkin cocok, tetapi belum cukup yakin: periksa.',
  'matching.reasonDetail.ambiguous':
    'Ada calon lain yang hampir sama kuatnya (kembar? nama sama?): pilih yang benar.',
  'matching.reasonDetail.weak_identity':
    'Nama atau tanggal lahir terlalu berbeda untuk dicocokkan otomatis: periksa.',
  'matching.reasonDetail.taken':
    'Calon terbaik sudah cocok dengan siswa lain yang lebih sesuai: periksa keduanya.',
  'matching.reasonDetail.duplicate': 'Siswa yang sama tercatat dua kali (lihat duplikat_dari).',
  'matching.reasonDetail.not_found':
    'Tidak ditemukan di data kependudukan (TIDAK_DITEMUKAN): keluarga perlu memperbarui KK di Dukcapil.',
  'matching.duplicateGroups': 'Siswa yang tercatat lebih dari sekali: {count}',
  'matching.blockingCaption': 'Pasangan calon per aturan blocking',
  'matching.blocking.rule': 'Aturan',
  'matching.blocking.pairs': 'Pasangan',
  'matching.blocking.newPairs': 'Pasangan baru',
  'matching.blocking.total': 'Pasangan calon seluruhnya (masing-masing sekali): {count}',
  'matching.rule.nik': 'NIK',
  'matching.rule.birthDate': 'Tanggal lahir',
  'matching.rule.nameYear': 'Nama (fonetik) + tahun lahir',
  'matching.rule.nameDayMonth': 'Nama (fonetik) + tanggal & bulan lahir',
  'matching.rule.motherDayMonth': 'Nama ibu (fonetik) + tanggal & bulan lahir',
  'matching.rule.motherFirstWordYear': 'Nama ibu (fonetik) + kata pertama nama + tahun lahir',
  'matching.download': 'Unduh hasil (CSV)',
  'matching.memoryNote':
    'Untuk sementara hasil hanya disimpan di memori dan hilang bila halaman dimuat ulang; antrean review dan penyimpanan hasil menyusul.',

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
