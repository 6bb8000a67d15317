import HTTPTypes

/// The HTML page a browser gets when a page or form fails: the status, what went wrong in words
/// and a way back. Built from the same `APIError` the JSON API answers with.
struct ErrorPage: Sendable, Equatable {
    var chrome: PageChrome
    var status: Int
    var heading: String
    var message: String
    var backHref: String
    var backText: String

    /// `referer`: the path the user came from (same site only), where "back" leads.
    static func make(_ error: APIError, referer: String?) -> ErrorPage {
        let back = referer ?? "/inbox"
        let (heading, message, href, text): (String, String, String, String) =
            switch error.code {
            case "csrf":
                (
                    "Your form expired", "Your form expired — reload the page and try again.", back,
                    "Reload the page"
                )
            case "signed_out", "user_required": ("Signed out", "Sign in to continue.", "/login", "Sign in")
            default:
                (Self.heading(error.status), error.message, back, back == "/inbox" ? "Back to the inbox" : "Go back")
            }
        return ErrorPage(
            chrome: PageChrome(title: heading, page: "error"), status: error.status.code, heading: heading,
            message: message, backHref: href, backText: text)
    }

    static func heading(_ status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: "Not found"
        case .forbidden: "Not allowed"
        case .conflict: "That change is not possible"
        case .unprocessableContent, .badRequest: "Please check what you entered"
        case .contentTooLarge: "Too long"
        case .tooManyRequests: "Too many requests"
        default: status.code >= 500 ? "Something went wrong" : status.reasonPhrase
        }
    }
}
