import { defineMessages } from '../define';

/** Messages of the eligibility screen: overview, schools, student list, follow-up and its printout. */
export const eligibility = defineMessages(
  {
    'eligibility.heading': 'Kelayakan',
    'eligibility.intro':
      'Kategori setiap siswa di daftar sekolah pada tanggal acuan program, menurut data registri yang ditemukan pada pemadanan.',
    'eligibility.policy':
      'Tanggal acuan {date} · wilayah program {region} · umur minimal perekaman {age} tahun',
    'eligibility.recompute': 'Hitung ulang',
    'eligibility.recomputeHint':
      'Hitung ulang sesudah review pemadanan, impor, atau perubahan pengaturan program.',
    'eligibility.progressLabel': 'Kemajuan perhitungan kelayakan',
    'eligibility.progress.read':
      'Menghitung… langkah 1 dari 3 — membaca daftar siswa dan hasil pemadanan ({done} dari {total} baris)',
    'eligibility.progress.lookup':
      'Menghitung… langkah 2 dari 3 — membaca data registri siswa yang cocok ({done} dari {total})',
    'eligibility.progress.decide':
      'Menghitung… langkah 3 dari 3 — menentukan kategori {total} siswa',
    'eligibility.progress.start': 'Menghitung…',
    'eligibility.ready': 'Kelayakan {count} siswa sudah dihitung.',
    'eligibility.staleNote': 'Yang tampil di bawah adalah hasil perhitungan sebelumnya.',
    'eligibility.error.settings':
      'Pengaturan program ditolak: {message} Perbaiki di layar Program, lalu hitung ulang.',
    'eligibility.error.settingsLink': 'Buka pengaturan program',
    'eligibility.error.storage':
      'Data tidak bisa dibaca dari basis data lokal ({message}). Tidak ada yang berubah; coba hitung ulang.',
    'eligibility.error.quota':
      'Ruang penyimpanan di perangkat ini penuh, sehingga data tidak bisa dibaca. Kosongkan ruang, lalu hitung ulang.',
    'eligibility.error.internal':
      'Perhitungan kelayakan gagal ({message}). Tidak ada yang berubah; coba hitung ulang.',
    'eligibility.noStudents':
      'Program ini belum punya daftar siswa. Impor daftar siswa dari sekolah dahulu.',
    'eligibility.importLink': 'Buka Impor',
    'eligibility.contents': 'Isi halaman',

    'eligibility.overview.heading': 'Ringkasan program',
    'eligibility.overview.total': 'Siswa di daftar sekolah: {count}',
    'eligibility.overview.targets': 'Sasaran program: {count} siswa',
    'eligibility.overview.targetsDetail':
      'WAJIB {wajib} + REKAM_DINI {dini}: siswa yang direkam pada kunjungan sekolah.',
    'eligibility.overview.caption': 'Siswa per kategori, dalam urutan aturan penentuannya',
    'eligibility.overview.category': 'Kategori',
    'eligibility.overview.meaning': 'Arti',
    'eligibility.overview.count': 'Jumlah',
    'eligibility.overview.show': 'Tampilkan {count} siswa “{label}” di daftar siswa',
    'eligibility.overview.pendingCaption': 'Belum punya kategori, dan data ganda',
    'eligibility.overview.pendingHint':
      'Jalankan pemadanan dan selesaikan review-nya, lalu hitung ulang.',
    'eligibility.overview.pendingLink': 'Buka Pemadanan',

    'eligibility.label.DATA_TIDAK_VALID': 'Data tidak valid',
    'eligibility.label.WNA': 'Warga negara asing',
    'eligibility.label.SUDAH_REKAM': 'Sudah rekam',
    'eligibility.label.PERLU_TINDAK_LANJUT': 'Perlu tindak lanjut',
    'eligibility.label.LUAR_WILAYAH': 'Luar wilayah',
    'eligibility.label.WAJIB': 'Wajib rekam',
    'eligibility.label.REKAM_DINI': 'Rekam dini',
    'eligibility.label.BELUM_CUKUP_UMUR': 'Belum cukup umur',
    'eligibility.label.TIDAK_DITEMUKAN': 'Tidak ditemukan',
    'eligibility.label.pendingMatch': 'Belum dipadankan',
    'eligibility.label.pendingReview': 'Menunggu review',
    'eligibility.label.duplicates': 'Tercatat dua kali',

    'eligibility.meaning.DATA_TIDAK_VALID':
      'Data registri tidak lengkap atau salah (NIK, tanggal lahir, status…): perbaiki dahulu.',
    'eligibility.meaning.WNA': 'Bukan WNI: di luar cakupan program perekaman di sekolah.',
    'eligibility.meaning.SUDAH_REKAM': 'Biometrik sudah direkam: jangan direkam lagi.',
    'eligibility.meaning.PERLU_TINDAK_LANJUT':
      'Status rekam ganda, menunggu adjudikasi, atau gagal: tindak lanjuti bersama Dukcapil.',
    'eligibility.meaning.LUAR_WILAYAH':
      'Berdomisili di luar wilayah program: rujuk ke Dukcapil daerah domisili.',
    'eligibility.meaning.WAJIB': 'Berumur 17 tahun atau lebih, atau pernah kawin: wajib direkam.',
    'eligibility.meaning.REKAM_DINI':
      'Sudah mencapai umur minimal perekaman: boleh direkam; KTP-el diserahkan pada umur 17.',
    'eligibility.meaning.BELUM_CUKUP_UMUR':
      'Belum mencapai umur minimal perekaman: dapat direkam mulai tanggal yang tertera.',
    'eligibility.meaning.TIDAK_DITEMUKAN':
      'Tidak ditemukan di registri: keluarga perlu memperbarui KK di Dukcapil terlebih dahulu.',
    'eligibility.meaning.pendingMatch':
      'Pemadanan belum dijalankan untuk siswa ini (mis. daftarnya baru diimpor).',
    'eligibility.meaning.pendingReview':
      'Pasangannya di registri menunggu keputusan petugas pada review pemadanan.',
    'eligibility.meaning.duplicates':
      'Siswa yang sama tercatat lebih dari sekali: dihitung sekali saja, pada data lainnya.',

    'eligibility.schools.heading': 'Per sekolah',
    'eligibility.schools.caption':
      'Siswa per sekolah. Pilih nama sekolah untuk menyaring daftar siswa dan daftar tindak lanjut.',
    'eligibility.schools.school': 'Sekolah',
    'eligibility.schools.npsn': 'NPSN',
    'eligibility.schools.others': 'Lainnya',
    'eligibility.schools.pending': 'Tertunda',
    'eligibility.schools.duplicates': 'Ganda',
    'eligibility.schools.total': 'Jumlah',
    'eligibility.schools.legend':
      'Lainnya: DATA_TIDAK_VALID, WNA, PERLU_TINDAK_LANJUT, LUAR_WILAYAH, BELUM_CUKUP_UMUR dan TIDAK_DITEMUKAN. Tertunda: belum dipadankan atau menunggu review. Ganda: siswa yang tercatat dua kali (dihitung pada data lainnya).',
    'eligibility.schools.totalRow': 'Seluruh program',
    'eligibility.schools.unknown': 'Sekolah tidak terdaftar di program',
    'eligibility.schools.chosen':
      'Dipilih: {school}. Daftar siswa dan daftar tindak lanjut hanya menampilkan sekolah ini.',
    'eligibility.schools.all': 'Semua sekolah',
    'eligibility.schools.showAll': 'Tampilkan semua sekolah',
    'eligibility.schools.none': 'Program ini belum punya sekolah.',

    'eligibility.list.heading': 'Daftar siswa',
    'eligibility.list.filters': 'Saringan daftar siswa',
    'eligibility.list.categories': 'Kategori',
    'eligibility.list.school': 'Sekolah',
    'eligibility.list.state': 'Status',
    'eligibility.list.state.all': 'Semua',
    'eligibility.list.state.decided': 'Sudah berkategori',
    'eligibility.list.state.pending': 'Tertunda (semua)',
    'eligibility.list.state.not_matched': 'Belum dipadankan',
    'eligibility.list.state.review': 'Menunggu review',
    'eligibility.list.state.duplicate': 'Tercatat dua kali',
    'eligibility.list.name': 'Cari nama',
    'eligibility.list.clear': 'Hapus saringan',
    'eligibility.list.count': 'Menampilkan {shown} dari {total} siswa',
    'eligibility.list.label': 'Daftar siswa dan kategorinya',
    'eligibility.list.empty': 'Tidak ada siswa yang sesuai dengan saringan.',
    'eligibility.list.kelas': 'Kelas {kelas}',
    'eligibility.dates.seventeenth': 'Ulang tahun ke-17: {date}',
    'eligibility.dates.eligibleFrom': 'Boleh direkam mulai: {date}',

    'eligibility.reason.pendingMatch':
      'Belum dipadankan dengan registri: jalankan pemadanan, lalu hitung ulang.',
    'eligibility.reason.pendingReview':
      'Pasangannya di registri menunggu keputusan review pemadanan; kategorinya ditentukan sesudah diputuskan.',
    'eligibility.reason.duplicateOf':
      'Tercatat lebih dari sekali: dihitung pada data lain siswa ini ({school}, kelas {kelas}).',
    'eligibility.reason.duplicate':
      'Tercatat lebih dari sekali: dihitung pada data lain siswa ini.',

    'eligibility.followUp.heading': 'Perlu tindak lanjut',
    'eligibility.followUp.intro':
      'Siswa yang perlu ditangani sebelum, atau sebagai ganti, perekaman di sekolah, per kelompok dengan yang perlu dilakukan.',
    'eligibility.followUp.total': '{count} orang perlu tindak lanjut',
    'eligibility.followUp.scope': 'Sekolah: {school}',
    'eligibility.followUp.none': 'Tidak ada yang perlu ditindaklanjuti.',
    'eligibility.followUp.notMatched':
      '{count} siswa belum dipadankan sehingga belum bisa dinilai: jalankan pemadanan dahulu.',
    'eligibility.followUp.label': 'Daftar tindak lanjut',
    'eligibility.followUp.groupCount': '{count} orang',
    'eligibility.followUp.print': 'Cetak daftar tindak lanjut',
    'eligibility.followUp.preparing': 'Menyiapkan cetakan: {done} dari {total} baris…',
    'eligibility.followUp.printHint':
      'Dicetak di kertas A4. Pilih sekolah dahulu untuk mencetak daftar satu sekolah.',
    'eligibility.followUp.group.PERLU_TINDAK_LANJUT': 'Status rekam perlu tindak lanjut',
    'eligibility.followUp.group.DATA_TIDAK_VALID': 'Data registri tidak valid',
    'eligibility.followUp.group.TIDAK_DITEMUKAN': 'Tidak ditemukan di registri',
    'eligibility.followUp.group.LUAR_WILAYAH': 'Berdomisili di luar wilayah program',
    'eligibility.followUp.group.BELUM_CUKUP_UMUR': 'Belum cukup umur',
    'eligibility.followUp.group.review': 'Menunggu review pemadanan',
    'eligibility.followUp.todo.PERLU_TINDAK_LANJUT':
      'Jangan direkam ulang sebelum statusnya diperiksa di SIAK bersama Dukcapil; tiap baris menyebut status dan langkahnya.',
    'eligibility.followUp.todo.DATA_TIDAK_VALID':
      'Perbaiki kolom yang disebut di SIAK atau di berkas sumber, lalu hitung ulang.',
    'eligibility.followUp.todo.TIDAK_DITEMUKAN':
      'Keluarga perlu memperbarui Kartu Keluarga (KK) di Dukcapil terlebih dahulu; sesudah itu siswa dapat direkam.',
    'eligibility.followUp.todo.LUAR_WILAYAH':
      'Rujuk ke Dukcapil daerah domisili yang tertera pada tiap baris.',
    'eligibility.followUp.todo.BELUM_CUKUP_UMUR':
      'Belum boleh direkam: rekam mulai tanggal yang tertera (kunjungan berikutnya atau di kantor Dukcapil).',
    'eligibility.followUp.todo.review':
      'Putuskan pasangannya pada review pemadanan; kategorinya ditentukan sesudah itu.',

    'eligibility.print.title': 'Daftar tindak lanjut perekaman KTP-el',
    'eligibility.print.programme': 'Program: {name}',
    'eligibility.print.referenceDate': 'Tanggal acuan: {date}',
    'eligibility.print.printedOn': 'Dicetak: {date}',
    'eligibility.print.no': 'No.',
    'eligibility.print.name': 'Nama',
    'eligibility.print.class': 'Kelas',
    'eligibility.print.school': 'Sekolah',
    'eligibility.print.todo': 'Yang perlu dilakukan',
    'eligibility.print.notes': 'Catatan',
  },
  {
    'eligibility.heading': 'Eligibility',
    'eligibility.intro':
      "Each listed student's category on the programme's reference date, from the registry record that matching found.",
    'eligibility.policy':
      'Reference date {date} · programme region {region} · minimum recording age {age}',
    'eligibility.recompute': 'Compute again',
    'eligibility.recomputeHint':
      'Compute again after match reviews, imports or changes to the programme settings.',
    'eligibility.progressLabel': 'Eligibility computation progress',
    'eligibility.progress.read':
      'Computing… step 1 of 3 — reading the student lists and matching results ({done} of {total} rows)',
    'eligibility.progress.lookup':
      "Computing… step 2 of 3 — reading the matched students' registry records ({done} of {total})",
    'eligibility.progress.decide':
      'Computing… step 3 of 3 — deciding the category of {total} students',
    'eligibility.progress.start': 'Computing…',
    'eligibility.ready': 'Eligibility of {count} students computed.',
    'eligibility.staleNote': 'What is shown below was computed before.',
    'eligibility.error.settings':
      'The programme settings were refused: {message} Correct them on the Programme screen, then compute again.',
    'eligibility.error.settingsLink': 'Open the programme settings',
    'eligibility.error.storage':
      'The data cannot be read from the local database ({message}). Nothing has changed; try computing again.',
    'eligibility.error.quota':
      'The storage on this device is full, so the data cannot be read. Free some space, then compute again.',
    'eligibility.error.internal':
      'Computing eligibility failed ({message}). Nothing has changed; try computing again.',
    'eligibility.noStudents':
      'This programme has no student lists yet. Import the schools’ student lists first.',
    'eligibility.importLink': 'Open Import',
    'eligibility.contents': 'On this page',

    'eligibility.overview.heading': 'Programme overview',
    'eligibility.overview.total': 'Students on the school lists: {count}',
    'eligibility.overview.targets': 'Programme targets: {count} students',
    'eligibility.overview.targetsDetail':
      'WAJIB {wajib} + REKAM_DINI {dini}: the students the school visits record.',
    'eligibility.overview.caption': 'Students per category, in the order the rules apply',
    'eligibility.overview.category': 'Category',
    'eligibility.overview.meaning': 'Meaning',
    'eligibility.overview.count': 'Students',
    'eligibility.overview.show': 'Show the {count} “{label}” students in the student list',
    'eligibility.overview.pendingCaption': 'No category yet, and duplicate listings',
    'eligibility.overview.pendingHint': 'Run matching and finish its review, then compute again.',
    'eligibility.overview.pendingLink': 'Open Matching',

    'eligibility.label.DATA_TIDAK_VALID': 'Invalid data',
    'eligibility.label.WNA': 'Foreign national',
    'eligibility.label.SUDAH_REKAM': 'Already recorded',
    'eligibility.label.PERLU_TINDAK_LANJUT': 'Needs follow-up',
    'eligibility.label.LUAR_WILAYAH': 'Outside the region',
    'eligibility.label.WAJIB': 'Must be recorded',
    'eligibility.label.REKAM_DINI': 'Early recording',
    'eligibility.label.BELUM_CUKUP_UMUR': 'Too young',
    'eligibility.label.TIDAK_DITEMUKAN': 'Not found',
    'eligibility.label.pendingMatch': 'Not matched yet',
    'eligibility.label.pendingReview': 'Waiting for review',
    'eligibility.label.duplicates': 'Listed twice',

    'eligibility.meaning.DATA_TIDAK_VALID':
      'The registry data is missing or wrong (NIK, birth date, status…): correct it first.',
    'eligibility.meaning.WNA': 'Not an Indonesian citizen: outside the school recording programme.',
    'eligibility.meaning.SUDAH_REKAM': 'Biometrics already recorded: do not record again.',
    'eligibility.meaning.PERLU_TINDAK_LANJUT':
      'Recording status is a duplicate, awaits adjudication or failed: follow it up with Dukcapil.',
    'eligibility.meaning.LUAR_WILAYAH':
      "Lives outside the programme's region: refer to the Dukcapil of the home region.",
    'eligibility.meaning.WAJIB': 'Aged 17 or older, or has been married: must be recorded.',
    'eligibility.meaning.REKAM_DINI':
      'Has reached the minimum recording age: may be recorded; the card is handed over at 17.',
    'eligibility.meaning.BELUM_CUKUP_UMUR':
      'Below the minimum recording age: can be recorded from the date shown.',
    'eligibility.meaning.TIDAK_DITEMUKAN':
      'Not found in the registry: the family must update its KK at Dukcapil first.',
    'eligibility.meaning.pendingMatch':
      'Matching has not run for this student yet (e.g. the list was just imported).',
    'eligibility.meaning.pendingReview':
      'The registry match waits for a staff decision in the matching review.',
    'eligibility.meaning.duplicates':
      'The same student is listed more than once: counted once, at the other listing.',

    'eligibility.schools.heading': 'Per school',
    'eligibility.schools.caption':
      "Students per school. Choose a school's name to filter the student list and the follow-up list.",
    'eligibility.schools.school': 'School',
    'eligibility.schools.npsn': 'NPSN',
    'eligibility.schools.others': 'Others',
    'eligibility.schools.pending': 'Pending',
    'eligibility.schools.duplicates': 'Listed twice',
    'eligibility.schools.total': 'Total',
    'eligibility.schools.legend':
      'Others: DATA_TIDAK_VALID, WNA, PERLU_TINDAK_LANJUT, LUAR_WILAYAH, BELUM_CUKUP_UMUR and TIDAK_DITEMUKAN. Pending: not matched yet or waiting for review. Listed twice: students listed more than once (counted at the other listing).',
    'eligibility.schools.totalRow': 'Whole programme',
    'eligibility.schools.unknown': 'School not in the programme',
    'eligibility.schools.chosen':
      'Chosen: {school}. The student list and the follow-up list show this school only.',
    'eligibility.schools.all': 'All schools',
    'eligibility.schools.showAll': 'Show all schools',
    'eligibility.schools.none': 'This programme has no schools yet.',

    'eligibility.list.heading': 'Students',
    'eligibility.list.filters': 'Student list filters',
    'eligibility.list.categories': 'Category',
    'eligibility.list.school': 'School',
    'eligibility.list.state': 'Status',
    'eligibility.list.state.all': 'All',
    'eligibility.list.state.decided': 'With a category',
    'eligibility.list.state.pending': 'Pending (all)',
    'eligibility.list.state.not_matched': 'Not matched yet',
    'eligibility.list.state.review': 'Waiting for review',
    'eligibility.list.state.duplicate': 'Listed twice',
    'eligibility.list.name': 'Search by name',
    'eligibility.list.clear': 'Clear filters',
    'eligibility.list.count': 'Showing {shown} of {total} students',
    'eligibility.list.label': 'Students and their categories',
    'eligibility.list.empty': 'No student matches the filters.',
    'eligibility.list.kelas': 'Class {kelas}',
    'eligibility.dates.seventeenth': '17th birthday: {date}',
    'eligibility.dates.eligibleFrom': 'May be recorded from: {date}',

    'eligibility.reason.pendingMatch':
      'Not matched with the registry yet: run matching, then compute again.',
    'eligibility.reason.pendingReview':
      'The registry match waits for a review decision; the category follows once it is decided.',
    'eligibility.reason.duplicateOf':
      "Listed more than once: counted at this student's other listing ({school}, class {kelas}).",
    'eligibility.reason.duplicate':
      "Listed more than once: counted at this student's other listing.",

    'eligibility.followUp.heading': 'Needs follow-up',
    'eligibility.followUp.intro':
      'Students who need something done before, or instead of, recording at school, grouped with what to do.',
    'eligibility.followUp.total': '{count} people need follow-up',
    'eligibility.followUp.scope': 'School: {school}',
    'eligibility.followUp.none': 'Nobody needs follow-up.',
    'eligibility.followUp.notMatched':
      '{count} students are not matched yet and cannot be decided: run matching first.',
    'eligibility.followUp.label': 'Follow-up list',
    'eligibility.followUp.groupCount': '{count} people',
    'eligibility.followUp.print': 'Print the follow-up list',
    'eligibility.followUp.preparing': 'Preparing the printout: {done} of {total} lines…',
    'eligibility.followUp.printHint':
      "Printed on A4 paper. Choose a school first to print one school's list.",
    'eligibility.followUp.group.PERLU_TINDAK_LANJUT': 'Recording status needs follow-up',
    'eligibility.followUp.group.DATA_TIDAK_VALID': 'Invalid registry data',
    'eligibility.followUp.group.TIDAK_DITEMUKAN': 'Not found in the registry',
    'eligibility.followUp.group.LUAR_WILAYAH': "Living outside the programme's region",
    'eligibility.followUp.group.BELUM_CUKUP_UMUR': 'Too young',
    'eligibility.followUp.group.review': 'Waiting for the matching review',
    'eligibility.followUp.todo.PERLU_TINDAK_LANJUT':
      'Do not record again before the status is checked in SIAK with Dukcapil; each line names the status and what to do.',
    'eligibility.followUp.todo.DATA_TIDAK_VALID':
      'Correct the field named in SIAK or in the source file, then compute again.',
    'eligibility.followUp.todo.TIDAK_DITEMUKAN':
      'The family must update its family card (KK) at Dukcapil first; the student can be recorded after that.',
    'eligibility.followUp.todo.LUAR_WILAYAH':
      'Refer to the Dukcapil of the home region shown on each line.',
    'eligibility.followUp.todo.BELUM_CUKUP_UMUR':
      'Not to be recorded yet: record from the date shown (a later visit or at the Dukcapil office).',
    'eligibility.followUp.todo.review':
      'Decide the match in the matching review; the category follows.',

    'eligibility.print.title': 'KTP-el recording follow-up list',
    'eligibility.print.programme': 'Programme: {name}',
    'eligibility.print.referenceDate': 'Reference date: {date}',
    'eligibility.print.printedOn': 'Printed: {date}',
    'eligibility.print.no': 'No.',
    'eligibility.print.name': 'Name',
    'eligibility.print.class': 'Class',
    'eligibility.print.school': 'School',
    'eligibility.print.todo': 'What to do',
    'eligibility.print.notes': 'Notes',
  },
);
