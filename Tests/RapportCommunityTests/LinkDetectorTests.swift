import RapportCommunity
import Testing

@Suite struct LinkDetectorTests {
    @Test(arguments: [
        "see https://example.com/x", "HTTP://EXAMPLE.COM", "go to www.cheap-pills.xyz now", "cheap-pills.shop/buy",
        "mail me at spam@evil.biz", "(bit.ly/abc)", "visit example.co.uk.", "ftp://files.example.org",
        "javascript://%0aalert(1)", "shop at pills.de today",
    ])
    func findsLinks(_ text: String) {
        #expect(LinkDetector.containsLink(text), "\(text)")
    }

    @Test(arguments: [
        "Please add a dark mode", "e.g. the app", "version v2.0 broke it", "costs 3.50 a month", "i.e. never",
        "the U.S. plan", "ok.", "", "word...another", "file.txt is missing",
    ])
    func leavesProseAlone(_ text: String) {
        #expect(!LinkDetector.containsLink(text), "\(text)")
    }

    @Test func countsEachLink() {
        #expect(LinkDetector.count(in: "a.com b.net https://c.org plain") == 3)
        #expect(LinkDetector.count(in: "a.com b.net c.org", stoppingAt: 2) == 2)
    }

    @Test func hostileInputStaysLinear() {
        let long = String(repeating: "a.", count: 50_000) + String(repeating: "x", count: 50_000)
        #expect(LinkDetector.count(in: long) <= 1)
    }
}
