# Beckon's customer-facing strings (European Portuguese), translated from en-us.ftl, the reference catalog.
# Every message of en-us.ftl must be defined here too; a test fails otherwise.
# Messages starting with "bg-" are also sent to the browser (start_session.js, chat page).
# In browser messages, variables are written { $name } and replaced by the page script.

## Session start errors (pages and JSON answers of /api/start_session)

error-page-title = Não foi possível iniciar a sua sessão de apoio
error-multiple-selectors = Escolha apenas uma forma de iniciar: uma chave de sessão, um assistente ou um assunto de apoio.
error-both-issue-identifiers = Um assunto de apoio é escolhido pelo número ou pelo nome de código, não por ambos.
error-missing-issue-identifier = Escolha um assunto de apoio.
error-rep-needs-id-and-name = Para escolher um assistente, é necessário indicar o número e o nome.
error-not-an-integer = O valor de «{ $field }» tem de ser um número inteiro.
error-duplicate-parameter = «{ $field }» foi indicado mais do que uma vez.
error-too-long-chars = «{ $field }» é demasiado longo: pode ter, no máximo, { $max } caracteres.
error-too-long-bytes = «{ $field }» é demasiado longo: pode ter, no máximo, { $max } bytes.
error-custom-too-large = Os campos personalizados da sessão são demasiado grandes no total: no máximo { $max } bytes.
error-invalid-value = «{ $field }» tem um valor não permitido.
error-unknown-rep = Este assistente não existe.
error-rep-not-available = Este assistente não está disponível de momento. Tente novamente mais tarde.
error-unknown-issue = Este assunto de apoio não existe.
error-malformed-key = Uma chave de sessão tem 7 algarismos. Verifique a chave e tente novamente.
error-unknown-key = Esta chave de sessão não é válida. Confirme-a junto do seu assistente.
error-expired-key = Esta chave de sessão expirou. Peça uma nova ao seu assistente.
error-used-key = Esta chave de sessão já foi utilizada. Peça uma nova ao seu assistente.
error-too-many-attempts = Foram tentadas demasiadas chaves de sessão incorretas. Aguarde { $minutes } minutos e tente novamente.
error-too-many-starts = Foram iniciadas demasiadas sessões a partir da sua rede. Aguarde { $seconds } segundos e tente novamente.
error-nobody-available = De momento, não há ninguém disponível para o ajudar. Tente novamente mais tarde.
error-session-not-found = Esta sessão de apoio não existe ou já terminou.
error-internal = Ocorreu um erro da nossa parte. Tente novamente daqui a pouco.
error-go-back = Voltar

## The download page of the full customer client

download-title = Transferir o programa de apoio
download-intro = Para que um assistente o possa ajudar, execute o programa de apoio neste computador.
download-no-client = O programa de apoio para o seu sistema ainda não está disponível neste site. Em alternativa, pode falar com um assistente por chat.
download-chat-instead = Falar com um assistente por chat
download-button = Transferir o programa de apoio
download-run-windows = Quando a transferência terminar, abra o ficheiro para entrar na sua sessão de apoio. Se o Windows perguntar se o pretende executar, escolha «Executar».
download-run-unix = Quando a transferência terminar, abra um terminal e inicie o ficheiro com estes dois comandos:

## The full customer client joining its session (POST /api/client/join)

client-ticket-invalid = Este programa de apoio não pode entrar em nenhuma sessão: foi danificado ou alterado. Transfira-o novamente.
client-ticket-other-site = Este programa de apoio pertence a outro site de apoio. Transfira-o novamente a partir do site que está a utilizar.
client-ticket-expired = Esta transferência do programa de apoio expirou. Transfira-o novamente para entrar na sua sessão.
client-ticket-used = Esta transferência do programa de apoio já foi utilizada para entrar na sessão. Transfira-o novamente para voltar a entrar.
client-session-ended = Esta sessão de apoio já terminou. Inicie uma nova.
client-join-too-many = Falharam demasiadas tentativas de entrar. Aguarde { $minutes } minutos e tente novamente.

## The click-to-chat page

bg-chat-title = Chat de apoio
bg-chat-connecting = A ligar…
bg-chat-waiting = Aguarde, por favor; um assistente irá atendê-lo em breve.
bg-chat-queue-position = É o número { $position } na fila de espera.
bg-chat-rep-joined = { $name } entrou no chat.
bg-chat-rep-left = { $name } saiu do chat.
bg-chat-ended = A sessão de apoio terminou. Obrigado!
bg-chat-nobody-available = De momento, não há ninguém disponível. Pode permanecer na fila de espera; um assistente responderá logo que possível.
bg-chat-input-label = A sua mensagem
bg-chat-send = Enviar
bg-chat-you = Você
bg-chat-reconnecting = Ligação perdida. A restabelecer a ligação…
bg-chat-greeting = Olá! Obrigado por nos contactar.
bg-chat-connected = Ligação estabelecida.
bg-chat-estimated-wait = Tempo de espera estimado: cerca de { $minutes } minutos.
bg-chat-estimated-wait-short = Tempo de espera estimado: menos de um minuto.
bg-chat-transferred = O seu chat está a ser transferido para outro assistente. Aguarde, por favor.
bg-chat-rep-invited = { $name } recebeu um convite para o chat.
bg-chat-typing = { $name } está a escrever…
bg-chat-pending = A enviar…
bg-chat-offline = Está sem ligação. As suas mensagens serão enviadas quando a ligação for restabelecida.
bg-chat-log-label = Mensagens do chat
bg-chat-end = Terminar chat
bg-chat-end-confirm = Pretende terminar este chat?
bg-chat-transcript = Transferir a transcrição:
bg-chat-transcript-text = texto simples
bg-chat-transcript-html = página web
bg-chat-leave-message = Deixar uma mensagem
bg-chat-leave-message-intro = Deixe a sua mensagem e entraremos em contacto consigo.
bg-chat-leave-message-name = O seu nome
bg-chat-leave-message-contact = E-mail ou telefone
bg-chat-leave-message-text = A sua mensagem
bg-chat-leave-message-send = Enviar mensagem
bg-chat-leave-message-sent = Obrigado. A sua mensagem foi enviada à nossa equipa.
bg-chat-rate-limited = Está a enviar mensagens demasiado depressa. Aguarde um momento.
bg-chat-too-long = A sua mensagem é demasiado longa: pode ter, no máximo, { $max } caracteres.
bg-chat-elevation-request = { $name } pede autorização para iniciar uma sessão de apoio remoto, para o poder ajudar melhor.
bg-chat-elevation-accept = Aceitar
bg-chat-elevation-decline = Recusar
bg-chat-elevation-declined = Recusou o pedido de apoio remoto.
bg-transcript-title = Transcrição do chat
bg-transcript-customer = Cliente
bg-transcript-system = Sistema

## The start_session.js dialog on the customer's website

bg-dialog-title = A iniciar a sua sessão de apoio
bg-dialog-close = Fechar
bg-dialog-starting = A preparar a sua sessão…
bg-dialog-downloading = A transferência deverá começar dentro de momentos.
bg-dialog-instructions = Quando a transferência terminar, abra o ficheiro para entrar na sua sessão de apoio.
bg-dialog-manual = Se a transferência não começou, clique aqui para transferir o programa de apoio.
bg-dialog-failed = Não foi possível iniciar a sua sessão de apoio.
bg-popup-blocked = O seu navegador bloqueou a janela de chat.
bg-popup-open-link = Abrir o chat num novo separador
bg-mobile-title = Continue na aplicação de apoio
bg-mobile-opening = A abrir a aplicação de apoio…
bg-mobile-install = Instalar a aplicação de apoio
bg-mobile-start = Já instalei a aplicação: iniciar a minha sessão

## The public portal (/)

portal-title = Obter apoio
portal-key-heading = Tem uma chave de sessão?
portal-key-label = Chave de sessão
portal-key-hint = Introduza a chave de 7 algarismos que o seu assistente lhe deu.
portal-key-submit = Iniciar
portal-issue-heading = Ou diga-nos em que precisa de ajuda
portal-issue-label = Em que precisa de ajuda?
portal-name-label = O seu nome
portal-company-label = Empresa
portal-details-label = Descreva o problema
portal-issue-submit = Pedir ajuda
portal-language-label = Idioma
