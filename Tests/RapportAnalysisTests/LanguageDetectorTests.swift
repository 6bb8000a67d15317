import Testing

@testable import RapportAnalysis

@Suite struct LanguageDetectorTests {
    let detector = LanguageDetector()

    @Test(arguments: [
        ("my internet is down again", "en"),
        ("el servicio no funciona", "es"),
        ("mon colis est toujours pas là", "fr"),
        ("seit gestern kein Internet", "de"),
        ("meu pedido não chegou", "pt"),
        ("il mio ordine non è arrivato", "it"),
        ("mijn pakket is niet aangekomen", "nl"),
        ("😡😡😡", "und"),
        ("ok", "und"),
    ])
    func detectsShortTexts(text: String, language: String) {
        #expect(detector.detect(text) == language)
    }

    @Test func analyzerTrustsThePlatformLanguage() {
        let analysis = Analyzer().analyze(AnalysisInput(text: "my internet is down", language: "pt-BR"))
        #expect(analysis.language == "pt")
    }
}
