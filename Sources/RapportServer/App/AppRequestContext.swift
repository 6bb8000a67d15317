import Hummingbird

/// The request context of every route: identity set by the token middleware and
/// the body limit (413 beyond it).
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The name of the API token that authenticated the request, if any.
    public var tokenName: String?
    public var maxUploadSize: Int

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.maxUploadSize = AppConfiguration.defaultMaxBodyBytes
    }
}
