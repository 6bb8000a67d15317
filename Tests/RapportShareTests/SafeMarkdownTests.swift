import RapportShare
import Testing

@Suite("SafeMarkdown: Markdown renders, nothing a stranger writes executes")
struct SafeMarkdownTests {
    @Test("blocks and inline markup")
    func markup() {
        let html = SafeMarkdown.html(
            """
            # Title
            Some *emphasis*, **strong** and `code`.

            - one
            - two

            1. first
            2. second

            ```
            let x = "<b>"
            ```
            See [the guide](https://example.com/guide) or <mailto:help@example.com>.
            """)
        #expect(html.contains("<h1>Title</h1>"))
        #expect(html.contains("<em>emphasis</em>"))
        #expect(html.contains("<strong>strong</strong>"))
        #expect(html.contains("<code>code</code>"))
        #expect(html.contains("<ul><li>one</li><li>two</li></ul>"))
        #expect(html.contains("<ol><li>first</li><li>second</li></ol>"))
        #expect(html.contains("<pre><code>let x = &quot;&lt;b&gt;&quot;</code></pre>"))
        #expect(html.contains("<a href=\"https://example.com/guide\" rel=\"nofollow noopener\">the guide</a>"))
        #expect(html.contains("href=\"mailto:help@example.com\""))
    }

    @Test(
        "hostile markup is text",
        arguments: [
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))",
            "[x](JaVaScRiPt:alert(1))", "[x]( javascript:alert(1))", "[x](data:text/html,<script>)",
            "<javascript:alert(1)>", "[x](//evil.example/)", "[x](java\tscript:alert(1))",
            "**<iframe src=//x>**", "`</code><script>`", "[\"><script>](https://ok.example/\"onmouseover=\"x)",
        ])
    func hostile(input: String) {
        let html = SafeMarkdown.html(input)
        #expect(!html.contains("<script"), "\(html)")
        #expect(!html.contains("<img"), "\(html)")
        #expect(!html.contains("<iframe"), "\(html)")
        #expect(!html.lowercased().contains("href=\"javascript"), "\(html)")
        #expect(!html.contains("href=\"data:"), "\(html)")
        #expect(!html.contains("href=\"//"), "\(html)")
        #expect(!html.contains("\"onmouseover"), "\(html)")
    }

    @Test("relative links are kept; plain text drops the markup")
    func relativeAndPlain() {
        #expect(SafeMarkdown.html("[help](/help/articles/3)").contains("href=\"/help/articles/3\""))
        #expect(
            SafeMarkdown.plainText("# Hi\n**Bold** and [link](https://a.example)")
                == "Hi\nBold and link (https://a.example)")
    }
}
