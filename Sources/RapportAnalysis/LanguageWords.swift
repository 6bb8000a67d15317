/// Frequent short words per language, the main evidence for language detection and the
/// stopword list for topic extraction. No word has a run of three equal letters, so an
/// elongated token never matches one before it is collapsed. Words shared by several languages are listed in each.
enum LanguageWords {
    static let lists: [[String]] = [
        // en
        ("the and is are was were to of it my you your this that for with have has not why what how when i me "
            + "just again still can do does did be been on at from they we our please thanks get got would will "
            + "an or if its it's i'm im don't can't about any anyone there their than then here too very really "
            + "been being after before who which our us he she his her them because since ever never only also "
            + "today now week day hours all some one out up down off over new").split(separator: " ").map(String.init),
        // es
        ("el la los las de que y en un una es por con para mi mis no lo del al se pero muy ya está esta más "
            + "como hay tengo qué porque gracias hola todo nada desde cuando sin sus su me te le les yo tu "
            + "ni otra otro vez hoy días semana son estoy mucho también eso esto sigue").split(separator: " ").map(
                String.init),
        // fr
        ("le la les de des du et est un une je pas que qui pour avec sur mon ma mes vous nous ce cette il elle "
            + "ne plus très merci bonjour depuis toujours mais au aux en c'est j'ai n'est ça sont suis on "
            + "votre vos tout rien encore jamais quand où aujourd'hui semaine jours fait été").split(separator: " ")
            .map(String.init),
        // de
        ("der die das und ist nicht ich ein eine mit für auf mein meine sie es zu den dem im von bei seit "
            + "schon noch wieder kein keine aber auch sehr wie was warum danke bitte hallo habe hat wird nur "
            + "euer eure ihr uns wir sind war mal heute seit immer nie jetzt doch oder wenn").split(separator: " ").map(
                String.init),
        // pt
        ("o os as de que e não um uma para com meu minha é do da dos das no na em por mais muito mas está "
            + "estou já até obrigado obrigada você vocês isso esse essa sem ainda quando tem foi eu nao "
            + "seu sua pra vou hoje dias semana nunca nada também são ao aos").split(separator: " ").map(String.init),
        // it
        ("il lo la gli le di che e è un una per con non mio mia sono ho del della dei nel alla al ma più "
            + "molto anche ancora grazie ciao perché questo questa sempre già come cosa da niente io mi ci "
            + "vostro vostra voi siete oggi giorni settimana mai nessuno tutto").split(separator: " ").map(String.init),
        // nl
        ("de het een en is niet ik van met voor op mijn je jullie dat die er maar ook nog al geen wel bij naar "
            + "heb heeft zijn was bedankt dank waarom wat hoe sinds weer altijd echt nooit u uw "
            + "we wij ze dit deze om te hebben kan kunnen vandaag dagen week").split(separator: " ").map(String.init),
    ]

    /// Enters every word into the shared lexicon with its language bits.
    static func add(to table: inout LexiconBuilder) {
        for (language, words) in lists.enumerated() {
            for word in words { table.upsert(word) { $0.languages |= 1 << UInt8(language) } }
        }
    }

    /// Whether `token` is a stopword in some supported language. An elongation that was
    /// collapsed to find its entry ("nooo") is not: the lists hold the plain words only.
    static func isStopword(_ info: TermInfo, _ token: Token) -> Bool {
        info.languages != 0 && !token.flags.contains(.collapsed)
    }
}
