/// Name material for the author pool: display names (some with accents or emoji) with an ASCII stem.
enum Names {
    struct Part: Sendable {
        var display: String
        var ascii: String
    }

    private static func parts(_ pairs: [(String, String)]) -> [Part] {
        pairs.map { Part(display: $0.0, ascii: $0.1) }
    }

    static let first: [Part] = parts([
        ("Sam", "sam"), ("Priya", "priya"), ("Jordan", "jordan"), ("Dana", "dana"), ("Kim", "kim"),
        ("Alex", "alex"),
        ("Mia", "mia"), ("Tess", "tess"), ("Oliver", "oliver"), ("Amelia", "amelia"), ("Noah", "noah"),
        ("Fatima", "fatima"), ("Mohammed", "mohammed"), ("Chloé", "chloe"), ("José", "jose"),
        ("Zoë", "zoe"),
        ("Łukasz", "lukasz"), ("Björn", "bjorn"), ("Siobhán", "siobhan"), ("Aoife", "aoife"),
        ("Kwame", "kwame"),
        ("Yuki", "yuki"), ("Wei", "wei"), ("Ananya", "ananya"), ("Lucas", "lucas"), ("Sofia", "sofia"),
        ("Mateo", "mateo"), ("Emma", "emma"), ("Liam", "liam"), ("Olivia", "olivia"),
        ("Ethan", "ethan"),
        ("Isla", "isla"), ("Harry", "harry"), ("Grace", "grace"), ("Leo", "leo"), ("Ava", "ava"),
        ("Omar", "omar"),
        ("Nadia", "nadia"), ("Tomás", "tomas"), ("Inès", "ines"), ("Giulia", "giulia"),
        ("Marco", "marco"),
        ("Anouk", "anouk"), ("Daan", "daan"), ("Lena", "lena"), ("Jonas", "jonas"),
        ("Camille", "camille"),
        ("Hugo", "hugo"), ("Beatriz", "beatriz"), ("João", "joao"), ("Rui", "rui"), ("Ren ✨", "ren"),
        ("Charlie", "charlie"), ("Riley", "riley"), ("Maya", "maya"), ("Ben", "ben"),
    ])

    static let last: [Part] = parts([
        ("Carter", "carter"), ("N", "n"), ("Lee", "lee"), ("Whitfield", "whitfield"),
        ("Okafor", "okafor"),
        ("Smith", "smith"), ("Jones", "jones"), ("Patel", "patel"), ("Khan", "khan"),
        ("Nguyen", "nguyen"),
        ("García", "garcia"), ("Müller", "muller"), ("Dubois", "dubois"), ("Rossi", "rossi"),
        ("de Vries", "devries"),
        ("Silva", "silva"), ("O'Brien", "obrien"), ("Kowalski", "kowalski"), ("Hansen", "hansen"),
        ("Evans", "evans"),
        ("Brown", "brown"), ("Wilson", "wilson"), ("Taylor", "taylor"), ("Murphy", "murphy"),
        ("Ali", "ali"),
        ("Chen", "chen"), ("Tanaka", "tanaka"), ("Mensah", "mensah"), ("Fernández", "fernandez"),
        ("Ricci", "ricci"),
        ("Janssen", "janssen"), ("Schmidt", "schmidt"), ("Martin", "martin"), ("Costa", "costa"),
        ("Walsh", "walsh"),
        ("Hughes", "hughes"), ("Ahmed", "ahmed"), ("Clarke", "clarke"), ("Byrne", "byrne"),
        ("Novak", "novak"),
    ])

    static let bios: [String] = [
        "", "", "", "Coffee, code, trains.", "Dog person. Opinions my own.", "Runner 🏃 | Leeds",
        "mum of 2 · nurse",
        "Football & films", "Student @ uni", "Gamer. Night owl 🦉", "Small business owner",
        "Travel addict ✈️",
        "he/him", "she/her", "Tech & \"gadgets\"", "Views <mine> & nobody else's",
    ]

    static let bigBios: [String] = [
        "Broadcaster. Views my own.", "Journalist covering tech & consumer rights",
        "Comedian. Tour dates below 👇",
        "Official account", "Consumer champion. DMs open.", "Tech reviewer · 2M on YouTube",
    ]

    static let mailDomains = ["example.org", "example.com", "mail.example.net", "inbox.example"]
}
