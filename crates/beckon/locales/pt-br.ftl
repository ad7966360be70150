# Beckon's customer-facing strings (Brazilian Portuguese), translated from en-us.ftl, the reference catalog.
# Every message of en-us.ftl must be defined here too; a test fails otherwise.
# Messages starting with "bg-" are also sent to the browser (start_session.js, chat page).
# In browser messages, variables are written { $name } and replaced by the page script.

## Session start errors (pages and JSON answers of /api/start_session)

error-page-title = Não foi possível iniciar sua sessão de suporte
error-multiple-selectors = Escolha apenas uma forma de iniciar: uma chave de sessão, um atendente ou um assunto de suporte.
error-both-issue-identifiers = Um assunto de suporte é escolhido pelo número ou pelo codinome, não pelos dois.
error-missing-issue-identifier = Escolha um assunto de suporte.
error-rep-needs-id-and-name = Para escolher um atendente, informe o número e o nome dele.
error-not-an-integer = O valor de “{ $field }” deve ser um número inteiro.
error-duplicate-parameter = “{ $field }” foi informado mais de uma vez.
error-too-long-chars = “{ $field }” é muito longo: pode ter no máximo { $max } caracteres.
error-too-long-bytes = “{ $field }” é muito longo: pode ter no máximo { $max } bytes.
error-custom-too-large = Os campos personalizados da sessão são grandes demais no total: no máximo { $max } bytes.
error-invalid-value = “{ $field }” tem um valor não permitido.
error-unknown-rep = Este atendente não existe.
error-rep-not-available = Este atendente não está disponível no momento. Tente novamente mais tarde.
error-unknown-issue = Este assunto de suporte não existe.
error-malformed-key = Uma chave de sessão tem 7 dígitos. Verifique a chave e tente novamente.
error-unknown-key = Esta chave de sessão não é válida. Confirme-a com seu atendente.
error-expired-key = Esta chave de sessão expirou. Peça uma nova ao seu atendente.
error-used-key = Esta chave de sessão já foi usada. Peça uma nova ao seu atendente.
error-too-many-attempts = Foram tentadas muitas chaves de sessão incorretas. Aguarde { $minutes } minutos e tente novamente.
error-too-many-starts = Muitas sessões foram iniciadas a partir da sua rede. Aguarde { $seconds } segundos e tente novamente.
error-nobody-available = Não há ninguém disponível para ajudar você no momento. Tente novamente mais tarde.
error-session-not-found = Esta sessão de suporte não existe ou já foi encerrada.
error-internal = Algo deu errado do nosso lado. Tente novamente em instantes.
error-go-back = Voltar

## The download page of the full customer client

download-title = Baixar o programa de suporte
download-intro = Para que um atendente possa ajudar você, execute o programa de suporte neste computador.
download-no-client = O programa de suporte para o seu sistema ainda não está disponível neste site. Em vez disso, você pode conversar com um atendente pelo chat.
download-chat-instead = Conversar com um atendente
download-button = Baixar o programa de suporte
download-run-windows = Quando o download terminar, abra o arquivo para entrar na sua sessão de suporte. Se o Windows perguntar se deseja executá-lo, escolha “Executar”.
download-run-unix = Quando o download terminar, abra um terminal e inicie o arquivo com estes dois comandos:

## The full customer client joining its session (POST /api/client/join)

client-ticket-invalid = Este programa de suporte não pode entrar em nenhuma sessão: ele foi danificado ou alterado. Baixe-o novamente.
client-ticket-other-site = Este programa de suporte pertence a outro site de suporte. Baixe-o novamente no site que você está usando.
client-ticket-expired = Este download do programa de suporte expirou. Baixe-o novamente para entrar na sua sessão.
client-ticket-used = Este download do programa de suporte já foi usado para entrar na sessão. Baixe-o novamente para entrar outra vez.
client-session-ended = Esta sessão de suporte já foi encerrada. Inicie uma nova.
client-join-too-many = Muitas tentativas de entrar falharam. Aguarde { $minutes } minutos e tente novamente.

## The click-to-chat page

bg-chat-title = Chat de suporte
bg-chat-connecting = Conectando…
bg-chat-waiting = Aguarde, um atendente falará com você em breve.
bg-chat-queue-position = Você é o número { $position } na fila.
bg-chat-rep-joined = { $name } entrou no chat.
bg-chat-rep-left = { $name } saiu do chat.
bg-chat-ended = A sessão de suporte foi encerrada. Obrigado!
bg-chat-nobody-available = Não há ninguém disponível no momento. Você pode continuar na fila; um atendente responderá o mais rápido possível.
bg-chat-input-label = Sua mensagem
bg-chat-send = Enviar
bg-chat-you = Você
bg-chat-reconnecting = Conexão perdida. Reconectando…
bg-chat-greeting = Olá! Obrigado por entrar em contato conosco.
bg-chat-connected = Conexão estabelecida.
bg-chat-estimated-wait = Tempo de espera estimado: cerca de { $minutes } minutos.
bg-chat-estimated-wait-short = Tempo de espera estimado: menos de um minuto.
bg-chat-transferred = Seu chat está sendo transferido para outro atendente. Aguarde.
bg-chat-rep-invited = { $name } recebeu um convite para o chat.
bg-chat-typing = { $name } está digitando…
bg-chat-pending = Enviando…
bg-chat-offline = Você está sem conexão. Suas mensagens serão enviadas quando a conexão voltar.
bg-chat-log-label = Mensagens do chat
bg-chat-end = Encerrar chat
bg-chat-end-confirm = Deseja encerrar este chat?
bg-chat-transcript = Baixar a transcrição:
bg-chat-transcript-text = texto simples
bg-chat-transcript-html = página da web
bg-chat-leave-message = Deixar uma mensagem
bg-chat-leave-message-intro = Deixe sua mensagem e entraremos em contato com você.
bg-chat-leave-message-name = Seu nome
bg-chat-leave-message-contact = E-mail ou telefone
bg-chat-leave-message-text = Sua mensagem
bg-chat-leave-message-send = Enviar mensagem
bg-chat-leave-message-sent = Obrigado. Sua mensagem foi enviada à nossa equipe.
bg-chat-rate-limited = Você está enviando mensagens rápido demais. Aguarde um momento.
bg-chat-too-long = Sua mensagem é muito longa: pode ter no máximo { $max } caracteres.
bg-chat-elevation-request = { $name } está pedindo para iniciar uma sessão de suporte remoto para ajudar você melhor.
bg-chat-elevation-accept = Aceitar
bg-chat-elevation-decline = Recusar
bg-chat-elevation-declined = Você recusou a solicitação de suporte remoto.
bg-transcript-title = Transcrição do chat
bg-transcript-customer = Cliente
bg-transcript-system = Sistema

## The start_session.js dialog on the customer's website

bg-dialog-title = Iniciando sua sessão de suporte
bg-dialog-close = Fechar
bg-dialog-starting = Preparando sua sessão…
bg-dialog-downloading = O download deve começar em instantes.
bg-dialog-instructions = Quando o download terminar, abra o arquivo para entrar na sua sessão de suporte.
bg-dialog-manual = Se o download não começou, clique aqui para baixar o programa de suporte.
bg-dialog-failed = Não foi possível iniciar sua sessão de suporte.
bg-popup-blocked = Seu navegador bloqueou a janela do chat.
bg-popup-open-link = Abrir o chat em uma nova aba
bg-mobile-title = Continue no aplicativo de suporte
bg-mobile-opening = Abrindo o aplicativo de suporte…
bg-mobile-install = Instalar o aplicativo de suporte
bg-mobile-start = Já instalei o aplicativo: iniciar minha sessão

## The public portal (/)

portal-title = Obter suporte
portal-key-heading = Você tem uma chave de sessão?
portal-key-label = Chave de sessão
portal-key-hint = Digite a chave de 7 dígitos informada pelo seu atendente.
portal-key-submit = Iniciar
portal-issue-heading = Ou diga com o que você precisa de ajuda
portal-issue-label = Com o que você precisa de ajuda?
portal-name-label = Seu nome
portal-company-label = Empresa
portal-details-label = Descreva o problema
portal-issue-submit = Solicitar ajuda
portal-language-label = Idioma
