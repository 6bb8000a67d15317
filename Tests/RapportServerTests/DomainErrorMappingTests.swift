import HTTPTypes
import RapportDesk
import RapportStore
import Testing

@testable import RapportServer

/// Domain errors get their HTTP status, stable code and a readable message in one place.
@Suite("Domain errors map once to a status, a code and words")
struct DomainErrorMappingTests {
    @Test("conversation errors read as sentences with stable codes, never as Swift values")
    func conversationErrors() throws {
        let cases: [(ConversationError, HTTPResponse.Status, String, String)] = [
            (
                .illegalTransition(from: .new, to: .closed), .conflict, "illegal_transition",
                "cannot change status from new to closed"
            ),
            (.closed(ConversationID(12)), .conflict, "conversation_closed", "conversation 12 is closed"),
            (
                .invalidMerge(source: ConversationID(3), target: ConversationID(4), reason: "another customer"),
                .conflict, "invalid_merge", "cannot merge conversation 3 into 4: another customer"
            ),
            (
                .invalidSplit(ConversationID(5), reason: "nothing to move"), .conflict, "invalid_split",
                "nothing to move"
            ),
            (.emptyTag, .unprocessableContent, "invalid_tag", "a tag cannot be empty"),
        ]
        for (error, status, code, words) in cases {
            let api = try #require(DomainErrorMapping.apiError(for: error, maxUploadSize: 1))
            #expect(api.status == status, "\(error)")
            #expect(api.code == code)
            #expect(api.message.contains(words), "\(api.message)")
            #expect(!api.message.contains("RapportDesk"))
        }
    }

    @Test("desk errors: not found 404, invalid 422 with the field, conflict 409, forbidden 403")
    func deskErrors() throws {
        let notFound = try #require(
            DomainErrorMapping.apiError(for: DeskError.notFound("routing rule", 9), maxUploadSize: 1))
        #expect(notFound.status == .notFound && notFound.code == "not_found" && notFound.message == "no routing rule 9")
        let invalid = try #require(
            DomainErrorMapping.apiError(
                for: DeskError.invalid("invalid_capacity", field: "capacity", "capacity is 0…500"), maxUploadSize: 1))
        #expect(invalid.status == .unprocessableContent && invalid.field == "capacity")
        #expect(
            DomainErrorMapping.apiError(for: DeskError.conflict("duplicate_team", "x"), maxUploadSize: 1)?.status
                == .conflict)
        #expect(DomainErrorMapping.apiError(for: DeskError.forbidden("no"), maxUploadSize: 1)?.code == "forbidden")
        #expect(DomainErrorMapping.apiError(for: StoreError.notFound("x"), maxUploadSize: 1)?.status == .notFound)
        struct Unknown: Error {}
        #expect(DomainErrorMapping.apiError(for: Unknown(), maxUploadSize: 1) == nil, "unknown errors stay internal")
    }

    @Test("the HTML error page for a stale form says the form expired and leads back to the page")
    func staleFormPage() {
        let page = ErrorPage.make(APIError(.forbidden, "csrf", "anything"), referer: "/conversations/4")
        #expect(page.message == "Your form expired — reload the page and try again.")
        #expect(page.backHref == "/conversations/4" && page.status == 403)
        let missing = ErrorPage.make(APIError(.notFound, "not_found", "no conversation 9"), referer: nil)
        #expect(missing.message == "no conversation 9" && missing.backHref == "/inbox")
    }
}
