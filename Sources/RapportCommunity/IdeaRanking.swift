import Foundation

/// Orders ideas for the public list and for the product team. Pure.
public enum IdeaRanking {
    /// One idea with what its ranking needs.
    public struct Entry: Sendable, Hashable {
        public var id: Int64
        public var status: IdeaStatus
        public var votes: Int
        /// The voters' order totals.
        public var revenue: Double
        /// Voters who are paying customers (at least one order).
        public var customers: Int
        public var created: Date

        public init(id: Int64, status: IdeaStatus, votes: Int, revenue: Double, customers: Int, created: Date) {
            self.id = id
            self.status = status
            self.votes = votes
            self.revenue = revenue
            self.customers = customers
            self.created = created
        }
    }

    public enum Sort: String, Sendable, Hashable, CaseIterable {
        case votes, newest, status, revenue, customers
    }

    /// Where each status comes in the status order: what is being worked on first, closed ones last.
    static func statusOrder(_ status: IdeaStatus) -> Int {
        switch status {
        case .started: 0
        case .planned: 1
        case .open: 2
        case .shipped: 3
        case .declined: 4
        case .duplicate: 5
        }
    }

    /// `entries` in `sort` order. Ties go to more votes, then newer, then the higher id, so the order is total
    /// and stable across pages.
    public static func sorted(_ entries: [Entry], by sort: Sort) -> [Entry] {
        func tie(_ a: Entry, _ b: Entry) -> Bool {
            if a.votes != b.votes { return a.votes > b.votes }
            if a.created != b.created { return a.created > b.created }
            return a.id > b.id
        }
        return entries.sorted { a, b in
            switch sort {
            case .votes:
                return tie(a, b)
            case .newest:
                if a.created != b.created { return a.created > b.created }
                return a.id > b.id
            case .status:
                let (x, y) = (statusOrder(a.status), statusOrder(b.status))
                return x != y ? x < y : tie(a, b)
            case .revenue:
                return a.revenue != b.revenue ? a.revenue > b.revenue : tie(a, b)
            case .customers:
                return a.customers != b.customers ? a.customers > b.customers : tie(a, b)
            }
        }
    }
}
