# Cliente Beckon: o lado do cliente de uma sessão de suporte (português do Brasil).

error-no-ticket = Nenhum tíquete de suporte foi encontrado. Baixe novamente o programa de suporte na página de suporte.
error-ticket-malformed = Este tíquete de suporte está danificado ou incompleto. Baixe novamente o programa de suporte.
error-ticket-expired = Este download expirou. Inicie uma nova sessão de suporte na página de suporte.
error-ticket-other-site = Este download é para outro site ({ $ticket_site }), não para { $site }.
error-unreachable = Não é possível acessar o site de suporte { $site }: { $detail }
error-bad-answer = O site de suporte { $site } deu uma resposta que este programa não entende.
error-session-gone = Esta sessão de suporte não está mais disponível.
error-internal = Ocorreu um erro no programa de suporte: { $detail }
notice-no-display = Nenhuma tela gráfica foi encontrada; o programa de suporte é executado neste terminal.
notice-gui-failed = Não foi possível abrir a janela ({ $detail }); o programa de suporte é executado neste terminal.
notice-missing-font = Alguns caracteres desta conversa não podem ser exibidos: este computador não tem uma fonte para eles.

status-connecting = Conectando…
status-connected = conectado a { $site } ({ $name })
status-nobody-available = Ninguém está disponível no momento. Você pode continuar na fila; um representante responderá assim que possível.
status-reconnecting = conexão perdida, nova tentativa em { $seconds } s
status-offline = Conexão perdida. Reconectando…
status-waiting = Aguardando um representante
status-queue = posição na fila: { $position }
status-wait = espera estimada de cerca de { $minutes } min
status-wait-short = espera estimada de menos de um minuto
status-typing = { $name } está digitando…
status-refused = A mensagem foi recusada: { $message }
status-invalid-message = Uma mensagem deve ter entre 1 e 4000 caracteres.

event-rep-joined = o representante { $name } entrou
event-rep-left = o representante { $name } saiu
event-rep-invited = o representante { $name } foi convidado
event-transferred = você está sendo transferido para { $to }, aguarde
event-queued = aguardando um representante
event-ended = sessão encerrada
event-info-requested = { $name } pediu para ver as informações do sistema deste computador
event-info-allowed = você permitiu compartilhar as informações do sistema
event-info-denied = você recusou compartilhar as informações do sistema
event-info-revoked = você parou de compartilhar as informações do sistema
event-info-shared = informações do sistema enviadas
you = Você

consent-question-title = { $name } pede para ver as informações do sistema deste computador. Exatamente isto seria compartilhado:
consent-question = permitir? [y/n]
consent-exact-data = Os dados exatos que seriam enviados
info-os = Sistema operacional
info-kernel = Kernel
info-hostname = Nome do computador
info-cpu = Processador
info-cores = { $count } núcleos
info-memory = Memória
info-memory-value = { $used } em uso de { $total }
info-disk = Disco
info-disk-value = { $available } livres de { $total }
info-network = Rede
info-uptime = Ligado desde a inicialização

transcript-title = Transcrição da sessão de suporte
transcript-saved = transcrição salva em { $path }
transcript-failed = Não foi possível salvar a transcrição: { $detail }

tui-help = Digite uma mensagem e pressione Enter para enviá-la. Comandos: /allow, /deny, /revoke system_info, /revoke shell, /revoke screen_view, /end, /save <arquivo>, /help
tui-nothing-to-answer = Não há nenhum pedido para responder.
tui-unknown-command = Comando desconhecido. Digite /help para ver a lista.

window-title = Sessão de suporte
label-site = Site: { $name } ({ $site })
label-rep = Representante: { $name }
label-message = Sua mensagem
label-sending = enviando…
label-sharing = Você está compartilhando as informações do sistema deste computador.
button-send = Enviar
button-end = Encerrar sessão
button-save = Salvar transcrição
button-allow = Permitir
button-deny = Recusar
button-revoke = Parar de compartilhar
confirm-end = Deseja encerrar a sessão de suporte?
button-end-confirm = Sim, encerrar
button-cancel = Cancelar

## Command shell

event-shell-requested = { $name } pediu um terminal de comandos neste computador
event-shell-allowed = você permitiu o terminal de comandos
event-shell-denied = você recusou o terminal de comandos
event-shell-revoked = você interrompeu o terminal de comandos
event-shell-started = terminal de comandos em execução com seu usuário (processo { $pid })
event-shell-ended = o terminal de comandos terminou
error-shell-failed = Não foi possível iniciar o terminal de comandos: { $detail }
consent-shell-title = { $name } pede para abrir um terminal de comandos neste computador.
consent-shell-detail = Ele poderia executar qualquer comando que você pode executar, com seu usuário, e ver o resultado até você interromper o terminal. Tudo o que for digitado e exibido fica registrado no histórico da sessão.
label-shell = Há um terminal de comandos aberto para o atendente (processo { $pid }).
button-stop-shell = Interromper o terminal

event-screen-requested = { $name } pediu para ver sua tela
event-screen-allowed = você permitiu o compartilhamento de tela
event-screen-denied = você recusou o compartilhamento de tela
event-screen-revoked = você parou de compartilhar sua tela
event-screen-started = sua tela está compartilhada com { $name }
event-screen-stopped = o compartilhamento de tela parou
error-screen-failed = Não foi possível compartilhar sua tela: { $detail }
consent-screen-title = { $name } pede para ver sua tela.
consent-screen-detail = Veria ao vivo tudo o que aparece na sua tela até você parar de compartilhar. A tela não é gravada; o registro da sessão guarda quando o compartilhamento começou e terminou.
label-screen = Sua tela está compartilhada com { $name }.
button-stop-screen = Parar de compartilhar

## File transfer

consent-files-title = { $name } pede para trocar arquivos com você.
consent-files-detail = Você escolhe cada arquivo que envia, e cada arquivo oferecido espera a sua resposta. Cada transferência fica registrada no histórico da sessão, com sua soma de verificação.
event-files-requested = { $name } pediu para trocar arquivos
event-files-allowed = você permitiu a transferência de arquivos
event-files-denied = você recusou a transferência de arquivos
event-files-revoked = você interrompeu a transferência de arquivos
file-offered = { $name } oferece o arquivo { $file } ({ $size })
file-requested = { $name } pede que você envie um arquivo
file-progress-sent = enviando { $file }: { $percent }%
file-progress-received = recebendo { $file }: { $percent }%
file-sent = { $file } foi enviado e a soma de verificação confere
file-received = { $file } foi recebido e verificado: { $path }
file-failed = a transferência de { $file } foi interrompida: { $reason }
tui-help-files = Arquivos: /send <caminho> envia um arquivo, /accept ou /decline responde a um arquivo oferecido, /revoke file_transfer interrompe a transferência de arquivos.
tui-no-file-offer = Não há arquivo oferecido para responder.
label-files = A transferência de arquivos está permitida.
button-stop-files = Interromper a transferência de arquivos
button-send-file = Enviar arquivo
hint-file-path = Caminho do arquivo a enviar
button-accept-file = Salvar
button-decline-file = Recusar
