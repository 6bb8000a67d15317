/// English post texts by intent. Written from the kinds of messages customers really send brands.
enum EnglishTemplates {
    static let byIntent: [Intent: [String]] = [
        .complaint: [
            "{b} {days} days without signal at home in {city}. Paying for nothing. Sort it out",
            "{b} my internet has dropped {n} times today. {n} TIMES. Working from home is impossible",
            "Charged twice this month by {b}. Nobody answers the phone. I want my money back",
            "{b} ordered a {product} {days} days ago, still not here and the tracking hasn't moved",
            "Still waiting for my refund of {amount} from {b}. Returned it weeks ago",
            "The support agent at {b} just hung up on me. Unbelievable customer service",
            "{b} why is my bill {amount} higher this month?? Nobody told me about a price rise",
            "Been on hold with {b} for {n}0 minutes now. Ridiculous",
            "{b} your app crashes every time I try to pay my bill",
            "Order #{order} from {b}: wrong {product} delivered and no reply to my emails",
            "so {b} took my money and cancelled my order without telling me. great. just great",
            "{b} the engineer didn't turn up AGAIN. {n} days off work wasted",
            "Worst customer service ever @ {b}. Chat bot goes round in circles",
            "{b} no data since {time} in {city}. Status page says all good. It is NOT good",
        ],
        .question: [
            "{b} hi, can I move my contract to my new address in {city}?",
            "Does anyone know if {b} does roaming in the US? Going next month",
            "{b} how do I get a copy of my last {n} bills?",
            "Hey {b}, is there an outage in {city} or is it just me?",
            "{b} what's the delivery time for the {product} at the moment?",
            "Can I pay {b} by bank transfer or only card?",
            "{b} how do I update my payment details? Can't find it in the app",
            "Anyone tried {b}? Thinking about it but want honest opinions",
            "{b} is the {product} compatible with my old charger?",
            "{b} do you price match {c}?",
        ],
        .praise: [
            "{b} support fixed my roaming in 5 minutes on chat. genuinely great service",
            "Just switched to {b} and the setup took two minutes. Impressed!",
            "Shout out to Leila at {b} who sorted my bill out today. Legend",
            "Got my {product} from {b} a day early. Love it",
            "Have to say {b} have been brilliant since I joined. No complaints at all",
            "{b} thank you for the quick refund, really appreciated",
            "{b} the new app is so much better, well done",
            "Can't believe how fast {b} replied. That's how you do customer service",
        ],
        .purchaseIntent: [
            "Thinking of getting the {product} from {b}, any good?",
            "{b} where can I buy the blue one? Want it before the weekend",
            "Ready to upgrade to the {product}. {b} do you have it in stock in {city}?",
            "{b} what's your best deal for a family of {n}? Looking to sign up this week",
            "About to order the {product} from {b}. Last chance to talk me out of it",
            "{b} is the {amount} offer still on? I want it",
        ],
        .churnThreat: [
            "That's it, switching to {c}. Done with {b}",
            "{b} I want to cancel my contract. {days} days of this is enough",
            "Seriously considering leaving {b} for {c} after this week",
            "{b} fix this or I'm porting my number to {c}",
            "Cancelled my {b} account today. {c} offered me half the price",
            "Any recommendations? Leaving {b}, it's been awful",
        ],
        .noise: [
            "🎁 GIVEAWAY 🎁 Win a {product}! Follow + RT + tag 3 friends {tag} #giveaway #win",
            "We're hiring! Retail advisor at {name} {city}. Apply now #jobs #hiring",
            "Earn {amount} a day from home!!! DM me 💰💰 {tag} {tag}",
            "{name} share price up {n}% today {tag}",
            "New blog post: {n} things I learned from {name}'s rebrand",
            "Check out my {name} unboxing video, link in bio {tag}",
            "RT if you remember the old {name} adverts",
            "CHEAP {product} BEST PRICE CLICK HERE {tag}",
        ],
    ]

    /// Posts that are about the incident topic: the incident's extra volume.
    static let incidentNegative: [String] = [
        "{b} {topic} again?! Third time this month",
        "Is {b} having an {topic}? Nothing works in {city}",
        "{b} {topic} since {time}. No update, no apology, nothing",
        "{topic} with {b} all morning. Paying for a service I don't get",
        "{b} how long is this {topic} going to last?? I have work to do",
        "Absolute joke. {b} {topic} and the status page says everything is fine",
        "{b} {topic} in {city} too. Switching to {c} if this isn't fixed today",
        "Can't call, can't text. Thanks {b}. {topic} {tag}",
    ]

    static let incidentNeutral: [String] = [
        "Is {b} down for anyone else? {topic} here in {city}",
        "{b} any ETA on the {topic}?",
        "Looks like a {topic} at {b}, anyone got more info?",
    ]

    /// Public chatter that matches no brand: the bulk of a fire hose.
    static let chatter: [String] = [
        "Coffee first, then the gym. Maybe.", "That match last night though ⚽",
        "Rain again in {city}. Of course.",
        "Anyone watching the new season? No spoilers!!", "Monday mood 😴", "Best pizza in {city}? Go.",
        "Finally finished that book. What a ending", "The train is late again lol",
        "Happy birthday to my best friend 🎉", "Can't believe it's already {time}",
        "new phone who dis", "Recipe thread: what are you cooking tonight?",
    ]

    /// The brand word used in another sense: matches a naive keyword rule, yet is not about the brand.
    static let otherSenses: [String: [String]] = [
        "acme": [
            "Wile E. Coyote ordering from ACME again. Will he ever learn 😂",
            "That feeling when your plan is as good as an acme rocket skate",
            "Reached the acme of my running career today: 5k without stopping",
        ],
        "globex": ["Rewatching the Simpsons episode with Hank Scorpio at Globex. Peak tv"],
        "initech": ["Did you get the memo about the TPS reports? Office Space / Initech forever"],
        "umbrella": [
            "Forgot my umbrella. Soaked. Classic", "Umbrella Corporation did nothing wrong #residentevil",
        ],
        "hooli": ["Hooli XYZ in Silicon Valley is the most realistic tech company on TV"],
        "vandelay": ["Vandelay Industries, importer/exporter. Seinfeld never gets old"],
    ]

    static let subjects: [Intent: [String]] = [
        .complaint: [
            "Complaint about my service", "Refund for order #{order} – still waiting",
            "Wrong bill this month",
        ],
        .question: ["Question about my contract", "Moving house", "Quick question"],
        .praise: ["Thank you!", "Great service from your team"],
        .purchaseIntent: ["Upgrade enquiry", "Buying the {product}"],
        .churnThreat: ["Cancel my contract", "Notice of cancellation"],
        .noise: ["Partnership opportunity", "Your invoice is ready"],
        .offTopic: ["Hello", "Re: newsletter"],
    ]

    static let cities = [
        "Leeds", "Bristol", "Manchester", "Glasgow", "London", "Cardiff", "Dublin", "Madrid", "Lyon",
        "Berlin",
        "Porto", "Milan", "Utrecht",
    ]
    static let products = [
        "X2 phone", "5G router", "headset", "smartwatch", "SIM-only plan", "tablet", "fibre box",
    ]
    static let times = ["7am", "8am", "this morning", "lunchtime", "6pm", "last night", "midnight"]
}
