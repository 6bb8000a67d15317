import Hummingbird
import RapportStore

extension AppRequestContext {
    /// The caller as a desk user (session or personal token); a machine token or no sign-in is a
    /// 401. Roles are checked by the desk's actions themselves.
    func requireUser() throws -> User {
        guard let user else {
            throw APIError(.unauthorized, "user_required", "this endpoint needs a user's API token or session")
        }
        return user
    }
}

extension DeskServices {
    /// The desk's use cases over these stores.
    var actions: DeskActions { DeskActions(desk: self) }
}
