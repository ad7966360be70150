# Beckon istemcisi: bir destek oturumunun müşteri tarafı (Türkçe).

error-no-ticket = Destek bileti bulunamadı. Lütfen destek programını destek sayfasından yeniden indirin.
error-ticket-malformed = Bu destek bileti bozuk veya eksik. Lütfen destek programını yeniden indirin.
error-ticket-expired = Bu indirmenin süresi doldu. Lütfen destek sayfasında yeni bir destek oturumu başlatın.
error-ticket-other-site = Bu indirme { $site } için değil, başka bir site ({ $ticket_site }) içindir.
error-unreachable = { $site } destek sitesine ulaşılamıyor: { $detail }
error-bad-answer = { $site } destek sitesi bu programın anlamadığı bir yanıt verdi.
error-session-gone = Bu destek oturumu artık kullanılamıyor.
error-internal = Destek programında bir hata oluştu: { $detail }
notice-no-display = Grafik ekran bulunamadı; destek programı bu terminalde çalışıyor.
notice-gui-failed = Pencere açılamadı ({ $detail }); destek programı bu terminalde çalışıyor.
notice-missing-font = Bu konuşmadaki bazı karakterler gösterilemiyor: bu bilgisayarda onlar için bir yazı tipi yok.

status-connecting = Bağlanıyor…
status-connected = { $site } sitesine bağlandı ({ $name })
status-nobody-available = Şu anda müsait kimse yok. Sırada kalabilirsiniz; bir temsilci en kısa sürede yanıt verecek.
status-reconnecting = bağlantı koptu, { $seconds } sn sonra yeniden denenecek
status-offline = Bağlantı koptu. Yeniden bağlanıyor…
status-waiting = Bir temsilci bekleniyor
status-queue = sıradaki yeriniz: { $position }
status-wait = tahmini bekleme yaklaşık { $minutes } dk
status-wait-short = tahmini bekleme bir dakikadan az
status-typing = { $name } yazıyor…
status-refused = Mesaj reddedildi: { $message }
status-invalid-message = Bir mesaj 1 ile 4000 karakter arasında olmalıdır.

event-rep-joined = temsilci { $name } katıldı
event-rep-left = temsilci { $name } ayrıldı
event-rep-invited = temsilci { $name } davet edildi
event-transferred = { $to } hedefine aktarılıyorsunuz, lütfen bekleyin
event-queued = bir temsilci bekleniyor
event-ended = oturum sona erdi
event-info-requested = { $name } bu bilgisayarın sistem bilgilerini görmek istedi
event-info-allowed = sistem bilgilerinin paylaşılmasına izin verdiniz
event-info-denied = sistem bilgilerini paylaşmayı reddettiniz
event-info-revoked = sistem bilgilerini paylaşmayı durdurdunuz
event-info-shared = sistem bilgileri gönderildi
you = Siz

consent-question-title = { $name } bu bilgisayarın sistem bilgilerini görmek istiyor. Tam olarak şunlar paylaşılacak:
consent-question = izin verilsin mi? [y/n]
consent-exact-data = Gönderilecek verilerin tam hali
info-os = İşletim sistemi
info-kernel = Çekirdek
info-hostname = Bilgisayar adı
info-cpu = İşlemci
info-cores = { $count } çekirdek
info-memory = Bellek
info-memory-value = { $total } belleğin { $used } kadarı kullanımda
info-disk = Disk
info-disk-value = { $total } alanın { $available } kadarı boş
info-network = Ağ
info-uptime = Başlangıçtan beri çalışma süresi

transcript-title = Destek oturumu dökümü
transcript-saved = döküm { $path } konumuna kaydedildi
transcript-failed = Döküm kaydedilemedi: { $detail }

tui-help = Bir mesaj yazın ve göndermek için Enter tuşuna basın. Komutlar: /allow, /deny, /revoke system_info, /revoke shell, /revoke screen_view, /end, /save <dosya>, /help
tui-nothing-to-answer = Yanıtlanacak bir istek yok.
tui-unknown-command = Bilinmeyen komut. Liste için /help yazın.

window-title = Destek oturumu
label-site = Site: { $name } ({ $site })
label-rep = Temsilci: { $name }
label-message = Mesajınız
label-sending = gönderiliyor…
label-sharing = Bu bilgisayarın sistem bilgilerini paylaşıyorsunuz.
button-send = Gönder
button-end = Oturumu sonlandır
button-save = Dökümü kaydet
button-allow = İzin ver
button-deny = Reddet
button-revoke = Paylaşımı durdur
confirm-end = Destek oturumunu sonlandırmak istiyor musunuz?
button-end-confirm = Evet, sonlandır
button-cancel = İptal

## Command shell

event-shell-requested = { $name } bu bilgisayarda bir komut kabuğu istedi
event-shell-allowed = komut kabuğuna izin verdiniz
event-shell-denied = komut kabuğunu reddettiniz
event-shell-revoked = komut kabuğunu durdurdunuz
event-shell-started = komut kabuğu sizin kullanıcınızla çalışıyor (işlem { $pid })
event-shell-ended = komut kabuğu sona erdi
error-shell-failed = Komut kabuğu başlatılamadı: { $detail }
consent-shell-title = { $name } bu bilgisayarda bir komut kabuğu açmak istiyor.
consent-shell-detail = Kabuğu durdurana kadar, sizin çalıştırabildiğiniz her komutu sizin kullanıcınızla çalıştırabilir ve çıktısını görebilir. Yazılan ve gösterilen her şey oturumun kaydına işlenir.
label-shell = Temsilci için bir komut kabuğu açık (işlem { $pid }).
button-stop-shell = Kabuğu durdur

event-screen-requested = { $name } ekranınızı görmek istedi
event-screen-allowed = ekran paylaşımına izin verdiniz
event-screen-denied = ekran paylaşımını reddettiniz
event-screen-revoked = ekranınızı paylaşmayı durdurdunuz
event-screen-started = ekranınız { $name } ile paylaşılıyor
event-screen-stopped = ekran paylaşımı durdu
error-screen-failed = Ekranınız paylaşılamadı: { $detail }
consent-screen-title = { $name } ekranınızı görmek istiyor.
consent-screen-detail = Paylaşımı durdurana kadar ekranınızda görünen her şeyi canlı olarak görür. Ekranın kendisi kaydedilmez; oturum günlüğü yalnızca paylaşımın başlangıcını ve bitişini tutar.
label-screen = Ekranınız { $name } ile paylaşılıyor.
button-stop-screen = Paylaşımı durdur

## File transfer

consent-files-title = { $name } sizinle dosya alışverişi yapmak istiyor.
consent-files-detail = Gönderdiğiniz her dosyayı siz seçersiniz ve size sunulan her dosya yanıtınızı bekler. Her aktarım, sağlama toplamıyla birlikte oturum kaydına yazılır.
event-files-requested = { $name } dosya alışverişi istedi
event-files-allowed = dosya aktarımına izin verdiniz
event-files-denied = dosya aktarımını reddettiniz
event-files-revoked = dosya aktarımını durdurdunuz
file-offered = { $name } { $file } dosyasını sunuyor ({ $size })
file-requested = { $name } bir dosya göndermenizi istiyor
file-progress-sent = { $file } gönderiliyor: %{ $percent }
file-progress-received = { $file } alınıyor: %{ $percent }
file-sent = { $file } gönderildi ve sağlama toplamı eşleşti
file-received = { $file } alındı ve doğrulandı: { $path }
file-failed = { $file } aktarımı durdu: { $reason }
tui-help-files = Dosyalar: /send <yol> bir dosya gönderir, /accept veya /decline sunulan dosyayı yanıtlar, /revoke file_transfer dosya aktarımını durdurur.
tui-no-file-offer = Yanıtlanacak bir dosya teklifi yok.
label-files = Dosya aktarımına izin verildi.
button-stop-files = Dosya aktarımını durdur
button-send-file = Dosya gönder
hint-file-path = Gönderilecek dosyanın yolu
button-accept-file = Kaydet
button-decline-file = Reddet
