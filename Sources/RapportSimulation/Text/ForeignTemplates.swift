/// Non-English post texts, keyed by ISO 639-1 language then intent. Intents missing here fall back to English.
enum ForeignTemplates {
    static let byLanguage: [String: [Intent: [String]]] = [
        "es": [
            .complaint: [
                "{b} llevo {days} días sin señal en casa. Pagando por nada 😡",
                "{b} me habéis cobrado dos veces este mes. Quiero mi dinero",
                "Pedí un {product} a {b} hace {days} días y todavía no ha llegado",
            ],
            .question: [
                "{b} hola, ¿puedo cambiar mi contrato a otra dirección?", "{b} ¿hay una avería en {city}?",
            ],
            .praise: [
                "{b} el soporte me lo resolvió en 5 minutos. ¡Genial!",
                "Muy contento con {b}, todo perfecto",
            ],
            .purchaseIntent: ["{b} ¿tenéis el {product} en azul? Lo quiero ya"],
            .churnThreat: ["Me cambio a {c}. Adiós {b}", "{b} quiero cancelar mi contrato"],
        ],
        "fr": [
            .complaint: [
                "{b} toujours pas de réseau depuis {days} jours. C'est inadmissible",
                "{b} facturé deux fois ce mois-ci, et personne ne répond au téléphone",
                "{b} j'attends mon remboursement de {amount} depuis des semaines",
            ],
            .question: [
                "{b} bonjour, comment changer mon adresse de facturation ?", "{b} une panne à {city} ?",
            ],
            .praise: ["Merci {b}, problème réglé en deux minutes 👏", "{b} service client au top, bravo"],
            .purchaseIntent: ["{b} le {product} est dispo en boutique à {city} ?"],
            .churnThreat: [
                "Je passe chez {c}, ras-le-bol de {b}", "{b} je veux résilier mon abonnement",
            ],
        ],
        "de": [
            .complaint: [
                "{b} seit {days} Tagen kein Netz. Ich zahle für nichts",
                "{b} doppelt abgebucht und niemand geht ans Telefon. Unmöglich",
                "Meine Bestellung #{order} bei {b} ist immer noch nicht da",
            ],
            .question: [
                "{b} kann ich meinen Vertrag an eine neue Adresse mitnehmen?", "{b} Störung in {city}?",
            ],
            .praise: ["{b} super Service, in 5 Minuten gelöst. Danke!", "Sehr zufrieden mit {b} 👍"],
            .purchaseIntent: ["{b} habt ihr das {product} noch auf Lager?"],
            .churnThreat: ["Ich wechsle zu {c}. Tschüss {b}", "{b} ich will meinen Vertrag kündigen"],
        ],
        "pt": [
            .complaint: [
                "{b} estou sem sinal há {days} dias. Pagando por nada",
                "{b} cobraram duas vezes este mês e ninguém atende",
            ],
            .question: ["{b} olá, posso mudar o meu contrato para outra morada?"],
            .praise: ["{b} o apoio resolveu tudo em 5 minutos. Excelente!"],
            .purchaseIntent: ["{b} o {product} ainda está em promoção?"],
            .churnThreat: ["Vou mudar para a {c}. Chega de {b}"],
        ],
        "it": [
            .complaint: [
                "{b} da {days} giorni senza linea. Vergogna",
                "{b} addebito doppio questo mese, nessuno risponde",
            ],
            .question: ["{b} ciao, come posso cambiare il metodo di pagamento?"],
            .praise: ["{b} assistenza velocissima, grazie mille!"],
            .purchaseIntent: ["{b} il {product} è disponibile a {city}?"],
            .churnThreat: ["Passo a {c}, basta con {b}"],
        ],
        "nl": [
            .complaint: [
                "{b} al {days} dagen geen bereik. Ik betaal voor niks",
                "{b} twee keer afgeschreven deze maand en niemand neemt op",
            ],
            .question: ["{b} hoi, kan ik mijn abonnement meenemen naar mijn nieuwe adres?"],
            .praise: ["{b} top service, binnen 5 minuten opgelost!"],
            .purchaseIntent: ["{b} is de {product} nog op voorraad?"],
            .churnThreat: ["Ik stap over naar {c}. Doei {b}"],
        ],
    ]

    static let chatter: [String: [String]] = [
        "es": ["¡Qué partido anoche! ⚽", "Lunes otra vez 😴"],
        "fr": ["Encore de la pluie à {city}...", "Café d'abord ☕"],
        "de": ["Montag. Kaffee. Sofort.", "Schon wieder Regen in {city}"],
        "pt": ["Que jogo ontem à noite!"],
        "it": ["Pizza stasera? 🍕"],
        "nl": ["Weer regen in {city}. Natuurlijk."],
    ]
}
