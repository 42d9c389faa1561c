import { defineMessages } from '../define';

/** The card handover screen and its printable list's screen parts (the list itself is Indonesian). */
export const handover = defineMessages(
  {
    'handover.heading': 'Penyerahan KTP-el',
    'handover.intro':
      'KTP-el siswa rekam dini yang sudah berumur 17 tahun: jadwal penyerahan, tanda terima dan daftar untuk ditandatangani.',
    'handover.sections': 'Bagian halaman penyerahan',
    'handover.loading': 'Membaca siswa rekam dini yang sudah direkam…',
    'handover.progress': 'Membaca sekolah {done} dari {total}',
    'handover.progressLabel': 'Membaca data penyerahan',

    'handover.controls': 'Tanggal dan sekolah',
    'handover.date': 'Per tanggal',
    'handover.dateInvalid': 'Isi tanggal yang ada untuk melihat kartu yang siap diserahkan.',
    'handover.school': 'Sekolah',
    'handover.allSchools': 'Semua sekolah',
    'handover.schoolOption': '{school} ({count} siap)',
    'handover.search': 'Cari nama atau NISN',
    'handover.print': 'Cetak daftar tanda terima',
    'handover.figures': 'Ringkasan per {date}',
    'handover.figure.due': 'Siap diserahkan',
    'handover.figure.later': 'Menunggu ulang tahun ke-17',
    'handover.figure.handed': 'Sudah diserahkan',
    'handover.none':
      'Belum ada siswa rekam dini yang tercatat sudah direkam. Kartu mereka muncul di sini setelah hasil perekaman dicatat pada hari kunjungan.',

    'handover.due.heading': 'KTP-el siap diserahkan',
    'handover.due.intro':
      'Siswa rekam dini yang sudah direkam, sudah berumur 17 tahun pada tanggal ini, dan kartunya belum diserahkan.',
    'handover.due.count': '{shown} dari {total} kartu siap diserahkan',
    'handover.due.label': 'Daftar KTP-el siap diserahkan',
    'handover.due.empty': 'Tidak ada kartu yang siap diserahkan untuk pilihan ini.',
    'handover.due.birthday': 'Ulang tahun ke-17: {date}',
    'handover.due.today': 'hari ini',
    'handover.due.daysSince': '{days} hari yang lalu',
    'handover.due.mark': 'Tandai diserahkan',

    'handover.form.heading': 'Serahkan KTP-el: {name}',
    'handover.form.student': '{kelas} · {school} · ulang tahun ke-17 {date}',
    'handover.form.receivedBy': 'Diterima oleh',
    'handover.form.receivedByHint': 'Nama siswa, atau nama orang tua/wali yang menerima.',
    'handover.form.handedAt': 'Tanggal penyerahan',
    'handover.form.by': 'Diserahkan oleh',
    'handover.form.byHint': 'Petugas yang menyerahkan (boleh dikosongkan).',
    'handover.form.note': 'Catatan',
    'handover.form.noteHint': 'Boleh dikosongkan.',
    'handover.form.save': 'Simpan',
    'handover.form.cancel': 'Batal',
    'handover.form.refused': 'Penyerahan belum disimpan:',

    'handover.status.saved': 'KTP-el {name} tercatat diserahkan.',
    'handover.status.undone':
      'Penyerahan KTP-el {name} dibatalkan; kartunya kembali siap diserahkan.',
    'handover.status.failed': 'Tidak tersimpan: basis data di perangkat ini menolak ({message}).',
    'handover.status.refused': 'Pembatalan tidak disimpan:',

    'handover.handed.heading': 'Sudah diserahkan',
    'handover.handed.allDates': 'Semua tanggal',
    'handover.handed.countOn': '{count} kartu diserahkan pada {date}',
    'handover.handed.countAll': '{count} kartu diserahkan',
    'handover.handed.label': 'Daftar KTP-el yang sudah diserahkan',
    'handover.handed.empty': 'Belum ada kartu yang tercatat diserahkan untuk pilihan ini.',
    'handover.handed.receipt': 'Diterima oleh {receivedBy} pada {date}',
    'handover.handed.by': 'diserahkan oleh {by}',
    'handover.handed.undo': 'Batalkan penyerahan terakhir',
    'handover.handed.undoHint':
      'Membatalkan penyerahan terakhir yang dicatat di laptop ini: {name}.',

    'handover.visits.heading': 'Jadwal kunjungan penyerahan',
    'handover.visits.intro':
      'Kunjungan sesedikit mungkin per sekolah agar setiap kartu yang belum diserahkan sampai paling lambat {days} hari setelah ulang tahun ke-17 siswanya, mulai {date}, pada hari kerja (Senin–Jumat, di luar hari libur dan hari sekolah tidak bisa).',
    'handover.visits.count': '{visits} kunjungan ke {schools} sekolah untuk {cards} kartu',
    'handover.visits.label': 'Kunjungan penyerahan',
    'handover.visits.students': '{count} siswa',
    'handover.visits.empty': 'Tidak ada kunjungan penyerahan yang perlu direncanakan.',
    'handover.visits.missed':
      '{count} kartu melewati batas {days} hari setelah ulang tahun ke-17 (atau tidak ada hari kerja di jangkanya): serahkan di kantor atau pada kunjungan berikutnya ke sekolahnya.',

    'handover.error.missing': 'Program ini tidak lagi tersimpan di perangkat ini.',
    'handover.error.settings': 'Pengaturan kelayakan program ditolak: {message}',
    'handover.error.storage': 'Basis data di perangkat ini tidak bisa dibaca ({message}).',
    'handover.error.internal': 'Terjadi kesalahan saat membaca data ({message}).',
    'handover.error.cancelled': 'Pembacaan dihentikan.',
    'handover.retry': 'Coba lagi',

    'handover.printout.title': 'Daftar tanda terima KTP-el',
    'handover.printout.titleOn': 'Daftar tanda terima KTP-el per {date}',
    'handover.printout.back': 'Kembali ke penyerahan',
    'handover.printout.print': 'Cetak',
    'handover.printout.ready': '{count} sekolah siap dicetak.',
    'handover.printout.empty': 'Tidak ada kartu yang siap atau sudah diserahkan per {date}.',
    'handover.printout.noDate':
      'Tanggal di alamat halaman ini tidak valid. Kembali dan pilih tanggal.',
    'handover.printout.hint':
      'Cetak pada kertas A4 tegak. Satu sekolah per halaman; kolom "Diterima oleh" dan tanda tangan diisi penerima.',
    'handover.printout.blanks':
      'Kop surat belum lengkap (pemerintah daerah, alamat, kontak atau tempat): bagian itu dicetak titik-titik untuk diisi tangan. Lengkapi di pengaturan program.',
  },
  {
    'handover.heading': 'Card handover',
    'handover.intro':
      'Cards of early-recorded students who have turned 17: handover visits, receipts and a list to sign.',
    'handover.sections': 'Parts of the handover page',
    'handover.loading': 'Reading the early-recorded students…',
    'handover.progress': 'Reading school {done} of {total}',
    'handover.progressLabel': 'Reading the handover data',

    'handover.controls': 'Date and school',
    'handover.date': 'As of',
    'handover.dateInvalid': 'Enter a real date to see the cards ready to hand over.',
    'handover.school': 'School',
    'handover.allSchools': 'All schools',
    'handover.schoolOption': '{school} ({count} ready)',
    'handover.search': 'Search name or NISN',
    'handover.print': 'Print the receipt list',
    'handover.figures': 'Summary as of {date}',
    'handover.figure.due': 'Ready to hand over',
    'handover.figure.later': 'Waiting for the 17th birthday',
    'handover.figure.handed': 'Handed over',
    'handover.none':
      'No early-recorded student is marked as recorded yet. Their cards appear here once recordings are marked on a visit day.',

    'handover.due.heading': 'Cards ready to hand over',
    'handover.due.intro':
      'Early-recorded students who were recorded, are 17 on this date, and whose card has not been handed over.',
    'handover.due.count': '{shown} of {total} cards ready to hand over',
    'handover.due.label': 'Cards ready to hand over',
    'handover.due.empty': 'No card is ready to hand over for this choice.',
    'handover.due.birthday': '17th birthday: {date}',
    'handover.due.today': 'today',
    'handover.due.daysSince': '{days} days ago',
    'handover.due.mark': 'Mark handed over',

    'handover.form.heading': 'Hand over the card: {name}',
    'handover.form.student': '{kelas} · {school} · 17th birthday {date}',
    'handover.form.receivedBy': 'Received by',
    'handover.form.receivedByHint':
      'The student’s name, or the parent’s or guardian’s who received it.',
    'handover.form.handedAt': 'Handover date',
    'handover.form.by': 'Handed over by',
    'handover.form.byHint': 'The staff member handing it over (optional).',
    'handover.form.note': 'Note',
    'handover.form.noteHint': 'Optional.',
    'handover.form.save': 'Save',
    'handover.form.cancel': 'Cancel',
    'handover.form.refused': 'The handover was not saved:',

    'handover.status.saved': '{name}’s card is recorded as handed over.',
    'handover.status.undone':
      'The handover of {name}’s card was undone; the card is ready to hand over again.',
    'handover.status.failed': 'Not saved: the database on this device refused ({message}).',
    'handover.status.refused': 'The undo was not saved:',

    'handover.handed.heading': 'Handed over',
    'handover.handed.allDates': 'All dates',
    'handover.handed.countOn': '{count} cards handed over on {date}',
    'handover.handed.countAll': '{count} cards handed over',
    'handover.handed.label': 'Cards handed over',
    'handover.handed.empty': 'No card is recorded as handed over for this choice.',
    'handover.handed.receipt': 'Received by {receivedBy} on {date}',
    'handover.handed.by': 'handed over by {by}',
    'handover.handed.undo': 'Undo the last handover',
    'handover.handed.undoHint': 'Undoes the last handover recorded on this laptop: {name}.',

    'handover.visits.heading': 'Handover visits',
    'handover.visits.intro':
      'The fewest visits per school so that every card not handed over reaches its student at most {days} days after their 17th birthday, from {date}, on working days (Monday–Friday, except holidays and days the school cannot host).',
    'handover.visits.count': '{visits} visits to {schools} schools for {cards} cards',
    'handover.visits.label': 'Handover visits',
    'handover.visits.students': '{count} students',
    'handover.visits.empty': 'No handover visit needs planning.',
    'handover.visits.missed':
      '{count} cards are past {days} days after the 17th birthday (or their window has no working day): hand them over at the office or at their school’s next visit.',

    'handover.error.missing': 'This programme is no longer stored on this device.',
    'handover.error.settings': 'The programme’s eligibility settings were refused: {message}',
    'handover.error.storage': 'The database on this device could not be read ({message}).',
    'handover.error.internal': 'Something went wrong while reading the data ({message}).',
    'handover.error.cancelled': 'The reading was stopped.',
    'handover.retry': 'Try again',

    'handover.printout.title': 'Card receipt list',
    'handover.printout.titleOn': 'Card receipt list as of {date}',
    'handover.printout.back': 'Back to the handover',
    'handover.printout.print': 'Print',
    'handover.printout.ready': '{count} schools ready to print.',
    'handover.printout.empty': 'No card is ready or handed over as of {date}.',
    'handover.printout.noDate':
      'The date in this page’s address is not valid. Go back and choose a date.',
    'handover.printout.hint':
      'Print on A4 portrait. One school per page; the recipients fill in "Received by" and sign. The list itself is in Bahasa Indonesia, as an official record.',
    'handover.printout.blanks':
      'The letterhead is incomplete (local government, address, contact or place): those parts print as dots to fill in by hand. Complete them in the programme settings.',
  },
);
