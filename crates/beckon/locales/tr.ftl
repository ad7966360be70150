# Beckon's customer-facing strings (Turkish), translated from en-us.ftl, the reference catalog.
# Every message of en-us.ftl must be defined here too; a test fails otherwise.
# Messages starting with "bg-" are also sent to the browser (start_session.js, chat page).
# In browser messages, variables are written { $name } and replaced by the page script.

## Session start errors (pages and JSON answers of /api/start_session)

error-page-title = Destek oturumunuz başlatılamadı
error-multiple-selectors = Başlatmak için yalnızca bir yol seçin: oturum anahtarı, temsilci veya destek konusu.
error-both-issue-identifiers = Destek konusu, numarasıyla ya da kod adıyla seçilir; ikisi birlikte kullanılamaz.
error-missing-issue-identifier = Bir destek konusu seçin.
error-rep-needs-id-and-name = Temsilci, hem numarası hem de adıyla seçilir.
error-not-an-integer = “{ $field }” değeri tam sayı olmalıdır.
error-duplicate-parameter = “{ $field }” birden fazla kez verildi.
error-too-long-chars = “{ $field }” çok uzun: en fazla { $max } karakter olabilir.
error-too-long-bytes = “{ $field }” çok uzun: en fazla { $max } bayt olabilir.
error-custom-too-large = Oturumun özel alanları toplamda çok büyük: en fazla { $max } bayt olabilir.
error-invalid-value = “{ $field }” için izin verilmeyen bir değer girildi.
error-unknown-rep = Böyle bir temsilci bulunmuyor.
error-rep-not-available = Bu temsilci şu anda müsait değil. Lütfen daha sonra tekrar deneyin.
error-unknown-issue = Böyle bir destek konusu bulunmuyor.
error-malformed-key = Oturum anahtarı 7 haneden oluşur. Lütfen anahtarı kontrol edip tekrar deneyin.
error-unknown-key = Bu oturum anahtarı geçerli değil. Lütfen anahtarı temsilcinizle birlikte kontrol edin.
error-expired-key = Bu oturum anahtarının süresi doldu. Lütfen temsilcinizden yeni bir anahtar isteyin.
error-used-key = Bu oturum anahtarı zaten kullanıldı. Lütfen temsilcinizden yeni bir anahtar isteyin.
error-too-many-attempts = Çok fazla hatalı oturum anahtarı denendi. Lütfen { $minutes } dakika bekleyip tekrar deneyin.
error-too-many-starts = Ağınızdan çok fazla oturum başlatıldı. Lütfen { $seconds } saniye bekleyip yeniden deneyin.
error-nobody-available = Şu anda size yardımcı olabilecek kimse müsait değil. Lütfen daha sonra tekrar deneyin.
error-session-not-found = Bu destek oturumu mevcut değil veya zaten sona erdi.
error-internal = Bizden kaynaklanan bir sorun oluştu. Lütfen birazdan tekrar deneyin.
error-go-back = Geri dön

## The download page of the full customer client

download-title = Destek programını indirin
download-intro = Bir temsilcinin size yardımcı olabilmesi için destek programını bu bilgisayarda çalıştırın.
download-no-client = Sisteminize uygun destek programı bu sitede henüz mevcut değil. Bunun yerine bir temsilciyle sohbet edebilirsiniz.
download-chat-instead = Bir temsilciyle sohbet edin
download-button = Destek programını indirin
download-run-windows = İndirme tamamlandığında, destek oturumunuza katılmak için dosyayı açın. Windows dosyanın çalıştırılıp çalıştırılmayacağını sorarsa “Çalıştır”ı seçin.
download-run-unix = İndirme tamamlandığında bir terminal açın ve dosyayı şu iki komutla başlatın:

## The full customer client joining its session (POST /api/client/join)

client-ticket-invalid = Bu destek programı bir oturuma katılamaz: dosya bozulmuş veya değiştirilmiş. Lütfen programı yeniden indirin.
client-ticket-other-site = Bu destek programı başka bir destek sitesine ait. Lütfen programı kullandığınız siteden yeniden indirin.
client-ticket-expired = Destek programının bu indirmesinin süresi doldu. Oturumunuza katılmak için lütfen programı yeniden indirin.
client-ticket-used = Destek programının bu indirmesi oturuma katılmak için zaten kullanıldı. Yeniden katılmak için lütfen programı tekrar indirin.
client-session-ended = Bu destek oturumu zaten sona erdi. Lütfen yeni bir oturum başlatın.
client-join-too-many = Çok fazla katılma denemesi başarısız oldu. Lütfen { $minutes } dakika bekleyip tekrar deneyin.

## The click-to-chat page

bg-chat-title = Destek sohbeti
bg-chat-connecting = Bağlanıyor…
bg-chat-waiting = Lütfen bekleyin, bir temsilci kısa süre içinde sizinle ilgilenecek.
bg-chat-queue-position = Sıradaki yeriniz: { $position }.
bg-chat-rep-joined = { $name } sohbete katıldı.
bg-chat-rep-left = { $name } sohbetten ayrıldı.
bg-chat-ended = Destek oturumu sona erdi. Teşekkür ederiz!
bg-chat-nobody-available = Şu anda müsait kimse yok. Sırada kalabilirsiniz; bir temsilci en kısa sürede yanıt verecektir.
bg-chat-input-label = Mesajınız
bg-chat-send = Gönder
bg-chat-you = Siz
bg-chat-reconnecting = Bağlantı koptu. Yeniden bağlanıyor…
bg-chat-greeting = Merhaba! Bizimle iletişime geçtiğiniz için teşekkür ederiz.
bg-chat-connected = Bağlandı.
bg-chat-estimated-wait = Tahmini bekleme süresi: yaklaşık { $minutes } dakika.
bg-chat-estimated-wait-short = Tahmini bekleme süresi: bir dakikadan az.
bg-chat-transferred = Başka bir temsilciye aktarılıyorsunuz. Lütfen bekleyin.
bg-chat-rep-invited = { $name } sohbete davet edildi.
bg-chat-typing = { $name } yazıyor…
bg-chat-pending = Gönderiliyor…
bg-chat-offline = Çevrimdışısınız. Mesajlarınız bağlantı yeniden kurulduğunda gönderilecek.
bg-chat-log-label = Sohbet mesajları
bg-chat-end = Sohbeti sonlandır
bg-chat-end-confirm = Bu sohbeti sonlandırmak istiyor musunuz?
bg-chat-transcript = Sohbet dökümünü indirin:
bg-chat-transcript-text = düz metin
bg-chat-transcript-html = web sayfası
bg-chat-leave-message = Mesaj bırakın
bg-chat-leave-message-intro = Mesajınızı bırakın, size geri dönüş yapalım.
bg-chat-leave-message-name = Adınız
bg-chat-leave-message-contact = E-posta veya telefon
bg-chat-leave-message-text = Mesajınız
bg-chat-leave-message-send = Mesajı gönder
bg-chat-leave-message-sent = Teşekkürler. Mesajınız ekibimize iletildi.
bg-chat-rate-limited = Çok hızlı mesaj gönderiyorsunuz. Lütfen biraz bekleyin.
bg-chat-too-long = Mesajınız çok uzun: en fazla { $max } karakter olabilir.
bg-chat-elevation-request = { $name }, size daha iyi yardımcı olabilmek için uzaktan destek oturumu başlatma izni istiyor.
bg-chat-elevation-accept = Kabul et
bg-chat-elevation-decline = Reddet
bg-chat-elevation-declined = Uzaktan destek isteğini reddettiniz.
bg-transcript-title = Sohbet dökümü
bg-transcript-customer = Müşteri
bg-transcript-system = Sistem

## The start_session.js dialog on the customer's website

bg-dialog-title = Destek oturumunuz başlatılıyor
bg-dialog-close = Kapat
bg-dialog-starting = Oturumunuz hazırlanıyor…
bg-dialog-downloading = İndirme birazdan başlayacaktır.
bg-dialog-instructions = İndirme tamamlandığında, destek oturumunuza katılmak için dosyayı açın.
bg-dialog-manual = İndirme başlamadıysa destek programını indirmek için buraya tıklayın.
bg-dialog-failed = Destek oturumunuz başlatılamadı.
bg-popup-blocked = Tarayıcınız sohbet penceresini engelledi.
bg-popup-open-link = Sohbeti yeni sekmede aç
bg-mobile-title = Destek uygulamasında devam edin
bg-mobile-opening = Destek uygulaması açılıyor…
bg-mobile-install = Destek uygulamasını yükle
bg-mobile-start = Uygulamayı yükledim: oturumumu başlat

## The public portal (/)

portal-title = Destek alın
portal-key-heading = Oturum anahtarınız var mı?
portal-key-label = Oturum anahtarı
portal-key-hint = Temsilcinizin size verdiği 7 haneli anahtarı girin.
portal-key-submit = Başlat
portal-issue-heading = Ya da hangi konuda yardıma ihtiyacınız olduğunu bize söyleyin
portal-issue-label = Hangi konuda yardıma ihtiyacınız var?
portal-name-label = Adınız
portal-company-label = Şirket
portal-details-label = Sorunu açıklayın
portal-issue-submit = Yardım iste
portal-language-label = Dil
