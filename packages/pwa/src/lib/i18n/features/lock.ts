import { defineMessages } from '../define';

/** The laptop's passphrase: setting it, unlocking, locking, and what to do when it is forgotten. */
export const lock = defineMessages(
  {
    'lock.setup.heading': 'Lindungi data laptop ini',
    'lock.setup.intro':
      'Data siswa dan penduduk di laptop ini disimpan terenkripsi. Buat kata sandi untuk membukanya; setiap orang yang memakai laptop ini memerlukannya.',
    'lock.setup.warning':
      'Kata sandi tidak bisa dipulihkan. Tanpa kata sandi, data di laptop ini tidak bisa dibuka: yang bisa dilakukan hanya menghapusnya, lalu memulihkan program dari cadangan atau dari laptop lain.',
    'lock.passphrase': 'Kata sandi',
    'lock.repeat': 'Ulangi kata sandi',
    'lock.hint':
      'Paling sedikit 10 karakter. Sebuah kalimat pendek mudah diingat dan sulit ditebak.',
    'lock.setup.submit': 'Simpan kata sandi',
    'lock.setup.busy': 'Mengunci data…',
    'lock.locked.heading': 'Data terkunci',
    'lock.locked.intro': 'Masukkan kata sandi laptop ini untuk membuka data.',
    'lock.reason.idle': 'Data terkunci otomatis setelah {minutes} menit tidak dipakai.',
    'lock.reason.manual': 'Data dikunci.',
    'lock.reason.other-tab': 'Data dikunci dari tab lain.',
    'lock.unlock': 'Buka',
    'lock.unlocking': 'Membuka…',
    'lock.unavailable.heading': 'Basis data tidak bisa dibuka',
    'lock.button': 'Kunci',
    'lock.buttonTitle': 'Kunci data sekarang. Membukanya lagi memerlukan kata sandi.',
    'lock.forgot.summary': 'Lupa kata sandi?',
    'lock.forgot.text':
      'Tanpa kata sandi data ini tidak bisa dibuka, juga oleh pengembang aplikasi. Hapus data laptop ini, buat kata sandi baru, lalu pulihkan program dari cadangan atau gabungkan berkas dari laptop lain. Pekerjaan yang belum pernah dicadangkan atau dikirim ke laptop lain akan hilang.',
    'lock.forgot.confirm': 'Ketik HAPUS untuk mengonfirmasi',
    'lock.forgot.delete': 'Hapus semua data laptop ini',
    'lock.forgot.deleting': 'Menghapus…',
    'lock.forgot.failed': 'Data tidak bisa dihapus: {message}',
  },
  {
    'lock.setup.heading': "Protect this laptop's data",
    'lock.setup.intro':
      'The student and resident data on this laptop is stored encrypted. Make a passphrase to open it; everyone who uses this laptop needs it.',
    'lock.setup.warning':
      'A passphrase cannot be recovered. Without it the data on this laptop cannot be opened: it can only be deleted, and the programme restored from a backup or from another laptop.',
    'lock.passphrase': 'Passphrase',
    'lock.repeat': 'Repeat the passphrase',
    'lock.hint': 'At least 10 characters. A short sentence is easy to remember and hard to guess.',
    'lock.setup.submit': 'Save the passphrase',
    'lock.setup.busy': 'Locking the data…',
    'lock.locked.heading': 'The data is locked',
    'lock.locked.intro': "Enter this laptop's passphrase to open the data.",
    'lock.reason.idle': 'The data locked itself after {minutes} minutes without use.',
    'lock.reason.manual': 'The data was locked.',
    'lock.reason.other-tab': 'The data was locked from another tab.',
    'lock.unlock': 'Unlock',
    'lock.unlocking': 'Unlocking…',
    'lock.unavailable.heading': 'The database cannot be opened',
    'lock.button': 'Lock',
    'lock.buttonTitle': 'Lock the data now. Opening it again needs the passphrase.',
    'lock.forgot.summary': 'Forgot the passphrase?',
    'lock.forgot.text':
      "Without the passphrase this data cannot be opened, not even by the app's developers. Delete this laptop's data, make a new passphrase, then restore the programme from a backup or merge files from another laptop. Work never backed up or sent to another laptop is lost.",
    'lock.forgot.confirm': 'Type HAPUS to confirm',
    'lock.forgot.delete': "Delete all of this laptop's data",
    'lock.forgot.deleting': 'Deleting…',
    'lock.forgot.failed': 'The data could not be deleted: {message}',
  },
);
