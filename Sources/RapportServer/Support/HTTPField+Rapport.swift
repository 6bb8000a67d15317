import HTTPTypes

extension HTTPField.Name {
    static let xHubSignature256 = HTTPField.Name("X-Hub-Signature-256")!
}

extension HTTPField.Name {
    /// The client and the proxies a request passed, set by a reverse proxy (trusted only from `RAPPORT_TRUSTED_PROXIES`).
    static let xForwardedFor = HTTPField.Name("X-Forwarded-For")!
    static let xRealIP = HTTPField.Name("X-Real-IP")!
}
