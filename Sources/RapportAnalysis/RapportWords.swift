/// Rapport's own additions to the VADER lexicon: customer-service vocabulary, social slang,
/// intensifiers and negators, and small sentiment lists for the six other supported languages.
/// Values are on VADER's -4…+4 scale, set by hand (not fitted to any evaluation file).
enum RapportWords {
    static let valences: [(String, Double)] = [
        // Customer service: what people write when something is wrong.
        ("outage", -2.2), ("outages", -2.2), ("refund", -0.8), ("refunds", -0.8), ("overcharged", -2.2),
        ("overcharging", -2.2), ("glitch", -1.5), ("glitchy", -1.8), ("buggy", -1.8), ("laggy", -1.6),
        ("crashes", -1.8), ("crashing", -1.9), ("crashed", -1.9), ("unusable", -2.5), ("unresponsive", -1.8),
        ("ripoff", -2.5), ("rip-off", -2.5), ("scammed", -2.8), ("disconnected", -1.4), ("downtime", -1.8),
        ("delayed", -1.2), ("delay", -1.0), ("delays", -1.1), ("late", -0.6), ("lost", -1.3), ("missing", -1.1),
        ("broken", -1.9), ("faulty", -1.9), ("defective", -2.1), ("cancelled", -1.1), ("canceled", -1.1),
        ("waiting", -0.4), ("hold", 0), ("unacceptable", -2.6), ("ridiculous", -1.9), ("useless", -2.2),
        ("nightmare", -2.8), ("incompetent", -2.5), ("worst", -3.1), ("flaky", -1.4), ("throttled", -1.6),
        ("throttling", -1.6), ("spotty", -1.2), ("sluggish", -1.3), ("freezes", -1.5), ("freezing", -1.0),
        ("dropped", -1.0), ("stuck", -1.3), ("wtf", -2.2), ("ffs", -2.2), ("smh", -1.5), ("fml", -2.2),
        ("meh", -0.8), ("ugh", -1.6), ("yikes", -1.2), ("rubbish", -2.2), ("trash", -2.0), ("garbage", -2.2),
        ("overpriced", -1.8), ("unreliable", -2.0), ("unhelpful", -2.0), ("rude", -2.0), ("clueless", -1.8),
        ("boring", -1.9), ("bland", -1.2), ("mediocre", -1.6), ("tedious", -1.7), ("dull", -1.7),
        ("pointless", -1.9), ("mess", -1.5), ("disappointing", -2.3), ("forgettable", -1.5), ("sloppy", -1.6),
        ("clumsy", -1.2), ("pretentious", -1.6), ("predictable", -1.0), ("cliched", -1.2), ("clichéd", -1.2),
        ("flat", -0.8), ("lifeless", -1.8), ("tiresome", -1.7), ("waste", -1.8), ("wasted", -1.9),
        // Praise and slang.
        ("lifesaver", 2.6), ("legend", 2.0), ("goat", 1.5), ("lit", 1.2), ("dope", 1.6), ("fab", 2.0),
        ("kudos", 2.3), ("props", 1.5), ("shoutout", 1.5), ("thx", 1.5), ("ty", 1.3), ("tysm", 2.3),
        ("smooth", 1.3), ("seamless", 1.8), ("flawless", 2.6), ("superb", 3.0), ("top-notch", 2.6),
        ("reliable", 1.8), ("responsive", 1.3), ("fast", 0.8), ("quick", 0.6), ("quickly", 0.5),
        ("affordable", 1.2), ("sorted", 1.3), ("resolved", 1.4), ("fixed", 1.2), ("recommend", 1.8),
        ("recommended", 1.8), ("obsessed", 1.5), ("gem", 2.0), ("masterpiece", 3.0), ("gripping", 1.8),
        ("engrossing", 1.8), ("riveting", 2.0), ("touching", 1.6), ("moving", 1.0), ("heartfelt", 2.0),
        ("hilarious", 2.4), ("stunning", 2.6), ("refreshing", 1.8), ("compelling", 1.8), ("poignant", 1.3),
        ("witty", 1.8), ("charming", 2.2), ("delightful", 2.8), ("enjoyable", 2.2), ("well-made", 2.0),
        ("lol", 1.2), ("lmao", 1.2), ("haha", 1.5), ("hahaha", 1.8), ("yay", 2.4), ("woohoo", 2.4),
        // Phrases (two words; the scorer looks the pair up when the first word is marked).
        ("still waiting", -1.8), ("no signal", -2.2), ("no service", -2.2), ("no internet", -2.2),
        ("no response", -1.8), ("no reply", -1.6), ("never again", -2.6), ("on hold", -1.3), ("charged twice", -2.2),
        ("not working", -2.0), ("doesn't work", -2.0), ("doesnt work", -2.0), ("stopped working", -2.2),
        ("fell apart", -1.8), ("went down", -1.0), ("is down", -1.6), ("are down", -1.6), ("keeps crashing", -2.2),
        ("sort out", 0), ("thank you", 1.9), ("thanks so", 1.9), ("well done", 2.2), ("highly recommend", 2.8),
        ("must see", 2.0), ("must-see", 2.0), ("fall asleep", -1.2), ("falls flat", -2.0), ("falls apart", -1.8),
        ("no idea", -0.6), ("no problem", 1.2), ("no worries", 1.4), ("no issues", 1.4), ("no complaints", 1.6),
        // Spanish.
        ("malo", -2.0), ("mala", -2.0), ("pésimo", -3.0), ("pesimo", -3.0), ("pésima", -3.0), ("horrible", -2.5),
        ("terrible", -2.5), ("excelente", 3.0), ("genial", 2.6), ("gracias", 1.8), ("bueno", 1.9), ("buena", 1.9),
        ("encanta", 2.6), ("odio", -2.8), ("estafa", -2.8), ("fatal", -2.0), ("mejor", 1.6), ("peor", -2.5),
        ("lento", -1.2), ("caído", -1.6), ("increíble", 2.6), ("vergüenza", -2.2), ("basura", -2.4),
        // French.
        ("nul", -2.2), ("nulle", -2.2), ("génial", 2.6), ("merci", 1.8), ("bon", 1.6), ("bonne", 1.6),
        ("mauvais", -2.0), ("mauvaise", -2.0), ("honte", -2.2), ("arnaque", -2.8), ("adore", 2.6),
        ("déteste", -2.8), ("catastrophe", -2.6), ("lent", -1.2), ("parfait", 2.8), ("pire", -2.6),
        ("magnifique", 3.0), ("décevant", -2.2), ("inadmissible", -2.6),
        // German.
        ("schlecht", -2.0), ("schlechter", -2.2), ("toll", 2.4), ("danke", 1.8), ("gut", 1.8), ("super", 2.6),
        ("katastrophe", -2.6), ("frechheit", -2.6), ("enttäuscht", -2.2), ("langsam", -1.0),
        ("ärgerlich", -2.0), ("unzuverlässig", -2.0), ("klasse", 2.4), ("mies", -2.2), ("schrecklich", -2.6),
        ("betrug", -2.8), ("wunderbar", 2.8), ("leider", -1.0),
        // Portuguese.
        ("péssimo", -3.0), ("péssima", -3.0), ("ótimo", 2.8), ("otimo", 2.8), ("ótima", 2.8), ("obrigado", 1.8),
        ("obrigada", 1.8), ("ruim", -2.0), ("lixo", -2.4), ("vergonha", -2.2), ("adorei", 2.6), ("amei", 2.8),
        ("lenta", -1.2), ("golpe", -2.4), ("maravilhoso", 3.0), ("decepcionado", -2.2),
        // Italian.
        ("pessimo", -3.0), ("pessima", -3.0), ("ottimo", 2.8), ("ottima", 2.8), ("grazie", 1.8),
        ("bellissimo", 3.0), ("schifo", -2.8), ("vergogna", -2.2), ("truffa", -2.8), ("delusione", -2.2),
        ("brutto", -2.0), ("lenta", -1.2), ("fantastico", 2.8), ("bravi", 2.2), ("buono", 1.8),
        // Dutch.
        ("slecht", -2.0), ("slechte", -2.0), ("geweldig", 2.8), ("bedankt", 1.8), ("dank", 1.5), ("prima", 1.8),
        ("waardeloos", -2.6), ("schande", -2.2), ("oplichting", -2.8), ("teleurgesteld", -2.2), ("traag", -1.2),
        ("top", 2.0), ("heerlijk", 2.6), ("blij", 2.0), ("boos", -2.0),
        // Emoji and emoticons the generated table misses or scores weakly.
        ("🙄", -1.5), ("😡", -2.8), ("🤬", -3.0), ("😤", -2.0), ("😠", -2.5), ("💩", -2.0), ("👎", -2.2),
        ("👍", 1.8), ("🔥", 1.2), ("💯", 1.8), ("🙏", 1.3), ("❤", 2.6), ("😍", 2.8), ("🥰", 2.8), ("😭", -1.8),
        ("😢", -2.0), ("😞", -2.0), ("😩", -2.0), ("🤮", -2.6), ("🤡", -1.5), ("🎉", 2.0), ("✅", 1.0), ("👏", 1.8),
        ("😂", 1.0), ("🤣", 1.2), (":/", -1.0), (":-/", -1.0), (":(", -2.0), (":)", 2.0), (":d", 2.3), ("xd", 1.5),
    ]

    static let boosters: [(String, Double)] = [
        ("absolutely", 0.293), ("amazingly", 0.293), ("awfully", 0.293), ("completely", 0.293),
        ("considerably", 0.293), ("decidedly", 0.293), ("deeply", 0.293), ("effing", 0.293),
        ("enormously", 0.293), ("entirely", 0.293), ("especially", 0.293), ("exceptionally", 0.293),
        ("extremely", 0.293), ("fabulously", 0.293), ("flipping", 0.293), ("freaking", 0.293),
        ("fricking", 0.293), ("frigging", 0.293), ("fully", 0.293), ("fucking", 0.293), ("greatly", 0.293),
        ("hella", 0.293), ("highly", 0.293), ("hugely", 0.293), ("incredibly", 0.293), ("intensely", 0.293),
        ("majorly", 0.293), ("more", 0.293), ("most", 0.293), ("particularly", 0.293), ("purely", 0.293),
        ("quite", 0.293), ("really", 0.293), ("remarkably", 0.293), ("so", 0.293), ("soo", 0.293),
        ("substantially", 0.293), ("thoroughly", 0.293), ("totally", 0.293), ("tremendously", 0.293),
        ("uber", 0.293), ("unbelievably", 0.293), ("unusually", 0.293), ("utterly", 0.293), ("very", 0.293),
        ("super", 0.293), ("af", 0.293), ("mega", 0.293), ("insanely", 0.293), ("seriously", 0.293),
        ("muy", 0.293), ("très", 0.293), ("sehr", 0.293), ("muito", 0.293), ("molto", 0.293), ("erg", 0.293),
        ("almost", -0.293), ("barely", -0.293), ("hardly", -0.293), ("kinda", -0.293), ("kind of", -0.293),
        ("sort of", -0.293), ("sorta", -0.293), ("less", -0.293), ("little", -0.293), ("marginally", -0.293),
        ("occasionally", -0.293), ("partly", -0.293), ("scarcely", -0.293), ("slightly", -0.293),
        ("somewhat", -0.293), ("a bit", -0.293), ("fairly", -0.2), ("rather", -0.15), ("mildly", -0.293),
        ("pretty", 0.15),
    ]

    static let negators: [String] = [
        "not", "no", "never", "none", "nobody", "nothing", "nowhere", "neither", "nor", "without", "cannot",
        "aint", "ain't", "arent", "aren't", "cant", "can't", "couldnt", "couldn't", "didnt", "didn't",
        "doesnt", "doesn't", "dont", "don't", "hadnt", "hadn't", "hasnt", "hasn't", "havent", "haven't",
        "isnt", "isn't", "mightnt", "mustnt", "neednt", "needn't", "shant", "shouldnt", "shouldn't",
        "wasnt", "wasn't", "werent", "weren't", "wont", "won't", "wouldnt", "wouldn't", "rarely", "seldom",
        "nope", "nah", "lacks", "lacking", "lack", "fails", "failed", "despite",
        // Other languages (Spanish/Italian/Portuguese "no"/"non"/"não", French "pas", German, Dutch).
        "non", "não", "nao", "nunca", "nada", "pas", "jamais", "rien", "nicht", "kein", "keine", "nie",
        "niet", "geen", "nooit", "mai",
    ]

    /// Words that carry the weight of what follows them.
    static let contrasts: [String] = [
        "but", "however", "nevertheless", "nonetheless", "pero", "mais", "aber", "mas", "ma", "maar",
    ]
    static let weakContrasts: [String] = ["yet", "though", "although", "still"]

    /// English lexicon entries that are function words in the other supported languages.
    static let englishOnly: [String] = [
        "die", "war", "sin", "fine", "pain", "gift", "hell", "bad", "con", "rat", "kill", "also", "arm",
        "bitter", "fast", "mist", "sale", "chat", "come", "dank", "hoe", "dead", "pest", "rage", "ban",
    ]

    static let sarcasmCues: [String] = [
        "yeah right", "/s", "#sarcasm", "🙄", "thanks a", "oh great", "just great", "so much",
    ]
    static let ironyTargets: [String] = ["another", "again", "hours", "waiting", "outage", "down", "still"]

    /// VADER entries that mislead on brand and customer-service text.
    static let neutralised: [String] = [
        "help", "please", "support", "care", "pay", "free", "ok", "okay", "united", "wait", "account",
    ]
}

extension RapportWords {
    /// More phrases, kept apart from the single words for readability.
    static let extraPhrases: [(String, Double)] = [("for nothing", -2.6), ("thanks for", 1.5)]
}
