import Foundation

extension Payloads {
    /// A Mastodon `Status` entity. The text becomes HTML the way Mastodon renders it: escaped, in a paragraph,
    /// with #hashtags and @mentions as links, so parsers must turn it back into safe text.
    /// `post.id` is the status id (a numeric snowflake string).
    public static func mastodonStatus(post: SimulatedPost, author: SimulatedAuthor, instance: String)
        -> String
    {
        let entities = TextEntity.scan(post.text)
        let base = "https://" + instance
        var w = JSONWriter(capacity: 1200 + post.text.utf8.count * 2)
        w.lit(#"{"id":"#)
        w.string(post.id)
        w.lit(#","created_at":""#)
        w.iso8601(post.createdAt)
        w.raw(
            #"","in_reply_to_id":null,"in_reply_to_account_id":null,"sensitive":false,"spoiler_text":"","#
        )
        w.lit(#""visibility":"public","language":"#)
        if let language = post.language { w.string(language) } else { w.lit("null") }
        w.lit(#","uri":"#)
        w.string(base + "/users/" + author.handle + "/statuses/" + post.id)
        w.lit(#","url":"#)
        w.string(base + "/@" + author.handle + "/" + post.id)
        w.lit(#","replies_count":"#)
        w.int(post.replies)
        w.lit(#","reblogs_count":"#)
        w.int(post.reposts)
        w.lit(#","favourites_count":"#)
        w.int(post.likes)
        w.lit(#","content":"#)
        w.string(mastodonHTML(post.text, entities: entities, base: base))
        w.lit(#","account":{"id":"#)
        w.string(author.id)
        w.lit(#","username":"#)
        w.string(author.handle)
        w.lit(#","acct":"#)
        w.string(author.handle)
        w.lit(#","display_name":"#)
        w.string(author.name)
        w.lit(#","locked":false,"bot":false,"followers_count":"#)
        w.int(author.followers)
        w.lit(#","following_count":"#)
        w.int(author.following)
        w.lit(#","statuses_count":"#)
        w.int(author.postCount)
        w.lit(#","url":"#)
        w.string(base + "/@" + author.handle)
        w.lit(#","note":"#)
        w.string(author.bio.isEmpty ? "" : "<p>" + htmlEscaped(author.bio) + "</p>")
        w.lit(#"},"media_attachments":[],"mentions":[],"tags":["#)
        var first = true
        for entity in entities where !entity.isMention {
            if !first { w.byte(",") }
            first = false
            let tag = entity.name.lowercased()
            w.lit(#"{"name":"#)
            w.string(tag)
            w.lit(#","url":"#)
            w.string(base + "/tags/" + tag)
            w.byte("}")
        }
        w.lit(#"],"emojis":[],"card":null,"poll":null}"#)
        return w.string
    }

    /// Escapes `&`, `<`, `>`, `"` and `'` for HTML text and attributes.
    public static func htmlEscaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// Mastodon's rendering: paragraphs, escaped text, hashtag and mention links.
    static func mastodonHTML(_ text: String, entities: [TextEntity], base: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var html = "<p>"
        var cursor = 0
        func plain(_ range: Range<Int>) {
            var chunk = String.UnicodeScalarView()
            chunk.append(contentsOf: scalars[range])
            html += htmlEscaped(String(chunk)).replacingOccurrences(of: "\n\n", with: "</p><p>")
                .replacingOccurrences(of: "\n", with: "<br />")
        }
        for entity in entities {
            plain(cursor..<entity.start)
            if entity.isMention {
                html +=
                    "<span class=\"h-card\"><a href=\"\(base)/@\(entity.name)\" class=\"u-url mention\">@<span>"
                html += htmlEscaped(entity.name) + "</span></a></span>"
            } else {
                html +=
                    "<a href=\"\(base)/tags/\(entity.name.lowercased())\" class=\"mention hashtag\" rel=\"tag\">#<span>"
                html += htmlEscaped(entity.name) + "</span></a>"
            }
            cursor = entity.end
        }
        plain(cursor..<scalars.count)
        return html + "</p>"
    }
}
