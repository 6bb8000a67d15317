import Foundation
import Hummingbird
import RapportStore

/// Questions and peer answers: `/community/questions` (list, new, page), answers posted to
/// `/community/questions/{id}/answers`, `POST /community/answers/{id}/accept` (the asker) and
/// `POST /community/answers/{id}/vote`.
extension CommunityController {
    func addQuestionRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("community/questions", use: questions)
        router.get("community/questions/new", use: newQuestion)
        router.post("community/questions", use: createQuestion)
        router.get("community/questions/:id", use: question)
        router.post("community/questions/:id/answers", use: answer)
        router.post("community/answers/:id/accept", use: accept)
        router.post("community/answers/:id/vote", use: voteAnswer)
        router.get("community/superfans", use: superfans)
        router.get("community/superfans/new", use: newSuperfanThread)
        router.post("community/superfans", use: createSuperfanThread)
    }

    // MARK: The superfans' board (404 to anyone below the rank)

    @Sendable func superfans(_ request: Request, context: AppRequestContext) async throws -> Response {
        let threads = try await actions.superfanThreads(viewer: context.communityMember)
        return renderer.html(
            .communityQuestions,
            CommunityQuestionsPage.make(
                chrome: CommunityChrome("Superfans", context), questions: threads, board: .superfans, now: Date()))
    }

    @Sendable func newSuperfanThread(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard try await actions.isSuperfan(context.communityMember) else {
            throw DeskError(.notFound, "not_found", "no such page")
        }
        return renderer.html(
            .communityQuestionNew,
            CommunityNewQuestionPage(
                chrome: CommunityChrome("New thread", context), heading: "Start a superfans' thread",
                action: "/community/superfans", title: "", body: "", error: nil))
    }

    @Sendable func createSuperfanThread(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (form, member) = try await CommunityForm.decode(IdeaForm.self, request, context)
        let post = try await actions.postQuestion(title: form.title, body: form.body, board: .superfans, by: member)
        return Response.redirect(to: "/community/questions/\(post.id)", type: .normal)
    }

    @Sendable func questions(_ request: Request, context: AppRequestContext) async throws -> Response {
        renderer.html(
            .communityQuestions,
            CommunityQuestionsPage.make(
                chrome: CommunityChrome("Questions", context), questions: try await actions.questions(), now: Date()))
    }

    @Sendable func newQuestion(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard context.communityMember != nil else { return Self.toSignIn() }
        return renderer.html(
            .communityQuestionNew,
            CommunityNewQuestionPage(
                chrome: CommunityChrome("Ask a question", context), title: "", body: "", error: nil))
    }

    @Sendable func createQuestion(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (form, member) = try await CommunityForm.decode(IdeaForm.self, request, context)
        do {
            let post = try await actions.postQuestion(title: form.title, body: form.body, by: member)
            return Response.redirect(to: "/community/questions/\(post.id)", type: .normal)
        } catch let error as DeskError {
            return renderer.html(
                .communityQuestionNew,
                CommunityNewQuestionPage(
                    chrome: CommunityChrome("Ask a question", context), title: String(form.title.prefix(200)),
                    body: String(form.body.prefix(10_000)), error: error.message),
                status: DomainErrorMapping.apiError(error).status)
        }
    }

    @Sendable func question(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (question, answers) = try await actions.question(
            try APIInput.pathID(context), viewer: context.communityMember)
        return renderer.html(
            .communityQuestion,
            CommunityQuestionPage.make(
                chrome: CommunityChrome(question.post.title ?? "Question", context), question: question,
                answers: answers, now: Date()))
    }

    @Sendable func answer(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (form, member) = try await CommunityForm.decode(CommentForm.self, request, context)
        let id = try APIInput.pathID(context)
        let answer = try await actions.answer(questionID: id, body: form.body, by: member)
        return Response.redirect(to: "/community/questions/\(id)#answer-\(answer.id)", type: .normal)
    }

    @Sendable func accept(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (_, member) = try await CommunityForm.decode(CSRFForm.self, request, context)
        let answerID = try APIInput.pathID(context)
        let questionID = try await actions.accept(answerID: answerID, by: member)
        return Response.redirect(to: "/community/questions/\(questionID)#answer-\(answerID)", type: .normal)
    }

    @Sendable func voteAnswer(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (_, member) = try await CommunityForm.decode(CSRFForm.self, request, context)
        let answerID = try APIInput.pathID(context)
        let (questionID, _) = try await actions.voteAnswer(answerID: answerID, by: member)
        return Response.redirect(to: "/community/questions/\(questionID)#answer-\(answerID)", type: .normal)
    }
}
