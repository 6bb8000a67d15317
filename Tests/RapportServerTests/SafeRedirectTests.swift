import RapportServer
import Testing

@Suite("Sign-in redirect target")
struct SafeRedirectTests {
    @Test("same-origin paths are kept", arguments: ["/", "/inbox", "/inbox?queue=mine&x=http://a", "/c/12#m3"])
    func kept(next: String) {
        #expect(SafeRedirect.path(next) == next)
    }

    @Test(
        "anything that could leave the site is refused",
        arguments: [
            "//evil.example", "/\t/evil.example", "/\\evil.example", "/\\/evil", "https://evil.example",
            "javascript:alert(1)", "evil.example", "/a\nb", "/a\rb", "/a b", "/\u{7F}", "/ünï", "/%09/ok\\x", "",
        ])
    func refused(next: String) {
        #expect(SafeRedirect.path(next) == nil)
        #expect(SafeRedirect.path(next, fallback: "/inbox") == "/inbox")
    }

    @Test("no target falls back")
    func missing() {
        #expect(SafeRedirect.path(nil, fallback: "/inbox") == "/inbox")
        #expect(SafeRedirect.path(String(repeating: "/a", count: 2_000)) == nil)
    }
}
