import Foundation

/// Reads an orders CSV (RFC 4180: comma-separated, `"` quotes, `""` inside quotes, CRLF or LF). The header
/// names the columns, in any order:
///
///     customer_email,order_id,ordered_at,amount,currency
///
/// exactly one of `customer_email`, `customer_id` or `customer_handle`, and `order_id`, `ordered_at` (ISO 8601
/// date-time or date), `amount` (non-negative, `.` decimals) and `currency` (3 letters). Every bad line is
/// reported with its number; a file with any problem gives no orders.
public enum OrderCSV {
    public static let required = ["order_id", "ordered_at", "amount", "currency"]
    public static let customerColumns = ["customer_email", "customer_id", "customer_handle"]
    /// Lines a file may hold (one transaction holds them all).
    public static let maximumRows = 200_000

    public static func parse(_ text: String) -> Result<[NewOrder], OrderImportError> {
        var problems: [OrderImportProblem] = []
        let records: [(line: Int, fields: [String])]
        switch split(text) {
        case .success(let r): records = r
        case .failure(let problem): return .failure(OrderImportError([problem]))
        }
        guard let header = records.first else {
            return .failure(OrderImportError([OrderImportProblem(line: 1, "empty file: expected a header line")]))
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let known = Set(required + customerColumns)
        for name in names where !known.contains(name) {
            problems.append(OrderImportProblem(line: header.line, "unknown column '\(name)'"))
        }
        for name in required where !names.contains(name) {
            problems.append(OrderImportProblem(line: header.line, "missing column '\(name)'"))
        }
        let customerColumn = customerColumns.filter(names.contains)
        if customerColumn.count != 1 {
            problems.append(
                OrderImportProblem(
                    line: header.line, "the header needs exactly one of customer_email, customer_id, customer_handle"))
        }
        if Set(names).count != names.count {
            problems.append(OrderImportProblem(line: header.line, "a column is named twice"))
        }
        guard problems.isEmpty else { return .failure(OrderImportError(problems)) }
        guard records.count - 1 <= maximumRows else {
            return .failure(
                OrderImportError([OrderImportProblem(line: 0, "more than \(maximumRows) orders in one file")]))
        }
        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        var orders: [NewOrder] = []
        var seen: [String: Int] = [:]
        for record in records.dropFirst() {
            if record.fields.count == 1, record.fields[0].trimmingCharacters(in: .whitespaces).isEmpty { continue }
            guard record.fields.count == names.count else {
                problems.append(
                    OrderImportProblem(
                        line: record.line, "expected \(names.count) fields, found \(record.fields.count)"))
                continue
            }
            func cell(_ name: String) -> String { record.fields[index[name]!] }
            var lineProblems: [String] = []
            let customer = OrderValidation.customer(column: customerColumn[0], cell(customerColumn[0]))
            if customer == nil { lineProblems.append("\(customerColumn[0]) '\(cell(customerColumn[0]))' is not valid") }
            let id = OrderValidation.orderID(cell("order_id"))
            if id == nil { lineProblems.append("order_id is empty or too long") }
            let date = OrderValidation.date(cell("ordered_at"))
            if date == nil { lineProblems.append("ordered_at '\(cell("ordered_at"))' is not an ISO 8601 date") }
            let amount = OrderValidation.amount(cell("amount"))
            if amount == nil { lineProblems.append("amount '\(cell("amount"))' is not a non-negative number") }
            let currency = OrderValidation.currency(cell("currency"))
            if currency == nil { lineProblems.append("currency '\(cell("currency"))' is not a 3-letter code") }
            if let id, let first = seen[id] {
                lineProblems.append("order_id '\(id)' already appears on line \(first)")
            }
            guard lineProblems.isEmpty, let customer, let id, let date, let amount, let currency else {
                problems += lineProblems.map { OrderImportProblem(line: record.line, $0) }
                continue
            }
            seen[id] = record.line
            orders.append(
                NewOrder(
                    line: record.line, customer: customer, orderID: id, orderedAt: date, amount: amount,
                    currency: currency))
        }
        return problems.isEmpty ? .success(orders) : .failure(OrderImportError(problems))
    }

    /// Splits the text into records with the line number each starts on.
    static func split(_ text: String) -> Result<[(line: Int, fields: [String])], OrderImportProblem> {
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var afterQuote = false
        var line = 1
        var recordLine = 1
        var chars = Array(text.unicodeScalars)
        if chars.first == "\u{FEFF}" { chars.removeFirst() }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" {
                        field.unicodeScalars.append("\"")
                        i += 1
                    } else {
                        inQuotes = false
                        afterQuote = true
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
            } else if c == "," {
                fields.append(field)
                field = ""
                afterQuote = false
            } else if c == "\r" || c == "\n" {
                if c == "\r", i + 1 < chars.count, chars[i + 1] == "\n" { i += 1 }
                fields.append(field)
                records.append((recordLine, fields))
                fields = []
                field = ""
                afterQuote = false
                line += 1
                recordLine = line
            } else if c == "\"" {
                guard field.isEmpty, !afterQuote else {
                    return .failure(OrderImportProblem(line: line, "a quote inside an unquoted field"))
                }
                inQuotes = true
            } else {
                if afterQuote {
                    return .failure(OrderImportProblem(line: line, "text after a closing quote"))
                }
                field.unicodeScalars.append(c)
            }
            i += 1
        }
        if inQuotes { return .failure(OrderImportProblem(line: recordLine, "a quoted field is not closed")) }
        if !field.isEmpty || !fields.isEmpty || afterQuote {
            fields.append(field)
            records.append((recordLine, fields))
        }
        return .success(records)
    }
}
