import { defineMessages } from '../define';

/** Messages of the plan screens. */
export const plan = defineMessages(
  {
    'plan.heading': 'Jadwal kunjungan',
    'plan.intro':
      'Jadwal kunjungan tim perekaman ke sekolah, dibuat dari siswa WAJIB dan REKAM_DINI hasil kelayakan: hanya pada hari kerja, di luar hari libur dan hari sekolah tidak bisa, dalam kapasitas setiap tim setelah perjalanan.',
    'plan.loading': 'Membaca jadwal yang tersimpan…',
    'plan.sections': 'Bagian halaman',

    'plan.generate.heading': 'Buat jadwal',
    'plan.generate.mode': 'Urutan kunjungan',
    'plan.generate.mode.normal':
      'Normal — hari kerja sesedikit mungkin; sekolah dengan banyak siswa WAJIB lebih dulu',
    'plan.generate.mode.wajibFirst':
      'WAJIB dulu — semua siswa WAJIB secepat kapasitas memungkinkan, REKAM_DINI sesudahnya (mis. menjelang pemilu)',
    'plan.generate.run': 'Buat jadwal',
    'plan.generate.runAgain': 'Buat jadwal lagi',
    'plan.generate.cancel': 'Batalkan',
    'plan.generate.replaceNote': 'Jadwal baru menggantikan jadwal yang tersimpan.',
    'plan.generate.pinnedNote':
      '{count} kunjungan yang disematkan tetap di tempatnya; siswa lainnya dijadwalkan di sekitarnya.',
    'plan.generate.lostNote': '{count} hari tim yang ditandai hilang tidak dipakai.',
    'plan.stale.heading':
      'Jadwal ini mungkin sudah tidak sesuai: data berubah sejak jadwal dibuat.',
    'plan.stale.calendar': 'Tanggal mulai, tanggal akhir, atau jam kerja program berubah.',
    'plan.stale.policy':
      'Tanggal acuan, usia minimum perekaman, atau wilayah program berubah: siswa sasaran bisa berbeda.',
    'plan.stale.students':
      'Daftar siswa, data registri, hasil pemadanan, atau keputusan review berubah: jumlah siswa sasaran per sekolah bisa berbeda.',
    'plan.stale.teams':
      'Tim perekaman berubah (tim ditambah atau dihapus, jumlah alat, atau kapasitas).',
    'plan.stale.holidays': 'Hari libur berubah: kunjungan bisa jatuh pada hari libur.',
    'plan.stale.schools':
      'Kecamatan, waktu tempuh, hari tidak bisa, atau koordinat sekolah berubah, atau sekolah tidak ada lagi di daftar: {schools}.',
    'plan.stale.more': '{names}, dan {count} sekolah lain',
    'plan.stale.unknown':
      'Jadwal ini dibuat oleh versi aplikasi yang belum mencatat data dasarnya, sehingga perubahan siswa, tim, hari libur, atau sekolah sejak itu tidak dapat diperiksa.',
    'plan.stale.action':
      'Buat jadwal lagi agar sesuai dengan data sekarang; kunjungan yang disematkan tetap di tempatnya.',
    'plan.progressLabel': 'Kemajuan pembuatan jadwal',
    'plan.progress': 'Langkah {step} dari 4 — {phase}',
    'plan.phase.reading': 'membaca sekolah, tim, hari libur, dan jadwal tersimpan',
    'plan.phase.eligibility': 'menentukan siswa sasaran dari hasil pemadanan',
    'plan.phase.eligibilityRows':
      'menentukan siswa sasaran dari hasil pemadanan ({done} dari {total} baris dibaca)',
    'plan.phase.planning': 'menyusun jadwal',
    'plan.phase.storing': 'menyimpan jadwal',

    'plan.notice.planned': 'Jadwal tersimpan: {visits} kunjungan.',
    'plan.notice.plannedPinned':
      'Jadwal tersimpan: {visits} kunjungan; {pinned} kunjungan yang disematkan tetap di tempatnya.',
    'plan.notice.cancelled': 'Pembuatan jadwal dibatalkan. Jadwal yang tersimpan tidak berubah.',
    'plan.notice.pinned': 'Kunjungan ke {school} pada {date} ({team}) disematkan.',
    'plan.notice.unpinned': 'Sematan kunjungan ke {school} pada {date} ({team}) dilepas.',
    'plan.notice.moved':
      'Kunjungan ke {school} dipindahkan ke {date} ({team}) dan disematkan. Angka jadwal diperbarui.',
    'plan.notice.replanned':
      'Hari {team} pada {date} ditandai hilang. Jadwal disusun ulang: {removed} kunjungan dihapus, {added} ditambahkan; kunjungan lain tetap.',
    'plan.notice.lostStored':
      'Hari {team} pada {date} ditandai hilang. Jadwal yang dibuat berikutnya tidak memakainya.',
    'plan.notice.lostRemoved':
      'Hari {team} pada {date} tidak lagi ditandai hilang. Jadwal tidak berubah; buat jadwal lagi untuk memakai hari itu.',

    'plan.error.storage': 'Penyimpanan gagal: {message}. Jadwal yang tersimpan tidak berubah.',
    'plan.error.quota':
      'Ruang penyimpanan di perangkat ini tidak cukup. Jadwal yang tersimpan tidak berubah.',
    'plan.error.internal': 'Terjadi kesalahan: {message}. Jadwal yang tersimpan tidak berubah.',
    'plan.error.settings': 'Pengaturan program ditolak: {message}',
    'plan.error.request': 'Jadwal tidak dapat dibuat: {message}',
    'plan.error.no_team':
      'Belum ada tim yang dapat merekam. Tambahkan tim dengan paling sedikit satu alat di halaman Program.',
    'plan.error.no_targets':
      'Belum ada siswa WAJIB atau REKAM_DINI untuk dijadwalkan ({message} siswa belum dipadankan atau menunggu review). Jalankan pemadanan dan review dulu.',
    'plan.error.no_plan': 'Belum ada jadwal. Buat jadwal dulu.',
    'plan.error.missing_visit':
      'Kunjungan itu tidak ada lagi di jadwal (jadwal sudah dibuat ulang). Muat ulang halaman.',
    'plan.error.lost_team': 'Pilih tim yang ada.',
    'plan.error.lost_date': 'Tanggal "{message}" tidak valid. Pilih tanggal di kalender.',
    'plan.error.lost_exists': 'Hari tim itu sudah ditandai hilang.',

    'plan.figures.heading': 'Ringkasan jadwal',
    'plan.figures.empty': 'Belum ada jadwal untuk program ini. Buat jadwal di atas.',
    'plan.figures.unreadable':
      'Angka jadwal yang tersimpan tidak dapat dibaca. Buat jadwal lagi untuk memperbaruinya.',
    'plan.figures.madeAt': 'Dibuat pada {date}, urutan: {mode}.',
    'plan.figures.mode.normal': 'normal',
    'plan.figures.mode.wajib-first': 'WAJIB dulu',
    'plan.figures.workingDays': 'Hari kerja',
    'plan.figures.lowerBound': 'Batas bawah',
    'plan.figures.gap': 'Selisih',
    'plan.figures.days': '{count} hari',
    'plan.figures.boundHint':
      'Batas bawah: tidak ada jadwal yang dapat memakai lebih sedikit hari kerja (semua siswa dibagi kapasitas harian semua tim). Selisih: hari kerja jadwal ini dikurangi batas bawah.',
    'plan.figures.finish': 'Kunjungan terakhir',
    'plan.figures.finishWajib': 'Hari terakhir dengan siswa WAJIB',
    'plan.figures.wajibDays': 'Hari kerja sampai WAJIB selesai',
    'plan.figures.wajibBound': 'Batas bawah WAJIB',
    'plan.figures.visitsPerSchool': 'Kunjungan per sekolah (rata-rata)',
    'plan.figures.planned': 'Siswa terjadwal',
    'plan.figures.students': '{wajib} WAJIB, {dini} REKAM_DINI',
    'plan.figures.none': '—',
    'plan.figures.targetsNote':
      'Siswa sasaran dihitung saat jadwal dibuat. Setelah pemadanan atau review baru, buat jadwal lagi.',
    'plan.teams.caption': 'Pemakaian tim',
    'plan.teams.team': 'Tim',
    'plan.teams.students': 'Siswa',
    'plan.teams.days': 'Hari kunjungan',
    'plan.teams.utilisation': 'Utilisasi',
    'plan.teams.percent': '{value}%',
    'plan.pending':
      'Belum masuk jadwal: {notMatched} siswa belum dipadankan dan {review} siswa menunggu review. Selesaikan pemadanan dan review, lalu buat jadwal lagi.',
    'plan.pendingNone': 'Semua siswa sudah diputuskan; tidak ada yang menunggu.',
    'plan.unserved.heading': 'Sekolah yang tidak terlayani',
    'plan.unserved.none': 'Semua siswa sasaran masuk jadwal.',
    'plan.unserved.row': '{school}: {wajib} WAJIB dan {dini} REKAM_DINI — {reason}',
    'plan.unserved.reason.after_end': 'tidak muat sebelum tanggal akhir program',
    'plan.unserved.reason.too_far':
      'perjalanan dan persiapan menghabiskan hari kerja tim; tidak ada waktu untuk merekam',
    'plan.unserved.reason.no_working_day': 'tidak ada hari kerja dalam periode program',
    'plan.unserved.earliestEnd':
      'Tanggal akhir paling awal yang melayani semua siswa: {date}. Ubah tanggal akhir di halaman Program, lalu buat jadwal lagi.',
    'plan.unserved.noEnd':
      'Tanpa tanggal akhir pun tidak semua siswa dapat dilayani: periksa waktu tempuh dan tim.',
    'plan.released.heading': 'Kunjungan disematkan yang tidak dapat dipertahankan',
    'plan.released.intro': 'Siswanya dijadwalkan ulang seperti siswa lain.',
    'plan.released.visit': '{school}, {date}, {team}',
    'plan.change.heading': 'Perubahan terakhir',
    'plan.change.move': 'Satu kunjungan dipindahkan.',
    'plan.change.replan': 'Jadwal disusun ulang karena hari {team} pada {date} hilang.',
    'plan.change.removed': 'Dihapus atau berubah ({count})',
    'plan.change.added': 'Baru atau berubah ({count})',
    'plan.change.visit': '{date} · {team} · {school}: {wajib} WAJIB, {dini} REKAM_DINI',

    'plan.calendar.heading': 'Kalender per tim',
    'plan.calendar.team': 'Tim yang ditampilkan',
    'plan.calendar.allTeams': 'Semua tim',
    'plan.calendar.caption': 'Kunjungan {team} per minggu, Senin sampai Jumat',
    'plan.calendar.week': 'Minggu',
    'plan.calendar.weekOf': 'Mulai {date}',
    'plan.calendar.holiday': 'Libur: {name}',
    'plan.calendar.lost': 'Hari hilang: {team}',
    'plan.calendar.beforeStart': 'Sebelum awal program',
    'plan.calendar.pinned': 'Disematkan',
    'plan.calendar.counts': '{wajib} W · {dini} D',
    'plan.calendar.visitLabel':
      '{date}, {team}: {school}, {wajib} WAJIB, {dini} REKAM_DINI{pinned}. Buka untuk menyematkan atau memindahkan.',
    'plan.calendar.pinnedSuffix': ', disematkan',
    'plan.calendar.legend':
      'W = siswa WAJIB, D = siswa REKAM_DINI. Pilih kunjungan untuk menyematkan atau memindahkannya.',
    'plan.weekday.1': 'Senin',
    'plan.weekday.2': 'Selasa',
    'plan.weekday.3': 'Rabu',
    'plan.weekday.4': 'Kamis',
    'plan.weekday.5': 'Jumat',

    'plan.schools.heading': 'Daftar per sekolah',
    'plan.schools.search': 'Cari sekolah (nama atau NPSN)',
    'plan.schools.status': 'Status',
    'plan.schools.statusAll': 'Semua',
    'plan.schools.status.complete': 'Terjadwal penuh',
    'plan.schools.status.partial': 'Terjadwal sebagian',
    'plan.schools.status.unplanned': 'Belum terjadwal',
    'plan.schools.status.none': 'Tanpa siswa sasaran',
    'plan.schools.caption': 'Kunjungan per sekolah: {shown} dari {total} sekolah',
    'plan.schools.school': 'Sekolah',
    'plan.schools.visits': 'Kunjungan (tanggal · tim)',
    'plan.schools.wajib': 'WAJIB terjadwal / sasaran',
    'plan.schools.dini': 'REKAM_DINI terjadwal / sasaran',
    'plan.schools.ofTarget': '{planned} / {target}',
    'plan.schools.noVisits': 'Belum ada kunjungan',
    'plan.schools.visit': '{date} · {team}',
    'plan.schools.visitLabel':
      'Kunjungan ke {school} pada {date} ({team}){pinned}. Buka untuk menyematkan atau memindahkan.',
    'plan.schools.none': 'Tidak ada sekolah yang cocok dengan pencarian.',

    'plan.visit.heading': 'Kunjungan ke {school}',
    'plan.visit.date': 'Tanggal',
    'plan.visit.team': 'Tim',
    'plan.visit.students': 'Siswa',
    'plan.visit.pinnedYes': 'Disematkan: tetap di tempatnya saat jadwal dibuat lagi.',
    'plan.visit.pinnedNo': 'Tidak disematkan: dapat berubah saat jadwal dibuat lagi.',
    'plan.visit.pin': 'Sematkan',
    'plan.visit.unpin': 'Lepas sematan',
    'plan.visit.moveHeading': 'Pindahkan',
    'plan.visit.moveHint':
      'Pilih tanggal dan/atau tim baru. Perpindahan diperiksa: hari kerja, hari libur, periode program, hari sekolah tidak bisa, hari hilang, dan kapasitas tim hari itu. Kunjungan yang dipindahkan menjadi disematkan.',
    'plan.visit.newDate': 'Tanggal baru',
    'plan.visit.newTeam': 'Tim',
    'plan.visit.move': 'Periksa dan pindahkan',
    'plan.visit.refused': 'Tidak dapat dipindahkan:',
    'plan.visit.gone': 'Kunjungan ini tidak ada lagi di jadwal.',
    'plan.visit.close': 'Tutup',

    'plan.lost.heading': 'Hari hilang',
    'plan.lost.intro':
      'Tandai hari tim yang tidak terjadi (alat rusak, petugas sakit, acara sekolah). Kunjungan tim pada hari itu dipindahkan; kunjungan lain tetap, termasuk yang disematkan.',
    'plan.lost.team': 'Tim',
    'plan.lost.date': 'Tanggal',
    'plan.lost.note': 'Catatan (pilihan)',
    'plan.lost.submit': 'Tandai hilang dan jadwalkan ulang',
    'plan.lost.submitNoPlan': 'Tandai hilang',
    'plan.lost.caption': 'Hari yang ditandai hilang',
    'plan.lost.none': 'Belum ada hari yang ditandai hilang.',
    'plan.lost.remove': 'Hapus',
    'plan.lost.removeLabel': 'Hapus hari hilang {team} pada {date}',
    'plan.lost.removeNote': 'Menghapus hari hilang tidak mengubah jadwal.',
  },
  {
    'plan.heading': 'Visit plan',
    'plan.intro':
      "The recording teams' visits to the schools, made from the WAJIB and REKAM_DINI students that eligibility found: on working days only, outside holidays and the days a school cannot host, within each team's capacity after travel.",
    'plan.loading': 'Reading the stored plan…',
    'plan.sections': 'Page sections',

    'plan.generate.heading': 'Make the plan',
    'plan.generate.mode': 'Order of the visits',
    'plan.generate.mode.normal':
      'Normal — as few working days as possible; schools with many WAJIB students first',
    'plan.generate.mode.wajibFirst':
      'WAJIB first — every WAJIB student as early as capacity allows, REKAM_DINI afterwards (e.g. before an election)',
    'plan.generate.run': 'Make the plan',
    'plan.generate.runAgain': 'Make the plan again',
    'plan.generate.cancel': 'Cancel',
    'plan.generate.replaceNote': 'A new plan replaces the stored one.',
    'plan.generate.pinnedNote':
      '{count} pinned visits stay where they are; the other students are planned around them.',
    'plan.generate.lostNote': '{count} team-days marked lost are not used.',
    'plan.stale.heading': 'This plan may be out of date: the data changed since it was made.',
    'plan.stale.calendar': "The programme's start date, end date or working hours changed.",
    'plan.stale.policy':
      "The programme's reference date, minimum recording age or area changed: the target students may differ.",
    'plan.stale.students':
      'Student lists, the registry, pemadanan results or review decisions changed: the number of target students per school may differ.',
    'plan.stale.teams':
      'The recording teams changed (a team added or removed, its sets or capacity).',
    'plan.stale.holidays': 'The holidays changed: visits may fall on a holiday.',
    'plan.stale.schools':
      "A school's kecamatan, travel time, blackout days or coordinates changed, or it is no longer listed: {schools}.",
    'plan.stale.more': '{names} and {count} more schools',
    'plan.stale.unknown':
      'This plan was made by a version of the app that did not record what it was made from, so changes to students, teams, holidays or schools since cannot be checked.',
    'plan.stale.action':
      'Make the plan again to follow the current data; pinned visits stay where they are.',
    'plan.progressLabel': 'Progress of making the plan',
    'plan.progress': 'Step {step} of 4 — {phase}',
    'plan.phase.reading': 'reading schools, teams, holidays and the stored plan',
    'plan.phase.eligibility': 'deciding the target students from the matching results',
    'plan.phase.eligibilityRows':
      'deciding the target students from the matching results ({done} of {total} rows read)',
    'plan.phase.planning': 'making the plan',
    'plan.phase.storing': 'storing the plan',

    'plan.notice.planned': 'Plan stored: {visits} visits.',
    'plan.notice.plannedPinned':
      'Plan stored: {visits} visits; {pinned} pinned visits stayed where they were.',
    'plan.notice.cancelled': 'Making the plan was cancelled. The stored plan is unchanged.',
    'plan.notice.pinned': 'The visit to {school} on {date} ({team}) is pinned.',
    'plan.notice.unpinned': 'The visit to {school} on {date} ({team}) is no longer pinned.',
    'plan.notice.moved':
      "The visit to {school} moved to {date} ({team}) and is pinned. The plan's figures are updated.",
    'plan.notice.replanned':
      "{team}'s day on {date} is marked lost. The plan was re-made: {removed} visits removed, {added} added; the other visits stay.",
    'plan.notice.lostStored':
      "{team}'s day on {date} is marked lost. The next plan made will not use it.",
    'plan.notice.lostRemoved':
      "{team}'s day on {date} is no longer marked lost. The plan is unchanged; make the plan again to use the day.",

    'plan.error.storage': 'Storing failed: {message}. The stored plan is unchanged.',
    'plan.error.quota': 'There is not enough storage on this device. The stored plan is unchanged.',
    'plan.error.internal': 'Something went wrong: {message}. The stored plan is unchanged.',
    'plan.error.settings': "The programme's settings were refused: {message}",
    'plan.error.request': 'The plan cannot be made: {message}',
    'plan.error.no_team':
      'There is no team that can record yet. Add a team with at least one set on the Programme page.',
    'plan.error.no_targets':
      'There are no WAJIB or REKAM_DINI students to plan yet ({message} students not matched or waiting for review). Run matching and review first.',
    'plan.error.no_plan': 'There is no plan yet. Make the plan first.',
    'plan.error.missing_visit':
      'That visit is no longer in the plan (the plan was made again). Reload the page.',
    'plan.error.lost_team': 'Choose one of the teams.',
    'plan.error.lost_date': '"{message}" is not a valid date. Choose a date in the calendar.',
    'plan.error.lost_exists': "That team's day is already marked lost.",

    'plan.figures.heading': 'Plan summary',
    'plan.figures.empty': 'There is no plan for this programme yet. Make the plan above.',
    'plan.figures.unreadable':
      "The stored plan's figures cannot be read. Make the plan again to renew them.",
    'plan.figures.madeAt': 'Made on {date}, order: {mode}.',
    'plan.figures.mode.normal': 'normal',
    'plan.figures.mode.wajib-first': 'WAJIB first',
    'plan.figures.workingDays': 'Working days',
    'plan.figures.lowerBound': 'Lower bound',
    'plan.figures.gap': 'Gap',
    'plan.figures.days': '{count} days',
    'plan.figures.boundHint':
      "Lower bound: no plan can use fewer working days (all students over the teams' total daily capacity). Gap: this plan's working days minus the lower bound.",
    'plan.figures.finish': 'Last visit',
    'plan.figures.finishWajib': 'Last day with WAJIB students',
    'plan.figures.wajibDays': 'Working days until WAJIB is done',
    'plan.figures.wajibBound': 'WAJIB lower bound',
    'plan.figures.visitsPerSchool': 'Visits per school (average)',
    'plan.figures.planned': 'Students planned',
    'plan.figures.students': '{wajib} WAJIB, {dini} REKAM_DINI',
    'plan.figures.none': '—',
    'plan.figures.targetsNote':
      'The target students were counted when the plan was made. After new matching or review, make the plan again.',
    'plan.teams.caption': 'Use of the teams',
    'plan.teams.team': 'Team',
    'plan.teams.students': 'Students',
    'plan.teams.days': 'Visit days',
    'plan.teams.utilisation': 'Utilisation',
    'plan.teams.percent': '{value}%',
    'plan.pending':
      'Not in the plan yet: {notMatched} students not matched and {review} students waiting for review. Finish matching and review, then make the plan again.',
    'plan.pendingNone': 'Every student is decided; none is waiting.',
    'plan.unserved.heading': 'Schools not served',
    'plan.unserved.none': 'Every target student is in the plan.',
    'plan.unserved.row': '{school}: {wajib} WAJIB and {dini} REKAM_DINI — {reason}',
    'plan.unserved.reason.after_end': "they do not fit before the programme's end date",
    'plan.unserved.reason.too_far':
      "travel and setting up take the team's whole working day; no time is left to record",
    'plan.unserved.reason.no_working_day': "there is no working day in the programme's period",
    'plan.unserved.earliestEnd':
      'The earliest end date that serves every student: {date}. Change the end date on the Programme page, then make the plan again.',
    'plan.unserved.noEnd':
      'Even without an end date not every student can be served: check the travel times and the teams.',
    'plan.released.heading': 'Pinned visits that could not stay',
    'plan.released.intro': 'Their students were planned again like the others.',
    'plan.released.visit': '{school}, {date}, {team}',
    'plan.change.heading': 'Last change',
    'plan.change.move': 'One visit was moved.',
    'plan.change.replan': "The plan was re-made because {team}'s day on {date} was lost.",
    'plan.change.removed': 'Removed or changed ({count})',
    'plan.change.added': 'New or changed ({count})',
    'plan.change.visit': '{date} · {team} · {school}: {wajib} WAJIB, {dini} REKAM_DINI',

    'plan.calendar.heading': 'Calendar per team',
    'plan.calendar.team': 'Team shown',
    'plan.calendar.allTeams': 'All teams',
    'plan.calendar.caption': 'Visits of {team} by week, Monday to Friday',
    'plan.calendar.week': 'Week',
    'plan.calendar.weekOf': 'From {date}',
    'plan.calendar.holiday': 'Holiday: {name}',
    'plan.calendar.lost': 'Lost day: {team}',
    'plan.calendar.beforeStart': 'Before the programme starts',
    'plan.calendar.pinned': 'Pinned',
    'plan.calendar.counts': '{wajib} W · {dini} D',
    'plan.calendar.visitLabel':
      '{date}, {team}: {school}, {wajib} WAJIB, {dini} REKAM_DINI{pinned}. Open to pin or move.',
    'plan.calendar.pinnedSuffix': ', pinned',
    'plan.calendar.legend':
      'W = WAJIB students, D = REKAM_DINI students. Choose a visit to pin or move it.',
    'plan.weekday.1': 'Monday',
    'plan.weekday.2': 'Tuesday',
    'plan.weekday.3': 'Wednesday',
    'plan.weekday.4': 'Thursday',
    'plan.weekday.5': 'Friday',

    'plan.schools.heading': 'List per school',
    'plan.schools.search': 'Find a school (name or NPSN)',
    'plan.schools.status': 'Status',
    'plan.schools.statusAll': 'All',
    'plan.schools.status.complete': 'Fully planned',
    'plan.schools.status.partial': 'Partly planned',
    'plan.schools.status.unplanned': 'Not planned',
    'plan.schools.status.none': 'No target students',
    'plan.schools.caption': 'Visits per school: {shown} of {total} schools',
    'plan.schools.school': 'School',
    'plan.schools.visits': 'Visits (date · team)',
    'plan.schools.wajib': 'WAJIB planned / target',
    'plan.schools.dini': 'REKAM_DINI planned / target',
    'plan.schools.ofTarget': '{planned} / {target}',
    'plan.schools.noVisits': 'No visit yet',
    'plan.schools.visit': '{date} · {team}',
    'plan.schools.visitLabel': 'Visit to {school} on {date} ({team}){pinned}. Open to pin or move.',
    'plan.schools.none': 'No school matches the search.',

    'plan.visit.heading': 'Visit to {school}',
    'plan.visit.date': 'Date',
    'plan.visit.team': 'Team',
    'plan.visit.students': 'Students',
    'plan.visit.pinnedYes': 'Pinned: it stays where it is when the plan is made again.',
    'plan.visit.pinnedNo': 'Not pinned: it may change when the plan is made again.',
    'plan.visit.pin': 'Pin',
    'plan.visit.unpin': 'Unpin',
    'plan.visit.moveHeading': 'Move',
    'plan.visit.moveHint':
      "Choose a new date and/or team. The move is checked: working day, holidays, the programme's period, the school's blackout days, lost days and the team's capacity that day. A moved visit becomes pinned.",
    'plan.visit.newDate': 'New date',
    'plan.visit.newTeam': 'Team',
    'plan.visit.move': 'Check and move',
    'plan.visit.refused': 'It cannot be moved there:',
    'plan.visit.gone': 'This visit is no longer in the plan.',
    'plan.visit.close': 'Close',

    'plan.lost.heading': 'Lost days',
    'plan.lost.intro':
      "Mark a team's day that will not happen (equipment failure, illness, a school event). That team's visits on the day move; every other visit stays, pinned ones included.",
    'plan.lost.team': 'Team',
    'plan.lost.date': 'Date',
    'plan.lost.note': 'Note (optional)',
    'plan.lost.submit': 'Mark lost and re-plan',
    'plan.lost.submitNoPlan': 'Mark lost',
    'plan.lost.caption': 'Days marked lost',
    'plan.lost.none': 'No day is marked lost.',
    'plan.lost.remove': 'Remove',
    'plan.lost.removeLabel': "Remove {team}'s lost day on {date}",
    'plan.lost.removeNote': 'Removing a lost day does not change the plan.',
  },
);
