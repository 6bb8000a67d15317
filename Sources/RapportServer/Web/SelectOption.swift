/// One `<option>` of a form's `<select>` (or one checkbox of a group): what is sent, what is shown and whether
/// it is the current choice.
struct SelectOption: Sendable, Equatable {
    var value: String
    var label: String
    var selected: Bool
}
