/// What customers write to a support desk about, in the analyser's seven languages: each concept is the words and
/// short phrases that name it in English, French, Spanish, German, Portuguese, Italian and Dutch (accents folded).
///
/// It is what lets a customer's "remboursement" find an article that says "refund": an article and a question
/// that name the same concept share a concept term (`~refund`) besides their words. Generic customer-service
/// vocabulary only — written once, not fitted to any evaluation's questions (docs/knowledge-base.md).
enum SupportConcepts {
    static let table: [(concept: String, phrases: String)] = [
        (
            "refund",
            "refund reimburse reimbursement money back remboursement rembourser reembolso reembolsar devolucion del dinero erstattung ruckerstattung zuruckerstatten geld zuruck rimborso rimborsare terugbetaling geld terug restituicao"
        ),
        (
            "password",
            "password passcode passwort kennwort mot de passe contrasena clave senha palavra passe wachtwoord"
        ),
        (
            "login",
            "login log in sign in signin logon connexion connecter se connecter iniciar sesion acceder anmelden anmeldung einloggen entrar accedere accesso inloggen aanmelden"
        ),
        ("account", "account profile compte perfil cuenta konto profil conta account profiel"),
        (
            "delete",
            "delete remove close erase supprimer effacer eliminar borrar loschen entfernen excluir apagar eliminare cancellare verwijderen"
        ),
        (
            "order",
            "order purchase commande achat pedido compra bestellung bestellt bestellen encomenda ordine acquisto bestelling"
        ),
        (
            "delivery",
            "delivery deliver shipping ship shipment parcel package courier livraison livrer colis envio entrega paquete lieferung liefern versand paket zustellung entrega encomenda consegna spedizione pacco levering bezorging pakket verzending"
        ),
        (
            "track",
            "track tracking where is where's status suivi suivre seguimiento rastrear sendungsverfolgung verfolgen rastreamento rastrear tracciamento tracciare volgen"
        ),
        (
            "late",
            "late delay delayed slow not arrived hasn't arrived never arrived retard en retard pas arrive retraso retrasado no ha llegado verspatet verspatung nicht angekommen atraso atrasado nao chegou ritardo in ritardo non arrivato vertraging te laat niet aangekomen"
        ),
        (
            "cancel",
            "cancel cancellation annuler annulation resilier cancelar cancelacion anular stornieren kundigen storno cancelar annullare disdire annuleren opzeggen"
        ),
        (
            "subscription",
            "subscription membership plan renewal renew abonnement suscripcion membresia abo mitgliedschaft assinatura abbonamento lidmaatschap"
        ),
        (
            "invoice",
            "invoice receipt bill billing facture recu factura recibo rechnung quittung beleg fatura recibo fattura ricevuta factuur bon"
        ),
        (
            "payment",
            "payment pay paid charge charged debit debited paiement payer paye preleve pago pagar cobro cobrado cargo zahlung bezahlen bezahlt abgebucht belastet pagamento pagar cobrado pagamento pagare addebitato betaling betalen betaald afgeschreven"
        ),
        (
            "double",
            "twice double duplicate two times deux fois double doble dos veces duplicado doppelt zweimal duas vezes duplicado due volte doppio dubbel twee keer"
        ),
        (
            "card",
            "card credit card debit card carte carte bancaire tarjeta karte kreditkarte cartao carta kaart creditcard"
        ),
        (
            "return",
            "return send back returning retour retourner renvoyer devolver devolucion retorno rucksendung zurucksenden retoure devolver devolucao reso restituire terugsturen retour retourneren"
        ),
        (
            "exchange",
            "exchange swap replace replacement echanger echange remplacer remplacement cambiar cambio reemplazo umtauschen umtausch ersatz trocar troca substituir sostituire cambiare ruilen vervangen omruilen"
        ),
        (
            "damaged",
            "broken damaged defective faulty cracked not working doesn't work stopped working casse endommage defectueux ne marche pas ne fonctionne pas roto danado defectuoso no funciona kaputt beschadigt defekt funktioniert nicht quebrado danificado defeituoso nao funciona rotto danneggiato difettoso non funziona kapot beschadigd defect werkt niet"
        ),
        (
            "wrong",
            "wrong item wrong incorrect mistake not what i ordered mauvais article erreur erroneo equivocado incorrecto falsch falscher artikel errado sbagliato verkeerd"
        ),
        (
            "missing",
            "missing lost not received never received manquant perdu pas recu falta perdido no recibido fehlt fehlend verloren nicht erhalten faltando perdido nao recebi mancante perso non ricevuto ontbreekt kwijt niet ontvangen"
        ),
        ("address", "address adresse direccion domicilio adresse anschrift endereco indirizzo adres"),
        ("email", "email e-mail mail courriel correo correo electronico email mail posta elettronica"),
        (
            "phone",
            "phone number mobile telephone portable numero de telephone telefono movil telefon handynummer telefone celular telefono cellulare telefoonnummer"
        ),
        (
            "price",
            "price cost expensive fee prix cout tarif precio coste caro preis kosten teuer preco custo caro prezzo costo caro prijs kosten duur"
        ),
        (
            "discount",
            "discount coupon promo code voucher promotion reduction code promo remise descuento cupon codigo promocional rabatt gutschein gutscheincode desconto cupom sconto buono codice sconto korting kortingscode waardebon"
        ),
        (
            "giftcard",
            "gift card gift voucher carte cadeau cheque cadeau tarjeta regalo geschenkkarte geschenkgutschein cartao presente vale presente carta regalo buono regalo cadeaukaart cadeaubon"
        ),
        ("warranty", "warranty guarantee garantie garantia gewahrleistung garantie garantia garanzia garantie"),
        (
            "size",
            "size sizing fit too small too big taille pointure talla tamano grosse grobe passform tamanho taglia misura maat"
        ),
        (
            "stock",
            "stock in stock out of stock available availability restock disponible rupture en stock disponible agotado existencias verfugbar ausverkauft lieferbar disponivel esgotado estoque disponibile esaurito magazzino beschikbaar uitverkocht voorraad"
        ),
        ("app", "app application mobile app application appli aplicacion app anwendung aplicativo applicazione app"),
        (
            "reset",
            "reset forgot forgotten recover recovery oublie reinitialiser recuperer olvide restablecer recuperar vergessen zurucksetzen wiederherstellen esqueci redefinir recuperar dimenticato reimpostare recuperare vergeten herstellen resetten"
        ),
        (
            "hours",
            "opening hours open hours when are you open business hours horaires heures d'ouverture ouvert horario abierto offnungszeiten geoffnet horario aberto orario aperto openingstijden geopend"
        ),
        (
            "human",
            "human person agent representative speak to someone talk to someone call me humain conseiller parler a quelqu'un humano persona agente hablar con alguien mensch mitarbeiter sprechen pessoa atendente falar com alguem persona operatore parlare con qualcuno mens medewerker spreken"
        ),
        (
            "privacy",
            "privacy personal data gdpr my data donnees personnelles rgpd vie privee datos personales privacidad datenschutz personliche daten dsgvo privacidade dados pessoais lgpd dati personali privacy persoonsgegevens avg"
        ),
        (
            "notification",
            "notification notifications alert alerts notifications notificaciones avisos benachrichtigung benachrichtigungen mitteilungen notificacoes notifiche meldingen"
        ),
        (
            "update",
            "update upgrade new version mise a jour actualizacion actualizar aktualisierung update aktualisieren atualizacao atualizar aggiornamento aggiornare bijwerken update"
        ),
        (
            "connect",
            "connect connection pair pairing bluetooth wifi wi-fi sync connexion appairer conectar conexion emparejar verbinden verbindung koppeln conectar conexao parear connettere connessione associare verbinden verbinding koppelen"
        ),
        (
            "battery",
            "battery charging charger won't charge batterie charger chargeur bateria cargar cargador akku batterie laden ladegerat bateria carregar carregador batteria caricare caricatore batterij opladen oplader"
        ),
        (
            "hacked",
            "hacked compromised suspicious login unauthorized fraud pirate frauduleux hackeado fraude sospechoso gehackt betrug verdachtig hackeado fraude suspeito hackerato frode sospetto gehackt fraude verdacht"
        ),
        (
            "international",
            "international abroad overseas country countries customs international etranger douane internacional extranjero aduana international ausland zoll internacional exterior alfandega internazionale estero dogana internationaal buitenland douane"
        ),
    ]

    /// Stemmed single words and folded multi-word phrases → their concepts.
    static let (words, phrases): ([String: [String]], [String: [String]]) = {
        var words: [String: [String]] = [:]
        var phrases: [String: [String]] = [:]
        for (concept, list) in table {
            // Phrases are written space-separated; a run of words that is itself a phrase is matched as one.
            let tokens = SearchText.words(list)
            for token in tokens {
                if let term = SearchText.term(token) { words[term, default: []].append(concept) }
            }
            for phrase in multiWord[concept] ?? [] {
                phrases[SearchText.words(phrase).joined(separator: " "), default: []].append(concept)
            }
        }
        for (key, value) in words { words[key] = Array(Set(value)).sorted() }
        return (words, phrases)
    }()

    /// First words of the phrases: only a run starting with one can be a phrase (saves joining words everywhere).
    static let phraseStarts: Set<String> = Set(
        phrases.keys.compactMap { $0.split(separator: " ").first.map(String.init) })

    /// Phrases whose words mean little alone ("mot de passe", "money back").
    static let multiWord: [String: [String]] = [
        "password": ["mot de passe", "palavra passe"],
        "refund": ["money back", "geld zuruck", "geld terug"],
        "login": ["log in", "sign in", "se connecter"],
        "late": ["not arrived", "en retard", "no ha llegado", "in ritardo", "te laat", "nao chegou"],
        "damaged": ["not working", "stopped working", "ne marche pas", "no funciona", "werkt niet", "non funziona"],
        "hours": ["opening hours", "business hours"],
        "giftcard": ["gift card", "carte cadeau", "tarjeta regalo", "carta regalo"],
        "double": ["two times", "deux fois", "dos veces", "duas vezes", "due volte", "twee keer"],
        "human": ["speak to someone", "talk to someone", "real person"],
    ]

    /// The concept terms (`~refund`) that `words` (folded, in order, stopwords included) name.
    static func concepts(in words: [String]) -> [String] {
        var found = Set<String>()
        for (i, word) in words.enumerated() {
            if let term = SearchText.term(word), let list = Self.words[term] { found.formUnion(list) }
            guard phraseStarts.contains(word) else { continue }
            for length in 2...3 where i + length <= words.count {
                if let list = phrases[words[i..<(i + length)].joined(separator: " ")] { found.formUnion(list) }
            }
        }
        return found.sorted().map { "~" + $0 }
    }
}
