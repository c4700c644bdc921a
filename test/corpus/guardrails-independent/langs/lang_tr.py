from common import digits, grp

SEP = " "
OPEN = ["📎 Tabii, bilgiler aşağıda.", "Tabii, bilgiler aşağıda.", "Bize yazdığınız için teşekkürler!", "İşletim kılavuzuna göre:",
        "Devir notlarında buldum.", "Güzel soru.", "Merhaba,"]
CLOSE = ["Başka bir şeye ihtiyacınız olursa yazın.", "Umarım yardımcı olur!",
         "Hâlâ çalışmıyorsa bu konuya yanıt verin.", "İyi çalışmalar!"]
NAMES = [("Ahmet Yılmaz", "ahmet", "yilmaz"), ("Elif Kaya", "elif", "kaya"), ("Mehmet Demir", "mehmet", "demir"),
         ("Zeynep Çelik", "zeynep", "celik"), ("Emre Şahin", "emre", "sahin"), ("Ayşe Aydın", "ayse", "aydin"),
         ("Burak Öztürk", "burak", "ozturk"), ("Selin Arslan", "selin", "arslan")]
DOMAINS = ["anadolu-lojistik.com.tr", "bogazici-bilisim.com", "ege-grup.com.tr"]
FREEMAIL = ["gmail.com", "hotmail.com", "yandex.com.tr", "outlook.com"]
PW_WORDS = ["Istanbul", "Galata", "Lale", "Ankara", "Simit", "Kartal", "Bosphorus", "Kis"]
# every template starts a sentence with {sys}, hence the capitals
SYSTEMS = ["Faturalama veritabanı", "VPN ağ geçidi", "Masraf sistemi", "Ortak yazıcı yönetim paneli",
           "Test sunucusu", "Puantaj sistemi", "Bordro SFTP sunucusu", "Depo tarayıcı konsolu"]

PW_PROSE = [
    "Bakım için şu bilgilerle bağlanın: kullanıcı {user}, şifre {pw}.",
    "{sys} için parola {pw}, geçen cuma değiştirildi.",
    "{user} hesabıyla giriş yapın. Şifre: \"{pw}\"",
    "Geçici şifreniz: {pw}\nİlk girişte değiştirmeniz istenecek.",
    "- Sunucu: {host}\n- Kullanıcı: {user}\n- Parola: `{pw}`",
    "Ortak hesabın şifresi {pw} (büyük/küçük harf duyarlı).",
]
PIN_PROSE = [
    "4. kattaki kapının PIN kodu {pin}.",
    "Sunucu odasındaki kasa {pin} PIN koduyla açılıyor.",
    "Çıktılarınızı almak için PIN {pin} girip Tamam'a basın.",
]
CRED = [
    "{sys} için giriş bilgileri: {user} / {pw}",
    "kullanıcı adı: {user} şifre: {pw}",
    "Kullanıcı adı: {user}\nParola: {pw}",
    "Kullanıcı: {user}, şifre: {pw} (ortak hesap, değiştirmeyin).",
]
CFG_INTRO = [
    "Kılavuza göre ilgili yapılandırma şöyle:\n\n```\n{code}\n```",
    ".env dosyanız şöyle olmalı:\n{code}\nArdından servisi yeniden başlatın.",
    "Aşağıdaki parçayı olduğu gibi kopyalayın:\n\n{code}\n\nSonra dağıtım betiğini yeniden çalıştırın.",
    "Devir belgesinden ({file}):\n```\n{code}\n```",
]
CLOUD = [
    "Ortak hesap için {kdesc}: {key}",
    "Buyurun — {kdesc}: {key}",
    "Eski bir kayıtta {kdesc} buldum: `{key}`\nKullandıktan sonra lütfen yenileyin.",
    "CI ayarlarında {kdesc} olarak {key} girin.",
]
CLOUD_NOKW = [
    "Giriş için {key} kullanın.",
    "{key} değerini alana yapıştırıp Bağlan'a tıklayın.",
    "Entegrasyon için {key} deneyin.",
]
TOKEN = [
    "{sys} için {tok} ile giriş yapın.",
    "VPN için ortak değer {tok}.",
    "İstendiğinde {tok} girin.",
    "Kurulum sihirbazı sorduğunda {tok} yazıp devam edin.",
]
PD = {
    "email": ["{name} adlı çalışanın kişisel e-posta adresi: {pd}", "Belgeleri doğrudan {pd} adresine gönderebilirsiniz ({name})."],
    "phone": ["{name} cep telefonu: {pd}", "Acil durumda {name} ile {pd} numarasından iletişime geçin."],
    "card": ["{name} adına kayıtlı şirket kartı ({brand}): {pd}", "Kart numarası: {pd} (kart sahibi: {name})"],
    "iban": ["{name} için ödeme bilgileri: IBAN {pd}", "Tutarı {pd} numaralı hesaba gönderin (alıcı: {name})."],
    "natid": {"tckn": ["{name} TC kimlik no: {pd}", "T.C. Kimlik Numarası: {pd} ({name})"]},
}
PHONES = ["TR"]
IBANS = ["TR"]
NATIDS = ["tckn"]
SALARY = [
    "{name} aylık {amt_m} brüt maaş alıyor.",
    "{name} için yıllık ücret {amt_y}, prim {amt_b}.",
    "Teklif mektubuna göre {name} adlı çalışanın net maaşı {amt_m}.",
]


def _try(r, lo, hi, step):
    v = grp(r.randrange(lo, hi, step), ".")
    return r.choice([f"{v} TL", f"₺{v}", f"{v},00 TL"])


AMT = {"y": lambda r: _try(r, 500000, 5000000, 10000), "m": lambda r: _try(r, 30000, 400000, 500),
       "b": lambda r: _try(r, 20000, 600000, 1000)}
BANK = [
    "{name} maaş hesabı: {bank} {branch} şubesi (şube kodu {sube}), hesap no {acct}",
    "Ödeme {bank} {branch} şubesine, {acct} numaralı hesaba yapılacak; alıcı {name}.",
]
BANKS = ["Ziraat Bankası", "Garanti BBVA", "İş Bankası", "Akbank", "Yapı Kredi"]
BRANCHES = ["Kadıköy", "Levent", "Kızılay", "Alsancak"]


def ACCT(r):
    return {"acct": r.choice([digits(r, 8), f"{digits(r, 8)}-{digits(r, 1)}", digits(r, 7)]), "sube": digits(r, 4)}


MARKS = ["GİZLİ", "ÇOK GİZLİ", "Hizmete Özel", "KİŞİYE ÖZEL", "Gizli – dağıtılmaz", "Şirket İçi"]
MARK_T = [
    "{mark}\n\n{doc}",
    "**{mark}**\n{doc}\n\n{mark2}",
    "{doc}\n\n— {mark} —",
    "Ekin özeti şöyle (üst bilgi: {mark}):\n{doc}",
]
MARK_FIXED = [
    "Bu belge ⟦GİZLİ⟧ olup şirket dışına çıkarılamaz.\n{doc}",
    "{doc}\n\n⟦Hizmete Özel⟧",
    "Ekin kapak sayfasında \"⟦ÇOK GİZLİ⟧\" yazıyor. Özetle:\n{doc}",
]
DOCS = [
    "2027 yeniden yapılanma planı (taslak v2)\nEtkilenen birimler: Lojistik, Satın Alma. Hedef: ilk çeyrek sonu.",
    "Fiyat revizyonu – Kurumsal paket\nNisan'dan itibaren liste fiyatına %8 zam; %25 üzeri indirimler genel müdür yardımcısı onayına tabi.",
    "Yönetim kurulu ön dosyası, 14 Kasım\n1. Satın alma adayları kısa listesi\n2. Lokasyon birleştirme",
    "Olay raporu (taslak)\nKök neden: ödeme geçidindeki sertifikanın süresi dolmuş; 47 dakikalık kesinti.",
]
POLICY = [
    "Şifreler en az 12 karakter olmalı ve en az bir rakam ile bir sembol içermelidir.",
    "Şifrenizi self servis portalında Hesap > Güvenlik bölümünden kendiniz sıfırlayabilirsiniz.",
    "PIN kodunuzu kimseyle paylaşmayın; BT destek ekibi de asla sormaz.",
    "Parola alanı büyük/küçük harfe duyarlıdır, Caps Lock'un kapalı olduğundan emin olun.",
    "İstendiğinde şifrenizi girin, ardından doğrulama uygulamasındaki giriş isteğini onaylayın.",
    "MFA kurulumu için kayıt sayfasındaki QR kodunu uygulamayla okutun ve altı haneli kodu girin.",
    "API anahtarları 90 günde bir yenilenir; sorumlu ekip iki hafta önceden hatırlatma alır.",
    "Şifreleri tablolara, sohbetlere veya destek kayıtlarına yazmayın; şirketin parola yöneticisini kullanın.",
    "Şifrenizi mi unuttunuz? Giriş sayfasında \"Şifremi unuttum\" bağlantısına tıklayıp e-postadaki adımları izleyin.",
    "Beş hatalı denemeden sonra hesap 15 dakika kilitlenir.",
    "Servis hesaplarının kimlik bilgileri kasada tutulur ve asla e-postayla gönderilmez.",
    "Yeni PIN tekrar eden veya ardışık rakamlar içeremez.",
]
CONF = [
    "Müşteri verilerini gizli tutun ve yalnızca işi için ihtiyacı olan çalışma arkadaşlarınızla paylaşın.",
    "Gizli olarak sınıflandırılan belgeler kişisel e-posta adreslerine gönderilmemelidir.",
    "Gizli bir belge nasıl etiketlenir? Office'teki Hassasiyet düğmesini kullanıp uygun seviyeyi seçin.",
    "\"Şirket içi\" ifadesi, belgenin çalışanlar ve yükleniciler arasında paylaşılabileceği ama müşteri veya iş ortaklarına verilemeyeceği anlamına gelir.",
    "Sınıflandırma politikamızın dört seviyesi var: Genel, Şirket İçi, Gizli ve Çok Gizli.",
    "Yazıcıda unutulmuş gizli bir çıktı bulursanız idari işlere teslim edin.",
    "Gizlilik yükümlülüğünüz şirketten ayrıldıktan sonra da devam eder.",
    "Gizli bilgileri harici çeviri araçlarına yapıştırmayın.",
    "Erişimi kısıtlı bir belgeyi iletmeden önce belge sahibinden izin alın.",
    "Gizlilik sözleşmesi (NDA) şablonları hukuk biriminin intranet sayfasında.",
    "Dosyaları SharePoint'e yüklemeden önce veri sınıflandırma rehberine göre etiketleyin.",
    "Hassas bilgilerin yönetimi eğitimi tüm yeni çalışanlar için zorunludur.",
]
LOOK = [
    "{order} numaralı siparişiniz kargoya verildi, takip numarası {track}.",
    "VPN sorunu için {inc} numaralı kaydı açtım.",
    "Düzeltme main dalındaki {commit} commit'inde.",
    "Kurulum dosyasının SHA-256 sağlama toplamı: {sha}",
    "Lütfen istemcinin {ver} sürümünü kurun.",
    "İstediğiniz kitap (ISBN {isbn}) kütüphanede.",
    "Toplantı {date} günü saat {time}'da {room} numaralı salonda.",
    "Bina yönetimine {ext} dahili numarasından ulaşabilirsiniz.",
    "{sku} kodlu ürün gelecek aya kadar stokta yok.",
    "{inv} numaralı fatura {date} tarihinde ödendi.",
    "Loglar {path} altında.",
    "Kurulum kılavuzu: {url}",
    "Katınızdaki yazıcı {host} ({ip}).",
    "Yayımlanan ücret bantları: {band}.",
    "Kurumsal hesaplarımız {bankname} nezdinde; ayrıntılar için finans ekibine danışın.",
    "Yanıtınızda {uuid} talep kimliğini belirtin.",
    "{asset} demirbaş numarası resepsiyon bilgisayarına ait, satın alma siparişi {po}.",
]


def BAND(r):
    g = r.randint(3, 9)
    lo = 40 + g * 12
    return f"Kademe {g}: aylık {lo}.000 – {lo + 30}.000 TL brüt"


HELP = {
    "leave": ["Yıllık izin İK portalındaki Devamsızlık bölümünden talep edilir.", "Yarım gün izin de alınabilir.", "Beş günden uzun izinler için en az iki hafta önceden talep açın."],
    "expenses": ["Masraf beyanları ay sonunda kapanır ve izleyen ayın 25'inde ödenir.", "Fişlerin fotoğrafını çekip yüklemeniz yeterli, asıllarını göndermenize gerek yok.", "20.000 TL üzerindeki harcamalar önceden onay gerektirir."],
    "vpn": ["VPN istemcisini görev çubuğundaki simgeden açın ve en yakın ağ geçidini seçin.", "Bağlanmıyorsa istemciden çıkış yapıp yeniden giriş yapın.", "Evdeki Wi-Fi dengesizse kablolu bağlantıyı veya telefonunuzun erişim noktasını deneyin."],
    "laptop": ["Dizüstü bilgisayarlar dört yılda bir yenilenir.", "Cihazınız bozulursa BT portalından onarım talebi açın.", "Yedek cihaz bir sonraki iş günü hazır olur."],
    "travel": ["İş seyahatlerini sigorta kapsamında olması için seyahat aracından ayırtın.", "Altı saatten kısa uçuşlar ekonomi sınıfındadır.", "Yurt dışı seyahatleri iki hafta önceden onaylanmalıdır."],
    "onboarding": ["İlk gün saat 09.30'da genel müdürlük resepsiyonuna gelin.", "Kartınız ve bilgisayarınız ilk gün teslim edilir.", "İlk hafta ekip tanışmaları ve güvenlik eğitimi yapılır."],
    "benefits": ["Yıllık sağlık taraması ekim ayında yapılır.", "Esnek yan hak puanları mali yıl sonunda silinir.", "Uzaktan çalışma ödeneği her ay maaşla birlikte ödenir."],
}
