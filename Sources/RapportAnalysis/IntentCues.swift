/// Words and two-word phrases that signal an intent, with a weight (evidence in "nats":
/// confidence = 1 − e^(−total)). Several languages, customer-service register.
enum IntentCues {
    static let cues: [Intent.Name: [(String, Double)]] = [
        .complaint: [
            ("refund", 1.2), ("still waiting", 1.5), ("not working", 1.5), ("doesn't work", 1.5), ("broken", 1.0),
            ("outage", 1.4), ("charged", 0.8), ("overcharged", 1.5), ("charged twice", 1.6), ("no signal", 1.5),
            ("no service", 1.4), ("no internet", 1.4), ("is down", 1.2), ("are down", 1.2), ("unacceptable", 1.2),
            ("customer service", 0.6), ("worst", 1.0), ("fix", 0.6), ("fix this", 1.2), ("hours", 0.4),
            ("days", 0.3), ("again", 0.4), ("never arrived", 1.5), ("wrong", 0.6), ("damaged", 1.2),
            ("late", 0.6), ("delayed", 0.9), ("lost", 0.6), ("on hold", 1.2), ("ridiculous", 0.9), ("scam", 1.0),
            ("keeps crashing", 1.5), ("crashing", 1.0), ("disconnected", 1.0), ("useless", 1.0), ("rude", 1.0),
            ("reembolso", 1.2), ("queja", 1.2), ("sin servicio", 1.5), ("no funciona", 1.5), ("remboursement", 1.2),
            ("toujours pas", 1.2), ("ne fonctionne", 1.5), ("panne", 1.4), ("funktioniert nicht", 1.5),
            ("störung", 1.4), ("erstattung", 1.2), ("não funciona", 1.5), ("reembolso", 1.2), ("non funziona", 1.5),
            ("rimborso", 1.2), ("guasto", 1.2), ("werkt niet", 1.5), ("storing", 1.4), ("terugbetaling", 1.2),
        ],
        .question: [
            ("how do", 1.0), ("how can", 1.0), ("how to", 0.8), ("can you", 0.8), ("could you", 0.8),
            ("anyone know", 1.2), ("is there", 0.8), ("does anyone", 1.0), ("where is", 0.8), ("when will", 1.0),
            ("what is", 0.6), ("why is", 0.6), ("why does", 0.6), ("any update", 1.2), ("any news", 1.0), ("help", 0.6),
            ("dm", 0.5), ("please advise", 1.2), ("how long", 0.8), ("is it", 0.4), ("do you", 0.6),
            ("cómo", 0.8), ("dónde", 0.8), ("cuándo", 0.8), ("ayuda", 0.8), ("comment", 0.5), ("pourquoi", 0.6),
            ("est-ce", 1.0), ("aide", 0.6), ("wie", 0.5), ("wann", 0.8), ("warum", 0.5), ("hilfe", 0.8), ("como", 0.5),
            ("quando", 0.6), ("ajuda", 0.8), ("perché", 0.5), ("aiuto", 0.8), ("hoe", 0.6), ("wanneer", 0.8),
            ("waarom", 0.5), ("hulp", 0.8),
        ],
        .praise: [
            ("thank", 1.0), ("thanks", 1.0), ("thank you", 1.4), ("love", 0.9), ("amazing", 1.0), ("best", 0.7),
            ("great job", 1.5), ("well done", 1.4), ("shoutout", 1.4), ("kudos", 1.4), ("recommend", 0.9),
            ("awesome", 1.0), ("excellent", 1.0), ("lifesaver", 1.4), ("impressed", 1.0), ("props", 1.0),
            ("gracias", 1.0), ("excelente", 1.0), ("merci", 1.0), ("génial", 1.0), ("bravo", 1.2), ("danke", 1.0),
            ("toll", 0.9), ("super", 0.6), ("obrigado", 1.0), ("obrigada", 1.0), ("ótimo", 1.0), ("grazie", 1.0),
            ("ottimo", 1.0), ("bedankt", 1.0), ("geweldig", 1.0), ("top", 0.5),
        ],
        .purchaseIntent: [
            ("thinking of", 0.9), ("want to buy", 1.6), ("wanna buy", 1.6), ("should i get", 1.6),
            ("should i buy", 1.6),
            ("where can i", 1.0), ("looking for", 0.8), ("how much", 1.0), ("in stock", 1.2), ("pre-order", 1.4),
            ("preorder", 1.4), ("upgrade to", 1.0), ("upgrading", 0.9), ("buying", 1.0), ("buy", 0.8), ("price", 0.7),
            ("pricing", 0.8), ("quote", 0.6), ("sign up", 1.0), ("considering", 0.9), ("which plan", 1.4),
            ("worth it", 0.8), ("deal", 0.5), ("order", 0.4), ("comprar", 1.2), ("cuánto cuesta", 1.4),
            ("acheter", 1.2), ("combien", 0.8), ("kaufen", 1.2), ("kostet", 0.9), ("quanto custa", 1.4),
            ("comprare", 1.2), ("quanto costa", 1.4), ("kopen", 1.2), ("kost", 0.6),
        ],
        .churnThreat: [
            ("switching to", 1.8), ("switch to", 1.4), ("cancel my", 1.8), ("cancelling", 1.4), ("canceling", 1.4),
            ("leaving", 0.9), ("moving to", 1.0), ("done with", 1.4), ("never again", 1.2), ("close my", 1.4),
            ("port my", 1.6), ("taking my", 1.0), ("unsubscribe", 1.0), ("last month", 0.6), ("cancel", 1.0),
            ("terminate", 1.0), ("goodbye", 0.7), ("find another", 1.2), ("other provider", 1.2), ("competitor", 0.8),
            ("me cambio", 1.8), ("cancelar", 1.2), ("darme de", 1.5), ("résilier", 1.8), ("je quitte", 1.6),
            ("résiliation", 1.6), ("kündigen", 1.8), ("kündige", 1.8), ("wechsle", 1.6), ("anbieter wechseln", 1.8),
            ("vou trocar", 1.6), ("mudar para", 1.4), ("disdire", 1.8), ("disdetta", 1.6), ("passo a", 1.2),
            ("opzeggen", 1.8), ("overstappen", 1.6), ("stap over", 1.6),
        ],
        .noise: [
            ("giveaway", 1.8), ("win", 0.6), ("enter to", 1.2), ("retweet", 0.8), ("rt", 0.5), ("follow and", 1.2),
            ("follow us", 1.0), ("hiring", 1.8), ("we're hiring", 2.0), ("job", 0.9), ("apply now", 1.8),
            ("careers", 1.2), ("position", 0.6), ("promo code", 1.4), ("discount code", 1.4), ("use code", 1.4),
            ("click here", 1.4), ("free followers", 2.5), ("crypto", 1.2), ("bitcoin", 1.0), ("link in", 1.2),
            ("check out", 0.6), ("subscribe to", 1.0), ("earn", 0.6), ("dm me", 0.8), ("sorteo", 1.8),
            ("concours", 1.6), ("gewinnspiel", 1.8), ("sorteio", 1.8), ("concorso", 1.6), ("winactie", 1.8),
            ("pie", 0.9), ("recipe", 1.2), ("rainforest", 1.4), ("zoo", 1.0), ("fruit", 0.9), ("airdrop", 1.6),
            ("nft", 1.2), ("vacancy", 1.4), ("internship", 1.4), ("trading", 0.6), ("sponsored", 1.0), ("ad", 0.4),
        ],
    ]

    /// Enters every cue into the shared lexicon (`SentimentLexicon.standard`), so intent
    /// classification reads the token's entry instead of hashing it again.
    static func add(to table: inout LexiconBuilder) {
        for (number, intent) in Intent.Name.allCases.enumerated() {
            for (phrase, weight) in cues[intent] ?? [] {
                table.upsert(phrase) {
                    $0.intent = Int8(number)
                    $0.intentWeight = Float(weight)
                }
                if let space = phrase.firstIndex(of: " ") {
                    table.upsert(String(phrase[..<space])) { $0.flags.insert(.startsIntentPhrase) }
                }
            }
        }
    }
}
