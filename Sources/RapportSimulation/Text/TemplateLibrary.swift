/// All templates, parsed once per process.
struct TemplateLibrary: Sendable {
    static let shared = TemplateLibrary()

    /// Language → intent → templates; always has "en" for every intent except `.offTopic`.
    let byLanguage: [String: [Intent: [TextTemplate]]]
    let chatter: [String: [TextTemplate]]
    let otherSenses: [String: [TextTemplate]]
    let incidentNegative: [TextTemplate]
    let incidentNeutral: [TextTemplate]
    let subjects: [Intent: [TextTemplate]]

    private init() {
        func compile(_ lists: [Intent: [String]]) -> [Intent: [TextTemplate]] {
            lists.mapValues { $0.map(TextTemplate.init) }
        }
        var byLanguage = ["en": compile(EnglishTemplates.byIntent)]
        for (language, lists) in ForeignTemplates.byLanguage { byLanguage[language] = compile(lists) }
        self.byLanguage = byLanguage
        var chatter = ["en": EnglishTemplates.chatter.map(TextTemplate.init)]
        for (language, list) in ForeignTemplates.chatter {
            chatter[language] = list.map(TextTemplate.init)
        }
        self.chatter = chatter
        otherSenses = EnglishTemplates.otherSenses.mapValues { $0.map(TextTemplate.init) }
        incidentNegative = EnglishTemplates.incidentNegative.map(TextTemplate.init)
        incidentNeutral = EnglishTemplates.incidentNeutral.map(TextTemplate.init)
        subjects = compile(EnglishTemplates.subjects)
    }

    /// Templates for `intent` in `language`, or nil when that language has none (the caller falls back to English).
    func templates(_ intent: Intent, language: String) -> [TextTemplate]? {
        guard let list = byLanguage[language]?[intent], !list.isEmpty else { return nil }
        return list
    }
}
