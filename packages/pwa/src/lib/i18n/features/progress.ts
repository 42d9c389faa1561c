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

    'progress.mopUp.heading': 'Susulan',
    'progress.mopUp.intro':
      'Siswa sasaran yang tidak hadir atau gagal rekam masih perlu direkam. Sekolah dengan cukup banyak siswa seperti itu mendapat kunjungan susulan; siswa sekolah lainnya dirujuk untuk merekam di kantor. Siswa yang menolak tidak dikunjungi lagi, hanya dilaporkan.',
    'progress.mopUp.start': 'Tanggal mulai susulan',
    'progress.mopUp.startDefault.plan':
      'Usulan: {date}, hari kerja pertama setelah kunjungan terakhir jadwal ({from}), yang lebih akhir dari hari ini.',
    'progress.mopUp.startDefault.today':
      'Usulan: {date}, hari kerja pertama setelah hari ini ({from}), yang lebih akhir dari kunjungan terakhir jadwal.',
    'progress.mopUp.min': 'Minimal siswa susulan untuk kunjungan',
    'progress.mopUp.minHint':
      'Sekolah dengan sedikitnya sekian siswa yang perlu disusul mendapat kunjungan; siswa sekolah lain dirujuk ke kantor. Bawaan: {count}.',
    'progress.mopUp.calendar':
      'Kunjungan susulan memakai tim, waktu tempuh, hari tidak bisa sekolah, hari libur dan jam kerja program, tanpa batas tanggal akhir program. Hari tim yang sudah terisi kunjungan jadwal atau ditandai hilang tidak dipakai.',
    'progress.mopUp.compute': 'Hitung susulan',
    'progress.mopUp.computing': 'Menghitung susulan…',
    'progress.mopUp.failed': 'Susulan tidak bisa dihitung: {message}',
    'progress.mopUp.refused': 'Susulan tidak bisa dihitung:',
    'progress.mopUp.asOf':
      'Dari hasil kunjungan per {today}; kunjungan mulai {start}, untuk sekolah dengan sedikitnya {min} siswa susulan.',
    'progress.mopUp.changed':
      'Isian di atas berubah sejak perhitungan ini. Tekan "Hitung susulan" lagi untuk memperbaruinya.',
    'progress.mopUp.issue.start_missing': 'Isi "{field}".',
    'progress.mopUp.issue.start_invalid':
      '"{field}" harus tanggal yang ada, misalnya 2023-01-19 (bukan "{value}").',
    'progress.mopUp.issue.min_missing': 'Isi "{field}".',
    'progress.mopUp.issue.min_invalid':
      '"{field}" harus bilangan bulat 1 atau lebih (bukan "{value}").',

    'progress.mopUp.nothing':
      'Tidak ada siswa sasaran yang tidak hadir atau gagal rekam, jadi tidak ada yang perlu disusul.',
    'progress.mopUp.toRecord':
      '{count} siswa masih perlu direkam: {absent} tidak hadir dan {failed} gagal rekam.',
    'progress.mopUp.toRecordOne':
      '{count} siswa masih perlu direkam: {absent} tidak hadir dan {failed} gagal rekam.',
    'progress.mopUp.visited':
      '{count} siswa mendapat kunjungan susulan: {visits} kunjungan di {schools} sekolah, {start} sampai {finish}.',
    'progress.mopUp.visitedOne':
      '{count} siswa mendapat kunjungan susulan: {visits} kunjungan di {schools} sekolah, {start} sampai {finish}.',
    'progress.mopUp.noVisit':
      'Tidak ada sekolah dengan sedikitnya {min} siswa susulan, jadi tidak ada kunjungan susulan.',
    'progress.mopUp.referred':
      '{count} siswa dari {schools} sekolah dirujuk ke kantor untuk merekam di sana.',
    'progress.mopUp.referredOne':
      '{count} siswa dari {schools} sekolah dirujuk ke kantor untuk merekam di sana.',
    'progress.mopUp.noReferral': 'Tidak ada siswa yang dirujuk ke kantor.',
    'progress.mopUp.unservedText':
      '{count} siswa di {schools} sekolah tidak bisa dijadwalkan untuk kunjungan susulan (lihat daftarnya).',
    'progress.mopUp.unservedTextOne':
      '{count} siswa di {schools} sekolah tidak bisa dijadwalkan untuk kunjungan susulan (lihat daftarnya).',
    'progress.mopUp.refusedText':
      '{count} siswa menolak direkam: mereka tidak dikunjungi lagi, hanya dilaporkan.',
    'progress.mopUp.refusedTextOne':
      '{count} siswa menolak direkam: mereka tidak dikunjungi lagi, hanya dilaporkan.',

    'progress.mopUp.visits.heading': 'Kunjungan susulan',
    'progress.mopUp.visits.caption': 'Kunjungan susulan ({count} kunjungan)',
    'progress.mopUp.visits.empty': 'Tidak ada kunjungan susulan.',
    'progress.mopUp.unserved.heading': 'Tidak bisa dijadwalkan',
    'progress.mopUp.unserved.item': '{school} (NPSN {npsn}): {count} siswa, {reason}',
    'progress.mopUp.unserved.too_far': 'terlalu jauh untuk satu hari kerja',
    'progress.mopUp.unserved.no_working_day': 'tidak ada hari kerja tersisa dalam jangkauan jadwal',
    'progress.mopUp.unserved.after_end': 'tidak muat sebelum tanggal akhir',
    'progress.mopUp.referrals.heading': 'Rujukan ke kantor',
    'progress.mopUp.referrals.intro':
      'Siswa yang dirujuk, per sekolah. Buka sebuah sekolah untuk melihat nama dan kelas siswanya.',
    'progress.mopUp.referrals.empty': 'Tidak ada siswa yang dirujuk.',
    'progress.mopUp.referrals.count': '{count} siswa',
    'progress.mopUp.referrals.list': 'Siswa yang dirujuk dari {school}',
    'progress.mopUp.refused.heading': 'Menolak direkam',
    'progress.mopUp.refused.caption': 'Siswa yang menolak, per sekolah',
    'progress.mopUp.refused.empty': 'Tidak ada siswa yang menolak.',
    'progress.mopUp.col.date': 'Tanggal',
    'progress.mopUp.col.order': 'Urutan di hari itu',
    'progress.mopUp.col.students': 'Siswa',
    'progress.mopUp.col.name': 'Nama',
    'progress.mopUp.col.class': 'Kelas',
    'progress.mopUp.col.category': 'Kategori',
    'progress.mopUp.col.outcome': 'Hasil kunjungan',
    'progress.mopUp.col.reason': 'Alasan rujukan',
    'progress.mopUp.reason.few': 'kurang dari {min} siswa susulan di sekolah ini',
    'progress.mopUp.reason.unknown_school': 'sekolah tidak ada lagi di daftar sekolah',

    'progress.mopUp.download.button': 'Unduh XLSX',
    'progress.mopUp.download.label': 'Unduh XLSX susulan',
    'progress.mopUp.download.about':
      'Rencana susulan ini dalam satu berkas Excel: ringkasan, kunjungan susulan, rujukan (nama dan kelas siswa, tanpa NIK), dan siswa yang menolak per sekolah.',
    'progress.mopUp.file': 'susulan',
    'progress.mopUp.sheet.summary': 'Ringkasan',
    'progress.mopUp.sheet.visits': 'Kunjungan susulan',
    'progress.mopUp.sheet.referrals': 'Rujukan',
    'progress.mopUp.sheet.refused': 'Menolak',
    'progress.mopUp.summary.start': 'Mulai susulan',
    'progress.mopUp.summary.min': 'Minimal siswa susulan untuk kunjungan',
    'progress.mopUp.summary.toRecord': 'Siswa masih perlu direkam',
    'progress.mopUp.summary.visited': 'Siswa dengan kunjungan susulan',
    'progress.mopUp.summary.visits': 'Kunjungan susulan',
    'progress.mopUp.summary.finish': 'Kunjungan susulan terakhir',
    'progress.mopUp.summary.referred': 'Siswa dirujuk ke kantor',
    'progress.mopUp.summary.unserved': 'Siswa di sekolah yang tidak bisa dijadwalkan',
    'progress.mopUp.summary.unservedSchool': 'Tidak bisa dijadwalkan: {school}',
    'progress.mopUp.summary.refused': 'Siswa menolak',
    'progress.mopUp.summary.text': 'Dalam kalimat',
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

    'progress.mopUp.heading': 'Mop-up',
    'progress.mopUp.intro':
      'Target students who were absent or whose capture failed still need recording. A school with enough of them gets a follow-up visit; the students of the other schools are referred to record at the office. Students who refused are not visited again, only reported.',
    'progress.mopUp.start': 'Mop-up starts on',
    'progress.mopUp.startDefault.plan':
      'Proposed: {date}, the first working day after the plan’s last visit ({from}), which is later than today.',
    'progress.mopUp.startDefault.today':
      'Proposed: {date}, the first working day after today ({from}), which is later than the plan’s last visit.',
    'progress.mopUp.min': 'Fewest students for a follow-up visit',
    'progress.mopUp.minHint':
      'A school with at least this many students to catch up gets a visit; the students of other schools are referred to the office. Default: {count}.',
    'progress.mopUp.calendar':
      'Follow-up visits use the programme’s teams, travel times, school blackout days, holidays and working day, with no end date. Team-days already taken by a planned visit or marked lost are not used.',
    'progress.mopUp.compute': 'Compute mop-up',
    'progress.mopUp.computing': 'Computing the mop-up…',
    'progress.mopUp.failed': 'The mop-up could not be computed: {message}',
    'progress.mopUp.refused': 'The mop-up could not be computed:',
    'progress.mopUp.asOf':
      'From the visit outcomes as of {today}; visits from {start}, for schools with at least {min} students to catch up.',
    'progress.mopUp.changed':
      'The fields above changed since this was computed. Press "Compute mop-up" again to update it.',
    'progress.mopUp.issue.start_missing': 'Fill in "{field}".',
    'progress.mopUp.issue.start_invalid':
      '"{field}" must be a real date, e.g. 2023-01-19 (not "{value}").',
    'progress.mopUp.issue.min_missing': 'Fill in "{field}".',
    'progress.mopUp.issue.min_invalid':
      '"{field}" must be a whole number, 1 or more (not "{value}").',

    'progress.mopUp.nothing':
      'No target student was absent or had a failed capture, so there is nobody to catch up.',
    'progress.mopUp.toRecord':
      '{count} students still need recording: {absent} absent and {failed} with a failed capture.',
    'progress.mopUp.toRecordOne':
      '{count} student still needs recording: {absent} absent and {failed} with a failed capture.',
    'progress.mopUp.visited':
      '{count} students get a follow-up visit (visits: {visits}; schools: {schools}), {start} to {finish}.',
    'progress.mopUp.visitedOne':
      '{count} student gets a follow-up visit (visits: {visits}; schools: {schools}), {start} to {finish}.',
    'progress.mopUp.noVisit':
      'No school has at least {min} students to catch up, so there is no follow-up visit.',
    'progress.mopUp.referred':
      '{count} students are referred to record at the office (schools: {schools}).',
    'progress.mopUp.referredOne':
      '{count} student is referred to record at the office (schools: {schools}).',
    'progress.mopUp.noReferral': 'No student is referred to the office.',
    'progress.mopUp.unservedText':
      '{count} students are at schools no follow-up visit can serve (schools: {schools}; see the list).',
    'progress.mopUp.unservedTextOne':
      '{count} student is at a school no follow-up visit can serve (schools: {schools}; see the list).',
    'progress.mopUp.refusedText':
      '{count} students refused recording: they are not visited again, only reported.',
    'progress.mopUp.refusedTextOne':
      '{count} student refused recording: they are not visited again, only reported.',

    'progress.mopUp.visits.heading': 'Follow-up visits',
    'progress.mopUp.visits.caption': 'Follow-up visits ({count})',
    'progress.mopUp.visits.empty': 'No follow-up visit.',
    'progress.mopUp.unserved.heading': 'Cannot be planned',
    'progress.mopUp.unserved.item': '{school} (NPSN {npsn}): students: {count}, {reason}',
    'progress.mopUp.unserved.too_far': 'too far for one working day',
    'progress.mopUp.unserved.no_working_day': 'no working day left within the planning horizon',
    'progress.mopUp.unserved.after_end': 'does not fit before the end date',
    'progress.mopUp.referrals.heading': 'Referred to the office',
    'progress.mopUp.referrals.intro':
      'The referred students, by school. Open a school to see its students’ names and classes.',
    'progress.mopUp.referrals.empty': 'No student is referred.',
    'progress.mopUp.referrals.count': 'students: {count}',
    'progress.mopUp.referrals.list': 'Students referred from {school}',
    'progress.mopUp.refused.heading': 'Refused recording',
    'progress.mopUp.refused.caption': 'Students who refused, by school',
    'progress.mopUp.refused.empty': 'No student refused.',
    'progress.mopUp.col.date': 'Date',
    'progress.mopUp.col.order': 'Place in the day',
    'progress.mopUp.col.students': 'Students',
    'progress.mopUp.col.name': 'Name',
    'progress.mopUp.col.class': 'Class',
    'progress.mopUp.col.category': 'Category',
    'progress.mopUp.col.outcome': 'Visit outcome',
    'progress.mopUp.col.reason': 'Why referred',
    'progress.mopUp.reason.few': 'fewer than {min} students to catch up at this school',
    'progress.mopUp.reason.unknown_school': 'the school is no longer in the school list',

    'progress.mopUp.download.button': 'Download XLSX',
    'progress.mopUp.download.label': 'Download mop-up XLSX',
    'progress.mopUp.download.about':
      'This mop-up plan in one Excel file: summary, follow-up visits, referrals (students’ names and classes, no NIK) and refusals by school.',
    'progress.mopUp.file': 'mop-up',
    'progress.mopUp.sheet.summary': 'Summary',
    'progress.mopUp.sheet.visits': 'Follow-up visits',
    'progress.mopUp.sheet.referrals': 'Referrals',
    'progress.mopUp.sheet.refused': 'Refused',
    'progress.mopUp.summary.start': 'Mop-up starts on',
    'progress.mopUp.summary.min': 'Fewest students for a follow-up visit',
    'progress.mopUp.summary.toRecord': 'Students still to record',
    'progress.mopUp.summary.visited': 'Students with a follow-up visit',
    'progress.mopUp.summary.visits': 'Follow-up visits',
    'progress.mopUp.summary.finish': 'Last follow-up visit',
    'progress.mopUp.summary.referred': 'Students referred to the office',
    'progress.mopUp.summary.unserved': 'Students at schools that cannot be planned',
    'progress.mopUp.summary.unservedSchool': 'Cannot be planned: {school}',
    'progress.mopUp.summary.refused': 'Students who refused',
    'progress.mopUp.summary.text': 'In words',
  },
);
