import Foundation

/// The operations (method and path) an OpenAPI document lists, read from its `paths:` block.
///
/// A reader for the block style docs/openapi.yaml is written in (two-space indents: a path at two spaces,
/// its methods at four), not a YAML parser; CI's `openapi-spec-validator` checks the document itself.
enum OpenAPIOperations {
    static let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    /// `"GET /api/v1/rules/{}"`-style keys for every operation of `document`.
    static func read(_ document: String) -> Set<String> {
        var operations: Set<String> = []
        var inPaths = false
        var path: String?
        for line in document.split(separator: "\n", omittingEmptySubsequences: false) {
            if !line.hasPrefix(" ") {
                inPaths = line.hasPrefix("paths:")
                path = nil
                continue
            }
            guard inPaths else { continue }
            if line.hasPrefix("  /"), !line.hasPrefix("   ") {
                path = line.dropFirst(2).split(separator: ":", maxSplits: 1).first.map(String.init)
            } else if let path, line.hasPrefix("    "), !line.hasPrefix("     ") {
                let key = line.dropFirst(4).prefix { $0 != ":" }
                if methods.contains(String(key)) { operations.insert(key.uppercased() + " " + normalise(path)) }
            }
        }
        return operations
    }

    /// Parameters written either way (`{id}` in OpenAPI, `:id` in Hummingbird) become `{}`.
    static func normalise(_ path: String) -> String {
        "/"
            + path.split(separator: "/").map { segment in
                segment.hasPrefix(":") || (segment.hasPrefix("{") && segment.hasSuffix("}")) ? "{}" : String(segment)
            }.joined(separator: "/")
    }
}
