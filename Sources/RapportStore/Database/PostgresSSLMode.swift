import Foundation

/// How a PostgreSQL connection uses TLS, read from the URL's `sslmode` (and `sslrootcert`) as libpq reads them.
///
/// `prefer` and `require` encrypt without checking the server's certificate (as libpq does without a root
/// certificate); `verify-ca` checks it against `sslrootcert` (else the system's roots), `verify-full` also checks
/// the host name. Without `sslmode` the connection is not encrypted, as Rapport did before it read the mode: a
/// local server (the usual set-up) often has no TLS.
public enum PostgresSSLMode: Sendable, Equatable {
    case disable
    case prefer
    case require
    case verifyCA(rootCertificate: String?)
    case verifyFull(rootCertificate: String?)

    /// The modes accepted in `sslmode`, in the order the error message lists them.
    public static let names = ["disable", "prefer", "require", "verify-ca", "verify-full"]

    /// Reads `sslmode` and `sslrootcert` from a `postgres://` URL's query. Pure: the certificate file is not read.
    public init(url: String) throws(StoreError) {
        guard let components = URLComponents(string: url) else {
            throw StoreError.invalidConfiguration("PostgreSQL URL must look like postgres://user:password@host:5432/db")
        }
        let items = components.queryItems ?? []
        func value(_ name: String) -> String? {
            items.last { $0.name == name }?.value.flatMap { $0.isEmpty ? nil : $0 }
        }
        let rootCertificate = value("sslrootcert")
        switch value("sslmode") {
        case nil, "disable": self = .disable
        case "prefer": self = .prefer
        case "require": self = .require
        case "verify-ca": self = .verifyCA(rootCertificate: rootCertificate)
        case "verify-full": self = .verifyFull(rootCertificate: rootCertificate)
        case let other?:
            throw StoreError.invalidConfiguration(
                "sslmode must be one of \(Self.names.joined(separator: ", ")) (got '\(other)')")
        }
        if rootCertificate != nil, !verifiesCertificate {
            throw StoreError.invalidConfiguration(
                "sslrootcert is only used with sslmode=verify-ca or verify-full (got sslmode=\(name))")
        }
    }

    /// The mode as written in a URL.
    public var name: String {
        switch self {
        case .disable: "disable"
        case .prefer: "prefer"
        case .require: "require"
        case .verifyCA: "verify-ca"
        case .verifyFull: "verify-full"
        }
    }

    /// Whether the server's certificate is checked against trusted roots.
    public var verifiesCertificate: Bool {
        switch self {
        case .verifyCA, .verifyFull: true
        case .disable, .prefer, .require: false
        }
    }

    /// The root certificate file named by `sslrootcert`, if any.
    public var rootCertificate: String? {
        switch self {
        case .verifyCA(let path), .verifyFull(let path): path
        case .disable, .prefer, .require: nil
        }
    }
}
