/// Why a template cannot be rendered. Rendering reports every problem of a kind at once.
public enum TemplateError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Malformed markup at a character offset.
    case syntax(offset: Int, message: String)
    /// Variables no context defines, in order of first use.
    case unknownVariables([String])
    /// Known variables with no value for this conversation and no fallback.
    case missingValues([String])

    public var description: String {
        switch self {
        case .syntax(let offset, let message): "template syntax error at character \(offset): \(message)"
        case .unknownVariables(let names): "unknown variables: " + names.map { "{{\($0)}}" }.joined(separator: ", ")
        case .missingValues(let names):
            "no value for: " + names.map { "{{\($0)}}" }.joined(separator: ", ")
                + " (add a fallback: {{name | \"text\"}})"
        }
    }
}
