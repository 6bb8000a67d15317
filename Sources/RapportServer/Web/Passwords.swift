import HummingbirdBcrypt
import NIOPosix

/// Password hashing for desk users (bcrypt). Hashing and checking are slow on purpose, so they
/// run off the event loops.
public enum Passwords {
    /// bcrypt's work factor; tests lower it to keep suites fast.
    public static func hash(_ password: String, cost: UInt8 = 12) async throws -> String {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    public static func verify(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    /// The shortest password `user create` and the admin screen accept.
    public static let minimumLength = 10
}
