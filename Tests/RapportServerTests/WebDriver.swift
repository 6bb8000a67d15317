import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// A minimal W3C WebDriver client for chromedriver: enough to sign in, click, type, read the
/// page and take screenshots in real headless Chromium.
struct WebDriver: Sendable {
    static let elementKey = "element-6066-11e4-a52e-4f735466cecf"
    let base: String
    let session: String

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// chromedriver and chromium from Debian, or the paths in `RAPPORT_CHROMEDRIVER` / `RAPPORT_CHROMIUM`.
    static var chromedriverPath: String? {
        let env = ProcessInfo.processInfo.environment
        for path in [env["RAPPORT_CHROMEDRIVER"], "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"] {
            if let path, FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    static var chromiumPath: String {
        ProcessInfo.processInfo.environment["RAPPORT_CHROMIUM"] ?? "/usr/bin/chromium"
    }

    /// Starts chromedriver on a free port and opens a headless browser session; closes both after `body`.
    static func with<T: Sendable>(_ body: (WebDriver) async throws -> T) async throws -> T {
        guard let driverPath = chromedriverPath else { throw Failure(description: "chromedriver not found") }
        let port = Int.random(in: 20_000..<40_000)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: driverPath)
        process.arguments = ["--port=\(port)", "--allowed-ips=127.0.0.1"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { process.terminate() }
        let base = "http://127.0.0.1:\(port)"
        var ready = false
        for _ in 0..<100 where !ready {
            ready = (try? await call(base, .GET, "/status")).map { ($0["ready"] as? Bool) == true } ?? false
            if !ready { try await Task.sleep(for: .milliseconds(100)) }
        }
        guard ready else { throw Failure(description: "chromedriver did not start") }
        let capabilities: [String: Any] = [
            "capabilities": [
                "alwaysMatch": [
                    "browserName": "chrome",
                    "goog:chromeOptions": [
                        "binary": chromiumPath,
                        "args": [
                            "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                            "--window-size=1366,900",
                        ],
                    ],
                ]
            ]
        ]
        let created = try await call(base, .POST, "/session", capabilities)
        guard let session = (created["value"] as? [String: Any])?["sessionId"] as? String else {
            throw Failure(description: "no session: \(created)")
        }
        let driver = WebDriver(base: base, session: session)
        do {
            let value = try await body(driver)
            _ = try? await call(base, .DELETE, "/session/\(session)")
            return value
        } catch {
            _ = try? await call(base, .DELETE, "/session/\(session)")
            throw error
        }
    }

    func open(_ url: String) async throws { _ = try await command(.POST, "/url", ["url": url]) }

    func find(_ css: String) async throws -> String {
        let value = try await command(.POST, "/element", ["using": "css selector", "value": css])
        guard let element = (value as? [String: Any])?[Self.elementKey] as? String else {
            throw Failure(description: "no element matches \(css)")
        }
        return element
    }

    /// Waits up to `timeout` for an element to appear (live updates arrive by SSE).
    func waitFor(_ css: String, timeout: Duration = .seconds(15)) async throws -> String {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while true {
            if let element = try? await find(css) { return element }
            if clock.now > deadline { throw Failure(description: "timed out waiting for \(css)") }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// Waits for an element and reads its text in one step, in the page itself: on a live page the server-rendered
    /// rows are swapped in again by each change, so an element found first and read later can be gone (stale).
    func waitForText(_ css: String, timeout: Duration = .seconds(15)) async throws -> String {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        let quoted = String(decoding: try JSONEncoder().encode(css), as: UTF8.self)
        while true {
            let text = try? await script("var e = document.querySelector(\(quoted)); return e ? e.innerText : null")
            if let text = text as? String { return text }
            if clock.now > deadline { throw Failure(description: "timed out waiting for \(css)") }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    func type(_ element: String, _ text: String) async throws {
        _ = try await command(.POST, "/element/\(element)/value", ["text": text])
    }

    func click(_ element: String) async throws { _ = try await command(.POST, "/element/\(element)/click", [:]) }

    func text(_ element: String) async throws -> String {
        try await command(.GET, "/element/\(element)/text") as? String ?? ""
    }

    func script(_ source: String) async throws -> Any {
        try await command(.POST, "/execute/sync", ["script": source, "args": []])
    }

    /// Fills in and submits the sign-in form the page shows.
    func signIn(_ email: String, password: String = DeskTest.password) async throws {
        try await type(try await waitFor("input[name=email]"), email)
        try await type(try await find("input[name=password]"), password)
        try await click(try await find("button[type=submit]"))
    }

    func currentURL() async throws -> String { try await command(.GET, "/url") as? String ?? "" }

    /// Saves a PNG of the viewport.
    func screenshot(to path: String) async throws {
        guard let base64 = try await command(.GET, "/screenshot") as? String, let data = Data(base64Encoded: base64)
        else { throw Failure(description: "no screenshot") }
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: path))
    }

    private func command(_ method: HTTPMethod, _ path: String, _ body: [String: Any]? = nil) async throws -> Any {
        let answer = try await Self.call(base, method, "/session/\(session)\(path)", body)
        if let error = answer["error"] as? String {
            throw Failure(description: "\(path): \(error) \(answer["message"] ?? "")")
        }
        return answer["value"] as Any
    }

    @discardableResult
    private static func call(_ base: String, _ method: HTTPMethod, _ path: String, _ body: [String: Any]? = nil)
        async throws -> [String: Any]
    {
        var request = HTTPClientRequest(url: base + path)
        request.method = method
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body)))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        let bytes = try await response.body.collect(upTo: 32 << 20)
        let object = try JSONSerialization.jsonObject(with: Data(bytes.readableBytesView))
        guard let dictionary = object as? [String: Any] else { return [:] }
        // W3C wraps everything in "value"; errors carry value.error.
        if let value = dictionary["value"] as? [String: Any], value["error"] != nil { return value }
        if path == "/status", let value = dictionary["value"] as? [String: Any] { return value }
        return dictionary
    }
}
