import HummingbirdBcrypt
import Synchronization

/// A bcrypt hash of a random password, checked against when a sign-in names no account: the unknown email then
/// costs the same password check as a known one, so the answer's timing does not tell accounts apart.
enum DecoyPassword {
    private static let hashes = Mutex<[UInt8: String]>([:])

    /// The decoy at `cost` (made once per cost, the first time it is needed).
    static func hash(cost: UInt8) -> String {
        if let known = hashes.withLock({ $0[cost] }) { return known }
        let made = Bcrypt.hash(APITokens.generate(), cost: cost)
        return hashes.withLock { $0[cost, default: made] }
    }
}
