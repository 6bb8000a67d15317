/// Joins a configured base URL (production or a test server on 127.0.0.1) and an API path.
enum BaseURL {
    static func join(_ base: String, _ path: String) -> String {
        var base = base
        while base.hasSuffix("/") { base.removeLast() }
        return base + (path.hasPrefix("/") ? path : "/" + path)
    }
}
