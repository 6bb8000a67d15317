import Foundation

extension RetentionPolicy {
    /// `RAPPORT_RETENTION_PUBLIC_DAYS` and `RAPPORT_RETENTION_AUDIT_DAYS`: whole days, unset or empty to keep
    /// forever. Throws `StoreError.invalidConfiguration` naming the variable for anything else.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> RetentionPolicy
    {
        func days(_ name: String) throws -> Int? {
            guard let text = environment[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
                return nil
            }
            guard let value = Int(text), (1...maximumDays).contains(value) else {
                throw StoreError.invalidConfiguration(
                    "\(name) must be a whole number of days between 1 and \(maximumDays) (unset keeps forever), not '\(text)'"
                )
            }
            return value
        }
        return RetentionPolicy(
            publicMentionDays: try days("RAPPORT_RETENTION_PUBLIC_DAYS"),
            auditDays: try days("RAPPORT_RETENTION_AUDIT_DAYS"))
    }
}
