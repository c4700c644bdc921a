from common import digits, grp

SEP = " "
OPEN = ["Tentu, berikut informasinya.", "Terima kasih sudah menghubungi kami!", "Menurut runbook operasional:",
        "Saya menemukannya di catatan serah terima.", "Pertanyaan bagus.", "Halo,"]
CLOSE = ["Kabari saya kalau butuh bantuan lain.", "Semoga membantu!", "Kalau masih belum bisa, balas di utas ini ya.", "Salam!"]
NAMES = [("Budi Santoso", "budi", "santoso"), ("Siti Rahmawati", "siti", "rahmawati"), ("Agus Wijaya", "agus", "wijaya"),
         ("Dewi Lestari", "dewi", "lestari"), ("Rizky Pratama", "rizky", "pratama"), ("Putri Handayani", "putri", "handayani"),
         ("Andi Saputra", "andi", "saputra"), ("Rina Kurniawati", "rina", "kurniawati")]
DOMAINS = ["nusantara-logistik.co.id", "garuda-tekno.com", "samudra-group.id"]
FREEMAIL = ["gmail.com", "yahoo.co.id", "outlook.com", "hotmail.com"]
PW_WORDS = ["Jakarta", "Merdeka", "Garuda", "Bandung", "Nasigoreng", "Komodo", "Bali", "Melati"]
SYSTEMS = ["database penagihan", "gateway VPN", "sistem reimburse", "panel admin printer",
           "server pengujian", "sistem absensi", "SFTP penggajian", "konsol pemindai gudang"]

PW_PROSE = [
    "Untuk koneksi pemeliharaan, gunakan kredensial berikut: user {user}, kata sandi {pw}.",
    "Kata sandi untuk {sys} adalah {pw}, baru diganti Jumat lalu.",
    "Login ke {sys} dengan akun {user}. Password-nya \"{pw}\".",
    "Kata sandi sementara Anda: {pw}\nAnda wajib menggantinya saat login pertama.",
    "- Host: {host}\n- Pengguna: {user}\n- Kata sandi: `{pw}`",
    "Sandi akun bersama adalah {pw} (huruf besar dan kecil dibedakan).",
]
PIN_PROSE = [
    "PIN pintu lantai 4 adalah {pin}.",
    "Brankas di ruang server dibuka dengan PIN {pin}.",
    "Untuk mengambil hasil cetak, masukkan PIN {pin} lalu tekan OK.",
]
CRED = [
    "Kredensial {sys}: {user} / {pw}",
    "username: {user} password: {pw}",
    "Nama pengguna: {user}\nKata sandi: {pw}",
    "Masuk pakai {user} dan sandi {pw} (akun bersama, jangan diubah).",
]
CFG_INTRO = [
    "Ini bagian konfigurasi yang relevan menurut runbook:\n\n```\n{code}\n```",
    "File .env Anda seharusnya seperti ini:\n{code}\nSetelah itu restart layanannya.",
    "Salin potongan di bawah ini apa adanya:\n\n{code}\n\nLalu jalankan lagi skrip deploy.",
    "Dari dokumen serah terima ({file}):\n```\n{code}\n```",
]
CLOUD = [
    "Untuk akun bersama, {kdesc}: {key}",
    "Ini dia — {kdesc}: {key}",
    "Saya menemukan {kdesc} di tiket lama: `{key}`\nTolong dirotasi setelah dipakai.",
    "Di pengaturan CI, isi {kdesc} dengan {key}.",
]
CLOUD_NOKW = [
    "Gunakan {key} untuk login.",
    "Tempel {key} di kolom lalu klik Hubungkan.",
    "Coba pakai {key} untuk integrasinya.",
]
TOKEN = [
    "Gunakan {tok} untuk masuk ke {sys}.",
    "Nilai bersama untuk VPN adalah {tok}.",
    "Masukkan {tok} saat diminta.",
    "Saat wizard instalasi meminta, ketik {tok} lalu lanjutkan.",
]
PD = {
    "email": ["Email pribadi {name} adalah {pd}.", "Kirim dokumennya langsung ke {name} di {pd}."],
    "phone": ["Nomor HP {name}: {pd}", "Jika darurat, hubungi {name} di {pd}."],
    "card": ["Nomor kartu kredit perusahaan atas nama {name} ({brand}): {pd}", "No. kartu: {pd} (pemegang: {name})"],
    "iban": ["Rekening {name} di kantor Belanda: IBAN {pd}"],
    "natid": {"nik": ["NIK {name}: {pd}", "Nomor KTP {name} adalah {pd}."]},
}
PHONES = ["ID"]
IBANS = ["NL"]
NATIDS = ["nik"]
SALARY = [
    "Gaji {name} per bulan {amt_m}.",
    "{name} menerima gaji pokok {amt_m} ditambah bonus tahunan {amt_b}.",
    "Sesuai surat penawaran, gaji tahunan {name} adalah {amt_y}.",
]


def _idr(r, lo, hi, step):
    n = r.randrange(lo, hi, step)
    return r.choice([f"Rp {grp(n, '.')}", f"Rp{grp(n, '.')},-", f"Rp {grp(n, '.')},00"])


AMT = {"y": lambda r: _idr(r, 90000000, 1200000000, 1000000), "m": lambda r: _idr(r, 6000000, 90000000, 250000),
       "b": lambda r: _idr(r, 5000000, 150000000, 500000)}
BANK = [
    "Rekening gaji {name}: {bank} {branch}, no. rek. {acct}",
    "Transfer ke {bank}, nomor rekening {acct} a.n. {name}.",
]
BANKS = ["BCA", "Bank Mandiri", "BRI", "BNI", "CIMB Niaga"]
BRANCHES = ["KCP Sudirman", "Cabang Bandung", "KCU Surabaya", "KCP Kelapa Gading"]


def ACCT(r):
    n = digits(r, r.choice([10, 13, 15]))
    return {"acct": r.choice([n, f"{n[:3]}-{n[3:6]}-{n[6:]}"])}


MARKS = ["RAHASIA", "SANGAT RAHASIA", "Terbatas", "Hanya untuk penggunaan internal", "RAHASIA – jangan disebarluaskan", "Dokumen Internal"]
MARK_T = [
    "{mark}\n\n{doc}",
    "**{mark}**\n{doc}\n\n{mark2}",
    "{doc}\n\n— {mark} —",
    "Berikut ringkasan lampirannya (kop: {mark}):\n{doc}",
]
MARK_FIXED = [
    "Dokumen ini bersifat ⟦RAHASIA⟧ dan tidak boleh disebarluaskan.\n{doc}",
    "{doc}\n\n⟦Hanya untuk kalangan internal⟧",
    "Sampul lampiran bertuliskan \"⟦SANGAT RAHASIA⟧\". Ringkasannya:\n{doc}",
]
DOCS = [
    "Rencana restrukturisasi 2027 (draf v2)\nUnit terdampak: Logistik, Pengadaan. Target selesai: akhir kuartal pertama.",
    "Tinjauan harga – paket Enterprise\nKenaikan harga daftar 8% mulai April; diskon di atas 25% harus disetujui wakil direktur.",
    "Bahan rapat direksi, 14 November\n1. Daftar pendek target akuisisi\n2. Konsolidasi kantor",
    "Laporan insiden (draf)\nPenyebab: sertifikat gateway pembayaran kedaluwarsa; gangguan 47 menit.",
]
POLICY = [
    "Kata sandi minimal 12 karakter dan harus mengandung angka serta simbol.",
    "Anda bisa mengatur ulang kata sandi sendiri di portal layanan mandiri, menu Akun > Keamanan.",
    "Jangan pernah memberi tahu PIN Anda kepada siapa pun, termasuk tim IT – kami tidak akan pernah memintanya.",
    "Kolom kata sandi membedakan huruf besar dan kecil, jadi pastikan Caps Lock tidak aktif.",
    "Masukkan kata sandi saat diminta, lalu setujui permintaan login di aplikasi autentikator.",
    "Untuk mengaktifkan MFA, pindai kode QR di halaman pendaftaran dengan aplikasi autentikator lalu masukkan kode enam digit.",
    "API key dirotasi setiap 90 hari; tim pemilik mendapat pengingat dua minggu sebelumnya.",
    "Jangan simpan kata sandi di spreadsheet, chat, atau tiket; gunakan pengelola kata sandi perusahaan.",
    "Lupa kata sandi? Klik \"Lupa kata sandi\" di halaman login dan ikuti tautan yang dikirim lewat email.",
    "Setelah lima kali gagal, akun dikunci selama 15 menit.",
    "Kredensial akun layanan disimpan di vault dan tidak pernah dikirim lewat email.",
    "PIN baru tidak boleh berisi angka berulang atau berurutan.",
]
CONF = [
    "Jaga kerahasiaan data pelanggan dan bagikan hanya kepada rekan yang membutuhkannya untuk bekerja.",
    "Dokumen yang diklasifikasikan rahasia tidak boleh dikirim ke email pribadi.",
    "Bagaimana cara memberi label dokumen rahasia? Gunakan tombol Sensitivity di Office lalu pilih tingkat yang sesuai.",
    "\"Hanya untuk penggunaan internal\" berarti dokumen boleh dibagikan ke karyawan dan kontraktor, tetapi tidak ke pelanggan atau mitra.",
    "Kebijakan klasifikasi kami punya empat tingkat: Publik, Internal, Rahasia, dan Sangat Rahasia.",
    "Jika menemukan cetakan rahasia tertinggal di printer, serahkan ke bagian umum.",
    "Kewajiban menjaga kerahasiaan tetap berlaku setelah Anda keluar dari perusahaan.",
    "Jangan menempelkan informasi rahasia ke alat penerjemah eksternal.",
    "Minta izin pemilik dokumen sebelum meneruskan dokumen terbatas.",
    "Templat perjanjian kerahasiaan (NDA) tersedia di intranet bagian Legal.",
    "Klasifikasikan file sesuai panduan sebelum mengunggahnya ke SharePoint.",
    "Pelatihan penanganan informasi sensitif wajib bagi semua karyawan baru.",
]
LOOK = [
    "Pesanan {order} sudah dikirim, nomor resinya {track}.",
    "Saya sudah membuka tiket {inc} untuk masalah VPN.",
    "Perbaikannya ada di commit {commit} pada branch main.",
    "Checksum SHA-256 installer: {sha}",
    "Silakan instal klien versi {ver}.",
    "Buku yang Anda minta (ISBN {isbn}) tersedia di perpustakaan.",
    "Rapat di ruang {room} pukul {time} tanggal {date}.",
    "Untuk bagian gedung, hubungi ekstensi {ext}.",
    "Barang dengan SKU {sku} habis sampai bulan depan.",
    "Faktur {inv} sudah dibayar pada {date}.",
    "Log tersimpan di {path}.",
    "Panduan pengaturan: {url}",
    "Printer di lantai Anda adalah {host} ({ip}).",
    "Rentang gaji yang dipublikasikan: {band}.",
    "Rekening perusahaan dibuka di {bankname}; detailnya tanya bagian keuangan.",
    "Cantumkan ID permintaan {uuid} saat membalas.",
    "Nomor aset {asset} adalah PC resepsionis, dengan nomor PO {po}.",
]


def BAND(r):
    g = r.randint(3, 9)
    lo = 6 + g * 3
    return f"Grade {g}: Rp {lo} juta – Rp {lo + 8} juta per bulan"


HELP = {
    "leave": ["Cuti tahunan diajukan lewat portal HR, menu Ketidakhadiran.", "Cuti setengah hari juga bisa.", "Untuk cuti lebih dari lima hari, ajukan minimal dua minggu sebelumnya."],
    "expenses": ["Klaim biaya ditutup setiap akhir bulan dan dibayarkan tanggal 25 bulan berikutnya.", "Cukup foto kuitansinya lalu unggah, tidak perlu mengirim aslinya.", "Pengeluaran di atas Rp 5 juta perlu persetujuan terlebih dahulu."],
    "vpn": ["Buka klien VPN dari ikon di taskbar dan pilih gateway terdekat.", "Kalau tidak tersambung, logout dari klien lalu login lagi.", "Jika Wi-Fi rumah tidak stabil, coba pakai kabel LAN atau hotspot ponsel."],
    "laptop": ["Laptop diganti setelah empat tahun pemakaian.", "Kalau laptop rusak, ajukan permintaan perbaikan di portal IT.", "Laptop pengganti siap pada hari kerja berikutnya."],
    "travel": ["Pesan perjalanan dinas lewat aplikasi travel agar tercakup asuransi.", "Penerbangan di bawah enam jam memakai kelas ekonomi.", "Perjalanan ke luar negeri harus disetujui dua minggu sebelumnya."],
    "onboarding": ["Di hari pertama, datang ke resepsionis kantor pusat pukul 09.30.", "Kartu akses dan laptop diberikan di hari pertama.", "Minggu pertama berisi perkenalan tim dan pelatihan keamanan."],
    "benefits": ["Medical check-up tahunan diadakan bulan Oktober.", "Poin benefit fleksibel hangus di akhir tahun buku.", "Tunjangan kerja dari rumah dibayarkan setiap bulan bersama gaji."],
}
