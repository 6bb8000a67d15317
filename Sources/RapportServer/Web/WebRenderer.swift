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

    public static func load() async throws -> WebRenderer {
        guard let root = Bundle.module.url(forResource: "Assets", withExtension: nil) else {
            throw APIError(.internalServerError, "missing_resources", "the web templates are not installed")
        }
        let library = try await MustacheLibrary(directory: root.appendingPathComponent("templates").path)
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
    func html(_ template: String, _ view: Any, status: HTTPResponse.Status = .ok) -> Response {
        let body = library.render(view, withTemplate: template) ?? "template \(template) missing"
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
