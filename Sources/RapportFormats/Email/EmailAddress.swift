/// Address and message-id extraction from header values.
struct EmailAddress {
    var name: String?
    var address: String

    /// Parses the first mailbox of `"Name" <a@b>`, `Name <a@b>`, `a@b (Name)` or `a@b`.
    static func parse(_ value: String) -> EmailAddress? {
        if let open = value.lastIndex(of: "<"), let close = value[open...].firstIndex(of: ">") {
            let address = value[value.index(after: open)..<close].trimmingWhitespace
            guard address.contains("@") else { return nil }
            var name = value[..<open].trimmingWhitespace
            if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 {
                name = String(name.dropFirst().dropLast())
            }
            name = name.replacingEscapedQuotes()
            return EmailAddress(name: name.isEmpty ? nil : name, address: address)
        }
        var text = value.trimmingWhitespace
        var name: String?
        if let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close {
            name = text[text.index(after: open)..<close].trimmingWhitespace
            text = text[..<open].trimmingWhitespace
        }
        let address = text.split(separator: ",").first.map { String($0).trimmingWhitespace } ?? ""
        guard address.contains("@"), !address.contains(" ") else { return nil }
        return EmailAddress(name: name?.isEmpty == false ? name : nil, address: address)
    }

    /// The `<…>` ids in a Message-ID, In-Reply-To or References header, without brackets.
    /// A bare id without brackets is accepted when it is the whole value.
    static func messageIDs(_ value: String) -> [String] {
        var ids: [String] = []
        var rest = Substring(value)
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            let id = rest[rest.index(after: open)..<close].trimmingWhitespace
            if !id.isEmpty { ids.append(id) }
            rest = rest[rest.index(after: close)...]
        }
        if ids.isEmpty {
            let bare = value.trimmingWhitespace
            if !bare.isEmpty, !bare.contains(" ") { ids.append(bare) }
        }
        return ids
    }
}

extension String {
    fileprivate func replacingEscapedQuotes() -> String {
        contains("\\\"") ? split(separator: "\\\"", omittingEmptySubsequences: false).joined(separator: "\"") : self
    }
}

extension Substring {
    var trimmingWhitespace: String { String(self).trimmingWhitespace }
}
