import Foundation
import HTTPTypes
import Hummingbird
import Mustache

/// Renders the desk's server-side HTML from the Mustache templates shipped as resources.
/// Mustache escapes every `{{value}}`, so user text (posts, names) always renders as text;
/// the only unescaped value is SVG the server draws itself.
public struct WebRenderer: Sendable {
    let library: MustacheLibrary
    let assets: [String: (contentType: String, body: ByteBuffer)]

    /// Why the renderer could not start.
    public struct LoadError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Loads the templates and assets; fails (so the server does not start) when any template the
    /// code renders is missing.
    public static func load() async throws -> WebRenderer {
        guard let root = Bundle.module.url(forResource: "Assets", withExtension: nil) else {
            throw LoadError(description: "the web templates are not installed (no Assets in the bundle)")
        }
        return try await load(assets: root)
    }

    /// Loads from an `Assets` directory (`templates/`, `static/`).
    static func load(assets root: URL) async throws -> WebRenderer {
        let library = try await MustacheLibrary(directory: root.appendingPathComponent("templates").path)
        let missing = (PageTemplate.allCases.map(\.rawValue) + PageTemplate.partials).filter {
            library.getTemplate(named: $0) == nil
        }
        guard missing.isEmpty else {
            throw LoadError(description: "missing web templates: \(missing.joined(separator: ", "))")
        }
        var assets: [String: (String, ByteBuffer)] = [:]
        for (name, type) in [
            ("app.css", "text/css; charset=utf-8"), ("desk.js", "text/javascript; charset=utf-8"),
            ("insight.css", "text/css; charset=utf-8"), ("insight.js", "text/javascript; charset=utf-8"),
        ] {
            let data = try Data(contentsOf: root.appendingPathComponent("static").appendingPathComponent(name))
            assets[name] = (type, ByteBuffer(bytes: data))
        }
        return WebRenderer(library: library, assets: assets)
    }

    /// A full page or fragment, with headers that keep injected content inert.
    func html(_ template: PageTemplate, _ view: Any, status: HTTPResponse.Status = .ok) -> Response {
        // `load()` checked every template exists; a nil here is a bug, answered as one.
        guard let body = render(template, view) else {
            return Self.response(
                "<!doctype html><title>Error</title><p>The page failed to render.", .internalServerError)
        }
        return Self.response(body, status)
    }

    /// The page's HTML (nil only if the template is missing, which `load()` rules out).
    func render(_ template: PageTemplate, _ view: Any) -> String? {
        library.render(view, withTemplate: template.rawValue)
    }

    /// For pages still naming their template by string: the name must be a `PageTemplate`.
    func html(_ name: String, _ view: Any, status: HTTPResponse.Status = .ok) -> Response {
        guard let template = PageTemplate(rawValue: name) else {
            return Self.response(
                "<!doctype html><title>Error</title><p>The page failed to render.", .internalServerError)
        }
        return html(template, view, status: status)
    }

    private static func response(_ body: String, _ status: HTTPResponse.Status) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.contentSecurityPolicy] =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'"
        headers[.xContentTypeOptions] = "nosniff"
        headers[.referrerPolicy] = "same-origin"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    func asset(_ name: String) -> Response? {
        guard let asset = assets[name] else { return nil }
        var headers = HTTPFields()
        headers[.contentType] = asset.contentType
        headers[.cacheControl] = "public, max-age=300"
        headers[.xContentTypeOptions] = "nosniff"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: asset.body))
    }
}

extension HTTPField.Name {
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
}
