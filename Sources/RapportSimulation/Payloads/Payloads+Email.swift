import Foundation

extension Payloads {
    /// An RFC 5322 message with a single `text/plain; charset=UTF-8` body (8bit), CRLF line endings.
    /// A non-ASCII subject or display name is written as an RFC 2047 encoded word.
    /// `post.id` becomes the Message-ID's local part; `author.id` is the sender's address.
    public static func email(post: SimulatedPost, author: SimulatedAuthor, to recipient: String)
        -> String
    {
        var w = JSONWriter(capacity: 512 + post.text.utf8.count)
        w.lit("From: ")
        if author.name.unicodeScalars.allSatisfy({ $0.isASCII && $0 != "\"" && $0 != "\\" }) {
            w.byte("\"")
            w.raw(author.name)
            w.byte("\"")
        } else {
            w.raw(encodedWord(author.name))
        }
        w.lit(" <")
        w.raw(author.id)
        w.lit(">\r\nTo: ")
        w.raw(recipient)
        w.lit("\r\nSubject: ")
        let subject = post.title.isEmpty ? "Message from " + author.name : post.title
        w.raw(
            subject.unicodeScalars.allSatisfy { $0.isASCII && $0 != "\n" }
                ? subject : encodedWord(subject))
        w.lit("\r\nDate: ")
        w.rfc5322(post.createdAt)
        w.lit("\r\nMessage-ID: <")
        w.raw(post.id)
        w.raw(
            "@mail.example.org>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=\"UTF-8\"\r\n")
        w.lit("Content-Transfer-Encoding: 8bit\r\n")
        if let language = post.language { w.raw("Content-Language: " + language + "\r\n") }
        w.lit("\r\n")
        w.raw(
            post.text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(
                of: "\n", with: "\r\n"))
        w.lit("\r\n")
        return w.string
    }

    /// `=?UTF-8?B?…?=` for header text that is not plain ASCII.
    static func encodedWord(_ text: String) -> String {
        "=?UTF-8?B?" + Data(text.utf8).base64EncodedString() + "?="
    }
}
