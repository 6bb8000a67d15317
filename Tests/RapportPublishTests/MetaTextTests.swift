import Testing

@testable import RapportPublish

@Suite("Facebook and Instagram text")
struct MetaTextTests {
    @Test("hashtags are counted as Instagram limits them")
    func hashtags() {
        #expect(MetaText.hashtagCount("#one #two and #three") == 3)
        #expect(MetaText.hashtagCount("#123 is not a tag, a#b is not either, #été is") == 1)
        #expect(MetaText.hashtagCount("＃fullwidth #") == 1)
        let thirtyOne = (1...31).map { "#tag\($0)" }.joined(separator: " ")
        #expect(
            MetaText.measureInstagramHashtags(thirtyOne)
                == TextLength(network: .instagram, limit: 30, measured: 31, unit: .hashtags))
    }

    @Test("caption and post lengths")
    func lengths() {
        #expect(MetaText.measureInstagram(String(repeating: "a", count: 2200)).isWithinLimit)
        #expect(!MetaText.measureInstagram(String(repeating: "a", count: 2201)).isWithinLimit)
        #expect(MetaText.measureFacebook(String(repeating: "a", count: 63_206)).isWithinLimit)
        #expect(!MetaText.measureFacebook(String(repeating: "a", count: 63_207)).isWithinLimit)
    }
}
