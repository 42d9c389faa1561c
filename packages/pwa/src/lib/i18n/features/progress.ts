import { defineMessages } from '../define';

/**
 * The progress screen (`progress.`) and its workbook: the worker writes the sheets' names, headers and
 * words in the UI language from these messages (`lib/progress/text.ts`).
 */
export const progress = defineMessages(
  {
    'progress.heading': 'Kemajuan',
    'progress.intro':
      'Kemajuan perekaman per hari, sekolah, kecamatan dan tim, dibandingkan dengan jadwal.',
    'progress.loading': 'Menghitung kemajuan dari hasil kunjungan…',
    'progress.loadFailed': 'Kemajuan tidak bisa dihitung: {message}',
    'progress.retry': 'Coba lagi',
    'progress.sections': 'Bagian halaman kemajuan',
    'progress.asOf': 'Per {date}. Dihitung ulang dari semua hasil kunjungan yang tercatat.',
    'progress.refresh': 'Hitung ulang',

    'progress.noPlan.heading': 'Belum ada jadwal kunjungan',
    'progress.noPlan.text':
      'Kemajuan dibandingkan dengan jadwal kunjungan, dan program ini belum punya jadwal. Buat jadwal dulu; setelah kunjungan dimulai, kemajuannya tampil di sini.',
    'progress.noPlan.link': 'Ke Jadwal',
    'progress.noOutcomes':
      'Belum ada hasil kunjungan yang dicatat untuk siswa sasaran, jadi semua angka masih nol dan belum ada perkiraan selesai.',

    'progress.totals.heading': 'Ringkasan',
    'progress.totals.targetsDetail': 'WAJIB {wajib}, REKAM_DINI {dini}',
    'progress.totals.wajibDetail': 'WAJIB {count}',
    'progress.totals.doneDetail': '{done} selesai dari {targets} sasaran',
    'progress.totals.plannedByNow':
      'Menurut jadwal, {planned} siswa dijadwalkan sampai hari ini; {done} sudah selesai (terekam, menolak, atau tidak memenuhi syarat).',
    'progress.totals.pending':
      '{count} siswa belum punya kategori (belum dipadankan atau menunggu review) dan belum dihitung sebagai sasaran.',
    'progress.totals.untracked':
      '{count} hasil kunjungan milik siswa di luar daftar sasaran (siswa susulan yang menunggu pemadanan, atau siswa yang bukan sasaran) tidak dihitung.',
    'progress.totals.conflicts':
      '{count} siswa ditandai terekam lalu ditandai lain sesudahnya; tanda terekam yang dipakai. Periksa di layar kunjungan.',

    'progress.forecast.heading': 'Perkiraan selesai',
    'progress.forecast.finish': 'Perkiraan selesai: {date}',
    'progress.forecast.finished': 'Semua sasaran selesai pada {date}',
    'progress.forecast.finishedNothing': 'Tidak ada siswa sasaran yang perlu direkam.',
    'progress.forecast.pace':
      'Terekam per hari kerja sejauh ini: {perDay} (hari kerja yang dijalani: {days}). Siswa tersisa: {remaining}; hari kerja yang masih diperlukan: {needed}.',
    'progress.forecast.planned': 'Kunjungan terakhir menurut jadwal: {date}.',
    'progress.forecast.ahead': '{days} hari kerja lebih cepat dari jadwal',
    'progress.forecast.aheadOne': '{days} hari kerja lebih cepat dari jadwal',
    'progress.forecast.behind': '{days} hari kerja lebih lambat dari jadwal',
    'progress.forecast.behindOne': '{days} hari kerja lebih lambat dari jadwal',
    'progress.forecast.on_plan': 'sesuai jadwal',
    'progress.forecast.noPlan': 'tidak ada kunjungan terjadwal untuk dibandingkan',
    'progress.forecast.none': 'Belum ada perkiraan',
    'progress.forecast.no_work_yet':
      'Belum ada perkiraan: sampai hari ini belum ada siswa sasaran yang ditandai, jadi belum ada laju kerja untuk diperkirakan.',
    'progress.forecast.nothing_recorded':
      'Belum ada perkiraan: sudah ada hari kerja, tetapi belum satu pun siswa sasaran terekam, jadi lajunya nol.',
    'progress.forecast.noneShort.no_work_yet': 'belum ada pekerjaan',
    'progress.forecast.noneShort.nothing_recorded': 'belum ada yang terekam',

    'progress.fig.targets': 'Sasaran',
    'progress.fig.targetsWajib': 'Sasaran WAJIB',
    'progress.fig.recorded': 'Terekam',
    'progress.fig.recordedWajib': 'Terekam WAJIB',
    'progress.fig.absent': 'Tidak hadir',
    'progress.fig.refused': 'Menolak',
    'progress.fig.failed': 'Gagal rekam',
    'progress.fig.notEligible': 'Tidak memenuhi syarat',
    'progress.fig.unmarked': 'Belum ditandai',
    'progress.fig.remaining': 'Sisa',
    'progress.fig.remainingWajib': 'Sisa WAJIB',
    'progress.fig.done': 'Selesai',
    'progress.fig.percentDone': '% selesai',
    'progress.fig.planned': 'Dijadwalkan',
    'progress.fig.plannedByNow': 'Dijadwalkan s.d. hari ini',
    'progress.fig.plannedToDate': 'Dijadwalkan (kumulatif)',
    'progress.fig.doneToDate': 'Selesai (kumulatif)',
    'progress.fig.recordedToDate': 'Terekam (kumulatif)',
    'progress.fig.plannedFinish': 'Kunjungan terakhir',
    'progress.fig.forecast': 'Perkiraan selesai',
    'progress.fig.versusPlan': 'Dibanding jadwal',
    'progress.fig.remainingHint':
      'Sisa = belum ditandai + tidak hadir + gagal rekam: siswa yang masih perlu direkam. Selesai = terekam + menolak + tidak memenuhi syarat.',
    'progress.percent': '{value}%',
    'progress.none': '—',

    'progress.days.heading': 'Per hari',
    'progress.days.intro':
      'Siswa yang dijadwalkan tiap hari dan hasil yang ditandai hari itu. Seorang siswa dihitung sekali, pada hari hasil terakhirnya ditandai.',
    'progress.days.caption': 'Kemajuan per hari',
    'progress.days.date': 'Tanggal',
    'progress.days.empty': 'Belum ada hari kunjungan.',
    'progress.days.chart':
      'Grafik garis: siswa dijadwalkan, selesai, dan terekam secara kumulatif per hari.',

    'progress.teams.heading': 'Per tim',
    'progress.teams.intro':
      'Sekolah dihitung pada tim yang dijadwalkan untuk sebagian besar siswanya. Perkiraan selesai tiap tim memakai laju tim itu sendiri.',
    'progress.teams.caption': 'Kemajuan per tim',
    'progress.teams.team': 'Tim',
    'progress.teams.none': 'Tanpa kunjungan terjadwal',
    'progress.teams.chart': 'Grafik batang bertumpuk: terekam, selesai lainnya, dan sisa per tim.',

    'progress.kecamatan.heading': 'Per kecamatan',
    'progress.kecamatan.caption': 'Kemajuan per kecamatan',
    'progress.kecamatan.kecamatan': 'Kecamatan',
    'progress.kecamatan.code': 'Kode',
    'progress.kecamatan.unknown': 'Kecamatan tidak diketahui',
    'progress.kecamatan.chart':
      'Grafik batang bertumpuk: terekam, selesai lainnya, dan sisa per kecamatan.',

    'progress.schools.heading': 'Per sekolah',
    'progress.schools.caption': 'Kemajuan per sekolah ({count} sekolah)',
    'progress.schools.school': 'Sekolah',
    'progress.schools.npsn': 'NPSN',
    'progress.schools.sortBy': 'Urutkan menurut',
    'progress.schools.sort.name': 'Nama sekolah',
    'progress.schools.sort.kecamatan': 'Kecamatan',
    'progress.schools.sort.team': 'Tim',
    'progress.schools.sort.remaining': 'Sisa terbanyak',
    'progress.schools.sort.percent': '% selesai terendah',
    'progress.schools.sort.finish': 'Kunjungan terakhir',
    'progress.schools.empty': 'Belum ada sekolah di program ini.',

    'progress.chart.recorded': 'Terekam',
    'progress.chart.otherDone': 'Menolak atau tidak memenuhi syarat',
    'progress.chart.remaining': 'Sisa',
    'progress.chart.alternative': 'Angka yang sama ada di tabel di bawah grafik ini.',

    'progress.download.about':
      'Angka yang sama dengan layar ini dalam satu berkas Excel: ringkasan, per hari, per tim, per kecamatan, dan per sekolah. Tanpa NIK maupun nama siswa.',
    'progress.download.button': 'Unduh XLSX',
    'progress.download.preparing': 'Menyiapkan berkas…',
    'progress.download.done': 'Berkas {file} diunduh.',

    'progress.sheet.summary': 'Ringkasan',
    'progress.sheet.days': 'Per hari',
    'progress.sheet.teams': 'Per tim',
    'progress.sheet.kecamatan': 'Per kecamatan',
    'progress.sheet.schools': 'Per sekolah',
    'progress.file': 'kemajuan',
    'progress.col.item': 'Uraian',
    'progress.col.count': 'Jumlah',
    'progress.col.note': 'Keterangan',
    'progress.col.weekday': 'Hari',
    'progress.summary.programme': 'Program',
    'progress.summary.today': 'Per tanggal',
    'progress.summary.pending': 'Siswa belum punya kategori (tidak dihitung)',
    'progress.summary.untracked': 'Hasil di luar daftar sasaran (tidak dihitung)',
    'progress.summary.conflicts': 'Siswa dengan tanda bertentangan',
    'progress.summary.forecastText': 'Perkiraan, dalam kalimat',
  },
  {
    'progress.heading': 'Progress',
    'progress.intro': 'Recording progress per day, school, kecamatan and team, against the plan.',
    'progress.loading': 'Computing progress from the visit outcomes…',
    'progress.loadFailed': 'Progress could not be computed: {message}',
    'progress.retry': 'Try again',
    'progress.sections': 'Parts of the progress screen',
    'progress.asOf': 'As of {date}. Computed afresh from every visit outcome recorded.',
    'progress.refresh': 'Compute again',

    'progress.noPlan.heading': 'No visit plan yet',
    'progress.noPlan.text':
      'Progress is measured against the visit plan, and this programme has none yet. Make the plan first; once visits begin, their progress shows here.',
    'progress.noPlan.link': 'Go to the plan',
    'progress.noOutcomes':
      'No visit outcome has been marked for a target student yet, so every figure is still zero and there is no forecast finish.',

    'progress.totals.heading': 'Summary',
    'progress.totals.targetsDetail': 'WAJIB {wajib}, REKAM_DINI {dini}',
    'progress.totals.wajibDetail': 'WAJIB {count}',
    'progress.totals.doneDetail': '{done} done of {targets} targets',
    'progress.totals.plannedByNow':
      'By the plan, {planned} students were due up to today; {done} are done (recorded, refused or not eligible).',
    'progress.totals.pending':
      '{count} students have no category yet (not matched, or waiting for review) and are not counted as targets.',
    'progress.totals.untracked':
      '{count} visit outcomes belong to students outside the target lists (walk-ins waiting for matching, or students who are not targets) and are not counted.',
    'progress.totals.conflicts':
      '{count} students were marked recorded and then marked otherwise; the recording stands. Check them on the visit screen.',

    'progress.forecast.heading': 'Forecast finish',
    'progress.forecast.finish': 'Forecast finish: {date}',
    'progress.forecast.finished': 'Every target was done on {date}',
    'progress.forecast.finishedNothing': 'There are no target students to record.',
    'progress.forecast.pace':
      'Recorded per working day so far: {perDay} (working days worked: {days}). Students remaining: {remaining}; working days still needed: {needed}.',
    'progress.forecast.planned': 'Last visit in the plan: {date}.',
    'progress.forecast.ahead': '{days} working days ahead of the plan',
    'progress.forecast.aheadOne': '{days} working day ahead of the plan',
    'progress.forecast.behind': '{days} working days behind the plan',
    'progress.forecast.behindOne': '{days} working day behind the plan',
    'progress.forecast.on_plan': 'on plan',
    'progress.forecast.noPlan': 'no planned visit to compare with',
    'progress.forecast.none': 'No forecast yet',
    'progress.forecast.no_work_yet':
      'No forecast yet: no target student has been marked up to today, so there is no pace to extrapolate.',
    'progress.forecast.nothing_recorded':
      'No forecast yet: days were worked, but no target student has been recorded, so the pace is zero.',
    'progress.forecast.noneShort.no_work_yet': 'no work yet',
    'progress.forecast.noneShort.nothing_recorded': 'nobody recorded yet',

    'progress.fig.targets': 'Targets',
    'progress.fig.targetsWajib': 'WAJIB targets',
    'progress.fig.recorded': 'Recorded',
    'progress.fig.recordedWajib': 'WAJIB recorded',
    'progress.fig.absent': 'Absent',
    'progress.fig.refused': 'Refused',
    'progress.fig.failed': 'Capture failed',
    'progress.fig.notEligible': 'Not eligible',
    'progress.fig.unmarked': 'Not marked',
    'progress.fig.remaining': 'Remaining',
    'progress.fig.remainingWajib': 'WAJIB remaining',
    'progress.fig.done': 'Done',
    'progress.fig.percentDone': '% done',
    'progress.fig.planned': 'Planned',
    'progress.fig.plannedByNow': 'Planned up to today',
    'progress.fig.plannedToDate': 'Planned (running total)',
    'progress.fig.doneToDate': 'Done (running total)',
    'progress.fig.recordedToDate': 'Recorded (running total)',
    'progress.fig.plannedFinish': 'Last visit',
    'progress.fig.forecast': 'Forecast finish',
    'progress.fig.versusPlan': 'Against the plan',
    'progress.fig.remainingHint':
      'Remaining = not marked + absent + capture failed: students still to record. Done = recorded + refused + not eligible.',
    'progress.percent': '{value}%',
    'progress.none': '—',

    'progress.days.heading': 'Per day',
    'progress.days.intro':
      'Students planned each day and the outcomes marked that day. A student counts once, on the day their standing outcome was marked.',
    'progress.days.caption': 'Progress per day',
    'progress.days.date': 'Date',
    'progress.days.empty': 'No visit day yet.',
    'progress.days.chart':
      'Line chart: students planned, done and recorded, as running totals per day.',

    'progress.teams.heading': 'Per team',
    'progress.teams.intro':
      'A school counts for the team planned for most of its students. Each team’s forecast uses that team’s own pace.',
    'progress.teams.caption': 'Progress per team',
    'progress.teams.team': 'Team',
    'progress.teams.none': 'No planned visit',
    'progress.teams.chart': 'Stacked bar chart: recorded, otherwise done, and remaining per team.',

    'progress.kecamatan.heading': 'Per kecamatan',
    'progress.kecamatan.caption': 'Progress per kecamatan',
    'progress.kecamatan.kecamatan': 'Kecamatan',
    'progress.kecamatan.code': 'Code',
    'progress.kecamatan.unknown': 'Kecamatan not known',
    'progress.kecamatan.chart':
      'Stacked bar chart: recorded, otherwise done, and remaining per kecamatan.',

    'progress.schools.heading': 'Per school',
    'progress.schools.caption': 'Progress per school ({count} schools)',
    'progress.schools.school': 'School',
    'progress.schools.npsn': 'NPSN',
    'progress.schools.sortBy': 'Sort by',
    'progress.schools.sort.name': 'School name',
    'progress.schools.sort.kecamatan': 'Kecamatan',
    'progress.schools.sort.team': 'Team',
    'progress.schools.sort.remaining': 'Most remaining',
    'progress.schools.sort.percent': 'Lowest % done',
    'progress.schools.sort.finish': 'Last visit',
    'progress.schools.empty': 'This programme has no school yet.',

    'progress.chart.recorded': 'Recorded',
    'progress.chart.otherDone': 'Refused or not eligible',
    'progress.chart.remaining': 'Remaining',
    'progress.chart.alternative': 'The same figures are in the table below this chart.',

    'progress.download.about':
      'The figures of this screen in one Excel file: summary, per day, per team, per kecamatan and per school. No NIK and no student names.',
    'progress.download.button': 'Download XLSX',
    'progress.download.preparing': 'Preparing the file…',
    'progress.download.done': 'File {file} downloaded.',

    'progress.sheet.summary': 'Summary',
    'progress.sheet.days': 'Per day',
    'progress.sheet.teams': 'Per team',
    'progress.sheet.kecamatan': 'Per kecamatan',
    'progress.sheet.schools': 'Per school',
    'progress.file': 'progress',
    'progress.col.item': 'Item',
    'progress.col.count': 'Count',
    'progress.col.note': 'Note',
    'progress.col.weekday': 'Weekday',
    'progress.summary.programme': 'Programme',
    'progress.summary.today': 'As of',
    'progress.summary.pending': 'Students without a category (not counted)',
    'progress.summary.untracked': 'Outcomes outside the target lists (not counted)',
    'progress.summary.conflicts': 'Students with conflicting marks',
    'progress.summary.forecastText': 'Forecast, in words',
  },
);
