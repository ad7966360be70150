# Cliente Beckon: o lado do cliente de uma sessão de apoio (português europeu).

error-no-ticket = Não foi encontrado nenhum bilhete de apoio. Transfira novamente o programa de apoio a partir da página de apoio.
error-ticket-malformed = Este bilhete de apoio está danificado ou incompleto. Transfira novamente o programa de apoio.
error-ticket-expired = Esta transferência expirou. Inicie uma nova sessão de apoio na página de apoio.
error-ticket-other-site = Esta transferência destina-se a outro site ({ $ticket_site }), não a { $site }.
error-unreachable = Não é possível aceder ao site de apoio { $site }: { $detail }
error-bad-answer = O site de apoio { $site } deu uma resposta que este programa não compreende.
error-session-gone = Esta sessão de apoio já não está disponível.
error-internal = Ocorreu um erro no programa de apoio: { $detail }
notice-no-display = Não foi encontrado nenhum ecrã gráfico; o programa de apoio funciona neste terminal.
notice-gui-failed = Não foi possível abrir a janela ({ $detail }); o programa de apoio funciona neste terminal.
notice-missing-font = Alguns caracteres desta conversa não podem ser apresentados: este computador não tem um tipo de letra para eles.

status-connecting = A ligar…
status-connected = ligado a { $site } ({ $name })
status-nobody-available = Neste momento não está ninguém disponível. Pode permanecer na fila de espera; um técnico responderá logo que possível.
status-reconnecting = ligação perdida, nova tentativa dentro de { $seconds } s
status-offline = Ligação perdida. A restabelecer a ligação…
status-waiting = A aguardar um técnico
status-queue = posição na fila de espera: { $position }
status-wait = espera estimada de cerca de { $minutes } min
status-wait-short = espera estimada inferior a um minuto
status-typing = { $name } está a escrever…
status-refused = A mensagem foi recusada: { $message }
status-invalid-message = Uma mensagem deve ter entre 1 e 4000 caracteres.

event-rep-joined = o técnico { $name } entrou
event-rep-left = o técnico { $name } saiu
event-rep-invited = o técnico { $name } foi convidado
event-transferred = está a ser transferido para { $to }, aguarde
event-queued = a aguardar um técnico
event-ended = sessão terminada
event-info-requested = { $name } pediu para ver as informações de sistema deste computador
event-info-allowed = permitiu a partilha das informações de sistema
event-info-denied = recusou a partilha das informações de sistema
event-info-revoked = deixou de partilhar as informações de sistema
event-info-shared = informações de sistema enviadas
you = Você

consent-question-title = { $name } pede para ver as informações de sistema deste computador. Seria partilhado exatamente isto:
consent-question = permitir? [y/n]
consent-exact-data = Os dados exatos que seriam enviados
info-os = Sistema operativo
info-kernel = Núcleo
info-hostname = Nome do computador
info-cpu = Processador
info-cores = { $count } núcleos
info-memory = Memória
info-memory-value = { $used } em utilização de { $total }
info-disk = Disco
info-disk-value = { $available } livres de { $total }
info-network = Rede
info-uptime = Em funcionamento desde o arranque

transcript-title = Transcrição da sessão de apoio
transcript-saved = transcrição guardada em { $path }
transcript-failed = Não foi possível guardar a transcrição: { $detail }

tui-help = Escreva uma mensagem e prima Enter para a enviar. Comandos: /allow, /deny, /revoke system_info, /revoke shell, /revoke screen_view, /end, /save <ficheiro>, /help
tui-nothing-to-answer = Não há nenhum pedido a que responder.
tui-unknown-command = Comando desconhecido. Escreva /help para ver a lista.

window-title = Sessão de apoio
label-site = Site: { $name } ({ $site })
label-rep = Técnico: { $name }
label-message = A sua mensagem
label-sending = a enviar…
label-sharing = Está a partilhar as informações de sistema deste computador.
button-send = Enviar
button-end = Terminar sessão
button-save = Guardar transcrição
button-allow = Permitir
button-deny = Recusar
button-revoke = Deixar de partilhar
confirm-end = Pretende terminar a sessão de apoio?
button-end-confirm = Sim, terminar
button-cancel = Cancelar

## Command shell

event-shell-requested = { $name } pediu uma consola de comandos neste computador
event-shell-allowed = permitiu a consola de comandos
event-shell-denied = recusou a consola de comandos
event-shell-revoked = parou a consola de comandos
event-shell-started = consola de comandos em execução com o seu utilizador (processo { $pid })
event-shell-ended = a consola de comandos terminou
error-shell-failed = Não foi possível iniciar a consola de comandos: { $detail }
consent-shell-title = { $name } pede para abrir uma consola de comandos neste computador.
consent-shell-detail = Poderia executar qualquer comando que o senhor possa executar, com o seu utilizador, e ver o resultado até parar a consola. Tudo o que for escrito e mostrado fica registado no histórico da sessão.
label-shell = Está aberta uma consola de comandos para o técnico (processo { $pid }).
button-stop-shell = Parar a consola

event-screen-requested = { $name } pediu para ver o seu ecrã
event-screen-allowed = permitiu a partilha do ecrã
event-screen-denied = recusou a partilha do ecrã
event-screen-revoked = parou de partilhar o ecrã
event-screen-started = o seu ecrã está partilhado com { $name }
event-screen-stopped = a partilha do ecrã terminou
error-screen-failed = Não foi possível partilhar o seu ecrã: { $detail }
consent-screen-title = { $name } pede para ver o seu ecrã.
consent-screen-detail = Veria em direto tudo o que aparece no seu ecrã até parar a partilha. O ecrã não é gravado; o registo da sessão guarda quando a partilha começou e terminou.
label-screen = O seu ecrã está partilhado com { $name }.
button-stop-screen = Parar a partilha

## File transfer

consent-files-title = { $name } pede para trocar ficheiros consigo.
consent-files-detail = É o utilizador que escolhe cada ficheiro que envia, e cada ficheiro oferecido aguarda a sua resposta. Cada transferência fica registada no histórico da sessão, com a respetiva soma de verificação.
event-files-requested = { $name } pediu para trocar ficheiros
event-files-allowed = permitiu a transferência de ficheiros
event-files-denied = recusou a transferência de ficheiros
event-files-revoked = parou a transferência de ficheiros
file-offered = { $name } oferece o ficheiro { $file } ({ $size })
file-requested = { $name } pede-lhe que envie um ficheiro
file-progress-sent = a enviar { $file }: { $percent }%
file-progress-received = a receber { $file }: { $percent }%
file-sent = { $file } foi enviado e a soma de verificação coincide
file-received = { $file } foi recebido e verificado: { $path }
file-failed = a transferência de { $file } parou: { $reason }
tui-help-files = Ficheiros: /send <caminho> envia um ficheiro, /accept ou /decline responde a um ficheiro oferecido, /revoke file_transfer para a transferência de ficheiros.
tui-no-file-offer = Não há nenhum ficheiro oferecido a que responder.
label-files = A transferência de ficheiros está permitida.
button-stop-files = Parar a transferência de ficheiros
button-send-file = Enviar ficheiro
hint-file-path = Caminho do ficheiro a enviar
button-accept-file = Guardar
button-decline-file = Recusar
