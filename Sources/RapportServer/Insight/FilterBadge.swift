/// A filter a list page applies, shown as "name = value".
struct FilterBadge: Sendable, Equatable {
    var name: String
    var value: String
}
